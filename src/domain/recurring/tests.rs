#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::history::fixture::{day, txn};

fn monthly(
    from: Month,
    n: i32,
    dom: u32,
    cents: i64,
    payee: &str,
    category: &str,
) -> Vec<Transaction> {
    (0..n)
        .map(|i| {
            let date = from.plus(i).day_clamped(dom);
            txn(1000 + i64::from(i), 1, date, cents, payee, category)
        })
        .collect()
}

fn every(
    start: NaiveDate,
    days: u64,
    n: u64,
    cents: i64,
    payee: &str,
    category: &str,
) -> Vec<Transaction> {
    (0..n)
        .map(|i| {
            txn(
                2000 + i as i64,
                1,
                start + Days::new(i * days),
                cents,
                payee,
                category,
            )
        })
        .collect()
}

fn detect(txns: &[Transaction], today: NaiveDate) -> Vec<Stream> {
    detect_streams(txns, &CategoryTree::defaults(), today)
}

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

#[test]
fn cadences_table() {
    let today = day(2026, 11, 21);
    type Case<'a> = (&'a str, Vec<Transaction>, Option<(Cadence, NaiveDate)>);
    let cases: Vec<Case> = vec![
        (
            "monthly rent on the 1st",
            monthly(m(2025, 12), 12, 1, -185_000, "Parkside Apartments", "Rent"),
            Some((Cadence::Monthly, day(2026, 12, 1))),
        ),
        (
            "bi-weekly paycheck",
            every(day(2026, 6, 5), 14, 12, 245_138, "ACME Payroll", "Paycheck"),
            Some((Cadence::Biweekly, day(2026, 11, 20))),
        ),
        (
            "weekly class",
            every(day(2026, 9, 4), 7, 11, -2_000, "Yoga Loft", "Fitness"),
            Some((Cadence::Weekly, day(2026, 11, 20))),
        ),
        (
            "yearly domain renewal",
            vec![
                txn(1, 1, day(2024, 12, 2), -1_500, "Registrar", "Software"),
                txn(2, 1, day(2025, 12, 2), -1_500, "Registrar", "Software"),
            ],
            Some((Cadence::Annual, day(2026, 12, 2))),
        ),
        (
            "irregular café visits",
            [1, 2, 5, 9, 10, 16, 23, 24, 30]
                .iter()
                .map(|d| txn(*d, 1, day(2026, 10, *d as u32), -550, "Cafe", "Coffee"))
                .collect(),
            None,
        ),
        (
            "monthly but amounts all over the place",
            [1_000i64, 9_000, 2_500, 15_000, 4_000]
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    txn(
                        i as i64,
                        1,
                        m(2026, 7).plus(i as i32).day_clamped(9),
                        -c,
                        "Shop",
                        "Shopping",
                    )
                })
                .collect(),
            None,
        ),
        (
            "a stream that stopped",
            monthly(m(2025, 1), 8, 14, -1_399, "Disney+", "Streaming"),
            None,
        ),
        (
            "transfers are not bills",
            monthly(
                m(2025, 12),
                12,
                9,
                -50_000,
                "To savings",
                "Savings transfer",
            ),
            None,
        ),
        (
            "too few",
            monthly(m(2026, 9), 2, 9, -999, "New sub", "Streaming"),
            None,
        ),
    ];
    for (why, txns, expected) in cases {
        let found = detect(&txns, today);
        let got = found.first().map(|s| (s.cadence, s.next));
        assert_eq!(got, expected, "{why}");
        assert!(found.len() <= 1, "{why}: {found:?}");
    }
}

#[test]
fn a_price_rise_stays_in_its_stream() {
    let mut txns = monthly(m(2025, 11), 12, 15, -1_549, "Netflix", "Streaming");
    txns.push(txn(1, 1, day(2026, 11, 15), -1_799, "Netflix", "Streaming"));
    let streams = detect(&txns, day(2026, 11, 21));
    assert_eq!(streams.len(), 1);
    let s = &streams[0];
    assert_eq!(
        s.latest().amount,
        Money::from_minor(-1_799, crate::domain::Currency::USD)
    );
    assert_eq!(
        s.previous().map(|o| o.amount.amount),
        Some(Decimal::new(-1549, 2))
    );
    assert_eq!(
        s.expected().amount,
        Decimal::new(1799, 2),
        "a fixed price that rose is expected at its new level"
    );
    assert_eq!(s.next, day(2026, 12, 15));
}

#[test]
fn variable_bills_expect_the_median_of_three_and_keep_day_31() {
    let amounts = [-13_800, -14_200, -12_800, -10_500, -8_800];
    let txns: Vec<Transaction> = amounts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            txn(
                i as i64,
                1,
                m(2025, 12).plus(i as i32).day_clamped(31),
                *c,
                "PG&E",
                "Electricity",
            )
        })
        .collect();
    let streams = detect(&txns, day(2026, 5, 2));
    assert_eq!(streams.len(), 1);
    assert_eq!(streams[0].expected().amount, Decimal::new(10_500, 2));
    assert_eq!(
        streams[0].next,
        day(2026, 5, 31),
        "April 30 is the 31st clamped"
    );
}

#[test]
fn one_stream_per_account_merchant_and_direction() {
    let mut txns = monthly(m(2026, 1), 10, 3, -299, "iCloud+", "Software");
    let mut on_other = monthly(m(2026, 1), 10, 3, -299, "iCloud+", "Software");
    for t in &mut on_other {
        t.account_id = 2;
        t.id += 500;
    }
    txns.extend(on_other);
    let streams = detect(&txns, day(2026, 10, 20));
    assert_eq!(streams.len(), 2);
    assert!(
        streams
            .iter()
            .all(|s| !s.inflow && s.cadence == Cadence::Monthly)
    );
}
