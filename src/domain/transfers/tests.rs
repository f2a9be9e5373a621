#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::history::fixture::{account, day, txn};

fn accounts() -> Vec<Account> {
    vec![
        account(1, "Checking", AccountKind::Checking, 100_000),
        account(2, "Savings", AccountKind::Savings, 500_000),
        account(3, "Card", AccountKind::CreditCard, -80_000),
        account(4, "Other checking", AccountKind::Checking, 10_000),
    ]
}

fn detect(txns: &[Transaction]) -> Vec<TransferPair> {
    detect_transfers(txns, &accounts(), &CategoryTree::defaults())
}

#[test]
fn uncategorised_card_payment_is_found_and_recategorised() {
    let txns = vec![
        txn(
            1,
            1,
            day(2026, 11, 3),
            -81_240,
            "ONLINE PMT VISA",
            "Uncategorized",
        ),
        txn(
            2,
            3,
            day(2026, 11, 4),
            81_240,
            "PAYMENT RECEIVED",
            "Uncategorized",
        ),
        txn(3, 1, day(2026, 11, 4), -550, "Blue Bottle", "Coffee"),
    ];
    let pairs = detect(&txns);
    assert_eq!(
        pairs,
        vec![TransferPair {
            out: 1,
            into: 2,
            kind: TransferKind::CardPayment
        }]
    );
    assert_eq!(
        recategorisations(&pairs, &txns),
        vec![(1, "Credit card payment"), (2, "Credit card payment")]
    );
    assert_eq!(card_payers(&pairs, &txns).get(&3), Some(&1));
}

#[test]
fn table_of_non_pairs() {
    let d = day(2026, 11, 10);
    let cases: Vec<(&str, Vec<Transaction>)> = vec![
        (
            "same account",
            vec![
                txn(1, 1, d, -5_000, "Out", "Uncategorized"),
                txn(2, 1, d, 5_000, "In", "Uncategorized"),
            ],
        ),
        (
            "too far apart",
            vec![
                txn(1, 1, d, -5_000, "Out", "Uncategorized"),
                txn(2, 2, day(2026, 11, 14), 5_000, "In", "Uncategorized"),
            ],
        ),
        (
            "different amounts",
            vec![
                txn(1, 1, d, -5_000, "Out", "Uncategorized"),
                txn(2, 2, d, 5_001, "In", "Uncategorized"),
            ],
        ),
        (
            "an expense leg is taken at its word",
            vec![
                txn(1, 1, d, -5_000, "Grocer", "Groceries"),
                txn(2, 2, d, 5_000, "In", "Uncategorized"),
            ],
        ),
        (
            "income is not a transfer",
            vec![
                txn(1, 1, d, -245_138, "Out", "Uncategorized"),
                txn(2, 4, d, 245_138, "ACME Payroll", "Paycheck"),
            ],
        ),
    ];
    for (why, txns) in cases {
        assert!(detect(&txns).is_empty(), "{why}");
    }
}

#[test]
fn pending_legs_wait_and_each_leg_pairs_once_closest_first() {
    let mut pending = txn(1, 1, day(2026, 11, 10), -5_000, "Out", "Uncategorized");
    pending.pending = true;
    assert!(
        detect(&[
            pending,
            txn(2, 2, day(2026, 11, 10), 5_000, "In", "Uncategorized")
        ])
        .is_empty()
    );

    let txns = vec![
        txn(
            1,
            1,
            day(2026, 11, 10),
            -5_000,
            "To savings",
            "Uncategorized",
        ),
        txn(
            2,
            2,
            day(2026, 11, 12),
            5_000,
            "From checking",
            "Uncategorized",
        ),
        txn(
            3,
            2,
            day(2026, 11, 10),
            5_000,
            "From checking",
            "Savings transfer",
        ),
    ];
    let pairs = detect(&txns);
    assert_eq!(pairs.len(), 1);
    assert_eq!(
        (pairs[0].out, pairs[0].into),
        (1, 3),
        "same day beats two days apart"
    );
    assert_eq!(pairs[0].kind, TransferKind::Savings);
    assert_eq!(
        recategorisations(&pairs, &txns),
        vec![(1, "Savings transfer")]
    );
}

#[test]
fn between_two_checking_accounts_is_a_plain_transfer() {
    let txns = vec![
        txn(1, 4, day(2026, 11, 10), -20_000, "Zelle", "Uncategorized"),
        txn(2, 1, day(2026, 11, 11), 20_000, "Zelle", "Transfers"),
    ];
    let pairs = detect(&txns);
    assert_eq!(pairs[0].kind, TransferKind::Other);
    assert_eq!(recategorisations(&pairs, &txns), vec![(1, "Transfers")]);
    assert!(card_payers(&pairs, &txns).is_empty());
}
