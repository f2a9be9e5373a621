//! Search in both steps returns exactly what the plain row-by-row filter returns, newest
//! first and keyset-paged; the trigram index follows inserts, edits and deletes.
#![allow(clippy::unwrap_used)]

use sqlx::{QueryBuilder, Sqlite};

use super::super::transactions::{SELECT_TRANSACTIONS, push_filter, transaction_from_row};
use super::*;

/// (date, cents, payee, description, category, account) rows in two accounts.
const ROWS: &[(&str, i64, &str, &str, &str, i64)] = &[
    (
        "2026-11-01",
        -450,
        "Blue Bottle Coffee",
        "SQ *BLUE BOTTLE 0412",
        "Coffee",
        1,
    ),
    (
        "2026-11-02",
        -1_299,
        "Amazon",
        "AMZN Mktp US*2K4",
        "Shopping",
        2,
    ),
    (
        "2026-11-03",
        -2_499,
        "Planet Fitness",
        "PLANET FIT 100% CLUB",
        "Fitness",
        1,
    ),
    (
        "2026-11-04",
        2_499,
        "Refund",
        "RETURN \"DELUXE\" ITEM",
        "Shopping",
        2,
    ),
    (
        "2026-11-05",
        -800,
        "Philz",
        "PHILZ COFFEE_MISSION",
        "Coffee",
        1,
    ),
    (
        "2026-11-06",
        -5_000,
        "ikea",
        "IKEA EAST PALO ALTO",
        "Shopping",
        1,
    ),
    ("2026-11-06", -120, "Café Ébène", "CAFE EBENE", "Coffee", 2),
    (
        "2026-11-07",
        -6_000,
        "Trader Joe's",
        "TRADER JOE'S #123",
        "Groceries",
        1,
    ),
];

async fn store() -> Store {
    let store = Store::open_in_memory().await.unwrap();
    sqlx::query("INSERT INTO connections (id, name, provider, created) VALUES (1, 'Bank', 'demo', '2026-01-01T00:00:00Z')")
        .execute(&store.pool)
        .await
        .unwrap();
    for id in [1, 2] {
        sqlx::query(
            "INSERT INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor, updated)
             VALUES (?1, 1, ?2, ?2, 'checking', 'USD', 0, '2026-01-01T00:00:00Z')",
        )
        .bind(id)
        .bind(format!("acct {id}"))
        .execute(&store.pool)
        .await
        .unwrap();
    }
    for (i, (date, cents, payee, description, category, account)) in ROWS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description, category_id)
             VALUES (?1, ?2, ?3, ?4, 'USD', ?5, ?6, (SELECT id FROM categories WHERE name = ?7))",
        )
        .bind(account)
        .bind(format!("t{i}"))
        .bind(*date)
        .bind(*cents)
        .bind(*payee)
        .bind(*description)
        .bind(*category)
        .execute(&store.pool)
        .await
        .unwrap();
    }
    store
}

/// The plain filter, row by row, as the reference.
async fn plain(store: &Store, filter: &TxnFilter) -> Vec<i64> {
    let mut q = QueryBuilder::<Sqlite>::new(SELECT_TRANSACTIONS);
    push_filter(&mut q, filter);
    q.push(" ORDER BY t.date DESC, t.id DESC");
    let rows = q.build().fetch_all(&store.pool).await.unwrap();
    rows.iter()
        .map(|r| transaction_from_row(r).unwrap().id)
        .collect()
}

/// Every page of `limit` through the two-step search with a `window`-row first step.
async fn paged(store: &Store, filter: &TxnFilter, limit: u32, window: u32) -> Vec<i64> {
    let (mut all, mut after) = (Vec::new(), None);
    loop {
        let page = store
            .search_in_steps(filter, after, limit, window)
            .await
            .unwrap();
        all.extend(page.iter().map(|t| t.id));
        match page.last() {
            Some(last) if page.len() == limit as usize => after = Some(TxnCursor::of(last)),
            _ => return all,
        }
    }
}

fn searching(text: &str) -> TxnFilter {
    TxnFilter {
        search: Some(text.into()),
        ..TxnFilter::default()
    }
}

#[tokio::test]
async fn both_steps_match_the_plain_filter_exactly() {
    let store = store().await;
    let texts = [
        "coffee",
        "COFFEE",
        "bottle",
        "24.99",
        "12.99",
        "shop",
        "100%",
        "_mission",
        "e_m",
        "\"deluxe\"",
        "ikea",
        "co",
        "é",
        "zzqx",
        "joe's",
        "x",
    ];
    for text in texts {
        let expected = plain(&store, &searching(text)).await;
        for (limit, window) in [(50, 10_000), (2, 1), (1, 3), (3, 100)] {
            let got = paged(&store, &searching(text), limit, window).await;
            assert_eq!(
                got, expected,
                "{text:?} with pages of {limit}, window {window}"
            );
        }
    }
    assert_eq!(
        plain(&store, &searching("coffee")).await.len(),
        3,
        "payee, description or category"
    );
}

#[tokio::test]
async fn other_filters_still_apply() {
    let store = store().await;
    let filter = TxnFilter {
        account_id: Some(2),
        search: Some("shop".into()),
        ..TxnFilter::default()
    };
    let expected = plain(&store, &filter).await;
    assert_eq!(expected.len(), 2);
    assert_eq!(paged(&store, &filter, 1, 1).await, expected);
}

#[tokio::test]
async fn the_index_follows_edits_and_deletes() {
    let store = store().await;
    sqlx::query("UPDATE transactions SET payee = 'Ritual Roasters' WHERE payee = 'Philz'")
        .execute(&store.pool)
        .await
        .unwrap();
    assert_eq!(paged(&store, &searching("ritual"), 5, 1).await.len(), 1);
    assert!(
        paged(&store, &searching("philz"), 5, 1).await.len() == 1,
        "the description still says PHILZ"
    );
    sqlx::query("DELETE FROM transactions WHERE payee = 'ikea'")
        .execute(&store.pool)
        .await
        .unwrap();
    assert!(paged(&store, &searching("ikea"), 5, 1).await.is_empty());
    let hits = store
        .transactions(&searching("ritual"), None, 50)
        .await
        .unwrap();
    assert_eq!(
        hits.iter().map(|t| t.payee.as_str()).collect::<Vec<_>>(),
        ["Ritual Roasters"]
    );
}

#[tokio::test]
async fn rewriting_the_same_text_keeps_the_index_whole() {
    // The sync upsert names payee and description in every UPDATE; the trigger skips rows whose
    // text did not change (migration 0007), and the index must still match the table exactly.
    let store = store().await;
    sqlx::query(
        "UPDATE transactions SET payee = payee, description = description, amount_minor = amount_minor - 1",
    )
    .execute(&store.pool)
    .await
    .unwrap();
    sqlx::query("UPDATE transactions SET description = 'PHILZ ON 24TH' WHERE payee = 'Philz'")
        .execute(&store.pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO transactions_search (transactions_search, rank) VALUES ('integrity-check', 1)",
    )
    .execute(&store.pool)
    .await
    .unwrap();
    assert_eq!(paged(&store, &searching("on 24th"), 5, 1).await.len(), 1);
    assert!(paged(&store, &searching("mission"), 5, 1).await.is_empty());
    for text in ["coffee", "bottle", "ikea", "deluxe"] {
        let filter = searching(text);
        assert_eq!(
            paged(&store, &filter, 3, 1).await,
            plain(&store, &filter).await,
            "{text}"
        );
    }
}

#[test]
fn the_index_query_asks_for_every_trigram_once_quoted() {
    assert_eq!(
        trigram_query("coffee"),
        r#""cof" AND "off" AND "ffe" AND "fee""#
    );
    assert_eq!(trigram_query("aaaa"), r#""aaa""#);
    assert_eq!(trigram_query(r#"a"bé"#), r#""a""b" AND """bé""#);
}

mod category;
mod unicode;
