//! Later syncs: continuing from the cursor, pending → posted, and timing independence.

use std::collections::{HashMap, HashSet};

use chrono::Days;

use super::*;

fn later(cursor: &Delta, days_after_anchor: u64) -> Delta {
    let cursor = cursor.cursor.as_deref().unwrap();
    DemoBank::new(DEMO_SEED)
        .fetch(Some(cursor), &ctx(anchor() + Days::new(days_after_anchor)))
        .unwrap()
}

#[test]
fn two_days_later_brings_new_days_and_posts_what_was_pending() {
    let first = first_sync();
    let second = later(&first, 2);
    let pending_before: HashMap<&str, &IncomingTransaction> = first
        .upserts
        .iter()
        .filter(|t| t.pending)
        .map(|t| (t.provider_id.as_str(), t))
        .collect();
    let posted_before: HashSet<&str> = first
        .upserts
        .iter()
        .filter(|t| !t.pending)
        .map(|t| t.provider_id.as_str())
        .collect();
    assert!(pending_before.len() >= 3, "{}", pending_before.len());

    for t in second.upserts.iter().filter(|t| !t.pending) {
        assert!(
            !posted_before.contains(t.provider_id.as_str()),
            "{} sent again",
            t.provider_id
        );
        assert!(t.date <= anchor() + Days::new(2));
        let was_pending = t
            .pending_provider_id
            .as_deref()
            .is_some_and(|p| pending_before.contains_key(p));
        assert!(
            t.date > anchor() || was_pending,
            "{} is old and was not pending",
            t.provider_id
        );
    }
    assert!(
        second
            .upserts
            .iter()
            .any(|t| t.payee == "ACME Corp Payroll" && t.date == anchor() + Days::new(1))
    );
    let mut changed = 0;
    for (id, before) in &pending_before {
        assert!(
            !second.upserts.iter().any(|t| t.provider_id == *id),
            "{id} still pending"
        );
        let after = second
            .upserts
            .iter()
            .find(|t| t.pending_provider_id.as_deref() == Some(id))
            .unwrap();
        assert!(!after.pending && after.provider_id != *id);
        assert_eq!(
            (after.date, after.payee.as_str()),
            (before.date, before.payee.as_str())
        );
        if after.amount != before.amount {
            changed += 1;
        }
    }
    assert!(changed >= 1);
    let dinner = second
        .upserts
        .iter()
        .find(|t| t.provider_id == format!("demo-{}-{TIP_SLOT}", days_before(1)))
        .unwrap();
    assert_eq!(
        (dinner.payee.as_str(), cents(&dinner.amount)),
        ("Nopalito", -4_720)
    );
    assert!(
        second
            .upserts
            .iter()
            .filter(|t| t.pending)
            .all(|t| t.date > anchor())
    );
    assert_eq!(
        second.cursor.as_deref(),
        Some(r#"{"v":1,"anchor":"2026-11-21","through":"2026-11-23"}"#)
    );
}

#[test]
fn balances_stay_consistent_across_syncs() {
    let first = first_sync();
    let second = later(&first, 9);
    for (i, acct) in Acct::ALL.into_iter().enumerate() {
        let sum: i64 = [&first, &second]
            .iter()
            .flat_map(|d| d.upserts.iter())
            .filter(|t| !t.pending && t.provider_account_id == acct.id())
            .map(|t| cents(&t.amount))
            .sum();
        assert_eq!(
            cents(&account(&second, acct.id()).balance),
            ledger::OPENING_CENTS[i] + sum,
            "{}",
            acct.id()
        );
    }
}

#[test]
fn the_days_do_not_depend_on_when_you_sync() {
    let first = first_sync();
    let step = later(&first, 3);
    let stepped = [&first, &step, &later(&step, 10)].map(|d| d.clone());
    let direct = [first.clone(), later(&first, 10)];
    let posted = |deltas: &[Delta]| -> Vec<IncomingTransaction> {
        let mut all: Vec<_> = deltas
            .iter()
            .flat_map(|d| d.upserts.iter().filter(|t| !t.pending).cloned())
            .collect();
        all.sort_by(|a, b| a.provider_id.cmp(&b.provider_id));
        all
    };
    assert_eq!(posted(&stepped), posted(&direct));
    assert_eq!(stepped[2].accounts, direct[1].accounts);
}

#[test]
fn checking_recovers_with_the_next_paycheck_and_autopay_clears_the_statement() {
    let first = first_sync();
    let payday = later(&first, 1);
    assert!(cents(&account(&payday, "demo-checking").balance) > 200_000);
    let bill = &first.bills[0];
    let due = later(&first, (bill.due - anchor()).num_days() as u64);
    let paid = due.upserts.iter().find(|t| {
        t.category.as_deref() == Some("Credit card payment")
            && t.provider_account_id == "demo-checking"
    });
    assert_eq!(
        paid.map(|t| (t.date, t.amount)),
        Some((bill.due, bill.amount.neg()))
    );
    assert!(
        due.bills.is_empty(),
        "a paid statement is not reported again"
    );
}

#[test]
fn syncing_twice_on_one_day_posts_nothing_new() {
    let first = first_sync();
    let again = later(&first, 0);
    assert!(again.upserts.iter().all(|t| t.pending));
    assert_eq!(
        again.upserts.len(),
        first.upserts.iter().filter(|t| t.pending).count()
    );
    assert_eq!(again.accounts, first.accounts);
    assert_eq!(again.cursor, first.cursor);
}
