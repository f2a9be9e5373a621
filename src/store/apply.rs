//! Applying one sync's [`Delta`] for one connection, all in one SQLite transaction: accounts,
//! transaction upserts (multi-row statements), removals, pending clean-up, bills and the cursor.
//! Either everything lands or nothing does.
//!
//! A posted row settles the pending row it replaces (Plaid names it; otherwise
//! [`settle`] pairs them) and a synced row replaces the row a statement import added for the same
//! transaction (`apply/imported.rs`); either way the user's category and note carry over.

mod imported;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sqlx::{Connection as _, QueryBuilder, Sqlite, SqliteConnection};

use super::{Result, Store, StoreError, rows};
use crate::domain::reconcile::{Candidate, settle};
use crate::domain::{Delta, IncomingTransaction, Rule, categorize, category::UNCATEGORIZED};

/// Rows per multi-row INSERT (12 bound values each; SQLite allows 32,766 per statement).
const BATCH: usize = 1000;
/// From this many transactions on, a delta is applied with a larger page cache: a first sync
/// into a big store updates six indexes and the search index at random places, and SQLite's
/// default 2 MB cache then re-reads pages (1,000,000 rows in deltas of 10,000: 16 % faster with
/// 64 MB). The cache is shrunk back afterwards, so the memory is not kept.
const LARGE_DELTA: usize = 5_000;
const LARGE_CACHE: &str = "PRAGMA cache_size = -65536";
const DEFAULT_CACHE: &str = "PRAGMA cache_size = -2000";

/// What one applied delta changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApplyStats {
    pub accounts: usize,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

impl Store {
    /// Applies `delta` for the connection in one transaction and records a successful sync.
    pub async fn apply_delta(
        &self,
        connection_id: i64,
        delta: &Delta,
        now: DateTime<Utc>,
    ) -> Result<ApplyStats> {
        let mut conn = self.pool.acquire().await?;
        let large = delta.upserts.len() >= LARGE_DELTA;
        if large {
            sqlx::query(LARGE_CACHE).execute(&mut *conn).await?;
        }
        let applied = apply_in(&mut conn, connection_id, delta, now).await;
        if large
            && sqlx::query(DEFAULT_CACHE)
                .execute(&mut *conn)
                .await
                .is_err()
        {
            // Never hand the pool a connection that keeps the large cache.
            conn.close_on_drop();
        }
        applied
    }
}

/// [`Store::apply_delta`] on one connection of the pool.
async fn apply_in(
    conn: &mut SqliteConnection,
    connection_id: i64,
    delta: &Delta,
    now: DateTime<Utc>,
) -> Result<ApplyStats> {
    let mut tx = conn.begin_with(super::locks::BEGIN_WRITE).await?;
    let last_id = last_id(&mut tx).await?;
    let accounts = upsert_accounts(&mut tx, connection_id, delta, now).await?;
    let categories = category_ids(&mut tx).await?;
    let rules = super::rules::load(&mut tx).await?;
    let mut removed = 0usize;

    // Posted rows that name the pending row they replace (Plaid) inherit the user's edits;
    // without such a link, matching decides which pending row a posted one settles.
    let mut carried = carry_user_edits(&mut tx, &accounts, &delta.upserts).await?;
    if delta.pending_is_complete {
        carried.extend(settle_link_less(&mut tx, connection_id, &accounts, &delta.upserts).await?);
    }
    // Rows a statement import added that this sync brings under the provider's ids.
    let imports = imported::replace_imported(&mut tx, &accounts, &delta.upserts).await?;
    carried.extend(imports.carried);

    // Each multi-row statement runs on SQLite's worker thread while the next one is built
    // here: building the arguments is about a quarter of the work of a large sync.
    let mut chunks = delta.upserts.chunks(BATCH);
    let mut build_next = || -> Result<Option<QueryBuilder<Sqlite>>> {
        for chunk in chunks.by_ref() {
            if let Some(statement) = upsert_statement(&accounts, &categories, &rules, chunk)? {
                return Ok(Some(statement));
            }
        }
        Ok(None)
    };
    // Rows inserted or changed (a row sent again unchanged is not written, so not counted).
    let mut written = 0u64;
    let mut next = build_next()?;
    while let Some(mut statement) = next.take() {
        let (done, built) = tokio::join!(
            biased;
            statement.build().execute(&mut *tx),
            async { build_next() },
        );
        written += done?.rows_affected();
        next = built?;
    }
    // New rows get consecutive ids after `last_id` (nothing was deleted yet).
    let inserted = self::last_id(&mut tx).await?.saturating_sub(last_id);
    for (account_id, provider_id, category_id, locked, notes) in carried {
        sqlx::query(
            "UPDATE transactions SET category_id = CASE WHEN ?1 THEN ?2 ELSE category_id END,
                    category_locked = MAX(category_locked, ?1), notes = COALESCE(notes, ?3)
              WHERE account_id = ?4 AND provider_id = ?5",
        )
        .bind(locked)
        .bind(category_id)
        .bind(notes)
        .bind(account_id)
        .bind(provider_id)
        .execute(&mut *tx)
        .await?;
    }
    for (account_id, provider_id) in &imports.replaced {
        delete_one(&mut tx, *account_id, provider_id).await?;
    }
    for gone in &delta.removed {
        if let Some(account_id) = accounts.get(&gone.provider_account_id) {
            removed += delete_one(&mut tx, *account_id, &gone.provider_id).await?;
        }
    }
    for t in delta.upserts.iter().filter(|t| !t.pending) {
        if let (Some(pending_id), Some(account_id)) =
            (&t.pending_provider_id, accounts.get(&t.provider_account_id))
        {
            removed += delete_one(&mut tx, *account_id, pending_id).await?;
        }
    }
    if delta.pending_is_complete {
        removed += drop_vanished_pending(&mut tx, connection_id, &accounts, &delta.upserts).await?;
    }
    upsert_bills(&mut tx, &accounts, delta).await?;

    sqlx::query(
        "UPDATE connections SET cursor = COALESCE(?1, cursor), last_success = ?2, last_attempt = ?2,
                last_error = NULL, next_attempt = NULL, needs_relink = 0, consecutive_failures = 0
          WHERE id = ?3",
    )
    .bind(&delta.cursor)
    .bind(rows::instant_text(now))
    .bind(connection_id)
    .execute(&mut *tx)
    .await?;

    // A synced row that replaced an imported one is a new row but no new transaction: the account
    // held it already. It counts as updated, not added (and the imported row as replaced, not
    // removed), so "added" is what the account did not have before. "Updated" counts only rows
    // that were written: existing rows that changed, and those replacements.
    let added = added_since(&mut tx, last_id)
        .await?
        .saturating_sub(imports.replaced.len());
    let changed = usize::try_from(written.saturating_sub(inserted as u64)).unwrap_or(usize::MAX);
    tx.commit().await?;
    Ok(ApplyStats {
        accounts: delta.accounts.len(),
        added,
        updated: changed + imports.replaced.len(),
        removed,
    })
}

/// The newest row id before the delta (new rows get larger ids: SQLite gives a new row the
/// largest id plus one), so counting what was added is a short range scan, not a count of the
/// connection's whole history.
async fn last_id(tx: &mut SqliteConnection) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM transactions")
        .fetch_one(&mut *tx)
        .await?;
    Ok(id)
}

/// Rows stored after `last_id` that are still there.
async fn added_since(tx: &mut SqliteConnection, last_id: i64) -> Result<usize> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM transactions WHERE id > ?1")
        .bind(last_id)
        .fetch_one(&mut *tx)
        .await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Upserts the delta's accounts; returns provider account id → store id for every account of the
/// connection (including ones this delta did not mention).
async fn upsert_accounts(
    tx: &mut SqliteConnection,
    connection_id: i64,
    delta: &Delta,
    now: DateTime<Utc>,
) -> Result<HashMap<String, i64>> {
    for a in &delta.accounts {
        sqlx::query(
            "INSERT INTO accounts (connection_id, provider_account_id, name, kind, currency, balance_minor,
                                   available_minor, limit_minor, updated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (connection_id, provider_account_id) DO UPDATE SET
                 name = excluded.name, kind = excluded.kind, currency = excluded.currency,
                 balance_minor = excluded.balance_minor, available_minor = excluded.available_minor,
                 limit_minor = excluded.limit_minor, updated = excluded.updated",
        )
        .bind(connection_id)
        .bind(&a.provider_account_id)
        .bind(&a.name)
        .bind(a.kind.as_str())
        .bind(a.currency.code())
        .bind(a.balance.to_minor()?)
        .bind(a.available.map(|m| m.to_minor()).transpose()?)
        .bind(a.limit.map(|m| m.to_minor()).transpose()?)
        .bind(rows::instant_text(a.as_of.min(now)))
        .execute(&mut *tx)
        .await?;
    }
    let ids: Vec<(String, i64)> =
        sqlx::query_as("SELECT provider_account_id, id FROM accounts WHERE connection_id = ?1")
            .bind(connection_id)
            .fetch_all(&mut *tx)
            .await?;
    Ok(ids.into_iter().collect())
}

async fn category_ids(tx: &mut SqliteConnection) -> Result<HashMap<String, i64>> {
    let ids: Vec<(String, i64)> = sqlx::query_as("SELECT name, id FROM categories")
        .fetch_all(&mut *tx)
        .await?;
    Ok(ids
        .into_iter()
        .map(|(n, id)| (n.to_lowercase(), id))
        .collect())
}

/// The multi-row upsert of `chunk`. A row for an account the connection does not have is an error:
/// skipping it would lose it for good once the cursor moves past it.
fn upsert_statement(
    accounts: &HashMap<String, i64>,
    categories: &HashMap<String, i64>,
    rules: &[Rule],
    chunk: &[IncomingTransaction],
) -> Result<Option<QueryBuilder<Sqlite>>> {
    let uncategorized = categories
        .get(&UNCATEGORIZED.to_lowercase())
        .copied()
        .unwrap_or(1);
    let mut rows_ok = Vec::with_capacity(chunk.len());
    for t in chunk {
        let Some(account_id) = accounts.get(&t.provider_account_id) else {
            return Err(StoreError::UnlistedAccount {
                transaction: t.provider_id.clone(),
                account: t.provider_account_id.clone(),
            });
        };
        // A user's rule beats the provider's hint (rows the user categorised by hand keep theirs:
        // see the ON CONFLICT clause below).
        let category = categorize(rules, &t.payee, &t.description, t.amount, *account_id)
            .or(t.category.as_deref())
            .and_then(|c| categories.get(&c.to_lowercase()).copied())
            .unwrap_or(uncategorized);
        rows_ok.push((*account_id, t, t.amount.to_minor()?, category));
    }
    if rows_ok.is_empty() {
        return Ok(None);
    }
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description,
                                   category_id, pending, raw) ",
    );
    q.push_values(rows_ok, |mut b, (account_id, t, minor, category)| {
        b.push_bind(account_id)
            .push_bind(t.provider_id.clone())
            .push_bind(rows::date_text(t.date))
            .push_bind(minor)
            .push_bind(t.amount.currency.code().to_string())
            .push_bind(t.payee.clone())
            .push_bind(t.description.clone())
            .push_bind(category)
            .push_bind(i64::from(t.pending))
            .push_bind(t.raw.clone());
    });
    // Rows sent again unchanged (SimpleFIN's overlapping windows, re-syncs) are left alone: no
    // rewrite, no index or search-trigger work.
    q.push(
        " ON CONFLICT (account_id, provider_id) DO UPDATE SET
            date = excluded.date, amount_minor = excluded.amount_minor, currency = excluded.currency,
            payee = excluded.payee, description = excluded.description, pending = excluded.pending,
            raw = excluded.raw,
            category_id = CASE WHEN transactions.category_locked = 1 THEN transactions.category_id
                               ELSE excluded.category_id END
          WHERE transactions.date IS NOT excluded.date
             OR transactions.amount_minor IS NOT excluded.amount_minor
             OR transactions.currency IS NOT excluded.currency
             OR transactions.payee IS NOT excluded.payee
             OR transactions.description IS NOT excluded.description
             OR transactions.pending IS NOT excluded.pending
             OR transactions.raw IS NOT excluded.raw
             OR (transactions.category_locked = 0 AND transactions.category_id IS NOT excluded.category_id)",
    );
    Ok(Some(q))
}

type Carried = (i64, String, i64, i64, Option<String>);

/// For posted rows naming their pending row: that row's (category, locked, notes), to copy over.
async fn carry_user_edits(
    tx: &mut SqliteConnection,
    accounts: &HashMap<String, i64>,
    upserts: &[IncomingTransaction],
) -> Result<Vec<Carried>> {
    let mut carried = Vec::new();
    for t in upserts.iter().filter(|t| !t.pending) {
        let (Some(pending_id), Some(account_id)) =
            (&t.pending_provider_id, accounts.get(&t.provider_account_id))
        else {
            continue;
        };
        let row: Option<(i64, i64, Option<String>)> = sqlx::query_as(
            "SELECT category_id, category_locked, notes FROM transactions WHERE account_id = ?1 AND provider_id = ?2",
        )
        .bind(account_id)
        .bind(pending_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((category_id, locked, notes)) = row {
            tracing::debug!(pending = %pending_id, posted = %t.provider_id, "posted transaction replaces its pending row");
            carried.push((
                *account_id,
                t.provider_id.clone(),
                category_id,
                locked,
                notes,
            ));
        }
    }
    Ok(carried)
}

/// A stored pending row, as settlement needs it.
#[derive(sqlx::FromRow)]
struct PendingRow {
    account_id: i64,
    provider_id: String,
    date: String,
    amount_minor: i64,
    currency: String,
    payee: String,
    category_id: i64,
    category_locked: i64,
    notes: Option<String>,
}

/// (store account id, provider id) of every pending row the provider reports in this delta.
fn reported_pending<'a>(
    accounts: &HashMap<String, i64>,
    upserts: &'a [IncomingTransaction],
) -> HashSet<(i64, &'a str)> {
    upserts
        .iter()
        .filter(|t| t.pending)
        .filter_map(|t| {
            accounts
                .get(&t.provider_account_id)
                .map(|a| (*a, t.provider_id.as_str()))
        })
        .collect()
}

/// For providers without a pending→posted link: pairs the stored pending rows that the provider
/// no longer reports as pending with newly posted rows (see [`settle`]) and returns the edits to
/// carry over. The settled pending rows are then removed as vanished.
async fn settle_link_less(
    tx: &mut SqliteConnection,
    connection_id: i64,
    accounts: &HashMap<String, i64>,
    upserts: &[IncomingTransaction],
) -> Result<Vec<Carried>> {
    let still_pending = reported_pending(accounts, upserts);
    let stored: Vec<PendingRow> = sqlx::query_as(
        "SELECT t.account_id, t.provider_id, t.date, t.amount_minor, t.currency, t.payee, t.category_id,
                t.category_locked, t.notes
           FROM transactions t JOIN accounts a ON a.id = t.account_id
          WHERE a.connection_id = ?1 AND t.pending = 1",
    )
    .bind(connection_id)
    .fetch_all(&mut *tx)
    .await?;
    let vanished: Vec<_> = stored
        .into_iter()
        .filter(|r| !still_pending.contains(&(r.account_id, r.provider_id.as_str())))
        .collect();
    let Some(earliest) = vanished
        .iter()
        .filter_map(|r| rows::date(&r.date).ok())
        .min()
    else {
        return Ok(Vec::new());
    };
    // Posted rows in the matching window that the store does not hold yet.
    let mut posted = Vec::new();
    for t in upserts.iter().filter(|t| !t.pending && t.date >= earliest) {
        let Some(account_id) = accounts.get(&t.provider_account_id) else {
            continue;
        };
        if !is_stored(tx, *account_id, &t.provider_id).await? {
            posted.push((account_id.to_string(), t));
        }
    }
    let pending_keys: Vec<(String, String)> = vanished
        .iter()
        .map(|r| {
            (
                r.account_id.to_string(),
                format!("{}\u{1f}{}", r.account_id, r.provider_id),
            )
        })
        .collect();
    let mut pending = Vec::with_capacity(vanished.len());
    for (r, (account, key)) in vanished.iter().zip(&pending_keys) {
        pending.push(Candidate {
            key,
            account,
            date: rows::date(&r.date)?,
            amount: rows::money(r.amount_minor, &r.currency)?,
            payee: &r.payee,
        });
    }
    let posted_keys: Vec<String> = posted
        .iter()
        .map(|(a, t)| format!("{a}\u{1f}{}", t.provider_id))
        .collect();
    let posted_c: Vec<Candidate> = posted
        .iter()
        .zip(&posted_keys)
        .map(|((account, t), key)| Candidate {
            key,
            account,
            date: t.date,
            amount: t.amount,
            payee: &t.payee,
        })
        .collect();
    let mut carried = Vec::new();
    for s in settle(&pending, &posted_c) {
        let Some(r) = vanished
            .iter()
            .zip(&pending_keys)
            .find(|(_, (_, k))| *k == s.pending)
            .map(|(r, _)| r)
        else {
            continue;
        };
        let posted_id = s
            .posted
            .split('\u{1f}')
            .nth(1)
            .unwrap_or_default()
            .to_string();
        tracing::debug!(pending = %r.provider_id, posted = %posted_id, reason = %s.reason, "pending transaction settled");
        carried.push((
            r.account_id,
            posted_id,
            r.category_id,
            r.category_locked,
            r.notes.clone(),
        ));
    }
    Ok(carried)
}

/// Whether the account already holds a row with this provider id.
async fn is_stored(tx: &mut SqliteConnection, account_id: i64, provider_id: &str) -> Result<bool> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM transactions WHERE account_id = ?1 AND provider_id = ?2")
            .bind(account_id)
            .bind(provider_id)
            .fetch_optional(&mut *tx)
            .await?;
    Ok(found.is_some())
}

async fn delete_one(
    tx: &mut SqliteConnection,
    account_id: i64,
    provider_id: &str,
) -> Result<usize> {
    let done = sqlx::query("DELETE FROM transactions WHERE account_id = ?1 AND provider_id = ?2")
        .bind(account_id)
        .bind(provider_id)
        .execute(&mut *tx)
        .await?;
    Ok(usize::try_from(done.rows_affected()).unwrap_or(0))
}

/// Removes the connection's pending rows that the provider no longer reports.
async fn drop_vanished_pending(
    tx: &mut SqliteConnection,
    connection_id: i64,
    accounts: &HashMap<String, i64>,
    upserts: &[IncomingTransaction],
) -> Result<usize> {
    let still = reported_pending(accounts, upserts);
    let pending: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT t.id, t.account_id, t.provider_id FROM transactions t JOIN accounts a ON a.id = t.account_id
          WHERE a.connection_id = ?1 AND t.pending = 1",
    )
    .bind(connection_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut removed = 0;
    for (id, account_id, provider_id) in pending {
        if !still.contains(&(account_id, provider_id.as_str())) {
            tracing::debug!(%provider_id, "pending transaction no longer reported: removed");
            sqlx::query("DELETE FROM transactions WHERE id = ?1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Upserts the provider's current bills. A liability bill of this connection that the provider no
/// longer reports has been paid (statements are reported until paid), so it is marked paid and
/// raises no further alerts.
async fn upsert_bills(
    tx: &mut SqliteConnection,
    accounts: &HashMap<String, i64>,
    delta: &Delta,
) -> Result<()> {
    let current: HashSet<(String, String)> = delta
        .bills
        .iter()
        .map(|b| (b.name.clone(), rows::date_text(b.due)))
        .collect();
    let account_ids: HashSet<i64> = accounts.values().copied().collect();
    let open: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, name, due, account_id FROM bills WHERE source = 'liability' AND paid = 0",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (id, name, due, account) in open {
        if account.is_some_and(|a| account_ids.contains(&a)) && !current.contains(&(name, due)) {
            sqlx::query("UPDATE bills SET paid = 1 WHERE id = ?1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }
    for b in &delta.bills {
        sqlx::query(
            "INSERT INTO bills (name, account_id, amount_minor, minimum_minor, currency, due, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'liability')
             ON CONFLICT (name, due) DO UPDATE SET account_id = excluded.account_id,
                 amount_minor = excluded.amount_minor, minimum_minor = excluded.minimum_minor",
        )
        .bind(&b.name)
        .bind(accounts.get(&b.provider_account_id))
        .bind(b.amount.to_minor()?)
        .bind(b.minimum.map(|m| m.to_minor()).transpose()?)
        .bind(b.amount.currency.code())
        .bind(rows::date_text(b.due))
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountKind, AccountSnapshot, Currency, Money};
    use crate::store::TxnFilter;
    use chrono::NaiveDate;

    pub(super) fn snapshot() -> AccountSnapshot {
        AccountSnapshot {
            provider_account_id: "card".into(),
            name: "Card".into(),
            kind: AccountKind::CreditCard,
            currency: Currency::USD,
            balance: Money::from_minor(-5000, Currency::USD),
            available: None,
            limit: None,
            as_of: DateTime::default(),
        }
    }

    pub(super) fn txn(
        id: &str,
        day: u32,
        cents: i64,
        payee: &str,
        pending: bool,
    ) -> IncomingTransaction {
        IncomingTransaction {
            provider_account_id: "card".into(),
            provider_id: id.into(),
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default(),
            amount: Money::from_minor(cents, Currency::USD),
            payee: payee.into(),
            description: payee.to_uppercase(),
            category: Some("Restaurants".into()),
            pending,
            pending_provider_id: None,
            raw: None,
        }
    }

    pub(super) fn delta(upserts: Vec<IncomingTransaction>) -> Delta {
        Delta {
            accounts: vec![snapshot()],
            upserts,
            pending_is_complete: true,
            ..Delta::default()
        }
    }

    /// An in-memory store (one pooled connection) with one connection of `provider`.
    pub(super) async fn bank(provider: &str) -> (Store, i64, DateTime<Utc>) {
        let store = Store::open_in_memory().await.expect("store");
        let now = Utc::now();
        let conn = store
            .ensure_connection("Bank", provider, now)
            .await
            .expect("conn");
        (store, conn, now)
    }

    #[tokio::test]
    async fn a_large_delta_gives_back_its_page_cache() {
        // One pooled connection in memory, so the pragma read below is on the one that applied.
        let (store, conn, now) = bank("simplefin").await;
        let rows = (0..LARGE_DELTA)
            .map(|i| {
                txn(
                    &format!("t{i}"),
                    1 + (i % 20) as u32,
                    -100 - i as i64,
                    "Cafe",
                    false,
                )
            })
            .collect();
        let stats = store
            .apply_delta(conn, &delta(rows), now)
            .await
            .expect("apply");
        assert_eq!(stats.added, LARGE_DELTA);
        let (cache,): (i64,) = sqlx::query_as("PRAGMA cache_size")
            .fetch_one(&store.pool)
            .await
            .expect("pragma");
        assert_eq!(cache, -2000);
    }

    #[tokio::test]
    async fn a_posted_tip_settles_its_pending_row_and_keeps_the_users_edits() {
        let (store, conn, now) = bank("simplefin").await;
        let first = delta(vec![
            txn("p1", 10, -4000, "Nopa", true),
            txn("p2", 10, -550, "Blue Bottle", true),
        ]);
        store.apply_delta(conn, &first, now).await.expect("first");
        let rows = store
            .transactions(&TxnFilter::default(), None, 10)
            .await
            .expect("rows");
        let nopa = rows
            .iter()
            .find(|t| t.provider_id == "p1")
            .map(|t| t.id)
            .unwrap_or_default();
        store
            .set_category(nopa, "Entertainment")
            .await
            .expect("category");
        store
            .set_note(nopa, Some("birthday dinner"))
            .await
            .expect("note");

        // Nopa posts with a tip under a new id; Blue Bottle is still pending; a genuine second
        // Blue Bottle purchase posts too and must not be taken for the pending one... unless it is
        // the only candidate: here p2 stays pending, so nothing settles it.
        let second = delta(vec![
            txn("t1", 11, -4720, "NOPA SF", false),
            txn("p2", 10, -550, "Blue Bottle", true),
            txn("t9", 11, -550, "Blue Bottle", false),
        ]);
        let stats = store.apply_delta(conn, &second, now).await.expect("second");
        let rows = store
            .transactions(&TxnFilter::default(), None, 10)
            .await
            .expect("rows");
        let ids: Vec<&str> = rows.iter().map(|t| t.provider_id.as_str()).collect();
        assert!(!ids.contains(&"p1"), "settled pending row removed: {ids:?}");
        assert!(
            ids.contains(&"p2") && ids.contains(&"t9"),
            "still-pending row and the genuine purchase stay: {ids:?}"
        );
        let posted = rows
            .iter()
            .find(|t| t.provider_id == "t1")
            .expect("posted row");
        assert_eq!(posted.category, "Entertainment");
        assert_eq!(posted.notes.as_deref(), Some("birthday dinner"));
        assert_eq!(posted.amount, Money::from_minor(-4720, Currency::USD));
        assert_eq!((stats.added, stats.removed), (2, 1));
    }

    #[tokio::test]
    async fn a_row_of_an_account_the_sync_does_not_list_fails_it_and_saves_nothing() {
        let (store, conn, now) = bank("plaid").await;
        let mut stray = txn("x", 10, -100, "Stray", false);
        stray.provider_account_id = "gone".into();
        let mut upserts: Vec<IncomingTransaction> = (0..BATCH)
            .map(|i| IncomingTransaction {
                provider_id: format!("x{i}"),
                ..stray.clone()
            })
            .collect();
        upserts.extend((0..BATCH + 5).map(|i| txn(&format!("t{i}"), 12, -100, "Shop", false)));
        let mut stale = delta(upserts);
        stale.cursor = Some("c2".into());
        let err = store
            .apply_delta(conn, &stale, now)
            .await
            .expect_err("a row that cannot be stored fails the whole delta");
        assert!(
            err.to_string().contains("\"x0\"") && err.to_string().contains("\"gone\""),
            "{err}"
        );
        let count = store
            .count_transactions(&TxnFilter::default())
            .await
            .expect("count");
        assert_eq!(count, 0, "nothing saved");
        assert_eq!(
            store.cursor(conn).await.expect("cursor"),
            None,
            "cursor kept"
        );
    }

    #[tokio::test]
    async fn a_resent_row_changes_only_what_the_provider_changed() {
        let (store, conn, now) = bank("plaid").await;
        let category = |rows: &[crate::domain::Transaction], id: &str| {
            rows.iter()
                .find(|t| t.provider_id == id)
                .map(|t| (t.category.clone(), t.amount))
                .expect("row")
        };
        let all = TxnFilter::default();
        let list = || store.transactions(&all, None, 10);
        let (a, b) = (
            txn("a", 10, -500, "Shop", false),
            txn("b", 10, -700, "Cafe", false),
        );
        store
            .apply_delta(conn, &delta(vec![a.clone(), b.clone()]), now)
            .await
            .expect("first");
        let stats = store
            .apply_delta(conn, &delta(vec![a.clone(), b.clone()]), now)
            .await
            .expect("same again");
        assert_eq!(
            (stats.added, stats.updated),
            (0, 0),
            "unchanged rows are not written, so not counted"
        );

        // The provider recategorises `a` and corrects `b`'s amount; the user had locked `b`.
        let b_id = list()
            .await
            .expect("rows")
            .iter()
            .find(|t| t.provider_id == "b")
            .map(|t| t.id);
        store
            .set_category(b_id.expect("b"), "Coffee")
            .await
            .expect("lock");
        let a2 = IncomingTransaction {
            category: Some("Groceries".into()),
            ..a
        };
        let b2 = IncomingTransaction {
            amount: Money::from_minor(-750, Currency::USD),
            category: Some("Groceries".into()),
            ..b
        };
        let stats = store
            .apply_delta(conn, &delta(vec![a2, b2]), now)
            .await
            .expect("changed");
        assert_eq!((stats.added, stats.updated), (0, 2));
        let rows = list().await.expect("rows");
        let usd = |m| Money::from_minor(m, Currency::USD);
        assert_eq!(category(&rows, "a"), ("Groceries".to_string(), usd(-500)));
        assert_eq!(category(&rows, "b"), ("Coffee".to_string(), usd(-750)));
    }
}
