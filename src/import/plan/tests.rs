//! The planning rules, one table of cases each: ids and re-imports, reused FITIDs, rows without
//! ids, corrections and tombstones, and matching rows from other sources.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::{AccountKind, Currency};
use crate::import::statement::Correction;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 10, d).unwrap()
}

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

fn txn(id: Option<&str>, d: u32, cents: i64, payee: &str) -> StatementTxn {
    StatementTxn {
        line: 1,
        id: id.map(str::to_string),
        date: day(d),
        amount: usd(cents),
        payee: payee.to_string(),
        description: payee.to_string(),
        category: None,
        correction: None,
        raw: "{}".to_string(),
    }
}

fn statement(transactions: Vec<StatementTxn>) -> Statement {
    Statement {
        account_key: Some("ofx:1:2".into()),
        account_number: Some("2".into()),
        institution: None,
        kind: AccountKind::Checking,
        currency: Currency::USD,
        period: Some((day(1), day(31))),
        ledger: None,
        available: None,
        transactions,
    }
}

fn stored(id: &str, d: u32, cents: i64, payee: &str) -> Existing {
    Existing {
        provider_id: id.to_string(),
        date: day(d),
        amount: usd(cents),
        payee: payee.to_string(),
    }
}

fn run(s: &Statement, existing: &[Existing], ofx: bool) -> Plan {
    plan(&PlanInput {
        statement: s,
        ofx,
        provider_account_id: "ofx:1:2",
        existing,
        tombstones: &HashSet::new(),
    })
}

fn ids(p: &Plan) -> Vec<&str> {
    p.upserts.iter().map(|u| u.provider_id.as_str()).collect()
}

/// What the store would hold after applying `p` on top of `existing`.
fn after(existing: &[Existing], p: &Plan) -> Vec<Existing> {
    let mut rows: Vec<Existing> = existing
        .iter()
        .filter(|e| !p.removed.contains(&e.provider_id))
        .filter(|e| !p.upserts.iter().any(|u| u.provider_id == e.provider_id))
        .cloned()
        .collect();
    rows.extend(p.upserts.iter().map(|u| Existing {
        provider_id: u.provider_id.clone(),
        date: u.date,
        amount: u.amount,
        payee: u.payee.clone(),
    }));
    rows
}

#[test]
fn reimporting_the_same_statement_adds_nothing() {
    let s = statement(vec![
        txn(Some("A"), 2, -500, "Cafe"),
        txn(Some("B"), 3, 2000, "Pay"),
    ]);
    let first = run(&s, &[], true);
    assert_eq!(ids(&first), ["ofx:A", "ofx:B"]);
    assert_eq!((first.stats.new, first.stats.known), (2, 0));
    let again = run(&s, &after(&[], &first), true);
    assert_eq!(ids(&again), ids(&first));
    assert_eq!((again.stats.new, again.stats.known), (0, 2));
}

#[test]
fn a_reused_fitid_with_another_date_or_amount_is_another_transaction() {
    let october = statement(vec![txn(Some("1"), 2, -500, "Cafe")]);
    let held = after(&[], &run(&october, &[], true));
    let november = statement(vec![txn(Some("1"), 20, -900, "Books")]);
    let p = run(&november, &held, true);
    assert_eq!(ids(&p), ["ofx:1@2023-10-20:-9.00"]);
    assert_eq!(p.stats.new, 1);
    let held = after(&held, &p);
    assert_eq!(held.len(), 2);
    // Both statements again, in either order: nothing new.
    for s in [&october, &november] {
        let again = run(s, &held, true);
        assert_eq!((again.stats.new, again.stats.known), (0, 1));
    }
    // Within one statement: the same FITID on two different rows, and one row listed twice.
    let s = statement(vec![
        txn(Some("7"), 2, -100, "A"),
        txn(Some("7"), 3, -200, "B"),
        txn(Some("7"), 2, -100, "A"),
    ]);
    let p = run(&s, &[], true);
    assert_eq!(ids(&p), ["ofx:7", "ofx:7@2023-10-03:-2.00"]);
    assert_eq!(p.stats.duplicates, 1);
}

#[test]
fn rows_without_ids_keep_identical_purchases_apart() {
    let s = statement(vec![
        txn(None, 2, -550, "Blue Bottle"),
        txn(None, 2, -550, "Blue Bottle"),
        txn(None, 2, -550, "Shell"),
    ]);
    let p = run(&s, &[], false);
    assert_eq!(
        ids(&p),
        [
            "csv:2023-10-02:-5.50:blue bottle#0",
            "csv:2023-10-02:-5.50:blue bottle#1",
            "csv:2023-10-02:-5.50:shell#0"
        ]
    );
    let again = run(&s, &after(&[], &p), false);
    assert_eq!((again.stats.new, again.stats.known), (0, 3));
}

#[test]
fn corrections_replace_and_delete_and_stay_done() {
    let held = vec![
        stored("ofx:A", 2, -500, "Cafe"),
        stored("ofx:B", 3, -700, "Deli"),
    ];
    let mut replace = txn(Some("A2"), 2, -550, "Cafe");
    replace.correction = Some(Correction {
        fitid: "A".into(),
        action: CorrectAction::Replace,
    });
    let mut delete = txn(Some("X"), 3, -700, "Deli");
    delete.correction = Some(Correction {
        fitid: "B".into(),
        action: CorrectAction::Delete,
    });
    let s = statement(vec![replace, delete]);
    let p = run(&s, &held, true);
    assert_eq!(ids(&p), ["ofx:A2"]);
    assert_eq!(p.upserts[0].pending_provider_id.as_deref(), Some("ofx:A"));
    assert_eq!(p.removed, ["ofx:B"]);
    assert_eq!(p.stats.corrections, 2);
    let mut tombstones = p.tombstones.clone();
    tombstones.sort();
    assert_eq!(tombstones, ["ofx:A", "ofx:B"]);

    // The older statement imported again: its corrected rows stay gone.
    let old = statement(vec![
        txn(Some("A"), 2, -500, "Cafe"),
        txn(Some("B"), 3, -700, "Deli"),
    ]);
    let held_now = vec![stored("ofx:A2", 2, -550, "Cafe")];
    let gone: HashSet<String> = tombstones.into_iter().collect();
    let p = plan(&PlanInput {
        statement: &old,
        ofx: true,
        provider_account_id: "ofx:1:2",
        existing: &held_now,
        tombstones: &gone,
    });
    assert!(p.upserts.is_empty(), "{:?}", ids(&p));
    assert_eq!(p.stats.previously_corrected, 2);
}

#[test]
fn a_correction_within_the_same_statement_drops_the_original() {
    let mut delete = txn(Some("D"), 4, 0, "");
    delete.correction = Some(Correction {
        fitid: "A".into(),
        action: CorrectAction::Delete,
    });
    let s = statement(vec![
        txn(Some("A"), 2, -500, "Cafe"),
        txn(Some("B"), 3, -1, "B"),
        delete,
    ]);
    let p = run(&s, &[], true);
    assert_eq!(ids(&p), ["ofx:B"]);
    assert_eq!(p.tombstones, ["ofx:A"]);
    assert!(p.removed.is_empty());
}

#[test]
fn rows_a_live_sync_brought_are_not_duplicated() {
    let live = vec![
        stored("plaid-1", 3, -4250, "Trader Joe's"),
        stored("plaid-2", 5, -550, "Blue Bottle Coffee"),
        stored("plaid-3", 9, -1999, "NETFLIX.COM"),
        stored("plaid-4", 12, -3000, "Shell"),
        stored("plaid-5", 28, -800, "Lunch"),
    ];
    let s = statement(vec![
        // One day later, similar payee: the same purchase.
        txn(Some("1"), 4, -4250, "TRADER JOE'S #552 OAKLAND CA"),
        // Two identical coffees; the live sync has one of them.
        txn(Some("2"), 5, -550, "BLUE BOTTLE COFFEE"),
        txn(Some("3"), 5, -550, "BLUE BOTTLE COFFEE"),
        // Same day, same amount, payee written differently: the same.
        txn(Some("4"), 9, -1999, "Recurring debit card 4417"),
        // Same amount two days off with an unrelated payee: a different purchase.
        txn(Some("5"), 14, -3000, "Chevron"),
        // Same amount four days off, same payee: too far apart.
        txn(Some("6"), 24, -800, "Lunch"),
    ]);
    let p = run(&s, &live, true);
    assert_eq!(p.stats.matched, 3, "{:?}", ids(&p));
    assert_eq!(ids(&p), ["ofx:3", "ofx:5", "ofx:6"]);
}

#[test]
fn matching_needs_the_synced_row_inside_the_statement_period_and_another_source() {
    let mut s = statement(vec![txn(Some("1"), 10, -500, "Cafe")]);
    s.period = Some((day(10), day(20)));
    let outside = vec![stored("plaid-1", 9, -500, "Cafe")];
    assert_eq!(run(&s, &outside, true).stats.matched, 0);
    // Rows imported from OFX before are matched by FITID only, never by amount and date.
    let own = vec![stored("ofx:other", 10, -500, "Cafe")];
    assert_eq!(run(&s, &own, true).stats.matched, 0);
    // A CSV row of the same purchase is matched when importing OFX.
    let csv = vec![stored("csv:2023-10-10:-5.00:cafe#0", 10, -500, "Cafe")];
    assert_eq!(run(&s, &csv, true).stats.matched, 1);
}
