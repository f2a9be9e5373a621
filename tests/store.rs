//! The SQLite store on in-memory SQLite (and one on-disk file), driven by hand-built deltas.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::str::FromStr;

use chrono::{DateTime, Days, NaiveDate, Utc};
use purse::domain::{
    AccountKind, AccountSnapshot, AlertKind, ConnectionHealth, Currency, Delta, FixedClock,
    IncomingTransaction, Money, Month, NewAlert, RemovedTransaction, Transaction,
};
use purse::store::{Store, StoreError, TxnCursor, TxnFilter};
use purse::sync::{
    Connection, DEMO_CONNECTION, ProviderSpec, SyncError, SyncOptions, sync_all, sync_one,
};
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------------
// Helpers

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn now() -> DateTime<Utc> {
    at("2026-11-21T12:00:00Z")
}

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

fn month(s: &str) -> Month {
    s.parse().unwrap()
}

fn account(id: &str, name: &str, kind: AccountKind, balance_cents: i64) -> AccountSnapshot {
    AccountSnapshot {
        provider_account_id: id.to_string(),
        name: name.to_string(),
        kind,
        currency: Currency::USD,
        balance: usd(balance_cents),
        available: Some(usd(balance_cents)),
        limit: None,
        as_of: now(),
    }
}

fn checking(balance_cents: i64) -> AccountSnapshot {
    account(
        "chk",
        "Everyday Checking",
        AccountKind::Checking,
        balance_cents,
    )
}

fn card(balance_cents: i64, limit_cents: i64) -> AccountSnapshot {
    AccountSnapshot {
        available: None,
        limit: Some(usd(limit_cents)),
        ..account(
            "card",
            "Visa Signature",
            AccountKind::CreditCard,
            balance_cents,
        )
    }
}

fn txn(
    acct: &str,
    id: &str,
    day: &str,
    cents: i64,
    payee: &str,
    category: Option<&str>,
) -> IncomingTransaction {
    IncomingTransaction {
        provider_account_id: acct.to_string(),
        provider_id: id.to_string(),
        date: date(day),
        amount: usd(cents),
        payee: payee.to_string(),
        description: format!("{} POS", payee.to_uppercase()),
        category: category.map(str::to_string),
        pending: false,
        pending_provider_id: None,
        raw: None,
    }
}

fn pending(mut t: IncomingTransaction) -> IncomingTransaction {
    t.pending = true;
    t
}

async fn store_with_connection() -> (Store, i64) {
    let store = Store::open_in_memory().await.unwrap();
    let conn = store
        .ensure_connection("Test Bank", "demo", now())
        .await
        .unwrap();
    (store, conn)
}

async fn all(store: &Store, filter: &TxnFilter) -> Vec<Transaction> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = store.transactions(filter, after, 1000).await.unwrap();
        let Some(last) = page.last() else { break };
        after = Some(TxnCursor::of(last));
        out.extend(page);
    }
    out
}

async fn by_provider_id(store: &Store, id: &str) -> Option<Transaction> {
    all(store, &TxnFilter::default())
        .await
        .into_iter()
        .find(|t| t.provider_id == id)
}

async fn count(store: &Store) -> u64 {
    store
        .count_transactions(&TxnFilter::default())
        .await
        .unwrap()
}

fn ids(txns: &[Transaction]) -> Vec<String> {
    let mut v: Vec<String> = txns.iter().map(|t| t.provider_id.clone()).collect();
    v.sort();
    v
}

/// A small ledger: checking + card, a handful of November and October rows.
fn basic_delta() -> Delta {
    Delta {
        accounts: vec![checking(250_000), card(-120_000, 800_000)],
        upserts: vec![
            txn(
                "chk",
                "t1",
                "2026-11-02",
                -8_450,
                "Safeway",
                Some("Groceries"),
            ),
            txn(
                "chk",
                "t2",
                "2026-11-05",
                -1_234,
                "Blue Bottle Coffee",
                Some("Coffee"),
            ),
            txn(
                "card",
                "t3",
                "2026-11-07",
                -4_500,
                "Nopalito",
                Some("Restaurants"),
            ),
            txn(
                "card",
                "t4",
                "2026-11-09",
                1_234,
                "Safeway",
                Some("Groceries"),
            ),
            txn(
                "chk",
                "t5",
                "2026-11-15",
                245_138,
                "ACME Payroll",
                Some("Paycheck"),
            ),
            txn(
                "chk",
                "t6",
                "2026-10-30",
                -9_900,
                "Trader Joe's",
                Some("Groceries"),
            ),
        ],
        cursor: Some("c1".into()),
        ..Delta::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Idempotence and upserts

#[tokio::test]
async fn applying_the_same_delta_twice_never_duplicates() {
    let (store, conn) = store_with_connection().await;
    let delta = basic_delta();
    let first = store.apply_delta(conn, &delta, now()).await.unwrap();
    assert_eq!(first.added, 6);
    assert_eq!(first.accounts, 2);
    assert_eq!(count(&store).await, 6);

    let second = store.apply_delta(conn, &delta, now()).await.unwrap();
    assert_eq!(second.added, 0, "{second:?}");
    assert_eq!(
        second.updated, 0,
        "unchanged rows are not written: {second:?}"
    );
    assert_eq!(second.removed, 0);
    assert_eq!(count(&store).await, 6);
    assert_eq!(store.accounts().await.unwrap().len(), 2);
    assert_eq!(store.cursor(conn).await.unwrap().as_deref(), Some("c1"));
}

#[tokio::test]
async fn upsert_updates_amount_and_payee_of_an_existing_provider_id() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let before = by_provider_id(&store, "t3").await.unwrap();

    let changed = Delta {
        upserts: vec![txn(
            "card",
            "t3",
            "2026-11-08",
            -5_310,
            "Nopalito Restaurant",
            Some("Restaurants"),
        )],
        ..Delta::default()
    };
    let stats = store.apply_delta(conn, &changed, now()).await.unwrap();
    assert_eq!((stats.added, stats.updated), (0, 1));
    assert_eq!(count(&store).await, 6);

    let after = by_provider_id(&store, "t3").await.unwrap();
    assert_eq!(after.id, before.id, "an upsert keeps the store id");
    assert_eq!(after.amount, usd(-5_310));
    assert_eq!(after.payee, "Nopalito Restaurant");
    assert_eq!(after.date, date("2026-11-08"));
    assert_eq!(after.account, "Visa Signature");
}

#[tokio::test]
async fn user_category_and_notes_survive_a_resync() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let t1 = by_provider_id(&store, "t1").await.unwrap();
    let t6 = by_provider_id(&store, "t6").await.unwrap();
    assert_eq!(t1.category, "Groceries");

    // Case-insensitive, stored under the canonical name.
    assert!(
        matches!(store.set_category(t1.id, "Yachts").await, Err(StoreError::UnknownCategory(c)) if c == "Yachts")
    );
    store.set_category(t1.id, "dining").await.unwrap();
    store.set_note(t1.id, Some("split with Sam")).await.unwrap();
    store.set_note(t6.id, Some("party")).await.unwrap();
    let edited = by_provider_id(&store, "t1").await.unwrap();
    assert_eq!(edited.category, "Dining");
    assert_eq!(edited.notes.as_deref(), Some("split with Sam"));

    // The provider re-sends both rows with other categories and a new amount.
    let resync = Delta {
        upserts: vec![
            txn(
                "chk",
                "t1",
                "2026-11-02",
                -8_451,
                "Safeway",
                Some("Shopping"),
            ),
            txn(
                "chk",
                "t6",
                "2026-10-30",
                -9_900,
                "Trader Joe's",
                Some("Shopping"),
            ),
        ],
        ..Delta::default()
    };
    store.apply_delta(conn, &resync, now()).await.unwrap();
    let t1 = by_provider_id(&store, "t1").await.unwrap();
    assert_eq!(t1.category, "Dining", "the user's category is locked");
    assert_eq!(
        t1.amount,
        usd(-8_451),
        "other fields still follow the provider"
    );
    assert_eq!(t1.notes.as_deref(), Some("split with Sam"));
    let t6 = by_provider_id(&store, "t6").await.unwrap();
    assert_eq!(
        t6.category, "Shopping",
        "an unlocked category follows the provider"
    );
    assert_eq!(t6.notes.as_deref(), Some("party"));

    // Blank notes clear.
    store.set_note(t6.id, Some("   ")).await.unwrap();
    assert_eq!(by_provider_id(&store, "t6").await.unwrap().notes, None);
}

#[tokio::test]
async fn unknown_or_missing_category_hints_become_uncategorized_and_hints_ignore_case() {
    let (store, conn) = store_with_connection().await;
    let delta = Delta {
        accounts: vec![checking(1_000)],
        upserts: vec![
            txn("chk", "a", "2026-11-01", -100, "X", Some("Yachts")),
            txn("chk", "b", "2026-11-01", -100, "Y", None),
            txn("chk", "c", "2026-11-01", -100, "Z", Some("groceries")),
        ],
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, now()).await.unwrap();
    assert_eq!(
        by_provider_id(&store, "a").await.unwrap().category,
        "Uncategorized"
    );
    assert_eq!(
        by_provider_id(&store, "b").await.unwrap().category,
        "Uncategorized"
    );
    assert_eq!(
        by_provider_id(&store, "c").await.unwrap().category,
        "Groceries"
    );
}

// ---------------------------------------------------------------------------------------------
// Removals and pending transactions

#[tokio::test]
async fn removed_transactions_are_deleted() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let delta = Delta {
        removed: vec![
            RemovedTransaction {
                provider_account_id: "chk".into(),
                provider_id: "t2".into(),
            },
            // Wrong account: nothing happens.
            RemovedTransaction {
                provider_account_id: "card".into(),
                provider_id: "t1".into(),
            },
            // Unknown ids are ignored.
            RemovedTransaction {
                provider_account_id: "chk".into(),
                provider_id: "nope".into(),
            },
        ],
        ..Delta::default()
    };
    let stats = store.apply_delta(conn, &delta, now()).await.unwrap();
    assert_eq!(stats.removed, 1);
    assert_eq!(count(&store).await, 5);
    assert!(by_provider_id(&store, "t2").await.is_none());
    assert!(by_provider_id(&store, "t1").await.is_some());
}

#[tokio::test]
async fn vanished_pending_rows_are_removed_when_the_pending_set_is_complete() {
    let (store, conn) = store_with_connection().await;
    let mut delta = basic_delta();
    delta.upserts.push(pending(txn(
        "card",
        "p1",
        "2026-11-20",
        -600,
        "Blue Bottle Coffee",
        Some("Coffee"),
    )));
    delta.upserts.push(pending(txn(
        "card",
        "p2",
        "2026-11-20",
        -2_000,
        "Shell",
        Some("Fuel"),
    )));
    delta.pending_is_complete = true;
    store.apply_delta(conn, &delta, now()).await.unwrap();
    assert_eq!(count(&store).await, 8);
    assert!(by_provider_id(&store, "p1").await.unwrap().pending);

    // Next sync: only p2 still pending, nothing posted.
    let next = Delta {
        upserts: vec![pending(txn(
            "card",
            "p2",
            "2026-11-20",
            -2_000,
            "Shell",
            Some("Fuel"),
        ))],
        pending_is_complete: true,
        ..Delta::default()
    };
    let stats = store.apply_delta(conn, &next, now()).await.unwrap();
    assert_eq!(stats.removed, 1, "{stats:?}");
    assert!(by_provider_id(&store, "p1").await.is_none());
    assert!(by_provider_id(&store, "p2").await.is_some());
    assert_eq!(count(&store).await, 7, "posted rows stay");

    // Without the flag, absent pending rows stay.
    let partial = Delta {
        pending_is_complete: false,
        ..Delta::default()
    };
    store.apply_delta(conn, &partial, now()).await.unwrap();
    assert!(by_provider_id(&store, "p2").await.is_some());

    // An empty complete set clears every pending row, posted rows untouched.
    let empty = Delta {
        pending_is_complete: true,
        ..Delta::default()
    };
    store.apply_delta(conn, &empty, now()).await.unwrap();
    assert!(by_provider_id(&store, "p2").await.is_none());
    assert_eq!(count(&store).await, 6);
}

#[tokio::test]
async fn complete_pending_set_only_touches_its_own_connection() {
    let (store, conn) = store_with_connection().await;
    let other = store
        .ensure_connection("Other Bank", "demo", now())
        .await
        .unwrap();
    let mine = Delta {
        accounts: vec![checking(1)],
        upserts: vec![pending(txn("chk", "p", "2026-11-20", -100, "A", None))],
        ..Delta::default()
    };
    let theirs = Delta {
        accounts: vec![account("o", "Other Checking", AccountKind::Checking, 5)],
        upserts: vec![pending(txn("o", "p", "2026-11-20", -100, "A", None))],
        ..Delta::default()
    };
    store.apply_delta(conn, &mine, now()).await.unwrap();
    store.apply_delta(other, &theirs, now()).await.unwrap();
    store
        .apply_delta(
            conn,
            &Delta {
                pending_is_complete: true,
                ..Delta::default()
            },
            now(),
        )
        .await
        .unwrap();
    let left = all(&store, &TxnFilter::default()).await;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].account, "Other Checking");
}

#[tokio::test]
async fn a_posted_row_replaces_its_pending_row_and_inherits_user_edits() {
    let (store, conn) = store_with_connection().await;
    let mut delta = basic_delta();
    delta.upserts.push(pending(txn(
        "card",
        "p-dinner",
        "2026-11-20",
        -4_000,
        "Nopalito",
        Some("Restaurants"),
    )));
    delta.upserts.push(pending(txn(
        "card",
        "p-gas",
        "2026-11-20",
        -3_000,
        "Shell",
        Some("Fuel"),
    )));
    delta.pending_is_complete = true;
    store.apply_delta(conn, &delta, now()).await.unwrap();
    let p = by_provider_id(&store, "p-dinner").await.unwrap();
    store.set_category(p.id, "Entertainment").await.unwrap();
    store.set_note(p.id, Some("birthday dinner")).await.unwrap();

    // Posts with a tip, under a new id linked to the pending one. The gas hold posts unlinked
    // and unedited.
    let mut posted = txn(
        "card",
        "dinner",
        "2026-11-20",
        -4_720,
        "Nopalito",
        Some("Restaurants"),
    );
    posted.pending_provider_id = Some("p-dinner".into());
    let mut gas = txn("card", "gas", "2026-11-20", -3_000, "Shell", Some("Fuel"));
    gas.pending_provider_id = Some("p-gas".into());
    let next = Delta {
        upserts: vec![posted.clone(), gas],
        pending_is_complete: true,
        ..Delta::default()
    };
    let stats = store.apply_delta(conn, &next, now()).await.unwrap();
    assert_eq!(stats.removed, 2, "{stats:?}");
    assert_eq!(stats.added, 2, "{stats:?}");

    let rows = all(&store, &TxnFilter::default()).await;
    assert_eq!(rows.len(), 8);
    assert!(rows.iter().all(|t| !t.pending));
    assert!(rows.iter().all(|t| !t.provider_id.starts_with("p-")));
    let dinner = by_provider_id(&store, "dinner").await.unwrap();
    assert_eq!(dinner.amount, usd(-4_720));
    assert_eq!(
        dinner.category, "Entertainment",
        "inherits the user's category"
    );
    assert_eq!(
        dinner.notes.as_deref(),
        Some("birthday dinner"),
        "inherits the note"
    );
    let gas = by_provider_id(&store, "gas").await.unwrap();
    assert_eq!(gas.category, "Fuel");
    assert_eq!(gas.notes, None);

    // The inherited category is locked like any user choice.
    let mut again = posted;
    again.category = Some("Groceries".into());
    store
        .apply_delta(
            conn,
            &Delta {
                upserts: vec![again],
                ..Delta::default()
            },
            now(),
        )
        .await
        .unwrap();
    assert_eq!(
        by_provider_id(&store, "dinner").await.unwrap().category,
        "Entertainment"
    );
    assert_eq!(count(&store).await, 8);
}

// ---------------------------------------------------------------------------------------------
// Accounts

#[tokio::test]
async fn accounts_upsert_and_cards_keep_their_limit() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 2);
    assert_eq!(
        accounts[0].kind,
        AccountKind::Checking,
        "checking sorts before cards"
    );
    assert_eq!(accounts[0].balance, usd(250_000));
    assert_eq!(accounts[0].connection, "Test Bank");
    let visa = &accounts[1];
    assert_eq!(visa.kind, AccountKind::CreditCard);
    assert_eq!(visa.limit, Some(usd(800_000)));
    assert_eq!(visa.available, None);
    assert_eq!(visa.balance, usd(-120_000));
    let (used, pct) = visa.credit_used().unwrap();
    assert_eq!(used, usd(120_000));
    assert_eq!(pct, Decimal::new(15, 0));

    let later = at("2026-11-22T08:00:00Z");
    let mut snapshot = checking(199_999);
    snapshot.as_of = later;
    let stats = store
        .apply_delta(
            conn,
            &Delta {
                accounts: vec![snapshot],
                ..Delta::default()
            },
            later,
        )
        .await
        .unwrap();
    assert_eq!(stats.accounts, 1);
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 2, "no duplicate account");
    assert_eq!(
        accounts[0].id,
        store.find_account("Everyday Checking").await.unwrap().id
    );
    assert_eq!(accounts[0].balance, usd(199_999));
    assert_eq!(accounts[0].updated, later);
    assert_eq!(
        accounts[1].balance,
        usd(-120_000),
        "an account the delta omits is untouched"
    );
}

#[tokio::test]
async fn find_account_by_name_id_or_unique_part() {
    let (store, conn) = store_with_connection().await;
    let mut delta = basic_delta();
    delta.accounts.push(account(
        "sav",
        "High-Yield Savings",
        AccountKind::Savings,
        10,
    ));
    store.apply_delta(conn, &delta, now()).await.unwrap();
    let visa = store.find_account("Visa Signature").await.unwrap();
    assert_eq!(visa.kind, AccountKind::CreditCard);
    assert_eq!(
        store.find_account("visa signature").await.unwrap().id,
        visa.id
    );
    assert_eq!(
        store.find_account(&visa.id.to_string()).await.unwrap().id,
        visa.id
    );
    assert_eq!(store.find_account("visa").await.unwrap().id, visa.id);
    assert_eq!(
        store.find_account("card").await.unwrap().id,
        visa.id,
        "provider account id"
    );
    assert_eq!(
        store.find_account("yield").await.unwrap().kind,
        AccountKind::Savings
    );

    // "ing" is in both Everyday Checking and High-Yield Savings: ambiguous, and the error says so.
    match store.find_account("ing").await {
        Err(StoreError::AmbiguousAccount { needle, matches }) => {
            assert_eq!(needle, "ing");
            assert!(
                matches.contains("Everyday Checking") && matches.contains("High-Yield Savings"),
                "{matches}"
            );
        }
        other => panic!("ing: expected AmbiguousAccount, got {other:?}"),
    }
    for needle in ["Brokerage", "999"] {
        match store.find_account(needle).await {
            Err(StoreError::UnknownAccount(n)) => assert_eq!(n, needle),
            other => panic!("{needle}: expected UnknownAccount, got {other:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Keyset paging, filters and search

#[tokio::test]
async fn keyset_paging_returns_every_row_once_newest_first() {
    let (store, conn) = store_with_connection().await;
    let base = date("2026-01-01");
    let upserts: Vec<IncomingTransaction> = (0..2_500u64)
        .map(|i| {
            // Dates jump around so store ids are not in date order; ~50 rows share each date.
            let day = base + Days::new(i * 7 % 50);
            let acct = if i % 3 == 0 { "card" } else { "chk" };
            IncomingTransaction {
                date: day,
                ..txn(
                    acct,
                    &format!("g{i}"),
                    "2026-01-01",
                    -(100 + i as i64),
                    &format!("Payee {}", i % 10),
                    None,
                )
            }
        })
        .collect();
    let delta = Delta {
        accounts: vec![checking(0), card(0, 100_000)],
        upserts,
        ..Delta::default()
    };
    let stats = store.apply_delta(conn, &delta, now()).await.unwrap();
    assert_eq!(stats.added, 2_500);
    assert_eq!(count(&store).await, 2_500);

    let filter = TxnFilter::default();
    let mut seen = Vec::new();
    let mut after = None;
    let mut pages = Vec::new();
    loop {
        let page = store.transactions(&filter, after, 1000).await.unwrap();
        pages.push(page.len());
        let Some(last) = page.last() else { break };
        after = Some(TxnCursor::of(last));
        seen.extend(page);
    }
    assert_eq!(pages, vec![1000, 1000, 500, 0]);
    assert_eq!(seen.len(), 2_500);
    let unique: HashSet<i64> = seen.iter().map(|t| t.id).collect();
    assert_eq!(unique.len(), 2_500, "each row exactly once");
    for pair in seen.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (a.date, a.id) > (b.date, b.id),
            "not newest first: {} #{} then {} #{}",
            a.date,
            a.id,
            b.date,
            b.id
        );
    }
    assert_eq!(seen[0].date, base + Days::new(49));
    assert_eq!(seen[2_499].date, base);

    // Paging a filtered view agrees with its count.
    let card_id = store.find_account("Visa Signature").await.unwrap().id;
    let filter = TxnFilter {
        account_id: Some(card_id),
        ..TxnFilter::default()
    };
    let card_rows = all(&store, &filter).await;
    assert_eq!(card_rows.len(), 834);
    assert_eq!(store.count_transactions(&filter).await.unwrap(), 834);
    assert!(card_rows.iter().all(|t| t.account_id == card_id));
}

#[tokio::test]
async fn filters_by_account_category_and_dates() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let card_id = store.find_account("visa").await.unwrap().id;

    let by_account = TxnFilter {
        account_id: Some(card_id),
        ..TxnFilter::default()
    };
    assert_eq!(ids(&all(&store, &by_account).await), ["t3", "t4"]);
    assert_eq!(store.count_transactions(&by_account).await.unwrap(), 2);

    let groceries = TxnFilter {
        category: Some("Groceries".into()),
        ..TxnFilter::default()
    };
    assert_eq!(ids(&all(&store, &groceries).await), ["t1", "t4", "t6"]);
    assert_eq!(store.count_transactions(&groceries).await.unwrap(), 3);

    let dates = TxnFilter {
        since: Some(date("2026-11-05")),
        until: Some(date("2026-11-09")),
        ..TxnFilter::default()
    };
    assert_eq!(
        ids(&all(&store, &dates).await),
        ["t2", "t3", "t4"],
        "both bounds inclusive"
    );
    let since = TxnFilter {
        since: Some(date("2026-11-01")),
        ..TxnFilter::default()
    };
    assert_eq!(store.count_transactions(&since).await.unwrap(), 5);
    let until = TxnFilter {
        until: Some(date("2026-10-31")),
        ..TxnFilter::default()
    };
    assert_eq!(ids(&all(&store, &until).await), ["t6"]);

    let combined = TxnFilter {
        account_id: Some(card_id),
        category: Some("Groceries".into()),
        ..TxnFilter::default()
    };
    assert_eq!(ids(&all(&store, &combined).await), ["t4"]);
}

#[tokio::test]
async fn search_matches_payee_category_and_amount() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let search = |text: &str| TxnFilter {
        search: Some(text.to_string()),
        ..TxnFilter::default()
    };

    assert_eq!(
        ids(&all(&store, &search("safe")).await),
        ["t1", "t4"],
        "payee substring, any case"
    );
    assert_eq!(ids(&all(&store, &search("blue bottle")).await), ["t2"]);
    assert_eq!(
        ids(&all(&store, &search("Restaurants")).await),
        ["t3"],
        "category name"
    );
    assert_eq!(ids(&all(&store, &search("paycheck")).await), ["t5"]);
    // 12.34 matches both the −12.34 coffee and the +12.34 refund.
    assert_eq!(ids(&all(&store, &search("12.34")).await), ["t2", "t4"]);
    assert_eq!(store.count_transactions(&search("12.34")).await.unwrap(), 2);
    assert_eq!(ids(&all(&store, &search("2451.38")).await), ["t5"]);
    assert_eq!(ids(&all(&store, &search("$84.50")).await), ["t1"]);
    assert!(all(&store, &search("Costco")).await.is_empty());
    assert_eq!(
        all(&store, &search("  ")).await.len(),
        6,
        "blank search = no search"
    );
}

#[tokio::test]
async fn search_wildcards_are_literal() {
    let (store, conn) = store_with_connection().await;
    let delta = Delta {
        accounts: vec![checking(0)],
        upserts: vec![
            txn("chk", "a", "2026-11-01", -100, "A_B Store", None),
            txn("chk", "b", "2026-11-01", -100, "AxB Store", None),
            txn("chk", "c", "2026-11-01", -100, "100% Juice", None),
        ],
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, now()).await.unwrap();
    let search = |text: &str| TxnFilter {
        search: Some(text.to_string()),
        ..TxnFilter::default()
    };
    assert_eq!(ids(&all(&store, &search("A_B")).await), ["a"]);
    assert_eq!(ids(&all(&store, &search("0% J")).await), ["c"]);
}

// ---------------------------------------------------------------------------------------------
// Budgets

#[tokio::test]
async fn budgets_track_spending_refunds_and_inheritance() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let nov = month("2026-11");
    assert_eq!(
        store
            .set_budget("groceries", nov, usd(45_000))
            .await
            .unwrap(),
        "Groceries"
    );
    assert_eq!(
        store.set_budget("DINING", nov, usd(20_000)).await.unwrap(),
        "Dining"
    );

    match store.set_budget("Yachts", nov, usd(100)).await {
        Err(StoreError::UnknownCategory(name)) => assert_eq!(name, "Yachts"),
        other => panic!("expected UnknownCategory, got {other:?}"),
    }

    let report = store.budget_report(nov, Currency::USD).await.unwrap();
    let line = |cat: &str| {
        report
            .lines
            .iter()
            .find(|l| l.category == cat)
            .cloned()
            .unwrap()
    };
    // Groceries in November: −84.50 and a +12.34 refund; October's −99.00 does not count.
    let groceries = line("Groceries");
    assert_eq!(groceries.budgeted, usd(45_000));
    assert_eq!(groceries.spent, usd(8_450 - 1_234));
    assert_eq!(groceries.remaining, usd(45_000 - 7_216));
    assert_eq!(groceries.set_in, nov);
    // Dining covers its children Coffee (12.34) and Restaurants (45.00).
    assert_eq!(line("Dining").spent, usd(1_234 + 4_500));
    // The paycheck is income, never spending.
    assert_eq!(report.unbudgeted, usd(0));
    assert_eq!(report.total_spent, usd(7_216 + 5_734));

    // Cross-check against the stored rows.
    let nov_groceries = TxnFilter {
        category: Some("Groceries".into()),
        since: Some(nov.first_day()),
        until: Some(nov.last_day()),
        ..TxnFilter::default()
    };
    let net: Decimal = all(&store, &nov_groceries)
        .await
        .iter()
        .map(|t| t.amount.amount)
        .sum();
    assert_eq!(groceries.spent.amount, -net);

    // A later month inherits; an earlier one has no budget.
    let dec = store
        .budget_report(month("2026-12"), Currency::USD)
        .await
        .unwrap();
    let inherited = dec
        .lines
        .iter()
        .find(|l| l.category == "Groceries")
        .unwrap();
    assert_eq!(inherited.budgeted, usd(45_000));
    assert_eq!(inherited.set_in, nov);
    assert_eq!(inherited.spent, usd(0));
    let oct = store
        .budget_report(month("2026-10"), Currency::USD)
        .await
        .unwrap();
    assert!(oct.lines.is_empty());
    assert_eq!(oct.unbudgeted, usd(9_900));

    // Setting the same month again replaces the value; a later month overrides from then on.
    store
        .set_budget("Groceries", nov, usd(40_000))
        .await
        .unwrap();
    store
        .set_budget("Groceries", month("2027-01"), usd(50_000))
        .await
        .unwrap();
    let budgets = store.budgets().await.unwrap();
    assert_eq!(
        budgets.iter().filter(|b| b.category == "Groceries").count(),
        2
    );
    let at_month = |r: &purse::domain::BudgetReport| {
        r.lines
            .iter()
            .find(|l| l.category == "Groceries")
            .map(|l| l.budgeted)
    };
    assert_eq!(
        at_month(
            &store
                .budget_report(month("2026-12"), Currency::USD)
                .await
                .unwrap()
        ),
        Some(usd(40_000))
    );
    assert_eq!(
        at_month(
            &store
                .budget_report(month("2027-02"), Currency::USD)
                .await
                .unwrap()
        ),
        Some(usd(50_000))
    );

    // Deleting from January on removes January's; December still inherits November's.
    assert!(
        store
            .delete_budget("Groceries", month("2027-01"))
            .await
            .unwrap()
    );
    assert_eq!(
        at_month(
            &store
                .budget_report(month("2027-02"), Currency::USD)
                .await
                .unwrap()
        ),
        Some(usd(40_000))
    );
    assert!(store.delete_budget("Groceries", nov).await.unwrap());
    assert_eq!(
        at_month(&store.budget_report(nov, Currency::USD).await.unwrap()),
        None
    );
    assert!(
        !store.delete_budget("Groceries", nov).await.unwrap(),
        "nothing left to delete"
    );
    assert!(
        store
            .budget_report(nov, Currency::USD)
            .await
            .unwrap()
            .lines
            .iter()
            .any(|l| l.category == "Dining")
    );
}

#[tokio::test]
async fn budget_amounts_finer_than_a_cent_are_rejected() {
    let (store, _) = store_with_connection().await;
    let amount = Money::new(Decimal::from_str("10.001").unwrap(), Currency::USD);
    assert!(matches!(
        store
            .set_budget("Groceries", month("2026-11"), amount)
            .await,
        Err(StoreError::Money(_))
    ));
    assert!(store.budgets().await.unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Alerts

fn alert(key: &str) -> NewAlert {
    NewAlert {
        kind: AlertKind::BillDue,
        key: key.to_string(),
        message: format!("{key} is due"),
    }
}

#[tokio::test]
async fn alerts_are_raised_exactly_once_and_acknowledged() {
    let store = Store::open_in_memory().await.unwrap();
    let first = store
        .raise_alert(
            &alert("bill_due:Visa:2026-11-24"),
            at("2026-11-21T09:00:00Z"),
        )
        .await
        .unwrap();
    let first = first.expect("raised the first time");
    assert_eq!(first.kind, AlertKind::BillDue);
    assert!(!first.acknowledged);
    let again = store
        .raise_alert(
            &alert("bill_due:Visa:2026-11-24"),
            at("2026-11-22T09:00:00Z"),
        )
        .await
        .unwrap();
    assert!(again.is_none(), "same key: not raised again");

    let low = NewAlert {
        kind: AlertKind::LowBalance,
        key: "low_balance:chk:2026-11-21".into(),
        message: "low".into(),
    };
    let second = store
        .raise_alert(&low, at("2026-11-21T10:00:00Z"))
        .await
        .unwrap()
        .unwrap();
    let third = store
        .raise_alert(
            &alert("bill_due:Rent:2026-12-01"),
            at("2026-11-20T10:00:00Z"),
        )
        .await
        .unwrap()
        .unwrap();

    let alerts = store.alerts().await.unwrap();
    let order: Vec<i64> = alerts.iter().map(|a| a.id).collect();
    assert_eq!(order, vec![second.id, first.id, third.id], "newest first");
    assert_eq!(
        alerts[1].message, "bill_due:Visa:2026-11-24 is due",
        "the first message is kept"
    );
    assert_eq!(alerts[1].created, at("2026-11-21T09:00:00Z"));

    assert!(store.ack_alert(first.id).await.unwrap());
    assert!(!store.ack_alert(9_999).await.unwrap());
    let alerts = store.alerts().await.unwrap();
    assert!(
        alerts
            .iter()
            .find(|a| a.id == first.id)
            .unwrap()
            .acknowledged
    );
    assert!(
        !alerts
            .iter()
            .find(|a| a.id == second.id)
            .unwrap()
            .acknowledged
    );
    // Acknowledged alerts still block re-raising.
    assert!(
        store
            .raise_alert(&alert("bill_due:Visa:2026-11-24"), now())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.alerts().await.unwrap().len(), 3);
}

#[tokio::test]
async fn alerts_with_the_same_time_are_ordered_by_id() {
    let store = Store::open_in_memory().await.unwrap();
    let a = store
        .raise_alert(&alert("a"), now())
        .await
        .unwrap()
        .unwrap();
    let b = store
        .raise_alert(&alert("b"), now())
        .await
        .unwrap()
        .unwrap();
    let order: Vec<i64> = store.alerts().await.unwrap().iter().map(|x| x.id).collect();
    assert_eq!(order, vec![b.id, a.id]);
}

// ---------------------------------------------------------------------------------------------
// Sync failures and connection health

#[tokio::test]
async fn failures_are_recorded_without_touching_data_and_cleared_by_success() {
    let (store, conn) = store_with_connection().await;
    assert_eq!(
        store.connections().await.unwrap()[0].health(),
        ConnectionHealth::New
    );
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let status = store.connections().await.unwrap().remove(0);
    assert_eq!(status.health(), ConnectionHealth::Ok);
    assert_eq!(status.last_success, Some(now()));
    assert_eq!(status.name, "Test Bank");
    assert_eq!(status.provider, "demo");
    let accounts_before = store.accounts().await.unwrap();
    let rows_before = all(&store, &TxnFilter::default()).await;

    let t1 = at("2026-11-21T13:00:00Z");
    let retry = at("2026-11-21T13:05:00Z");
    store
        .record_failure(conn, "connection timed out", false, Some(retry), t1)
        .await
        .unwrap();
    store
        .record_failure(conn, "connection timed out again", false, Some(retry), t1)
        .await
        .unwrap();
    let status = store.connections().await.unwrap().remove(0);
    assert_eq!(status.health(), ConnectionHealth::Error);
    assert_eq!(
        status.last_error.as_deref(),
        Some("connection timed out again")
    );
    assert_eq!(status.consecutive_failures, 2);
    assert_eq!(status.last_attempt, Some(t1));
    assert_eq!(status.next_attempt, Some(retry));
    assert_eq!(status.last_success, Some(now()), "last success is kept");
    assert_eq!(store.accounts().await.unwrap(), accounts_before);
    assert_eq!(all(&store, &TxnFilter::default()).await, rows_before);
    assert_eq!(store.cursor(conn).await.unwrap().as_deref(), Some("c1"));

    store
        .record_failure(conn, "ITEM_LOGIN_REQUIRED", true, None, t1)
        .await
        .unwrap();
    let status = store.connections().await.unwrap().remove(0);
    assert_eq!(status.health(), ConnectionHealth::NeedsRelink);
    assert_eq!(status.consecutive_failures, 3);

    let t2 = at("2026-11-21T14:00:00Z");
    store
        .apply_delta(conn, &Delta::default(), t2)
        .await
        .unwrap();
    let status = store.connections().await.unwrap().remove(0);
    assert_eq!(status.health(), ConnectionHealth::Ok);
    assert_eq!(status.last_error, None);
    assert_eq!(status.consecutive_failures, 0);
    assert_eq!(status.next_attempt, None);
    assert!(!status.needs_relink);
    assert_eq!(status.last_success, Some(t2));
    assert_eq!(
        store.cursor(conn).await.unwrap().as_deref(),
        Some("c1"),
        "no cursor in the delta keeps the old one"
    );
}

#[tokio::test]
async fn ensure_connection_is_idempotent() {
    let store = Store::open_in_memory().await.unwrap();
    assert!(store.is_empty().await.unwrap());
    let a = store
        .ensure_connection("Demo Bank", "demo", now())
        .await
        .unwrap();
    let b = store
        .ensure_connection("Demo Bank", "demo", now())
        .await
        .unwrap();
    let c = store
        .ensure_connection("Other", "plaid", now())
        .await
        .unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(store.connections().await.unwrap().len(), 2);
    assert!(!store.is_empty().await.unwrap());
}

// ---------------------------------------------------------------------------------------------
// All or nothing

#[tokio::test]
async fn a_bad_delta_leaves_the_store_exactly_as_it_was() {
    let (store, conn) = store_with_connection().await;
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    let accounts_before = store.accounts().await.unwrap();
    let rows_before = all(&store, &TxnFilter::default()).await;
    let status_before = store.connections().await.unwrap();

    let mut too_precise = txn("chk", "bad", "2026-11-20", 0, "Fraction", None);
    too_precise.amount = Money::new(Decimal::from_str("0.001").unwrap(), Currency::USD);
    let bad = Delta {
        // Changes that would land first if the apply were not atomic.
        accounts: vec![
            checking(1),
            account("new", "New Account", AccountKind::Savings, 5),
        ],
        upserts: vec![
            txn("chk", "t1", "2026-11-02", -1, "Changed", Some("Shopping")),
            too_precise,
        ],
        removed: vec![RemovedTransaction {
            provider_account_id: "chk".into(),
            provider_id: "t2".into(),
        }],
        pending_is_complete: true,
        cursor: Some("c2".into()),
        ..Delta::default()
    };
    let later = at("2026-11-22T12:00:00Z");
    let err = store.apply_delta(conn, &bad, later).await.unwrap_err();
    assert!(matches!(err, StoreError::Money(_)), "{err:?}");
    assert!(err.to_string().contains("0.001"), "{err}");

    assert_eq!(store.accounts().await.unwrap(), accounts_before);
    assert_eq!(all(&store, &TxnFilter::default()).await, rows_before);
    assert_eq!(store.connections().await.unwrap(), status_before);
    assert_eq!(store.cursor(conn).await.unwrap().as_deref(), Some("c1"));

    // The store still works afterwards.
    let stats = store
        .apply_delta(
            conn,
            &Delta {
                accounts: vec![checking(2)],
                ..Delta::default()
            },
            later,
        )
        .await
        .unwrap();
    assert_eq!(stats.accounts, 1);
    assert_eq!(store.find_account("chk").await.unwrap().balance, usd(2));
}

#[tokio::test]
async fn a_too_precise_balance_is_rejected_too() {
    let (store, conn) = store_with_connection().await;
    let mut acct = checking(0);
    acct.balance = Money::new(Decimal::from_str("12.345").unwrap(), Currency::USD);
    let delta = Delta {
        accounts: vec![acct],
        upserts: vec![txn("chk", "x", "2026-11-01", -1, "X", None)],
        ..Delta::default()
    };
    assert!(store.apply_delta(conn, &delta, now()).await.is_err());
    assert!(store.accounts().await.unwrap().is_empty());
    assert_eq!(count(&store).await, 0);
    assert_eq!(
        store.connections().await.unwrap()[0].health(),
        ConnectionHealth::New
    );
}

#[tokio::test]
async fn other_currencies_use_their_own_exponent() {
    let (store, conn) = store_with_connection().await;
    let jpy = Currency::new("JPY").unwrap();
    let kwd = Currency::new("KWD").unwrap();
    let mut yen = account("jp", "Yen Wallet", AccountKind::Checking, 0);
    yen.currency = jpy;
    yen.balance = Money::new(Decimal::new(12_345, 0), jpy);
    yen.available = None;
    let mut t_yen = txn("jp", "y", "2026-11-01", 0, "Lawson", None);
    t_yen.amount = Money::new(Decimal::new(-500, 0), jpy);
    let mut t_kwd = txn("jp", "k", "2026-11-01", 0, "Souq", None);
    t_kwd.amount = Money::new(Decimal::new(-1_234, 3), kwd);
    let delta = Delta {
        accounts: vec![yen],
        upserts: vec![t_yen, t_kwd],
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, now()).await.unwrap();
    assert_eq!(
        store.find_account("yen").await.unwrap().balance,
        Money::new(Decimal::new(12_345, 0), jpy)
    );
    assert_eq!(
        by_provider_id(&store, "y").await.unwrap().amount,
        Money::new(Decimal::new(-500, 0), jpy)
    );
    assert_eq!(
        by_provider_id(&store, "k").await.unwrap().amount,
        Money::new(Decimal::new(-1_234, 3), kwd)
    );
}

// ---------------------------------------------------------------------------------------------
// On disk

#[tokio::test]
async fn on_disk_store_is_private_wal_and_reopens() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("deeper").join("purse.db");
    let store = Store::open(&path).await.unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert!(path.is_file());
    assert_eq!(mode(&path), 0o600, "database file is owner-only");
    assert_eq!(
        mode(path.parent().unwrap()),
        0o700,
        "new parent directory is owner-only"
    );

    let conn = store
        .ensure_connection("Test Bank", "demo", now())
        .await
        .unwrap();
    store
        .apply_delta(conn, &basic_delta(), now())
        .await
        .unwrap();
    store
        .set_budget("Groceries", month("2026-11"), usd(45_000))
        .await
        .unwrap();
    let wal = path.with_file_name("purse.db-wal");
    assert!(
        wal.exists(),
        "writes go to a -wal file while the store is open"
    );
    assert_eq!(
        mode(&wal),
        0o600,
        "the WAL file is as private as the database"
    );

    // A second handle on the same file sees the data and WAL mode.
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .unwrap();
    let (journal,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(journal.to_lowercase(), "wal");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM transactions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(n, 6);
    pool.close().await;
    store.close().await;

    // The file header says WAL too (format version bytes 18/19 are 2 in WAL mode).
    let header = std::fs::read(&path).unwrap();
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert_eq!((header[18], header[19]), (2, 2), "database is in WAL mode");

    // Reopening keeps everything and does not re-run or duplicate anything.
    let store = Store::open(&path).await.unwrap();
    assert_eq!(count(&store).await, 6);
    assert_eq!(store.accounts().await.unwrap().len(), 2);
    assert_eq!(store.budgets().await.unwrap().len(), 1);
    assert_eq!(
        store.categories().await.unwrap().names().len(),
        purse::domain::category::DEFAULT_CATEGORIES.len()
    );
    assert_eq!(mode(&path), 0o600);
    store.close().await;
}

// ---------------------------------------------------------------------------------------------
// Sync passes over the store

fn clock(day: &str) -> FixedClock {
    FixedClock::on(date(day))
}

const OPTS: SyncOptions = SyncOptions::DEFAULT;

#[tokio::test]
async fn one_failing_connection_is_recorded_and_never_stops_the_others() {
    let store = Store::open_in_memory().await.unwrap();
    let broken = Connection {
        name: "Chase".into(),
        provider: ProviderSpec::Unsupported {
            provider: "plaid".into(),
        },
    };
    let connections = [broken, Connection::demo()];
    let outcomes = sync_all(&store, &connections, &clock("2026-11-21"), OPTS).await;
    assert_eq!(outcomes.len(), 2);
    assert!(matches!(outcomes[0].result, Err(SyncError::Provider(_))));
    let stats = outcomes[1].result.as_ref().unwrap();
    assert!(stats.added > 1000);
    let synced = count(&store).await;
    assert_eq!(synced as usize, stats.added);

    let status = store.connections().await.unwrap();
    let chase = status.iter().find(|c| c.name == "Chase").unwrap();
    assert_eq!(chase.health(), ConnectionHealth::Error);
    assert!(
        chase
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("plaid")),
        "{chase:?}"
    );
    assert_eq!(chase.consecutive_failures, 1);
    let demo = status.iter().find(|c| c.name == DEMO_CONNECTION).unwrap();
    assert_eq!(demo.health(), ConnectionHealth::Ok);

    // Again on the same day: the failure count grows, the demo data does not.
    let outcomes = sync_all(&store, &connections, &clock("2026-11-21"), OPTS).await;
    assert_eq!(outcomes[1].result.as_ref().unwrap().added, 0);
    assert_eq!(count(&store).await, synced);
    let status = store.connections().await.unwrap();
    assert_eq!(
        status
            .iter()
            .find(|c| c.name == "Chase")
            .unwrap()
            .consecutive_failures,
        2
    );
}

#[tokio::test]
async fn a_sync_whose_apply_fails_is_recorded_as_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("purse.db");
    let store = Store::open(&path).await.unwrap();
    sync_one(&store, &Connection::demo(), &clock("2026-11-21"), OPTS)
        .await
        .unwrap();
    let before = all(&store, &TxnFilter::default()).await;

    // Make every transaction write fail from now on (as a full disk or a broken file would).
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .unwrap();
    sqlx::query(
        "CREATE TRIGGER fail_writes BEFORE INSERT ON transactions BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let result = sync_one(&store, &Connection::demo(), &clock("2026-11-23"), OPTS).await;
    assert!(matches!(result, Err(SyncError::Store(_))), "{result:?}");
    assert_eq!(
        all(&store, &TxnFilter::default()).await,
        before,
        "data already synced is untouched"
    );
    let status = store.connections().await.unwrap().remove(0);
    assert!(
        status.last_error.is_some(),
        "the failed sync left no error: {status:?}"
    );
    assert_eq!(status.health(), ConnectionHealth::Error);
    assert_eq!(status.consecutive_failures, 1);
    store.close().await;
}

#[tokio::test]
async fn a_sync_failing_after_its_data_landed_is_recorded_as_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("purse.db");
    let store = Store::open(&path).await.unwrap();
    sync_one(&store, &Connection::demo(), &clock("2026-11-21"), OPTS)
        .await
        .unwrap();
    // Saving the provider's messages (the last step of a sync) fails from now on.
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .unwrap();
    sqlx::query(
        "CREATE TRIGGER fail_messages BEFORE UPDATE OF last_messages ON connections BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let result = sync_one(&store, &Connection::demo(), &clock("2026-11-23"), OPTS).await;
    assert!(matches!(result, Err(SyncError::Store(_))), "{result:?}");
    let status = store.connections().await.unwrap().remove(0);
    assert_eq!(status.health(), ConnectionHealth::Error, "{status:?}");
    assert!(
        status
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("simulated write failure")),
        "{status:?}"
    );
    store.close().await;
}

#[tokio::test]
async fn a_sync_that_waited_for_another_process_syncing_it_skips_the_fetch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("purse.db");
    // Two handles on one file, as two processes would have.
    let (ours, theirs) = (
        Store::open(&path).await.unwrap(),
        Store::open(&path).await.unwrap(),
    );
    sync_one(&ours, &Connection::demo(), &clock("2026-11-21"), OPTS)
        .await
        .unwrap();
    let id = ours.connections().await.unwrap()[0].id;
    let count = || async { all(&ours, &TxnFilter::default()).await.len() };
    let before = count().await;

    for holder_finishes in [true, false] {
        let mut held = theirs.lock_sync(id).await.unwrap().unwrap();
        let waiting = tokio::spawn({
            let ours = ours.clone();
            async move {
                purse::sync::sync_connection(&ours, &Connection::demo(), &clock("2026-11-21"), OPTS)
                    .await
            }
        });
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        assert!(!waiting.is_finished(), "the sync waits its turn");
        if holder_finishes {
            held.lock.count_done();
        }
        drop(held);
        let outcome = waiting.await.unwrap();
        assert!(outcome.result.is_ok(), "{outcome:?}");
        // After a finished sync by the holder there is nothing to fetch; after one that did not
        // finish, the waiter syncs itself.
        assert_eq!(
            outcome.note.as_deref(),
            holder_finishes.then_some(purse::sync::SYNCED_BY_OTHER),
            "{outcome:?}"
        );
    }
    assert_eq!(count().await, before, "no transaction stored twice");
    ours.close().await;
    theirs.close().await;
}
