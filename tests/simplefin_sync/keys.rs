//! Accounts are keyed by connection and id; accounts stored under a bare id by older versions keep
//! their store id, balance history and transactions.

use chrono::{DateTime, Utc};
use purse::domain::{AccountKind, AccountSnapshot, Currency, Delta, IncomingTransaction, Money};
use purse::store::Store;
use rust_decimal::Decimal;
use serde_json::json;

use super::harness::{bridge, connection_id, now, sync_at, transactions};

fn body(accounts: serde_json::Value) -> String {
    json!({
        "errlist": [],
        "connections": [{"conn_id": "C1", "name": "Bank A", "org_id": "OA", "sfin_url": "https://a"},
                        {"conn_id": "C2", "name": "Bank B", "org_id": "OB", "sfin_url": "https://b"}],
        "accounts": accounts
    })
    .to_string()
}

fn account(conn: &str, balance: &str, txns: serde_json::Value) -> serde_json::Value {
    json!({"id": "2930002", "name": "Savings", "conn_id": conn, "currency": "USD",
           "balance": balance, "balance-date": 1_763_200_000, "transactions": txns})
}

fn txn(id: &str, amount: &str) -> serde_json::Value {
    json!({"id": id, "posted": 1_763_164_800, "amount": amount, "description": "Interest"})
}

fn usd(text: &str) -> Money {
    Money::new(text.parse::<Decimal>().unwrap(), Currency::USD)
}

#[tokio::test]
async fn two_banks_using_one_account_id_keep_both_balances() {
    let store = Store::open_in_memory().await.unwrap();
    let server = bridge(&body(json!([
        account("C1", "100.23", json!([txn("T1", "1.11")])),
        account("C2", "5000.00", json!([txn("T1", "2.22")]))
    ])))
    .await;
    sync_at(&store, &server, now()).await.unwrap();
    let mut accounts = store.accounts().await.unwrap();
    accounts.sort_by(|a, b| a.name.cmp(&b.name));
    let shown: Vec<(String, Money)> = accounts
        .iter()
        .map(|a| (a.name.clone(), a.balance))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("Bank A — Savings".to_string(), usd("100.23")),
            ("Bank B — Savings".to_string(), usd("5000.00"))
        ]
    );
    let mut txns: Vec<(String, Money)> = transactions(&store)
        .await
        .into_iter()
        .map(|t| (t.account, t.amount))
        .collect();
    txns.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        txns,
        vec![
            ("Bank A — Savings".to_string(), usd("1.11")),
            ("Bank B — Savings".to_string(), usd("2.22"))
        ]
    );
}

/// What an older Purse stored: the account under its bare id, a transaction, and a cursor.
async fn old_store() -> (Store, i64, DateTime<Utc>) {
    let store = Store::open_in_memory().await.unwrap();
    let id = connection_id(&store).await;
    let synced = now() - chrono::Duration::days(1);
    let delta = Delta {
        accounts: vec![AccountSnapshot {
            provider_account_id: "2930002".into(),
            name: "Bank A — Savings".into(),
            kind: AccountKind::Savings,
            currency: Currency::USD,
            balance: usd("90.00"),
            available: None,
            limit: None,
            as_of: synced,
        }],
        upserts: vec![IncomingTransaction {
            provider_account_id: "2930002".into(),
            provider_id: "OLD-1".into(),
            date: synced.date_naive(),
            amount: usd("-7.50"),
            payee: "Bait Shop".into(),
            description: "Uncle Frank's Bait Shop".into(),
            category: None,
            pending: false,
            pending_provider_id: None,
            raw: None,
        }],
        cursor: Some(format!(
            "{{\"v\":1,\"synced_through\":{}}}",
            synced.timestamp()
        )),
        ..Delta::default()
    };
    store.apply_delta(id, &delta, synced).await.unwrap();
    (store, id, synced)
}

#[tokio::test]
async fn an_account_stored_under_its_bare_id_is_carried_over() {
    let (store, _, _) = old_store().await;
    let before = store.accounts().await.unwrap().remove(0);
    let server = bridge(&body(json!([account(
        "C1",
        "100.23",
        json!([txn("T1", "1.11")])
    )])))
    .await;
    sync_at(&store, &server, now()).await.unwrap();
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 1, "not duplicated: {accounts:?}");
    assert_eq!(
        accounts[0].id, before.id,
        "the same account, with its history"
    );
    assert_eq!(accounts[0].provider_account_id, "C1/2930002");
    assert_eq!(accounts[0].balance, usd("100.23"));
    let mut ids: Vec<String> = transactions(&store)
        .await
        .into_iter()
        .map(|t| t.provider_id)
        .collect();
    ids.sort();
    assert_eq!(ids, vec!["OLD-1", "T1"]);

    // A second sync changes nothing more.
    let again = sync_at(&store, &server, now() + chrono::Duration::hours(1))
        .await
        .unwrap();
    assert_eq!((again.added, store.accounts().await.unwrap().len()), (0, 1));
}

#[tokio::test]
async fn with_two_banks_the_old_account_stays_with_the_one_it_showed() {
    let (store, _, _) = old_store().await;
    let before = store.accounts().await.unwrap().remove(0);
    let server = bridge(&body(json!([
        account("C2", "5000.00", json!([])),
        account("C1", "100.23", json!([]))
    ])))
    .await;
    sync_at(&store, &server, now()).await.unwrap();
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 2);
    let a = accounts
        .iter()
        .find(|a| a.name == "Bank A — Savings")
        .unwrap();
    assert_eq!((a.id, a.balance), (before.id, usd("100.23")));
    let b = accounts
        .iter()
        .find(|a| a.name == "Bank B — Savings")
        .unwrap();
    assert_eq!(b.balance, usd("5000.00"));
    assert_eq!(transactions(&store).await[0].account_id, before.id);
}

#[tokio::test]
async fn an_account_older_versions_shared_by_two_banks_is_split_without_duplicates() {
    let (store, id, synced) = old_store().await;
    // The older version also stored Bank B's transaction in the shared account, with a note.
    let theirs = Delta {
        upserts: vec![IncomingTransaction {
            provider_account_id: "2930002".into(),
            provider_id: "B-1".into(),
            date: synced.date_naive(),
            amount: usd("2.22"),
            payee: "Interest".into(),
            description: "Interest".into(),
            category: None,
            pending: false,
            pending_provider_id: None,
            raw: None,
        }],
        ..Delta::default()
    };
    store.apply_delta(id, &theirs, synced).await.unwrap();
    let b1 = transactions(&store)
        .await
        .into_iter()
        .find(|t| t.provider_id == "B-1")
        .unwrap();
    store.set_note(b1.id, Some("split me")).await.unwrap();
    let shared = store.accounts().await.unwrap().remove(0);

    let server = bridge(&body(json!([
        account("C1", "100.23", json!([txn("OLD-1", "-7.50")])),
        account("C2", "5000.00", json!([txn("B-1", "2.22")]))
    ])))
    .await;
    sync_at(&store, &server, now()).await.unwrap();
    let accounts = store.accounts().await.unwrap();
    let b = accounts
        .iter()
        .find(|a| a.name == "Bank B — Savings")
        .unwrap();
    let txns = transactions(&store).await;
    let placed: Vec<(String, bool)> = txns
        .iter()
        .map(|t| (t.provider_id.clone(), t.account_id == shared.id))
        .collect();
    assert_eq!(txns.len(), 2, "no row stored twice: {placed:?}");
    let moved = txns.iter().find(|t| t.provider_id == "B-1").unwrap();
    assert_eq!(moved.account_id, b.id);
    assert_eq!(
        moved.notes.as_deref(),
        Some("split me"),
        "edits move with the row"
    );
    let kept = txns.iter().find(|t| t.provider_id == "OLD-1").unwrap();
    assert_eq!(kept.account_id, shared.id);
}
