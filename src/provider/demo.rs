//! The built-in demo bank: a provider that behaves like a live bank API for one household,
//! deterministic from a seed, with no I/O.
//!
//! The first sync fixes the *anchor* (that day's `today`) and brings 730 days of history up to it
//! for three accounts (checking, savings, a credit card), a card statement due in a few days, and
//! some planted trouble just before the anchor (exact dates and amounts in `demo/planted.rs`).
//! Later syncs pass back the cursor and get the days since the previous one from the same
//! generator, plus the complete current set of pending transactions; a pending card purchase
//! posts a day or two later under a new id, sometimes for a different amount (a tip).
//!
//! Map: `rng` seeded draws · `catalog` merchants and bills · `schedule` ordinary days ·
//! `planted` planted trouble · `ledger` balances, statements and transfers · `event` the internal
//! record and its mapping to domain transactions.

mod catalog;
mod event;
mod ledger;
mod planted;
mod rng;
mod schedule;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::{FetchContext, ProviderError};
use crate::domain::{AccountSnapshot, Currency, Delta, IncomingBill, Money};
use event::Acct;
use ledger::Ledger;
use schedule::Plan;

/// The seed `purse` uses for the demo connection unless told otherwise.
pub const DEMO_SEED: u64 = 2026;

/// The demo household's monthly budgets (category, amount in USD), set from the first sync's month
/// on (so no year of rollover piles up before the user ever saw them). Roughly its usual
/// spending: Dining runs close to its budget and Transport over, so the Budgets pane shows every
/// gauge colour.
pub const DEMO_BUDGETS: &[(&str, &str)] = &[
    ("Housing", "1900"),
    ("Utilities", "275"),
    ("Groceries", "750"),
    ("Dining", "1000"),
    ("Transport", "425"),
    ("Shopping", "250"),
    ("Subscriptions", "75"),
    ("Health", "120"),
    ("Entertainment", "100"),
    ("Travel", "300"),
];

/// The card's credit limit, in cents.
const CARD_LIMIT_CENTS: i64 = 800_000;
/// The cursor format version.
const CURSOR_VERSION: u32 = 1;

/// The demo bank for one seed. Cheap to create; every fetch recomputes from the seed and cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoBank {
    seed: u64,
}

impl DemoBank {
    pub fn new(seed: u64) -> Self {
        DemoBank { seed }
    }

    /// One sync. `cursor` is what the previous fetch returned in `Delta::cursor` (None on the
    /// first sync). Pure and deterministic: same seed + cursor + ctx => same Delta.
    ///
    /// Upserts are every transaction that posted after the previous sync's day (all history on
    /// the first sync) plus every transaction pending now (`pending_is_complete` is set). A
    /// posted transaction keeps its purchase date, so one that was pending at the previous sync
    /// arrives posted under its `demo-…` id, linked to its `demo-p-…` id. A `today` earlier than
    /// the previous sync's day is treated as that day (the bank's past cannot change). History
    /// always reaches 730 days back: `ctx.history_days` is not consulted.
    pub fn fetch(&self, cursor: Option<&str>, ctx: &FetchContext) -> Result<Delta, ProviderError> {
        let (anchor, since) = match cursor {
            None => (ctx.today, None),
            Some(text) => {
                let cursor = Cursor::parse(text)?;
                (cursor.anchor, Some(cursor.through))
            }
        };
        let today = since.map_or(ctx.today, |through| through.max(ctx.today));
        let plan = Plan::new(self.seed, anchor);
        let ledger = ledger::simulate(&plan, today);

        let upserts = ledger
            .events
            .iter()
            .filter_map(|e| {
                if e.is_pending(today) {
                    Some(e.to_incoming(true))
                } else {
                    let post = e.post_date();
                    (post <= today && since.is_none_or(|through| post > through))
                        .then(|| e.to_incoming(false))
                }
            })
            .collect();
        let bills = ledger
            .statement
            .filter(|s| s.due > today && s.cents > 0)
            .map(|s| IncomingBill {
                provider_account_id: Acct::Card.id().to_string(),
                name: format!("{} statement", Acct::Card.name()),
                amount: usd(s.cents),
                minimum: Some(usd(s.minimum_cents())),
                due: s.due,
            })
            .into_iter()
            .collect();
        Ok(Delta {
            accounts: snapshots(&ledger, today, ctx),
            upserts,
            removed: Vec::new(),
            pending_is_complete: true,
            bills,
            cursor: Some(
                Cursor {
                    v: CURSOR_VERSION,
                    anchor,
                    through: today,
                }
                .to_text(),
            ),
        })
    }
}

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

/// The three accounts as the bank reports them on `today`.
fn snapshots(ledger: &Ledger, today: NaiveDate, ctx: &FetchContext) -> Vec<AccountSnapshot> {
    Acct::ALL
        .into_iter()
        .map(|acct| {
            let balance = ledger.balance[acct.index()];
            let (available, limit) = match acct {
                Acct::Card => (None, Some(usd(CARD_LIMIT_CENTS))),
                _ => (
                    Some(usd(balance - ledger.pending_debits(acct, today))),
                    None,
                ),
            };
            AccountSnapshot {
                provider_account_id: acct.id().to_string(),
                name: acct.name().to_string(),
                kind: acct.kind(),
                currency: Currency::USD,
                balance: usd(balance),
                available,
                limit,
                as_of: ctx.now,
            }
        })
        .collect()
}

/// Where the next sync starts: the anchor (fixed by the first sync) and the last day delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cursor {
    v: u32,
    anchor: NaiveDate,
    through: NaiveDate,
}

impl Cursor {
    fn to_text(self) -> String {
        format!(
            r#"{{"v":{},"anchor":"{}","through":"{}"}}"#,
            self.v, self.anchor, self.through
        )
    }

    fn parse(text: &str) -> Result<Self, ProviderError> {
        let bad = |why: String| {
            ProviderError::Malformed(format!(
                "demo bank cursor {text:?} is not valid ({why}); expected \
                 {{\"v\":1,\"anchor\":\"YYYY-MM-DD\",\"through\":\"YYYY-MM-DD\"}}. \
                 Clear this connection's sync cursor to start over"
            ))
        };
        let cursor: Cursor = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        if cursor.v != CURSOR_VERSION {
            return Err(bad(format!("unknown version {}", cursor.v)));
        }
        let sane = |d: NaiveDate| (1970..=2200).contains(&d.year());
        if !sane(cursor.anchor) || !sane(cursor.through) {
            return Err(bad("dates must lie between 1970 and 2200".to_string()));
        }
        if cursor.through < cursor.anchor {
            return Err(bad(format!(
                "through {} is before anchor {}",
                cursor.through, cursor.anchor
            )));
        }
        Ok(cursor)
    }
}

#[cfg(test)]
mod tests;
