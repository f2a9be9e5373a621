//! Dispatch: open the context and hand each command to the file that does it (`sync`,
//! `transactions`, `listings`, `import`, ...); `budget set` is small enough to live here.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;

use super::terminal_out::TerminalOut;
use super::{BudgetAction, Cli, Command, Context, listings};
use crate::domain::Month;

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if cli.command.is_none() {
        crate::tui::terminal::require_terminal()?;
    }
    // Linking and importing work on the real store, never the demo bank's.
    let auto_demo = !matches!(cli.command, Some(Command::Link { .. } | Command::Import(_)));
    let ctx = Context::open_with(&cli.global, auto_demo).await?;
    let json = cli.global.json;
    let Some(command) = cli.command else {
        ctx.refresh_demo().await?;
        return dashboard(ctx).await;
    };
    if matches!(command, Command::Daemon) {
        return super::sync::daemon(ctx).await;
    }
    if let Command::Link { provider } = command {
        let out = &mut TerminalOut::new(std::io::stdout().lock());
        super::link::run(&ctx, provider, out).await?;
        return Ok(ExitCode::SUCCESS);
    }
    if !matches!(command, Command::Sync | Command::Import(_)) {
        ctx.refresh_demo().await?;
    }
    // Human output goes through the terminal-safe writer; JSON and exports keep the exact bytes.
    let exact = json || matches!(command, Command::Export(_));
    let out: &mut Box<dyn Write> = &mut if exact {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(TerminalOut::new(std::io::stdout().lock()))
    };
    match command {
        Command::Sync => return super::sync::run(&ctx, json, out).await,
        Command::Daemon | Command::Link { .. } => {}
        Command::Import(args) => return super::import::run(&ctx, &args, json, out).await,
        Command::Export(args) => super::export::run(&ctx, &args, out).await?,
        Command::Accounts => listings::accounts(&ctx, json, out).await?,
        Command::Transactions(args) => super::transactions::run(&ctx, &args, json, out).await?,
        Command::Budgets { month } => listings::budgets(&ctx, month.as_deref(), json, out).await?,
        Command::Budget {
            action:
                BudgetAction::Set {
                    category,
                    amount,
                    month,
                },
        } => {
            let month = month_or_current(&ctx, month.as_deref())?;
            let money = ctx.typed_amount("budget amount", &amount, ctx.currency())?;
            if money.is_negative() {
                bail!(
                    "budget amount \"{amount}\" is negative: give the amount you plan to spend, like 450"
                );
            }
            let name = ctx.store.set_budget(&category, month, money).await?;
            writeln!(
                out,
                "Budget for {name} set to {} from {month}.",
                money.display()
            )?;
        }
        Command::Alerts {
            action: Some(action),
        } => super::alerts::run(&ctx, action, json, out).await?,
        Command::Rules { action } => super::rules::run(&ctx, action, json, out).await?,
        Command::Alerts { action: None } => listings::alerts(&ctx, json, out).await?,
        Command::Bills { action } => super::bills::run(&ctx, action, json, out).await?,
        Command::Categories => listings::categories(&ctx, json, out).await?,
        Command::Status => listings::status(&ctx, json, out).await?,
    }
    Ok(ExitCode::SUCCESS)
}

async fn dashboard(ctx: Context) -> anyhow::Result<ExitCode> {
    crate::tui::launch(ctx).await?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn month_or_current(ctx: &Context, month: Option<&str>) -> anyhow::Result<Month> {
    match month {
        Some(m) => Ok(m.parse::<Month>()?),
        None => Ok(Month::of(ctx.clock.today())),
    }
}

pub(super) fn print_json<T: serde::Serialize>(
    out: &mut impl Write,
    value: &T,
) -> anyhow::Result<()> {
    // Through io::Error, so a closed pipe stays recognisable as one.
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
