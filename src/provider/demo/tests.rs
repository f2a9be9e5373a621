//! Tests of the demo bank through its public `fetch`: the first sync's accounts, history, balances,
//! bill, ids and cursor errors. Planted trouble is in `tests/planted_trouble.rs`, later syncs in
//! `tests/later_syncs.rs`, properties over any seed and anchor in `tests/invariants.rs`.
#![allow(clippy::unwrap_used)]

mod invariants;
mod later_syncs;
mod planted_trouble;

use std::collections::{BTreeMap, HashSet};

use chrono::{Days, NaiveDate};

use super::planted::*;
use super::*;
use crate::domain::{AccountKind, IncomingTransaction, Month};

pub(super) fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

pub(super) fn ctx(today: NaiveDate) -> FetchContext {
    FetchContext {
        today,
        now: today.and_hms_opt(9, 30, 0).unwrap().and_utc(),
        history_days: 730,
    }
}

pub(super) fn first_sync() -> Delta {
    DemoBank::new(DEMO_SEED)
        .fetch(None, &ctx(anchor()))
        .unwrap()
}

pub(super) fn cents(money: &Money) -> i64 {
    money.to_minor().unwrap()
}

pub(super) fn account<'a>(delta: &'a Delta, id: &str) -> &'a AccountSnapshot {
    delta
        .accounts
        .iter()
        .find(|a| a.provider_account_id == id)
        .unwrap()
}

pub(super) fn days_before(n: u64) -> NaiveDate {
    anchor() - Days::new(n)
}

#[test]
fn same_inputs_give_the_same_delta_and_seeds_differ() {
    assert_eq!(first_sync(), first_sync());
    let other = DemoBank::new(DEMO_SEED + 1)
        .fetch(None, &ctx(anchor()))
        .unwrap();
    assert_ne!(first_sync().upserts, other.upserts);
}

#[test]
fn three_usd_accounts_including_a_card_with_a_limit() {
    let delta = first_sync();
    let kinds: Vec<AccountKind> = delta.accounts.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            AccountKind::Checking,
            AccountKind::Savings,
            AccountKind::CreditCard
        ]
    );
    let card = account(&delta, "demo-card");
    assert_eq!(card.name, "Visa Signature");
    assert_eq!(card.limit.map(|l| cents(&l)), Some(800_000));
    assert!(card.balance.is_negative() && cents(&card.balance) > -800_000);
    assert!(account(&delta, "demo-checking").available.is_some());
    for a in &delta.accounts {
        assert_eq!(
            (a.currency, a.balance.currency, a.as_of),
            (Currency::USD, Currency::USD, ctx(anchor()).now)
        );
    }
}

#[test]
fn history_spans_two_years_of_months() {
    let delta = first_sync();
    let dates: Vec<NaiveDate> = delta.upserts.iter().map(|t| t.date).collect();
    assert_eq!(dates.iter().min(), Some(&days_before(730)));
    assert_eq!(dates.iter().max(), Some(&anchor()));
    let months: HashSet<Month> = dates.iter().map(|d| Month::of(*d)).collect();
    assert_eq!(months.len(), 25);
}

#[test]
fn a_few_hundred_transactions_in_every_full_month() {
    let delta = first_sync();
    let mut per_month: BTreeMap<Month, usize> = BTreeMap::new();
    for t in &delta.upserts {
        *per_month.entry(Month::of(t.date)).or_default() += 1;
    }
    let full = per_month
        .iter()
        .filter(|(m, _)| m.first_day() > days_before(730) && m.last_day() < anchor());
    assert_eq!(full.clone().count(), 23);
    for (month, count) in full {
        assert!((150..=300).contains(count), "{month}: {count} transactions");
    }
}

#[test]
fn checking_is_low_at_the_anchor_and_balances_add_up() {
    let delta = first_sync();
    let checking = account(&delta, "demo-checking");
    let (balance, available) = (
        cents(&checking.balance),
        checking.available.map(|a| cents(&a)).unwrap(),
    );
    assert!((0..10_000).contains(&balance), "balance {balance}");
    assert!(
        (0..10_000).contains(&available) && available <= balance,
        "available {available}"
    );
    let target = target_available_cents(DEMO_SEED);
    assert!((target..target + 100).contains(&available));
    for (i, acct) in Acct::ALL.into_iter().enumerate() {
        let of_acct = |pending: bool| {
            delta
                .upserts
                .iter()
                .filter(move |t| t.provider_account_id == acct.id() && t.pending == pending)
        };
        let sum: i64 = of_acct(false).map(|t| cents(&t.amount)).sum();
        let snapshot = account(&delta, acct.id());
        assert_eq!(
            cents(&snapshot.balance),
            ledger::OPENING_CENTS[i] + sum,
            "{}",
            acct.id()
        );
        if let Some(available) = snapshot.available {
            let holds: i64 = of_acct(true).map(|t| cents(&t.amount).min(0)).sum();
            assert_eq!(cents(&available), cents(&snapshot.balance) + holds);
        }
    }
}

#[test]
fn card_statement_is_due_in_a_few_days() {
    let delta = first_sync();
    assert_eq!(delta.bills.len(), 1);
    let bill = &delta.bills[0];
    assert_eq!(
        (bill.provider_account_id.as_str(), bill.name.as_str()),
        ("demo-card", "Visa Signature statement")
    );
    assert!(
        (2..=5).contains(&(bill.due - anchor()).num_days()),
        "due {}",
        bill.due
    );
    let (amount, minimum) = (
        cents(&bill.amount),
        bill.minimum.map(|m| cents(&m)).unwrap(),
    );
    assert!(0 < minimum && minimum < amount && amount <= 800_000);
}

#[test]
fn provider_ids_are_unique_and_amounts_whole_cents() {
    let delta = first_sync();
    let ids: HashSet<&str> = delta
        .upserts
        .iter()
        .map(|t| t.provider_id.as_str())
        .collect();
    assert_eq!(ids.len(), delta.upserts.len());
    let money = delta.upserts.iter().map(|t| t.amount).chain(
        delta
            .accounts
            .iter()
            .flat_map(|a| [Some(a.balance), a.available, a.limit])
            .flatten(),
    );
    for m in money.chain(
        delta
            .bills
            .iter()
            .flat_map(|b| [Some(b.amount), b.minimum])
            .flatten(),
    ) {
        assert!(m.to_minor().is_ok(), "{m:?}");
    }
    assert!(delta.upserts.iter().all(|t| {
        t.raw
            .as_deref()
            .is_some_and(|r| serde_json::from_str::<serde_json::Value>(r).is_ok())
    }));
}

#[test]
fn malformed_cursors_are_rejected_with_the_reason() {
    let bank = DemoBank::new(DEMO_SEED);
    for (cursor, reason) in [
        ("not json", "expected"),
        (
            r#"{"v":2,"anchor":"2026-11-21","through":"2026-11-21"}"#,
            "version 2",
        ),
        (
            r#"{"v":1,"anchor":"2026-11-21","through":"2026-11-20"}"#,
            "before anchor",
        ),
        (
            r#"{"v":1,"anchor":"2026-13-01","through":"2026-11-21"}"#,
            "input",
        ),
        (r#"{"v":1,"anchor":"2026-11-21"}"#, "through"),
        (
            r#"{"v":1,"anchor":"+99999-11-21","through":"+99999-11-21"}"#,
            "between 1970 and 2200",
        ),
    ] {
        match bank.fetch(Some(cursor), &ctx(anchor())) {
            Err(ProviderError::Malformed(msg)) => {
                assert!(msg.contains("cursor") && msg.contains(reason), "{msg}");
            }
            other => panic!("{cursor}: {other:?}"),
        }
    }
}
