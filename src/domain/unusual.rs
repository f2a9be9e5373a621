//! Unusual spending: pure rules over the transaction history, each alert saying why with numbers.
//!
//! Only charges from the last [`RECENT_DAYS`] days are judged (so a first sync of two years of
//! history reports what is news, not two years of it), each against everything before it:
//! - **far above usual** (`charge`): a charge whose modified z-score against at least
//!   [`MIN_HISTORY`] earlier charges at the same merchant exceeds [`Z_THRESHOLD`] and that is also
//!   at least twice the median and 10 currency units above it;
//! - **new merchant** (`charge`): a large first charge at a merchant never paid before;
//! - **duplicate** (`duplicate`): the same amount at the same merchant on the same account twice
//!   within [`DUPLICATE_DAYS`] days;
//! - **price rise** (`price`): a fixed-price monthly or yearly stream whose latest charge is more
//!   than [`PRICE_RISE_PERCENT`]% above the previous one;
//! - **pace** (`pace`): a category's month on course to far exceed its usual month.
//!
//! Keys are `unusual_spend:{rule}:{account}:{date}:{detail}` (pace: `unusual_spend:pace:{category}:
//! {month}`); [`is_repeat`] recognises the same finding a few days apart (a pending charge that
//! posts under another date).

mod charge;
mod duplicate;
mod pace;
mod price;

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::account::{Account, AccountId};
use super::alert::{AlertKind, NewAlert};
use super::category::CategoryTree;
use super::history::is_charge;
use super::recurring::Stream;
use super::transaction::{Transaction, TransactionId};

/// Charges this recent (days before today) are judged.
pub const RECENT_DAYS: u64 = 14;
/// Fewest earlier charges at a merchant for the far-above rule.
pub const MIN_HISTORY: usize = 4;
/// Modified z-score above which a charge (or a month) is far above usual.
pub const Z_THRESHOLD: Decimal = Decimal::from_parts(35, 0, 0, false, 1);
/// Largest gap, in days, between two charges taken for a duplicate (48 hours on calendar dates).
pub const DUPLICATE_DAYS: i64 = 2;
/// A fixed price rising by more than this percentage is reported.
pub const PRICE_RISE_PERCENT: u32 = 10;

/// What the rules read.
pub struct UnusualInput<'a> {
    pub today: NaiveDate,
    /// The history window, any order, with transfers already in transfer categories.
    pub history: &'a [Transaction],
    pub tree: &'a CategoryTree,
    pub accounts: &'a [Account],
    /// Recurring streams detected on the same history.
    pub streams: &'a [Stream],
    /// Merchants (see [`super::history::merchant_key`]) paid before the history window began.
    pub known_merchants: &'a HashSet<String>,
    /// The first day the history is complete from (full months before it are not judged).
    pub covered_from: NaiveDate,
}

impl UnusualInput<'_> {
    fn recent_from(&self) -> NaiveDate {
        self.today - Days::new(RECENT_DAYS)
    }

    fn is_recent(&self, t: &Transaction) -> bool {
        t.date >= self.recent_from() && t.date <= self.today
    }

    fn account_name(&self, id: AccountId) -> &str {
        self.accounts
            .iter()
            .find(|a| a.id == id)
            .map_or("an account", |a| a.name.as_str())
    }

    /// The transactions that belong to recurring streams (rent, utilities, subscriptions).
    fn recurring_ids(&self) -> HashSet<TransactionId> {
        self.streams
            .iter()
            .flat_map(|s| s.occurrences.iter().map(|o| o.id))
            .collect()
    }

    /// Charges, oldest first (by date, then id).
    fn charges(&self) -> Vec<&Transaction> {
        let mut charges: Vec<&Transaction> = self
            .history
            .iter()
            .filter(|t| is_charge(t, self.tree))
            .collect();
        charges.sort_by_key(|t| (t.date, t.id));
        charges
    }
}

/// One rule's finding about one charge.
struct Finding {
    rule: &'static str,
    account: AccountId,
    date: NaiveDate,
    detail: String,
    message: String,
}

impl Finding {
    fn into_alert(self) -> NewAlert {
        NewAlert {
            kind: AlertKind::UnusualSpend,
            key: format!(
                "unusual_spend:{}:{}:{}:{}",
                self.rule, self.account, self.date, self.detail
            ),
            message: self.message,
        }
    }
}

/// Every unusual-spend alert the history calls for today.
pub fn unusual_spend_alerts(input: &UnusualInput<'_>) -> Vec<NewAlert> {
    let charges = input.charges();
    let rises = price::price_rises(input);
    let rise_ids: HashSet<_> = rises.iter().map(|(id, _)| *id).collect();
    let singles = charge::single_charge_findings(input, &charges)
        .into_iter()
        .filter(|(id, _)| !rise_ids.contains(id));
    let mut alerts: Vec<NewAlert> = rises
        .into_iter()
        .chain(singles)
        .map(|(_, f)| f)
        .chain(duplicate::duplicates(input, &charges))
        .map(Finding::into_alert)
        .collect();
    alerts.extend(pace::pace_alerts(input, &charges));
    alerts
}

/// Merchants of recent large charges that the history shows no earlier transaction at: the
/// caller checks which were paid before the window and passes them as `known_merchants`.
pub fn new_merchant_candidates(input: &UnusualInput<'_>) -> Vec<String> {
    charge::new_merchant_candidates(input, &input.charges())
}

/// True when `key` reports what one of `existing` already did: the same rule, account and
/// detail (merchant and amount) within three days.
pub fn is_repeat<'a>(key: &str, existing: impl IntoIterator<Item = &'a str>) -> bool {
    let Some((rule, account, date, detail)) = parse_key(key) else {
        return false;
    };
    existing.into_iter().any(|other| {
        parse_key(other).is_some_and(|(r, a, d, x)| {
            r == rule && a == account && x == detail && (d - date).num_days().abs() <= 3
        })
    })
}

fn parse_key(key: &str) -> Option<(&str, &str, NaiveDate, &str)> {
    let mut parts = key.splitn(5, ':');
    if parts.next()? != "unusual_spend" {
        return None;
    }
    let (rule, account, date, detail) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some((rule, account, date, detail))
}

#[cfg(test)]
mod tests;
