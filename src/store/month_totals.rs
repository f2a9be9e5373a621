//! Tests of the trigger-kept `month_totals` table (migration 0009): after any sequence of
//! inserts, sync upserts, edits of date, amount, category or currency, deletes and account
//! deletes (by cascade), it equals a fresh `GROUP BY` over the transactions.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;

use super::Store;

#[derive(Debug, Clone)]
enum Op {
    /// account (1–2), month (0–2), day, cents, category slot (0–2), euro?
    Insert(i64, u32, u32, i64, usize, bool),
    /// The sync upsert of an existing provider id with a new amount and category slot.
    Upsert(usize, i64, usize),
    SetAmount(usize, i64),
    SetDate(usize, u32, u32),
    SetCategory(usize, usize),
    SetCurrency(usize, bool),
    Delete(usize),
    DeleteAccount(i64),
}

fn op() -> impl Strategy<Value = Op> {
    let cents = -50_000i64..50_000;
    prop_oneof![
        4 => (1i64..=2, 0u32..3, 1u32..=28, cents.clone(), 0usize..3, any::<bool>())
            .prop_map(|(a, m, d, c, k, e)| Op::Insert(a, m, d, c, k, e)),
        2 => (any::<usize>(), cents.clone(), 0usize..3).prop_map(|(i, c, k)| Op::Upsert(i, c, k)),
        1 => (any::<usize>(), cents).prop_map(|(i, c)| Op::SetAmount(i, c)),
        1 => (any::<usize>(), 0u32..3, 1u32..=28).prop_map(|(i, m, d)| Op::SetDate(i, m, d)),
        1 => (any::<usize>(), 0usize..3).prop_map(|(i, k)| Op::SetCategory(i, k)),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(i, e)| Op::SetCurrency(i, e)),
        1 => any::<usize>().prop_map(Op::Delete),
        1 => (1i64..=2).prop_map(Op::DeleteAccount),
    ]
}

type Totals = Vec<(String, i64, String, i64, i64, i64)>;

async fn kept(store: &Store) -> Totals {
    sqlx::query_as("SELECT * FROM month_totals ORDER BY 1, 2, 3")
        .fetch_all(&store.pool)
        .await
        .unwrap()
}

async fn recomputed(store: &Store) -> Totals {
    sqlx::query_as(
        "SELECT substr(date, 1, 7), category_id, currency, SUM(MAX(amount_minor, 0)),
                SUM(MAX(-amount_minor, 0)), COUNT(*)
           FROM transactions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )
    .fetch_all(&store.pool)
    .await
    .unwrap()
}

async fn setup() -> (Store, Vec<i64>) {
    let store = Store::open_in_memory().await.unwrap();
    sqlx::query("INSERT INTO connections (id, name, provider, created) VALUES (1, 'Bank', 'demo', '2026-01-01T00:00:00Z')")
        .execute(&store.pool)
        .await
        .unwrap();
    let categories: Vec<(i64,)> = sqlx::query_as("SELECT id FROM categories ORDER BY id LIMIT 3")
        .fetch_all(&store.pool)
        .await
        .unwrap();
    (store, categories.into_iter().map(|c| c.0).collect())
}

async fn add_account(store: &Store, id: i64) {
    sqlx::query(
        "INSERT OR IGNORE INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor, updated)
         VALUES (?1, 1, ?2, ?2, 'checking', 'USD', 0, '2026-01-01T00:00:00Z')",
    )
    .bind(id)
    .bind(format!("acct {id}"))
    .execute(&store.pool)
    .await
    .unwrap();
}

fn date(month: u32, day: u32) -> String {
    format!("2026-{:02}-{day:02}", month + 10)
}

fn currency(euro: bool) -> &'static str {
    if euro { "EUR" } else { "USD" }
}

/// Runs `sql` with `binds` against the `pick`-th transaction (by id), if there is any.
async fn on_nth(store: &Store, pick: usize, sql: &'static str, binds: &[String]) {
    let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM transactions ORDER BY id")
        .fetch_all(&store.pool)
        .await
        .unwrap();
    let Some((id,)) = ids.get(pick % ids.len().max(1)) else {
        return;
    };
    let mut q = sqlx::query(sql).bind(id);
    for b in binds {
        q = q.bind(b.clone());
    }
    q.execute(&store.pool).await.unwrap();
}

async fn apply(store: &Store, categories: &[i64], op: &Op, n: usize) {
    match *op {
        Op::Insert(account, month, day, cents, cat, euro) => {
            add_account(store, account).await;
            sqlx::query(
                "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description, category_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'P', 'D', ?6)",
            )
            .bind(account)
            .bind(format!("p{n}"))
            .bind(date(month, day))
            .bind(cents)
            .bind(currency(euro))
            .bind(categories[cat])
            .execute(&store.pool)
            .await
            .unwrap();
        }
        Op::Upsert(pick, cents, cat) => {
            let sql = "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description, category_id)
                       SELECT account_id, provider_id, date, ?2, currency, payee, description, ?3 FROM transactions WHERE id = ?1
                       ON CONFLICT (account_id, provider_id) DO UPDATE SET amount_minor = excluded.amount_minor,
                           category_id = excluded.category_id";
            on_nth(
                store,
                pick,
                sql,
                &[cents.to_string(), categories[cat].to_string()],
            )
            .await;
        }
        Op::SetAmount(pick, cents) => {
            let sql = "UPDATE transactions SET amount_minor = ?2 WHERE id = ?1";
            on_nth(store, pick, sql, &[cents.to_string()]).await;
        }
        Op::SetDate(pick, month, day) => {
            let sql = "UPDATE transactions SET date = ?2 WHERE id = ?1";
            on_nth(store, pick, sql, &[date(month, day)]).await;
        }
        Op::SetCategory(pick, cat) => {
            let sql = "UPDATE transactions SET category_id = ?2 WHERE id = ?1";
            on_nth(store, pick, sql, &[categories[cat].to_string()]).await;
        }
        Op::SetCurrency(pick, euro) => {
            let sql = "UPDATE transactions SET currency = ?2 WHERE id = ?1";
            on_nth(store, pick, sql, &[currency(euro).to_string()]).await;
        }
        Op::Delete(pick) => {
            on_nth(store, pick, "DELETE FROM transactions WHERE id = ?1", &[]).await;
        }
        Op::DeleteAccount(account) => {
            sqlx::query("DELETE FROM accounts WHERE id = ?1")
                .bind(account)
                .execute(&store.pool)
                .await
                .unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn month_totals_match_a_fresh_sum(ops in prop::collection::vec(op(), 1..40)) {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let (kept, fresh) = rt.block_on(async {
            let (store, categories) = setup().await;
            for (n, op) in ops.iter().enumerate() {
                apply(&store, &categories, op, n).await;
            }
            (kept(&store).await, recomputed(&store).await)
        });
        prop_assert_eq!(kept, fresh);
    }
}

#[tokio::test]
async fn the_budget_queries_read_the_kept_totals() {
    let (store, categories) = setup().await;
    add_account(&store, 1).await;
    for (n, (day, cents)) in [(3, -1_000), (4, 2_500), (5, -250)].into_iter().enumerate() {
        apply(
            &store,
            &categories,
            &Op::Insert(1, 1, day, cents, 0, false),
            n,
        )
        .await;
    }
    let month = "2026-11".parse().unwrap();
    let nets = store.category_nets(month).await.unwrap();
    assert_eq!(nets.len(), 1);
    assert_eq!(nets[0].net.amount, rust_decimal::Decimal::new(1_250, 2));
    // Moving the refund to October moves its money with it.
    apply(&store, &categories, &Op::SetDate(1, 0, 9), 9).await;
    let nets = store.category_nets(month).await.unwrap();
    assert_eq!(nets[0].net.amount, rust_decimal::Decimal::new(-1_250, 2));
    let flows = store
        .monthly_in_out(month, 2, crate::domain::Currency::USD)
        .await
        .unwrap();
    let flows: Vec<_> = flows
        .iter()
        .map(|f| (f.month.to_string(), f.money_in.amount, f.money_out.amount))
        .collect();
    let expected = |m: &str, money_in, money_out| {
        (
            m.to_string(),
            rust_decimal::Decimal::new(money_in, 2),
            rust_decimal::Decimal::new(money_out, 2),
        )
    };
    assert_eq!(
        flows,
        vec![expected("2026-10", 2_500, 0), expected("2026-11", 0, 1_250)]
    );
}
