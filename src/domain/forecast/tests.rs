#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::history::fixture::{account, day, txn};
use crate::domain::recurring::detect_streams;
use crate::domain::{AccountKind, CategoryTree, Currency, Transaction};

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

fn bill(id: i64, name: &str, account: i64, cents: i64, due: NaiveDate, source: BillSource) -> Bill {
    Bill {
        id,
        name: name.into(),
        account_id: Some(account),
        amount: usd(cents),
        minimum: None,
        due,
        source,
        paid: false,
    }
}

/// Paychecks into checking every other Friday, the next on Dec 4.
fn paychecks() -> Vec<Transaction> {
    (1..=8)
        .map(|i| {
            txn(
                i,
                1,
                day(2026, 12, 4) - chrono::Days::new(14 * i as u64),
                245_138,
                "ACME Payroll",
                "Paycheck",
            )
        })
        .collect()
}

fn run(checking_cents: i64, bills: &[Bill], txns: &[Transaction]) -> Vec<NewAlert> {
    let today = day(2026, 11, 23);
    let accounts = [
        account(
            1,
            "Everyday Checking",
            AccountKind::Checking,
            checking_cents,
        ),
        account(3, "Visa Signature", AccountKind::CreditCard, -212_000),
    ];
    let streams = detect_streams(txns, &CategoryTree::defaults(), today);
    let payers = HashMap::from([(3, 1)]);
    let settings = ForecastSettings {
        today,
        low_balance: &|_| rust_decimal::Decimal::ONE_HUNDRED,
        payers: &payers,
    };
    projected_low_alerts(&accounts, bills, &streams, &settings)
}

#[test]
fn bills_before_payday_that_would_leave_too_little() {
    let bills = [
        bill(
            1,
            "Visa Signature statement",
            3,
            212_000,
            day(2026, 11, 25),
            BillSource::Liability,
        ),
        bill(
            2,
            "Parkside Apartments",
            1,
            185_000,
            day(2026, 12, 1),
            BillSource::Recurring,
        ),
        bill(
            3,
            "Xfinity",
            1,
            7_999,
            day(2026, 12, 18),
            BillSource::Recurring,
        ),
    ];
    let alerts = run(300_000, &bills, &paychecks());
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0].kind, AlertKind::LowBalance);
    assert_eq!(alerts[0].key, "low_balance:projected:1:2026-12-04");
    assert_eq!(
        alerts[0].message,
        "Everyday Checking may run low: $3,000.00 available, but $3,970.00 of bills due before your \
         next income on 2026-12-04 (Visa Signature statement $2,120.00 on 2026-11-25, Parkside \
         Apartments $1,850.00 on 2026-12-01) would leave -$970.00, below your $100.00 threshold"
    );
}

#[test]
fn no_projection_table() {
    let statement = bill(
        1,
        "Visa Signature statement",
        3,
        212_000,
        day(2026, 11, 25),
        BillSource::Liability,
    );
    let paid = Bill {
        paid: true,
        ..statement.clone()
    };
    let after_payday = Bill {
        due: day(2026, 12, 4),
        ..statement.clone()
    };
    let other_card = Bill {
        account_id: Some(9),
        ..statement.clone()
    };
    let cases: Vec<(&str, i64, Vec<Bill>, Vec<Transaction>)> = vec![
        (
            "enough money",
            500_000,
            vec![statement.clone()],
            paychecks(),
        ),
        (
            "already low: the plain alert covers it",
            5_000,
            vec![statement.clone()],
            paychecks(),
        ),
        ("no known income", 300_000, vec![statement.clone()], vec![]),
        ("paid", 100_000, vec![paid], paychecks()),
        ("due on payday", 100_000, vec![after_payday], paychecks()),
        (
            "a card no account is known to pay",
            100_000,
            vec![other_card],
            paychecks(),
        ),
    ];
    for (why, cents, bills, txns) in cases {
        assert!(run(cents, &bills, &txns).is_empty(), "{why}");
    }
}
