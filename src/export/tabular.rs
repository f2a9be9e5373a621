//! CSV and JSON exports: one record per transaction, newest first, with exactly the fields (and
//! field names) of `purse transactions --json`, written page by page. JSON keeps every text exactly;
//! CSV text cells that a spreadsheet would run as a formula start with `'` (see `spreadsheet_row`).

use std::io::Write;

use super::{ExportError, ExportOptions, ExportStats, PAGE};
use crate::cli::output::TransactionJson;
use crate::domain::Transaction;
use crate::store::{Store, TxnCursor};

/// Calls `each` with every page of matching transactions, newest first.
async fn pages(
    store: &Store,
    options: &ExportOptions,
    mut each: impl FnMut(&[Transaction]) -> Result<(), ExportError>,
) -> Result<usize, ExportError> {
    let filter = options.filter();
    let mut after: Option<TxnCursor> = None;
    let mut count = 0;
    loop {
        let page = store.transactions(&filter, after, PAGE).await?;
        each(&page)?;
        count += page.len();
        match page.last() {
            Some(last) if page.len() == PAGE as usize => after = Some(TxnCursor::of(last)),
            _ => break,
        }
    }
    Ok(count)
}

pub async fn csv(
    store: &Store,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportStats, ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    let mut wrote_any = false;
    let transactions = pages(store, options, |page| {
        for t in page {
            writer.serialize(spreadsheet_row(TransactionJson::from(t)))?;
            wrote_any = true;
        }
        Ok(())
    })
    .await?;
    if !wrote_any {
        // No rows: still write the header, so the file says what its columns are.
        writer.write_record(HEADER)?;
    }
    writer.flush()?;
    Ok(ExportStats {
        transactions,
        accounts: 0,
    })
}

/// A record whose text cells a spreadsheet will not run: a cell starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (OWASP's list) gets a leading `'`, which Excel, LibreOffice and
/// Google Sheets show as text. Amounts, dates and ids are written bare, so they stay numbers.
fn spreadsheet_row(mut row: TransactionJson) -> TransactionJson {
    for cell in [
        &mut row.account,
        &mut row.payee,
        &mut row.description,
        &mut row.category,
    ] {
        *cell = spreadsheet_text(cell);
    }
    row.notes = row.notes.as_deref().map(spreadsheet_text);
    row
}

fn spreadsheet_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The CSV header (the field names of [`TransactionJson`]), for an empty export.
const HEADER: [&str; 11] = [
    "id",
    "account_id",
    "account",
    "date",
    "amount",
    "currency",
    "payee",
    "description",
    "category",
    "pending",
    "notes",
];

pub async fn json(
    store: &Store,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportStats, ExportError> {
    out.write_all(b"[")?;
    let mut first = true;
    let transactions = pages(store, options, |page| {
        for t in page {
            out.write_all(if first { b"\n  " } else { b",\n  " })?;
            first = false;
            serde_json::to_writer(&mut *out, &TransactionJson::from(t))
                .map_err(std::io::Error::from)?;
        }
        Ok(())
    })
    .await?;
    out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    Ok(ExportStats {
        transactions,
        accounts: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_become_text_and_others_stay_exact() {
        for (raw, cell) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1 Bistro", "'+1 Bistro"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Blue Bottle = coffee", "Blue Bottle = coffee"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_text(raw), cell);
        }
    }

    #[test]
    fn the_empty_csv_header_matches_the_json_fields() {
        let t = Transaction {
            id: 1,
            provider_id: "p".into(),
            account_id: 2,
            account: "Checking".into(),
            date: chrono::NaiveDate::default(),
            amount: crate::domain::Money::zero(crate::domain::Currency::USD),
            payee: String::new(),
            description: String::new(),
            category: String::new(),
            pending: false,
            notes: None,
        };
        let value = serde_json::to_value(TransactionJson::from(&t)).unwrap_or_default();
        let keys: Vec<&str> = value
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut header = HEADER.to_vec();
        header.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(header, keys);
    }
}
