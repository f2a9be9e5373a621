//! The planted trouble at its documented dates and amounts, and the ordinary history around it.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::domain::{CategoryKind, CategoryTree};

fn posted<'a>(delta: &'a Delta, payee: &'a str) -> impl Iterator<Item = &'a IncomingTransaction> {
    delta
        .upserts
        .iter()
        .filter(move |t| !t.pending && t.payee == payee)
}

/// Spending, as a new-merchant or unusual-amount rule would see it (no transfers, no income).
fn is_spending(t: &IncomingTransaction) -> bool {
    let tree = CategoryTree::defaults();
    t.amount.is_negative()
        && t.category
            .as_deref()
            .is_some_and(|c| tree.kind(c) == CategoryKind::Expense)
}

fn planted_ids() -> HashSet<String> {
    [
        (CATERING_DAYS_BEFORE, CATERING_SLOT),
        (AUTO_BODY_DAYS_BEFORE, AUTO_BODY_SLOT),
        (TIP_DAYS_BEFORE, TIP_SLOT),
    ]
    .into_iter()
    .flat_map(|(n, slot)| {
        [
            format!("demo-{}-{slot}", days_before(n)),
            format!("demo-p-{}-{slot}", days_before(n)),
        ]
    })
    .collect()
}

#[test]
fn planted_catering_charge_towers_over_the_usual_coffee() {
    let delta = first_sync();
    let (big, usual): (Vec<_>, Vec<_>) =
        posted(&delta, "Blue Bottle Coffee").partition(|t| cents(&t.amount) < -1_000);
    assert_eq!(big.len(), 1);
    assert_eq!(
        (big[0].date, cents(&big[0].amount)),
        (days_before(4), -18_240)
    );
    assert_eq!(big[0].provider_account_id, "demo-card");
    assert!(usual.len() > 300, "{}", usual.len());
    assert!(
        usual
            .iter()
            .all(|t| (-680..=-450).contains(&cents(&t.amount)))
    );
}

#[test]
fn planted_new_merchant_is_the_only_new_one_in_the_last_month() {
    let delta = first_sync();
    let body: Vec<_> = delta
        .upserts
        .iter()
        .filter(|t| t.payee == "Riverside Auto Body")
        .collect();
    assert_eq!(body.len(), 1);
    assert_eq!(
        (body[0].date, cents(&body[0].amount), body[0].pending),
        (days_before(3), -138_642, false)
    );
    assert_eq!(body[0].provider_account_id, "demo-checking");
    let mut first_seen: HashMap<&str, NaiveDate> = HashMap::new();
    for t in delta.upserts.iter().filter(|t| is_spending(t)) {
        let seen = first_seen.entry(t.payee.as_str()).or_insert(t.date);
        *seen = (*seen).min(t.date);
    }
    let new: Vec<&str> = first_seen
        .iter()
        .filter(|(_, d)| **d >= days_before(30))
        .map(|(p, _)| *p)
        .collect();
    assert_eq!(new, ["Riverside Auto Body"]);
}

#[test]
fn planted_netflix_price_rise_is_the_latest_charge() {
    let delta = first_sync();
    let mut charges: Vec<(NaiveDate, i64)> = posted(&delta, "Netflix")
        .map(|t| (t.date, cents(&t.amount)))
        .collect();
    charges.sort();
    let (last, earlier) = charges.split_last().unwrap();
    assert_eq!(*last, (days_before(6), -1_799));
    assert!(earlier.len() >= 23 && earlier.iter().all(|(_, c)| *c == -1_549));
}

#[test]
fn ordinary_history_has_no_outliers_and_no_duplicates() {
    let delta = first_sync();
    let planted = planted_ids();
    let mut by_payee: HashMap<&str, Vec<(NaiveDate, i64)>> = HashMap::new();
    for t in delta
        .upserts
        .iter()
        .filter(|t| is_spending(t) && !planted.contains(&t.provider_id))
    {
        by_payee
            .entry(t.payee.as_str())
            .or_default()
            .push((t.date, -cents(&t.amount)));
    }
    for (payee, mut charges) in by_payee {
        charges.sort();
        let mut amounts: Vec<i64> = charges.iter().map(|c| c.1).collect();
        amounts.sort();
        let median = amounts[amounts.len() / 2];
        // A usual unusual-spend rule: more than three times the merchant's median.
        assert!(
            amounts.iter().all(|a| *a <= median * 3),
            "{payee}: {amounts:?}"
        );
        for (i, (day, amount)) in charges.iter().enumerate() {
            let dup = charges[i + 1..]
                .iter()
                .take_while(|(d, _)| (*d - *day).num_days() <= 2)
                .any(|(_, a)| a == amount);
            assert!(!dup, "{payee} charged {amount} twice around {day}");
        }
    }
}
