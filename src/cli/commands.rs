//! Each command's behaviour: open the context, query or change the store, print.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::dates::date_range;
use super::output::{self, AccountJson, AlertJson, BudgetJson, StatusJson, TransactionJson, table};
use super::streamed::StreamedTable;
use super::terminal_out::{TerminalOut, eprintln_safe};
use super::{BudgetAction, Cli, Command, Context, TransactionArgs};
use crate::domain::{Money, Month, Transaction};
use crate::store::{TxnCursor, TxnFilter};
use crate::sync;

/// Rows fetched per page when listing transactions (keyset paging; never all rows at once).
const PAGE: u32 = 1000;

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
        return daemon(ctx).await;
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
        Command::Sync => return sync_command(&ctx, json, out).await,
        Command::Daemon | Command::Link { .. } => {}
        Command::Import(args) => return super::import::run(&ctx, &args, json, out).await,
        Command::Export(args) => super::export::run(&ctx, &args, out).await?,
        Command::Accounts => accounts(&ctx, json, out).await?,
        Command::Transactions(args) => transactions(&ctx, &args, json, out).await?,
        Command::Budgets { month } => budgets(&ctx, month.as_deref(), json, out).await?,
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
        Command::Alerts { action: None } => {
            let alerts = ctx.store.alerts().await?;
            if json {
                print_json(out, &alerts.iter().map(AlertJson::from).collect::<Vec<_>>())?;
            } else if alerts.is_empty() {
                writeln!(out, "No alerts.")?;
            } else {
                let rows = alerts
                    .iter()
                    .map(|a| {
                        vec![
                            a.id.to_string(),
                            a.created.format("%Y-%m-%d").to_string(),
                            a.title(),
                            a.message.clone(),
                            if a.acknowledged {
                                "yes".into()
                            } else {
                                String::new()
                            },
                        ]
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    table(&["ID", "Date", "Kind", "Message", "Ack"], rows, &[0])
                )?;
            }
        }
        Command::Bills { action } => super::bills::run(&ctx, action, json, out).await?,
        Command::Categories => {
            let tree = ctx.store.categories().await?;
            let names = tree.names();
            if json {
                print_json(out, &names)?;
            } else {
                for n in names {
                    writeln!(out, "{n}")?;
                }
            }
        }
        Command::Status => {
            let conns = ctx.store.connections().await?;
            if json {
                print_json(out, &conns.iter().map(StatusJson::from).collect::<Vec<_>>())?;
            } else {
                let rows = conns
                    .iter()
                    .map(|c| {
                        vec![
                            c.name.clone(),
                            c.provider.clone(),
                            c.health().as_str().to_string(),
                            c.last_success
                                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                                .unwrap_or_default(),
                            c.last_error.clone().unwrap_or_default(),
                        ]
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    table(
                        &[
                            "Connection",
                            "Provider",
                            "Health",
                            "Last success",
                            "Last error"
                        ],
                        rows,
                        &[]
                    )
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn dashboard(ctx: Context) -> anyhow::Result<ExitCode> {
    crate::tui::launch(ctx).await?;
    Ok(ExitCode::SUCCESS)
}

/// Syncs on the configured interval until interrupted (Ctrl-C or SIGTERM).
async fn daemon(ctx: Context) -> anyhow::Result<ExitCode> {
    use crate::sync::task::{self, SyncCommand, SyncEvent, TaskConfig};
    let mut handle = task::spawn(TaskConfig {
        store: ctx.store.clone(),
        connections: ctx.connections.clone(),
        settings: ctx.settings.clone(),
        clock: ctx.clock.clone(),
        sync_at_start: true,
    });
    eprintln!(
        "purse daemon: syncing {} connection(s) every {} minutes; Ctrl-C to stop.",
        ctx.connections.len(),
        ctx.settings.sync.interval_minutes
    );
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    loop {
        tokio::select! {
            event = handle.events.recv() => match event {
                Some(SyncEvent::Completed { connection, added, updated, removed }) => {
                    tracing::info!(%connection, added, updated, removed, "synced");
                }
                Some(SyncEvent::Failed { connection, error }) => eprintln_safe(format_args!("{connection}: sync failed: {error}")),
                Some(SyncEvent::Alerts(alerts)) => {
                    for a in alerts {
                        eprintln_safe(format_args!("alert: {}", a.message));
                    }
                }
                Some(SyncEvent::NotifyFailed { warning }) => eprintln_safe(format_args!("purse daemon: {warning}")),
                Some(_) => {}
                None => break,
            },
            _ = tokio::signal::ctrl_c() => break,
            _ = term.recv() => break,
        }
    }
    let _ = handle.commands.send(SyncCommand::Stop);
    let _ = handle.join.await;
    ctx.store.close().await;
    Ok(ExitCode::SUCCESS)
}

async fn sync_command(ctx: &Context, json: bool, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    if ctx.connections.is_empty() {
        writeln!(
            out,
            "No connections configured: add [[connections]] to the config, or run with --demo."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let outcomes = sync::sync_all(
        &ctx.store,
        &ctx.connections,
        ctx.clock.as_ref(),
        ctx.sync_options(),
    )
    .await;
    let raised = crate::alerts::evaluate(&ctx.store, &ctx.settings, ctx.clock.as_ref()).await?;
    let delivery =
        crate::notify::deliver_to_desktop(&ctx.store, &ctx.settings, ctx.clock.as_ref()).await?;
    if let Some(warning) = delivery.warning() {
        eprintln_safe(format_args!("purse: {warning}"));
    }
    let mut failed = false;
    let mut report = Vec::new();
    for o in &outcomes {
        match &o.result {
            Ok(s) => {
                if !json {
                    match &o.note {
                        Some(note) => writeln!(out, "{}: {note}", o.connection)?,
                        None => writeln!(
                            out,
                            "{}: {} new, {} updated, {} removed",
                            o.connection, s.added, s.updated, s.removed
                        )?,
                    }
                }
                for m in &o.messages {
                    eprintln_safe(format_args!("{}: the bank says: {m}", o.connection));
                }
                report.push(serde_json::json!({"connection": o.connection, "ok": true, "added": s.added, "updated": s.updated, "removed": s.removed, "messages": o.messages, "note": o.note}));
            }
            Err(e) => {
                failed = true;
                eprintln_safe(format_args!("{}: sync failed: {e}", o.connection));
                report.push(serde_json::json!({"connection": o.connection, "ok": false, "error": e.to_string()}));
            }
        }
    }
    if json {
        print_json(
            out,
            &serde_json::json!({"connections": report, "alerts": raised.iter().map(AlertJson::from).collect::<Vec<_>>()}),
        )?;
    } else {
        for a in &raised {
            writeln!(out, "alert: {}", a.message)?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

async fn accounts(ctx: &Context, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let accounts = ctx.store.accounts().await?;
    if json {
        return print_json(
            out,
            &accounts.iter().map(AccountJson::from).collect::<Vec<_>>(),
        );
    }
    let rows = accounts
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.name.clone(),
                a.kind.label().to_string(),
                a.connection.clone(),
                a.balance.display(),
                output::opt_money(a.available),
                output::opt_money(a.limit),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}",
        table(
            &[
                "ID",
                "Account",
                "Kind",
                "Connection",
                "Balance",
                "Available",
                "Limit"
            ],
            rows,
            &[0, 4, 5, 6]
        )
    )?;
    if ctx.demo {
        writeln!(
            out,
            "\n(demo data — link a bank to see your own; see README)"
        )?;
    }
    Ok(())
}

async fn transactions(
    ctx: &Context,
    args: &TransactionArgs,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let (since, until) = date_range(args.since.as_deref(), args.until.as_deref())?;
    let filter = TxnFilter {
        account_id: match &args.account {
            Some(name) => Some(ctx.store.find_account(name).await?.id),
            None => None,
        },
        category: match &args.category {
            Some(c) => Some(
                ctx.store
                    .categories()
                    .await?
                    .find(c)
                    .map(|c| c.name.clone())
                    .with_context(|| format!("no category named \"{c}\""))?,
            ),
            None => None,
        },
        since,
        until,
        search: args.search.clone(),
    };
    let mut left = args.limit.unwrap_or(u64::MAX);
    let mut after: Option<TxnCursor> = None;
    let mut first = true;
    if json {
        write!(out, "[")?;
    }
    // Text rows stream too: the first page sizes the columns.
    let mut text: Option<StreamedTable> = None;
    while left > 0 {
        let page = ctx
            .store
            .transactions(
                &filter,
                after,
                u32::try_from(left.min(u64::from(PAGE))).unwrap_or(PAGE),
            )
            .await?;
        let Some(last) = page.last() else { break };
        after = Some(TxnCursor::of(last));
        left = left.saturating_sub(page.len() as u64);
        if json {
            for t in &page {
                if !first {
                    write!(out, ",")?;
                }
                write!(
                    out,
                    "\n  {}",
                    serde_json::to_string(&TransactionJson::from(t))
                        .map_err(std::io::Error::from)?
                )?;
                first = false;
            }
        } else {
            let rows: Vec<Vec<String>> = page.iter().map(transaction_cells).collect();
            let table =
                text.get_or_insert_with(|| StreamedTable::new(&TRANSACTION_HEADER, &rows, &[4]));
            if first {
                table.header(out, &TRANSACTION_HEADER)?;
                first = false;
            }
            for row in &rows {
                table.line(out, row)?;
            }
        }
        if page.len() < PAGE as usize {
            break;
        }
    }
    if json {
        writeln!(out, "{}]", if first { "" } else { "\n" })?;
    } else if text.is_none() {
        header(out, &[])?;
    }
    Ok(())
}

const TRANSACTION_HEADER: [&str; 6] = ["Date", "Account", "Payee", "Category", "Amount", ""];

/// The transactions table sized by its first rows, with its header written.
fn header(out: &mut impl Write, first: &[Vec<String>]) -> std::io::Result<StreamedTable> {
    let table = StreamedTable::new(&TRANSACTION_HEADER, first, &[4]);
    table.header(out, &TRANSACTION_HEADER)?;
    Ok(table)
}

fn transaction_cells(t: &Transaction) -> Vec<String> {
    vec![
        t.date.to_string(),
        t.account.clone(),
        t.payee.clone(),
        t.category.clone(),
        t.amount.display(),
        if t.pending {
            "pending".into()
        } else {
            String::new()
        },
    ]
}

async fn budgets(
    ctx: &Context,
    month: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let month = month_or_current(ctx, month)?;
    let report = ctx.store.budget_report(month, ctx.currency()).await?;
    if json {
        return print_json(
            out,
            &report
                .lines
                .iter()
                .map(|l| BudgetJson::new(&report, l))
                .collect::<Vec<_>>(),
        );
    }
    let mut rows: Vec<Vec<String>> = report
        .lines
        .iter()
        .map(|l| {
            vec![
                l.category.clone(),
                l.budgeted.display(),
                l.rollover.display(),
                l.spent.display(),
                l.remaining.display(),
                l.percent().map(|p| format!("{p}%")).unwrap_or_default(),
            ]
        })
        .collect();
    rows.push(vec![
        "Unbudgeted".into(),
        String::new(),
        String::new(),
        report.unbudgeted.display(),
        String::new(),
        String::new(),
    ]);
    let rollover = Money::new(
        report.lines.iter().map(|l| l.rollover.amount).sum(),
        report.currency,
    );
    rows.push(vec![
        "Total".into(),
        report.total_budgeted.display(),
        rollover.display(),
        report.total_spent.display(),
        report.total_remaining.display(),
        String::new(),
    ]);
    writeln!(out, "Budgets for {}\n", month.label())?;
    writeln!(
        out,
        "{}",
        table(
            &[
                "Category",
                "Budgeted",
                "Rollover",
                "Spent",
                "Remaining",
                "Used"
            ],
            rows,
            &[1, 2, 3, 4, 5]
        )
    )?;
    Ok(())
}

fn month_or_current(ctx: &Context, month: Option<&str>) -> anyhow::Result<Month> {
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
