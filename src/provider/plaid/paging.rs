//! The `/transactions/sync` loop: pages of 500 from the stored cursor while `has_more`,
//! accumulating added, modified and removed transactions. If Plaid reports that the data changed
//! while paging (`TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`), everything gathered is dropped
//! and the loop restarts from the cursor it started with (a few times, then a `Transient` error).
//! Any other failure is returned as is; nothing is stored, so the next fetch also starts again
//! from the original cursor.
//!
//! Each page's `accounts` (the accounts its transactions belong to) joins the item's book, so a
//! transaction of an account `/accounts/get` did not list is kept with that account. A transaction
//! of an account neither lists fails the fetch (nothing stored, the cursor stays). Data of an
//! account or transaction whose currency cannot be read is left out with a note, and the cursor
//! is then not advanced, so it comes again on the next sync instead of being lost.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use tracing::debug;

use super::http::{Api, Failure};
use super::map::{self, Book};
use super::wire;
use crate::config::Secret;
use crate::domain::{AccountSnapshot, IncomingTransaction, RemovedTransaction};
use crate::provider::ProviderError;

const ENDPOINT: &str = "/transactions/sync";
/// Transactions per page (Plaid's maximum).
pub(super) const PAGE_SIZE: u32 = 500;
/// Restarts after a mutation during pagination before giving up for this fetch.
pub(super) const MAX_RESTARTS: u32 = 3;
/// A guard against a server that never stops saying `has_more` (5M transactions).
const MAX_PAGES: usize = 10_000;
const MUTATION: &str = "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION";

/// What the loop gathered: net changes, the cursor to store (`None` = keep the old one), the
/// accounts the pages listed that the book did not know, the book with them, and notes on data
/// left out.
#[derive(Debug, Default)]
pub(super) struct Changes {
    pub upserts: Vec<IncomingTransaction>,
    pub removed: Vec<RemovedTransaction>,
    pub cursor: Option<String>,
    pub accounts: Vec<AccountSnapshot>,
    pub book: Book,
    pub notes: Vec<String>,
}

/// Runs the loop from `start`, restarting it after a mutation during pagination.
/// `history_days` is asked for when the item's transactions are not initialised yet.
pub(super) async fn sync(
    api: &Api,
    token: &Secret,
    start: Option<&str>,
    history_days: u32,
    book: &Book,
    now: DateTime<Utc>,
) -> Result<Changes, ProviderError> {
    let start = start.filter(|c| !c.is_empty());
    let mut restarts = 0;
    loop {
        match pages(api, token, start, history_days, book, now).await {
            Ok(changes) => return Ok(changes),
            Err(Failure {
                code: Some(code), ..
            }) if code == MUTATION => {
                restarts += 1;
                if restarts > MAX_RESTARTS {
                    return Err(ProviderError::Transient(format!(
                        "Plaid {ENDPOINT}: the bank kept changing transactions while Purse was reading them ({MAX_RESTARTS} restarts); try again shortly"
                    )));
                }
                debug!(
                    restarts,
                    "plaid: transactions changed during pagination; restarting from the original cursor"
                );
            }
            Err(failure) => return Err(failure.error),
        }
    }
}

/// One pass over all pages from `start`.
async fn pages(
    api: &Api,
    token: &Secret,
    start: Option<&str>,
    history_days: u32,
    book: &Book,
    now: DateTime<Utc>,
) -> Result<Changes, Failure> {
    let mut acc = Accumulator {
        book: book.clone(),
        ..Accumulator::default()
    };
    let mut cursor = start.map(str::to_string);
    for page in 0..MAX_PAGES {
        let mut fields = Map::new();
        let mut options = Map::new();
        options.insert(
            "include_personal_finance_category".into(),
            Value::Bool(true),
        );
        match &cursor {
            Some(c) => {
                fields.insert("cursor".into(), Value::from(c.as_str()));
            }
            None => {
                options.insert(
                    "days_requested".into(),
                    Value::from(history_days.clamp(1, 730)),
                );
            }
        }
        fields.insert("count".into(), Value::from(PAGE_SIZE));
        fields.insert("options".into(), Value::Object(options));
        let body = api.post(ENDPOINT, fields, Some(token)).await?;

        let has_more: bool = wire::field(ENDPOINT, &body, "has_more")?;
        let next: String = wire::field(ENDPOINT, &body, "next_cursor")?;
        for (i, value) in wire::optional::<Vec<Value>>(ENDPOINT, &body, "accounts")?
            .iter()
            .enumerate()
        {
            acc.account(wire::element(ENDPOINT, "accounts", i, value)?, now);
        }
        for list in ["added", "modified"] {
            for (i, value) in wire::array(ENDPOINT, &body, list)?.iter().enumerate() {
                let t: wire::Transaction = wire::element(ENDPOINT, list, i, value)?;
                acc.transaction(t, value.to_string())?;
            }
        }
        for gone in wire::elements::<wire::Removed>(ENDPOINT, &body, "removed")? {
            acc.remove(gone);
        }
        debug!(page, has_more, "plaid: transactions page read");

        if !has_more {
            acc.cursor = Some(next).filter(|c| !c.is_empty());
            return Ok(acc.finish());
        }
        if next.is_empty() || cursor.as_deref() == Some(next.as_str()) {
            return Err(wire::malformed(
                ENDPOINT,
                "`has_more` is true but `next_cursor` did not advance".into(),
            )
            .into());
        }
        cursor = Some(next);
    }
    Err(wire::malformed(ENDPOINT, format!("more than {MAX_PAGES} pages; giving up")).into())
}

/// Net changes over all pages: the latest version of each transaction, and removals (a
/// transaction added and then removed within one sync is only removed; one removed and then
/// added again is only upserted).
#[derive(Debug, Default)]
struct Accumulator {
    upserts: Vec<Option<IncomingTransaction>>,
    by_id: HashMap<String, usize>,
    removed: Vec<RemovedTransaction>,
    cursor: Option<String>,
    accounts: Vec<AccountSnapshot>,
    book: Book,
    notes: Vec<String>,
    /// Data was left out: keep the old cursor.
    withheld: bool,
}

impl Accumulator {
    /// An account a page lists: new ones join the book (and the delta).
    fn account(&mut self, a: wire::Account, now: DateTime<Utc>) {
        if self.book.knows(&a.account_id) || self.book.is_left_out(&a.account_id) {
            return;
        }
        match map::account(&a, now) {
            Ok(snapshot) => {
                self.book.add(&snapshot);
                self.accounts.push(snapshot);
            }
            Err(e) => {
                self.book.leave_out(&a.account_id);
                self.notes.push(left_out(&e));
                self.withheld = true;
            }
        }
    }

    /// An added or modified transaction: kept, or left out with a note when its account or
    /// currency cannot be read; an account nobody listed fails the fetch.
    fn transaction(&mut self, t: wire::Transaction, raw: String) -> Result<(), ProviderError> {
        if self.book.is_left_out(&t.account_id) {
            // The account's note says so; the cursor must not move past this transaction.
            self.withheld = true;
            return Ok(());
        }
        if !self.book.knows(&t.account_id) {
            return Err(wire::malformed(
                ENDPOINT,
                format!(
                    "transaction \"{}\" belongs to account \"{}\", which neither /accounts/get nor the page's `accounts` lists; nothing was saved",
                    t.transaction_id, t.account_id
                ),
            ));
        }
        match map::transaction(t, raw, &self.book) {
            Ok(t) => self.upsert(t),
            Err(e) => {
                self.notes.push(left_out(&e));
                self.withheld = true;
            }
        }
        Ok(())
    }

    fn upsert(&mut self, t: IncomingTransaction) {
        if let Some(pending) = t.pending_provider_id.as_deref() {
            debug!(
                posted = t.provider_id.as_str(),
                pending, "plaid: posted transaction replaces a pending one"
            );
        }
        self.removed.retain(|r| r.provider_id != t.provider_id);
        match self.by_id.get(&t.provider_id) {
            Some(&i) => self.upserts[i] = Some(t),
            None => {
                self.by_id.insert(t.provider_id.clone(), self.upserts.len());
                self.upserts.push(Some(t));
            }
        }
    }

    /// Records a removal. Plaid names the account; if it does not, the removal is recorded
    /// against every account of the item (transaction ids are unique across accounts).
    fn remove(&mut self, gone: wire::Removed) {
        debug!(
            transaction_id = gone.transaction_id.as_str(),
            "plaid: transaction removed"
        );
        if let Some(i) = self.by_id.remove(&gone.transaction_id) {
            self.upserts[i] = None;
        }
        let accounts = match gone.account_id.filter(|a| !a.is_empty()) {
            Some(account) => vec![account],
            None => self.book.ids.clone(),
        };
        for provider_account_id in accounts {
            self.removed.push(RemovedTransaction {
                provider_account_id,
                provider_id: gone.transaction_id.clone(),
            });
        }
    }

    /// The changes; with data left out the cursor is not advanced, so it comes again.
    fn finish(self) -> Changes {
        Changes {
            upserts: self.upserts.into_iter().flatten().collect(),
            removed: self.removed,
            cursor: self.cursor.filter(|_| !self.withheld),
            accounts: self.accounts,
            book: self.book,
            notes: self.notes,
        }
    }
}

/// The note for data left out of this sync because of `e`.
pub(super) fn left_out(e: &ProviderError) -> String {
    let what = match e {
        ProviderError::Malformed(m) => m.as_str(),
        _ => "unreadable",
    };
    format!("{what}; left out of this sync and asked for again next time")
}
