//! The plain listings: `purse accounts`, `budgets`, `alerts`, `categories` and `status`.

use std::io::Write;

use super::Context;
use super::commands::{month_or_current, print_json};
use super::output::{self, AccountJson, AlertJson, BudgetJson, StatusJson, table};
use crate::domain::Money;

pub(super) async fn accounts(
    ctx: &Context,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
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

pub(super) async fn budgets(
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

pub(super) async fn alerts(ctx: &Context, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let alerts = ctx.store.alerts().await?;
    if json {
        return print_json(out, &alerts.iter().map(AlertJson::from).collect::<Vec<_>>());
    }
    if alerts.is_empty() {
        writeln!(out, "No alerts.")?;
        return Ok(());
    }
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
    Ok(())
}

pub(super) async fn categories(
    ctx: &Context,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let tree = ctx.store.categories().await?;
    let names = tree.names();
    if json {
        return print_json(out, &names);
    }
    for n in names {
        writeln!(out, "{n}")?;
    }
    Ok(())
}

pub(super) async fn status(ctx: &Context, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let conns = ctx.store.connections().await?;
    if json {
        return print_json(out, &conns.iter().map(StatusJson::from).collect::<Vec<_>>());
    }
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
    Ok(())
}
