//! `purse bills`: list bills (after bringing the config's `[[bills]]` into the store), add one of
//! your own, delete one you added, and mark any bill paid by hand. Bad input (an amount, date,
//! schedule, currency or account that is not one) is refused with a message quoting the value;
//! nothing is stored then.

use std::io::Write;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};

use super::Context;
use super::commands::print_json;
use super::dates::parse_date;
use super::output::{self, BillJson, table};
use crate::domain::bill::schedule::Every;
use crate::domain::{BillSource, Currency, NewManualBill};
use crate::store::BillRow;

#[derive(Debug, Subcommand)]
pub enum BillsAction {
    /// Add a bill of your own: NAME owes AMOUNT on --due (and again --every …).
    Add(AddArgs),
    /// Delete bill ID, one you added (its paid occurrences stay as history).
    Delete { id: i64 },
    /// Mark bill ID paid, for a payment Purse cannot see (a repeating one moves to the next).
    Paid { id: i64 },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// What the bill is called (unique; a payment to a payee containing it marks it paid).
    pub name: String,
    /// The amount owed, like 1850.00.
    #[arg(allow_hyphen_values = true)]
    pub amount: String,
    /// The first (or next) due date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub due: String,
    /// once, weekly, biweekly, monthly, quarterly or annually.
    #[arg(long, value_name = "HOW", default_value = "once")]
    pub every: String,
    /// The account it is paid from (name, or id).
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Its currency (default: general.currency).
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

/// Runs `purse bills [ACTION]`.
pub async fn run(
    ctx: &Context,
    action: Option<BillsAction>,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    ctx.sync_bills().await?;
    let today = ctx.clock.today();
    match action {
        None => list(ctx, json, out).await,
        Some(BillsAction::Add(args)) => {
            let bill = new_bill(ctx, &args).await?;
            let stored = ctx.store.add_manual_bill(&bill, today).await?;
            if json {
                return print_json(out, &stored.iter().map(BillJson::from).collect::<Vec<_>>());
            }
            let every = match bill.every {
                Every::Once => String::new(),
                e => format!(", {e}"),
            };
            writeln!(
                out,
                "Added {}: {} due {}{every}.",
                bill.name.trim(),
                bill.amount.display(),
                bill.first_due
            )?;
            for b in &stored {
                writeln!(out, "Bill {} due {}.", b.id, b.due)?;
            }
            Ok(())
        }
        Some(BillsAction::Delete { id }) => {
            let bill = ctx.store.delete_manual_bill(id).await?;
            if json {
                return print_json(out, &serde_json::json!({"deleted": id}));
            }
            writeln!(out, "Bill {id} ({}) deleted.", bill.name)?;
            Ok(())
        }
        Some(BillsAction::Paid { id }) => {
            let (bill, changed) = ctx.store.mark_bill_paid(id, today).await?;
            if json {
                return print_json(out, &serde_json::json!({"paid": id, "changed": changed}));
            }
            let was = if changed { "marked" } else { "was already" };
            writeln!(
                out,
                "Bill {id} ({}, due {}) {was} paid.",
                bill.name, bill.due
            )?;
            let next = ctx.store.bill_list().await?.into_iter().find(|r| {
                r.bill.source == BillSource::Manual
                    && !r.bill.paid
                    && r.bill.name == bill.name
                    && r.bill.due > bill.due
            });
            if let Some(next) = next {
                writeln!(out, "Next: bill {} due {}.", next.bill.id, next.bill.due)?;
            }
            Ok(())
        }
    }
}

async fn new_bill(ctx: &Context, args: &AddArgs) -> anyhow::Result<NewManualBill> {
    let currency = match &args.currency {
        Some(code) => Currency::known(code).context("--currency")?,
        None => ctx.currency(),
    };
    let amount = ctx.typed_amount("bill amount", &args.amount, currency)?;
    let Some(every) = Every::parse(&args.every) else {
        bail!("--every \"{}\": {}", args.every, Every::HINT);
    };
    let account = match &args.account {
        Some(name) => Some(ctx.store.find_account(name).await?.id.to_string()),
        None => None,
    };
    let bill = NewManualBill {
        name: args.name.trim().to_string(),
        amount,
        first_due: parse_date("--due", &args.due)?,
        every,
        account,
    };
    bill.validate()?;
    Ok(bill)
}

async fn list(ctx: &Context, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let bills = ctx.store.bill_list().await?;
    if json {
        return print_json(out, &bills.iter().map(BillJson::from).collect::<Vec<_>>());
    }
    let today = ctx.clock.today();
    let rows = bills
        .iter()
        .map(|r| {
            let b = &r.bill;
            vec![
                b.id.to_string(),
                b.name.clone(),
                b.amount.display(),
                output::opt_money(b.minimum),
                b.due.to_string(),
                if b.paid {
                    "paid".into()
                } else {
                    b.when_due(today)
                },
                source(r),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}",
        table(
            &["ID", "Bill", "Amount", "Minimum", "Due", "When", "Source"],
            rows,
            &[0, 2, 3, 5]
        )
    )?;
    Ok(())
}

/// "liability", "recurring", or for the user's own "manual" with where it was defined and how
/// often it repeats: "manual (config, monthly)".
fn source(r: &BillRow) -> String {
    match (r.origin, r.every) {
        (Some(origin), Some(every)) => {
            format!("{} ({}, {every})", r.bill.source.as_str(), origin.as_str())
        }
        _ => r.bill.source.as_str().to_string(),
    }
}
