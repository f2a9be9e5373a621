#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::history::fixture::{account, day, txn};
use crate::domain::recurring::detect_streams;
use crate::domain::{AccountKind, Currency, Month};

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

fn bill(id: i64, name: &str, account: i64, cents: i64, due: NaiveDate, source: BillSource) -> Bill {
    Bill {
        id,
        name: name.into(),
        account_id: Some(account),
        amount: usd(cents),
        minimum: (source == BillSource::Liability).then(|| usd(3_500)),
        due,
        source,
        paid: false,
    }
}

fn rent_history(months: i32) -> Vec<Transaction> {
    let from = Month::new(2026, 11).unwrap().plus(-months + 1);
    (0..months)
        .map(|i| {
            txn(
                100 + i64::from(i),
                1,
                from.plus(i).first_day(),
                -185_000,
                "Parkside Apartments",
                "Rent",
            )
        })
        .collect()
}

fn plan(bills: &[Bill], txns: &[Transaction], today: NaiveDate) -> BillPlan {
    let tree = CategoryTree::defaults();
    let streams = detect_streams(txns, &tree, today);
    plan_bills(&streams, bills, txns, &tree)
}

#[test]
fn a_stream_predicts_its_next_bill() {
    let p = plan(&[], &rent_history(12), day(2026, 11, 21));
    assert_eq!(
        p.upsert,
        vec![PlannedBill {
            name: "Parkside Apartments".into(),
            account_id: 1,
            amount: usd(185_000),
            due: day(2026, 12, 1),
        }]
    );
    assert!(p.paid.is_empty() && p.dropped.is_empty());
}

#[test]
fn the_payment_pays_the_prediction_and_stale_predictions_go() {
    let txns = rent_history(12);
    let bills = [
        bill(
            1,
            "Parkside Apartments",
            1,
            185_000,
            day(2026, 11, 3),
            BillSource::Recurring,
        ),
        bill(
            2,
            "Parkside Apartments",
            1,
            185_000,
            day(2026, 10, 20),
            BillSource::Recurring,
        ),
        bill(
            3,
            "Parkside Apartments",
            1,
            185_000,
            day(2026, 12, 1),
            BillSource::Recurring,
        ),
    ];
    let p = plan(&bills, &txns, day(2026, 11, 21));
    assert_eq!(p.paid, vec![1], "Nov 1 rent is within 6 days of Nov 3");
    assert_eq!(
        p.dropped,
        vec![2],
        "nothing paid near Oct 20 and it is not the prediction"
    );
    assert_eq!(p.upsert.len(), 1, "the Dec 1 prediction stays");
}

#[test]
fn statements_are_paid_by_a_card_payment_only() {
    let due = day(2026, 11, 24);
    let statement = [bill(
        9,
        "Visa statement",
        3,
        81_240,
        due,
        BillSource::Liability,
    )];
    let tree = CategoryTree::defaults();
    let cases = [
        (
            "payment of the minimum",
            txn(
                1,
                3,
                day(2026, 11, 20),
                3_500,
                "Payment",
                "Credit card payment",
            ),
            true,
        ),
        (
            "full payment on the due date",
            txn(1, 3, due, 81_240, "Payment", "Credit card payment"),
            true,
        ),
        (
            "below the minimum",
            txn(1, 3, due, 3_499, "Payment", "Credit card payment"),
            false,
        ),
        (
            "a refund is not a payment",
            txn(1, 3, due, 90_000, "Amazon", "Shopping"),
            false,
        ),
        (
            "last month's payment",
            txn(
                1,
                3,
                day(2026, 10, 24),
                70_000,
                "Payment",
                "Credit card payment",
            ),
            false,
        ),
        (
            "another card",
            txn(1, 4, due, 81_240, "Payment", "Credit card payment"),
            false,
        ),
    ];
    for (why, t, paid) in cases {
        let p = plan_bills(&[], &statement, &[t], &tree);
        assert_eq!(p.paid == vec![9], paid, "{why}");
        assert!(p.dropped.is_empty(), "{why}: statements are never dropped");
    }
}

#[test]
fn manual_bills_match_by_name_amount_and_date() {
    let due = day(2026, 12, 5);
    let gym = [bill(4, "Gym", 1, 4_000, due, BillSource::Manual)];
    let tree = CategoryTree::defaults();
    let pays = |t: Transaction| plan_bills(&[], &gym, &[t], &tree).paid == vec![4];
    assert!(pays(txn(
        1,
        1,
        day(2026, 12, 4),
        -4_100,
        "Downtown Gym",
        "Fitness"
    )));
    assert!(!pays(txn(
        1,
        1,
        day(2026, 12, 4),
        -6_000,
        "Downtown Gym",
        "Fitness"
    )));
    assert!(!pays(txn(
        1,
        1,
        day(2026, 11, 4),
        -4_000,
        "Downtown Gym",
        "Fitness"
    )));
    let mut pending = txn(1, 1, due, -4_000, "Gym", "Fitness");
    pending.pending = true;
    assert!(!pays(pending), "only a posted payment pays");
}

#[test]
fn only_cash_account_predictions_and_real_bills_alert() {
    let accounts = [
        account(1, "Checking", AccountKind::Checking, 10_000),
        account(3, "Card", AccountKind::CreditCard, -10_000),
    ];
    let today = day(2026, 11, 21);
    let bills = [
        bill(
            1,
            "Parkside Apartments",
            1,
            185_000,
            day(2026, 12, 1),
            BillSource::Recurring,
        ),
        bill(
            2,
            "Spotify",
            3,
            1_199,
            day(2026, 11, 23),
            BillSource::Recurring,
        ),
        bill(
            3,
            "Xfinity",
            1,
            7_999,
            day(2026, 11, 18),
            BillSource::Recurring,
        ),
        bill(
            4,
            "Visa statement",
            3,
            81_240,
            day(2026, 11, 18),
            BillSource::Liability,
        ),
        bill(5, "Gym", 1, 4_000, day(2026, 11, 25), BillSource::Manual),
    ];
    let ids: Vec<i64> = alerting_bills(&bills, &accounts, today)
        .iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(ids, vec![1, 4, 5]);
}

#[test]
fn a_bill_the_user_keeps_by_hand_replaces_the_prediction() {
    let today = day(2026, 11, 21);
    let mut mine = bill(
        7,
        "PARKSIDE  Apartments",
        1,
        190_000,
        day(2026, 12, 2),
        BillSource::Manual,
    );
    mine.account_id = None;
    let predicted = bill(
        8,
        "Parkside Apartments",
        1,
        185_000,
        day(2026, 12, 1),
        BillSource::Recurring,
    );
    let p = plan(&[mine.clone(), predicted], &rent_history(12), today);
    assert!(p.upsert.is_empty(), "{p:?}");
    assert_eq!(p.dropped, [8]);
    assert!(plan(&[mine], &rent_history(12), today).upsert.is_empty());
}

mod pending;
