//! The command line: argument definitions (clap) and dispatch to the dashboard or a scriptable
//! command. Output formats live in `cli/output.rs`; opening config, store and demo mode in
//! `cli/context.rs`.

mod alerts;
mod bills;
mod commands;
mod context;
mod dates;
mod export;
mod import;
mod link;
mod listings;
pub(crate) mod output;
mod rules;
mod streamed;
mod sync;
mod terminal_out;
mod transactions;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

pub use context::Context;

/// Purse: every bank account and card in one terminal dashboard, synced locally.
#[derive(Debug, Parser)]
#[command(name = "purse", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that apply to every command.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Config file (default: <XDG config dir>/purse/config.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Database file (default: storage.database from the config).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Use the built-in demo bank and its own database (demo.db beside the real one).
    #[arg(long, global = true)]
    pub demo: bool,
    /// Print JSON instead of a table (amounts are decimal strings).
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run one sync pass over every connection, then exit (non-zero if any failed).
    Sync,
    /// List accounts with balances.
    Accounts,
    /// List transactions, newest first.
    Transactions(TransactionArgs),
    /// Show the month's budgets: budgeted, spent, remaining.
    Budgets {
        /// Month as YYYY-MM (default: this month).
        #[arg(long, value_name = "YYYY-MM")]
        month: Option<String>,
    },
    /// Set a budget.
    Budget {
        #[command(subcommand)]
        action: BudgetAction,
    },
    /// List alerts, newest first (`purse alerts ack ID` acknowledges one).
    Alerts {
        #[command(subcommand)]
        action: Option<alerts::AlertsAction>,
    },
    /// List categorisation rules (`add`, `apply`, `delete` change them).
    Rules {
        #[command(subcommand)]
        action: Option<rules::RulesAction>,
    },
    /// List bills (`add`, `delete`, `paid` change them; `[[bills]]` in the config adds yours).
    Bills {
        #[command(subcommand)]
        action: Option<bills::BillsAction>,
    },
    /// List categories.
    Categories,
    /// Show each connection's sync status.
    Status,
    /// Run sync and alerts in the background without the dashboard (for a user service).
    Daemon,
    /// Import bank statements: OFX, QFX or CSV files (the format is read from the content).
    Import(Box<import::ImportArgs>),
    /// Export transactions as CSV, JSON, a ledger/hledger journal or beancount.
    Export(export::ExportArgs),
    /// Link a bank or card login (Plaid, SimpleFIN).
    Link {
        #[command(subcommand)]
        provider: link::LinkCommand,
    },
}

#[derive(Debug, Args)]
pub struct TransactionArgs {
    /// Only this account (name, or id).
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Only on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only those whose payee, description, category or amount matches.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only this category.
    #[arg(long, value_name = "NAME")]
    pub category: Option<String>,
    /// At most N transactions.
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum BudgetAction {
    /// Set CATEGORY's monthly budget to AMOUNT (from --month on; later months inherit it).
    Set {
        category: String,
        amount: String,
        /// Month as YYYY-MM (default: this month).
        #[arg(long, value_name = "YYYY-MM")]
        month: Option<String>,
    },
}

/// Parses arguments, runs the command and turns errors into a message and an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("purse: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            terminal_out::eprintln_safe(format_args!("purse: {}", describe(&e)));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, each said once: "context: message: cause". An error whose
/// message already quotes its source (thiserror's `#[error("…: {0}")]` over a `#[from]`
/// field) would otherwise print the source's text twice (`{:#}` appends every source).
pub fn describe(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let part = cause.to_string();
        if part.is_empty() || text.contains(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// Output piped into `head` and closed early is not an error worth reporting.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::describe;
    use crate::domain::MoneyError;
    use crate::store::StoreError;

    #[test]
    fn an_error_that_quotes_its_source_says_it_once() {
        let overflow = MoneyError::Overflow(rust_decimal::Decimal::MAX);
        let e = anyhow::Error::from(StoreError::from(overflow)).context("budget for Travel");
        assert_eq!(
            describe(&e),
            "budget for Travel: 79228162514264337593543950335 is too large to store"
        );
        let io = std::io::Error::other("disk full");
        let e = anyhow::Error::from(crate::export::ExportError::from(io));
        assert_eq!(describe(&e), "cannot write the export: disk full");
        let e = anyhow::anyhow!("inner").context("outer");
        assert_eq!(describe(&e), "outer: inner");
    }
}
