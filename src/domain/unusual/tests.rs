#![allow(clippy::unwrap_used)]
//! Table tests of every unusual-spend rule on small hand-made histories, "today" fixed.

mod duplicate;
mod new_merchant;
mod pace;
mod price;

use super::*;
use crate::domain::history::fixture::{account, day, txn};
use crate::domain::recurring::detect_streams;
use crate::domain::{AccountKind, Month};
use proptest::prelude::*;

pub(super) fn today() -> NaiveDate {
    day(2026, 11, 21)
}

/// A history under construction; ids are assigned in push order.
#[derive(Default)]
pub(super) struct History {
    pub txns: Vec<Transaction>,
    pub known: HashSet<String>,
}

impl History {
    pub fn add(
        &mut self,
        account: i64,
        date: NaiveDate,
        cents: i64,
        payee: &str,
        category: &str,
    ) -> i64 {
        let id = self.txns.len() as i64 + 1;
        self.txns
            .push(txn(id, account, date, cents, payee, category));
        id
    }

    /// `n` charges at `payee`, one every `step` days back from `last`, amounts from lo to hi.
    pub fn visits(
        &mut self,
        n: i64,
        last: NaiveDate,
        step: u64,
        (lo, hi): (i64, i64),
        payee: &str,
        category: &str,
    ) {
        for i in 0..n {
            let cents = match i {
                0 => lo,
                1 => hi,
                _ => lo + (i * 37) % (hi - lo + 1),
            };
            self.add(
                2,
                last - Days::new(step * i as u64),
                -cents,
                payee,
                category,
            );
        }
    }

    pub fn alerts_on(&self, today: NaiveDate) -> Vec<NewAlert> {
        let tree = CategoryTree::defaults();
        let accounts = [
            account(1, "Everyday Checking", AccountKind::Checking, 500_000),
            account(2, "Visa Signature", AccountKind::CreditCard, -90_000),
        ];
        let streams = detect_streams(&self.txns, &tree, today);
        let input = UnusualInput {
            today,
            history: &self.txns,
            tree: &tree,
            accounts: &accounts,
            streams: &streams,
            known_merchants: &self.known,
            covered_from: today - Days::new(400),
        };
        unusual_spend_alerts(&input)
    }

    pub fn alerts(&self) -> Vec<NewAlert> {
        self.alerts_on(today())
    }
}

fn coffee_history() -> History {
    let mut h = History::default();
    h.visits(
        30,
        day(2026, 11, 16),
        2,
        (450, 680),
        "Blue Bottle Coffee",
        "Coffee",
    );
    h
}

fn messages(h: &History) -> Vec<String> {
    h.alerts().into_iter().map(|a| a.message).collect()
}

#[test]
fn a_charge_far_above_its_merchant_explains_itself() {
    let mut h = coffee_history();
    h.add(
        2,
        day(2026, 11, 17),
        -18_240,
        "Blue Bottle Coffee",
        "Coffee",
    );
    let alerts = h.alerts();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0].kind, AlertKind::UnusualSpend);
    assert_eq!(
        alerts[0].key,
        "unusual_spend:above:2:2026-11-17:blue bottle coffee"
    );
    assert_eq!(
        alerts[0].message,
        "$182.40 at Blue Bottle Coffee on 2026-11-17; usually $4.50–$6.80 over 30 visits"
    );
}

#[test]
fn charges_that_are_not_far_above() {
    let cases: Vec<(&str, NaiveDate, i64, &str)> = vec![
        (
            "a large coffee is not news",
            day(2026, 11, 17),
            -900,
            "Coffee",
        ),
        (
            "only recent charges are judged",
            day(2026, 11, 6),
            -18_240,
            "Coffee",
        ),
        (
            "money in is not a charge",
            day(2026, 11, 17),
            18_240,
            "Coffee",
        ),
        (
            "a transfer is not a charge",
            day(2026, 11, 17),
            -18_240,
            "Transfers",
        ),
    ];
    for (why, date, cents, category) in cases {
        let mut h = coffee_history();
        h.add(2, date, cents, "Blue Bottle Coffee", category);
        assert!(messages(&h).is_empty(), "{why}: {:?}", messages(&h));
    }
    let mut few = History::default();
    few.visits(
        3,
        day(2026, 11, 10),
        2,
        (450, 680),
        "Blue Bottle Coffee",
        "Coffee",
    );
    few.add(
        2,
        day(2026, 11, 17),
        -18_240,
        "Blue Bottle Coffee",
        "Coffee",
    );
    assert!(
        messages(&few).is_empty(),
        "three earlier charges are too few"
    );
}

#[test]
fn a_merchant_that_always_charges_the_same_gets_a_floor_not_a_zero() {
    let mut h = History::default();
    for i in 0..6 {
        h.add(
            1,
            day(2026, 11, 2) - Days::new(9 * i),
            -4_000,
            "Climbing Gym",
            "Fitness",
        );
    }
    h.add(1, day(2026, 11, 20), -4_150, "Climbing Gym", "Fitness");
    assert!(messages(&h).is_empty(), "$41.50 against a steady $40.00");
    h.add(1, day(2026, 11, 21), -12_000, "Climbing Gym", "Fitness");
    assert_eq!(
        messages(&h),
        ["$120.00 at Climbing Gym on 2026-11-21; usually $40.00–$41.50 over 7 visits"]
    );
}

#[test]
fn repeats_across_pending_and_posted_dates() {
    let key = "unusual_spend:above:2:2026-11-18:blue bottle coffee";
    assert!(is_repeat(
        key,
        ["unusual_spend:above:2:2026-11-17:blue bottle coffee"]
    ));
    assert!(!is_repeat(
        key,
        ["unusual_spend:above:2:2026-11-12:blue bottle coffee"]
    ));
    assert!(!is_repeat(
        key,
        ["unusual_spend:above:1:2026-11-17:blue bottle coffee"]
    ));
    assert!(!is_repeat(
        key,
        ["unusual_spend:new_merchant:2:2026-11-17:blue bottle coffee"]
    ));
    assert!(!is_repeat(
        "unusual_spend:pace:Dining:2026-11",
        ["unusual_spend:pace:Dining:2026-11"]
    ));
    assert!(!is_repeat(key, ["bill_due:x:2026-11-17:soon"]));
}

proptest! {
    #[test]
    fn alerts_are_deterministic_with_unique_keys(
        amounts in proptest::collection::vec(100i64..50_000, 5..60),
        gaps in proptest::collection::vec(0u64..4, 5..60),
    ) {
        let mut h = History::default();
        let mut date = today() - Days::new(120);
        for (i, (cents, gap)) in amounts.iter().zip(&gaps).enumerate() {
            date = (date + Days::new(*gap)).min(today());
            h.add(1 + (i % 2) as i64, date, -cents, ["A", "B", "C"][i % 3], "Shopping");
        }
        let first = h.alerts();
        prop_assert_eq!(&first, &h.alerts());
        let keys: HashSet<&str> = first.iter().map(|a| a.key.as_str()).collect();
        prop_assert_eq!(keys.len(), first.len());
        prop_assert!(first.iter().all(|a| a.kind == AlertKind::UnusualSpend && !a.message.is_empty()));
    }
}
