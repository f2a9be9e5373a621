//! Exporting transactions: CSV and JSON with exactly the fields of `purse transactions --json`,
//! and plain-text accounting journals (ledger/hledger, beancount) that the real tools accept, with
//! balances equal to Purse's own.
//!
//! Journals: each Purse account becomes `Assets:<Connection>:<Account>` (credit cards and loans
//! `Liabilities:…`), each category an `Expenses:…`, `Income:…` or `Equity:Transfers:…` account
//! following the category tree. A Purse balance usually includes money from before the first
//! transaction Purse knows, so each account opens with an "Opening balance" transaction against
//! `Equity:Opening-Balances` of (balance − the transactions exported and after); the journal's
//! balance then equals Purse's. A balance assertion per account closes the journal (optional).
//!
//! Submodules: `tabular` (CSV, JSON), `book` (accounts, names, opening and closing balances),
//! `ledger` and `beancount` (the two journal syntaxes), `names` (account-name rules).

mod beancount;
mod book;
mod ledger;
mod names;
mod tabular;

use std::io::Write;

use chrono::NaiveDate;

use crate::domain::Currency;
use crate::store::{Store, StoreError, TxnFilter};

/// Rows read per page (keyset paging: exports never load every row at once).
pub(crate) const PAGE: u32 = 1000;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    /// A ledger journal that hledger reads too.
    Ledger,
    Beancount,
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub format: ExportFormat,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub account_id: Option<i64>,
    /// Close journals with a balance assertion per account.
    pub assertions: bool,
    /// The main currency (beancount's `operating_currency`).
    pub currency: Currency,
    /// The day of the export, for the journal's header.
    pub today: NaiveDate,
}

impl ExportOptions {
    fn filter(&self) -> TxnFilter {
        TxnFilter {
            account_id: self.account_id,
            since: self.since,
            until: self.until,
            ..TxnFilter::default()
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportStats {
    pub transactions: usize,
    pub accounts: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(csv::Error),
}

impl From<csv::Error> for ExportError {
    /// A write that failed is an I/O error (a closed pipe stays recognisable as one).
    fn from(e: csv::Error) -> Self {
        if !e.is_io_error() {
            return ExportError::Csv(e);
        }
        match e.into_kind() {
            csv::ErrorKind::Io(io) => ExportError::Io(io),
            other => ExportError::Io(std::io::Error::other(format!("{other:?}"))),
        }
    }
}

/// Writes the export to `out`.
pub async fn export(
    store: &Store,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportStats, ExportError> {
    match options.format {
        ExportFormat::Csv => tabular::csv(store, options, out).await,
        ExportFormat::Json => tabular::json(store, options, out).await,
        ExportFormat::Ledger => book::write(store, options, &mut ledger::Ledger, out).await,
        ExportFormat::Beancount => {
            book::write(store, options, &mut beancount::Beancount, out).await
        }
    }
}
