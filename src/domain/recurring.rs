//! Recurring streams: the payments and income that come back on a schedule (rent, utilities,
//! subscriptions, the paycheck), detected per account and merchant, with a predicted next date.
//!
//! A stream is one account's transactions at one merchant in one direction (money out or in),
//! excluding transfers, that
//! - come at a steady [`Cadence`]: weekly (6–8 days apart), every two weeks (13–15), monthly
//!   (27–34) or yearly (355–375); at least three quarters of the last twelve gaps fit, the latest
//!   gap fits, and there are at least 4 (weekly), 3 (bi-weekly, monthly) or 2 (yearly) of them;
//! - have steady amounts: the latest and the six before it lie between half and double the
//!   median of those six (a seasonal utility bill qualifies, a shop's receipts do not, and a
//!   price rise stays in its stream so it can be reported);
//! - are still alive: today is no later than the predicted next date plus the cadence's slack.
//!
//! Submodule `bills` turns outflow streams into bills and marks bills paid.

pub mod bills;

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use super::account::AccountId;
use super::category::{CategoryKind, CategoryTree};
use super::history::merchant_key;
use super::money::Money;
use super::month::Month;
use super::stats::median;
use super::transaction::{Transaction, TransactionId};

/// How often a stream recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cadence {
    Weekly,
    Biweekly,
    Monthly,
    Annual,
}

impl Cadence {
    const ALL: [Cadence; 4] = [
        Cadence::Weekly,
        Cadence::Biweekly,
        Cadence::Monthly,
        Cadence::Annual,
    ];

    fn fits(self, days: i64) -> bool {
        match self {
            Cadence::Weekly => (6..=8).contains(&days),
            Cadence::Biweekly => (13..=15).contains(&days),
            Cadence::Monthly => (27..=34).contains(&days),
            Cadence::Annual => (355..=375).contains(&days),
        }
    }

    fn min_occurrences(self) -> usize {
        match self {
            Cadence::Weekly => 4,
            Cadence::Biweekly | Cadence::Monthly => 3,
            Cadence::Annual => 2,
        }
    }

    /// How many days from the predicted date a payment still counts as that occurrence.
    pub fn slack(self) -> i64 {
        match self {
            Cadence::Weekly => 2,
            Cadence::Biweekly => 3,
            Cadence::Monthly => 6,
            Cadence::Annual => 14,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "every two weeks",
            Cadence::Monthly => "monthly",
            Cadence::Annual => "yearly",
        }
    }
}

/// One transaction of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub id: TransactionId,
    pub date: NaiveDate,
    /// As posted: negative for money out.
    pub amount: Money,
}

/// A detected recurring stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stream {
    pub account_id: AccountId,
    /// The payee as last written.
    pub payee: String,
    /// The category of the latest occurrence.
    pub category: String,
    pub cadence: Cadence,
    /// Money in (income) rather than out.
    pub inflow: bool,
    /// Every occurrence, oldest first (at least the cadence's minimum).
    pub occurrences: Vec<Occurrence>,
    /// When the next one is expected.
    pub next: NaiveDate,
}

impl Stream {
    pub fn latest(&self) -> &Occurrence {
        &self.occurrences[self.occurrences.len() - 1]
    }

    /// The occurrence before the latest.
    pub fn previous(&self) -> Option<&Occurrence> {
        self.occurrences.iter().rev().nth(1)
    }

    /// True when the two occurrences before the latest agree within 2% (a fixed price).
    pub fn fixed_before_latest(&self) -> bool {
        let mut before = self.occurrences.iter().rev().skip(1).take(2);
        match (before.next(), before.next()) {
            (Some(a), Some(b)) => within(a.amount.amount.abs(), b.amount.amount.abs(), 2),
            _ => false,
        }
    }

    /// The amount to expect next time (positive): the latest for a fixed price (even one that
    /// just changed) or when the last two agree within 2%, else the median of the last three.
    pub fn expected(&self) -> Money {
        let latest = self.latest().amount.abs();
        let steady = self
            .previous()
            .is_some_and(|p| within(p.amount.amount.abs(), latest.amount, 2));
        if steady || self.fixed_before_latest() {
            return latest;
        }
        let last3: Vec<Decimal> = self
            .occurrences
            .iter()
            .rev()
            .take(3)
            .map(|o| o.amount.amount.abs())
            .collect();
        Money::new(median(&last3).unwrap_or(latest.amount), latest.currency).rounded()
    }
}

/// True when `b` is within `percent`% of `a`.
pub(crate) fn within(a: Decimal, b: Decimal, percent: u32) -> bool {
    (a - b).abs() * Decimal::ONE_HUNDRED <= a.abs() * Decimal::from(percent)
}

/// Detects the streams alive on `today` among `txns` (pending included; transfers excluded).
pub fn detect_streams(txns: &[Transaction], tree: &CategoryTree, today: NaiveDate) -> Vec<Stream> {
    let mut groups: HashMap<(AccountId, String, bool), Vec<&Transaction>> = HashMap::new();
    for t in txns
        .iter()
        .filter(|t| !t.amount.amount.is_zero() && tree.kind(&t.category) != CategoryKind::Transfer)
    {
        let key = (
            t.account_id,
            merchant_key(&t.payee),
            !t.amount.is_negative(),
        );
        groups.entry(key).or_default().push(t);
    }
    let mut streams: Vec<Stream> = groups
        .into_values()
        .filter_map(|mut group| {
            group.sort_by_key(|t| (t.date, t.id));
            stream_of(&group, today)
        })
        .collect();
    streams.sort_by(|a, b| {
        (a.account_id, &a.payee, a.inflow).cmp(&(b.account_id, &b.payee, b.inflow))
    });
    streams
}

fn stream_of(group: &[&Transaction], today: NaiveDate) -> Option<Stream> {
    let latest = group.last()?;
    let gaps: Vec<i64> = group
        .windows(2)
        .map(|w| (w[1].date - w[0].date).num_days())
        .collect();
    let recent = &gaps[gaps.len().saturating_sub(12)..];
    let cadence = Cadence::ALL.into_iter().find(|c| {
        group.len() >= c.min_occurrences()
            && recent.last().is_some_and(|g| c.fits(*g))
            && recent.iter().filter(|g| c.fits(**g)).count() * 4 >= recent.len() * 3
    })?;
    if !steady_amounts(group) {
        return None;
    }
    let occurrences: Vec<Occurrence> = group
        .iter()
        .map(|t| Occurrence {
            id: t.id,
            date: t.date,
            amount: t.amount,
        })
        .collect();
    let next = predict(cadence, &occurrences);
    (today <= next + Days::new(cadence.slack() as u64)).then(|| Stream {
        account_id: latest.account_id,
        payee: latest.payee.clone(),
        category: latest.category.clone(),
        cadence,
        inflow: !latest.amount.is_negative(),
        occurrences,
        next,
    })
}

fn steady_amounts(group: &[&Transaction]) -> bool {
    let (latest, before) = match group.split_last() {
        Some((l, b)) if !b.is_empty() => (l.amount.amount.abs(), b),
        _ => return false,
    };
    let usual: Vec<Decimal> = before
        .iter()
        .rev()
        .take(6)
        .map(|t| t.amount.amount.abs())
        .collect();
    let Some(mid) = median(&usual) else {
        return false;
    };
    let near = |a: Decimal| a * Decimal::TWO >= mid && a <= mid * Decimal::TWO;
    usual.iter().all(|a| near(*a)) && near(latest)
}

/// The date after the latest occurrence that the cadence points at. Monthly and yearly streams
/// keep their day of month (the largest of the last three when they are within three days, so a
/// bill on the 31st returns to the 31st after February).
fn predict(cadence: Cadence, occurrences: &[Occurrence]) -> NaiveDate {
    let last = occurrences[occurrences.len() - 1].date;
    let days: Vec<u32> = occurrences
        .iter()
        .rev()
        .take(3)
        .map(|o| o.date.day())
        .collect();
    let (lo, hi) = (
        days.iter().min().copied().unwrap_or(1),
        days.iter().max().copied().unwrap_or(1),
    );
    let day = if hi - lo <= 3 { hi } else { last.day() };
    match cadence {
        Cadence::Weekly => last + Days::new(7),
        Cadence::Biweekly => last + Days::new(14),
        Cadence::Monthly => Month::of(last).next().day_clamped(day),
        Cadence::Annual => Month::of(last).plus(12).day_clamped(day),
    }
}

#[cfg(test)]
mod tests;
