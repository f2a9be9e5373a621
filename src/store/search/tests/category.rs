//! A category filter holds the category and every category beneath it, as budgets count them,
//! in plain lists, counts and both search steps.

use super::*;

fn within(category: &str, search: Option<&str>) -> TxnFilter {
    TxnFilter {
        category: Some(category.into()),
        search: search.map(str::to_string),
        ..TxnFilter::default()
    }
}

async fn payees(store: &Store, filter: &TxnFilter) -> Vec<String> {
    let found = store.transactions(filter, None, 50).await.unwrap();
    found.into_iter().map(|t| t.payee).collect()
}

#[tokio::test]
async fn a_parent_category_lists_its_childrens_transactions() {
    let store = store().await;
    let dining = within("Dining", None);
    assert_eq!(
        payees(&store, &dining).await,
        ["Café Ébène", "Philz", "Blue Bottle Coffee"],
        "Dining holds Coffee"
    );
    assert_eq!(store.count_transactions(&dining).await.unwrap(), 3);
    // A leaf is itself alone; a sibling branch stays out.
    assert_eq!(payees(&store, &within("Coffee", None)).await.len(), 3);
    assert!(
        payees(&store, &within("Restaurants", None))
            .await
            .is_empty()
    );
    assert_eq!(
        payees(&store, &within("Health", None)).await,
        ["Planet Fitness"]
    );
}

#[tokio::test]
async fn grandchildren_count_too() {
    let store = store().await;
    sqlx::query(
        "INSERT INTO categories (name, parent_id, kind) VALUES ('Espresso bars', (SELECT id FROM categories WHERE name = 'Coffee'), 'expense')",
    )
    .execute(&store.pool)
    .await
    .unwrap();
    sqlx::query("UPDATE transactions SET category_id = (SELECT id FROM categories WHERE name = 'Espresso bars') WHERE payee = 'Philz'")
        .execute(&store.pool)
        .await
        .unwrap();
    assert_eq!(payees(&store, &within("Dining", None)).await.len(), 3);
    assert_eq!(
        payees(&store, &within("Espresso bars", None)).await,
        ["Philz"]
    );
}

#[tokio::test]
async fn search_within_a_parent_category_matches_the_plain_filter() {
    let store = store().await;
    for text in ["philz", "coffee", "é", "zzqx"] {
        let filter = within("Dining", Some(text));
        let expected = plain(&store, &filter).await;
        for (limit, window) in [(50, 10_000), (1, 1), (2, 3)] {
            assert_eq!(
                paged(&store, &filter, limit, window).await,
                expected,
                "{text}"
            );
        }
    }
    assert_eq!(
        plain(&store, &within("Dining", Some("philz"))).await.len(),
        1
    );
}
