//! `purse export --format csv|json|ledger|beancount`: transactions to standard output or a file.
//! A file is written beside its final name and renamed into place, so a failed export never
//! leaves half a journal behind.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use super::Context;
use super::dates::date_range;
use crate::export::{ExportFormat, ExportOptions, export};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Comma-separated, the fields of `purse transactions --json`.
    Csv,
    /// A JSON array, as `purse transactions --json`.
    Json,
    /// A ledger journal (hledger reads it too).
    #[value(alias = "hledger")]
    Ledger,
    /// A beancount file.
    Beancount,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Only transactions on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only transactions on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only this account (name, or id).
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Leave out the closing balance assertions of journals.
    #[arg(long)]
    pub no_assertions: bool,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `purse export`.
pub async fn run(ctx: &Context, args: &ExportArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let (since, until) = date_range(args.since.as_deref(), args.until.as_deref())?;
    let account_id = match &args.account {
        Some(name) => Some(ctx.store.find_account(name).await?.id),
        None => None,
    };
    let options = ExportOptions {
        format: match args.format {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Json => ExportFormat::Json,
            FormatArg::Ledger => ExportFormat::Ledger,
            FormatArg::Beancount => ExportFormat::Beancount,
        },
        since,
        until,
        account_id,
        assertions: !args.no_assertions,
        currency: ctx.currency(),
        today: ctx.clock.today(),
    };
    let Some(path) = &args.output else {
        let mut buffered = BufWriter::new(out);
        export(&ctx.store, &options, &mut buffered).await?;
        buffered.flush()?;
        return Ok(());
    };
    let mut partial = path.clone().into_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let file = std::fs::File::create(&partial)
        .with_context(|| format!("cannot create {}", partial.display()))?;
    let mut buffered = BufWriter::new(file);
    let written = export(&ctx.store, &options, &mut buffered).await;
    let flushed = written.map_err(anyhow::Error::from).and_then(|stats| {
        buffered.flush()?;
        Ok(stats)
    });
    match flushed {
        Ok(stats) => {
            std::fs::rename(&partial, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "Exported {} transactions to {}.",
                stats.transactions,
                path.display()
            );
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e.context(format!("exporting to {}", path.display())))
        }
    }
}
