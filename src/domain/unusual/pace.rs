//! A category's everyday spending on pace to far exceed its usual month (top-level categories;
//! refunds reduce the spending). Left out: recurring payments (rent lands whole on the 1st, so no
//! projection suits it, and its changes are reported as price rises), and charges already
//! reported as far above usual or at a new merchant (one big purchase is reported once).
//!
//! *Usual* is the median of the category's totals over the last twelve full months the history
//! covers (at least three; a month without spending counts as zero). The *projection* is the
//! smaller of two: the month-to-date rate carried to the month's end (`mtd / day × days`), and
//! month-to-date plus a usual rest of the month (`mtd + usual × days left / days`). Early in the
//! month the rate alone swings wildly on one purchase; the smaller of the two needs both the rate
//! and the amount already spent to be high, so no mid-month cut-off is needed.
//!
//! The month is *far* above usual when the projection is at least 1.5 times usual, at least
//! [`MIN_EXCESS`] currency units above it, above every one of those months, and (when the months
//! vary) its modified z-score against the monthly totals exceeds [`Z_THRESHOLD`], the same test
//! single charges get. A category that swings a lot (concert tickets some months, none in
//! others) must swing further than it has all year; a small one needs a real sum to matter.

use std::collections::{BTreeMap, HashSet};

use chrono::Datelike;
use rust_decimal::Decimal;

use super::{UnusualInput, Z_THRESHOLD, charge};
use crate::domain::alert::{AlertKind, NewAlert};
use crate::domain::category::CategoryKind;
use crate::domain::history::top_level;
use crate::domain::money::{Currency, Money};
use crate::domain::month::Month;
use crate::domain::stats::{mad, median, modified_z};
use crate::domain::transaction::Transaction;

/// Fewest covered full months for a usual month.
const MIN_MONTHS: usize = 3;
/// Smallest excess over usual worth reporting, in currency units.
const MIN_EXCESS: i64 = 100;

pub(super) fn pace_alerts(input: &UnusualInput<'_>, charges: &[&Transaction]) -> Vec<NewAlert> {
    let month = Month::of(input.today);
    let baseline: Vec<Month> = (1..=12)
        .map(|k| month.plus(-k))
        .filter(|m| m.first_day() >= input.covered_from)
        .collect();
    if baseline.len() < MIN_MONTHS {
        return Vec::new();
    }
    let mut skip: HashSet<_> = charge::outliers(input, charges, month.first_day());
    skip.extend(input.recurring_ids());
    let mut totals: BTreeMap<(&str, Currency), BTreeMap<Month, Decimal>> = BTreeMap::new();
    for t in input.history.iter().filter(|t| {
        input.tree.kind(&t.category) == CategoryKind::Expense
            && t.date <= input.today
            && !skip.contains(&t.id)
    }) {
        let m = Month::of(t.date);
        if m == month || baseline.contains(&m) {
            *totals
                .entry((top_level(input.tree, &t.category), t.amount.currency))
                .or_default()
                .entry(m)
                .or_default() -= t.amount.amount;
        }
    }
    let (day, days) = (
        Decimal::from(input.today.day()),
        Decimal::from(month.days()),
    );
    let mut alerts = Vec::new();
    for ((category, currency), by_month) in totals {
        let history: Vec<Decimal> = baseline
            .iter()
            .map(|m| by_month.get(m).copied().unwrap_or_default())
            .collect();
        let mtd = by_month.get(&month).copied().unwrap_or_default();
        let Some(usual) = median(&history).filter(|u| *u > Decimal::ZERO) else {
            continue;
        };
        let linear = mtd * days / day;
        let blended = mtd + usual * (days - day) / days;
        let projected = linear.min(blended);
        let spread = mad(&history, usual).unwrap_or_default();
        let varied_enough = modified_z(projected, usual, spread).is_none_or(|z| z > Z_THRESHOLD);
        let biggest = history.iter().copied().max().unwrap_or_default();
        let far = projected * Decimal::TWO >= usual * Decimal::from(3)
            && projected > biggest
            && projected - usual >= Decimal::from(MIN_EXCESS)
            && varied_enough;
        if !far {
            continue;
        }
        let money = |d: Decimal| Money::new(d, currency).rounded().display();
        alerts.push(NewAlert {
            kind: AlertKind::UnusualSpend,
            key: format!("unusual_spend:pace:{category}:{month}"),
            message: format!(
                "{category}: {} spent so far in {} is on pace for {}; usually {} a month",
                money(mtd),
                month.label(),
                money(projected),
                money(usual)
            ),
        });
    }
    alerts
}
