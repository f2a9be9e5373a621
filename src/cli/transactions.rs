//! `purse transactions`: filtered, newest first, streamed page by page (keyset paging) as a table
//! or a JSON array, so a million rows never sit in memory at once.

use std::io::Write;

use anyhow::Context as _;

use super::dates::date_range;
use super::output::TransactionJson;
use super::streamed::StreamedTable;
use super::{Context, TransactionArgs};
use crate::domain::Transaction;
use crate::store::{TxnCursor, TxnFilter};

/// Rows fetched per page when listing transactions (keyset paging; never all rows at once).
const PAGE: u32 = 1000;

pub(super) async fn run(
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
