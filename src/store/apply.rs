//! Applying one sync's [`Delta`] for one connection, all in one SQLite transaction: accounts,
//! transaction upserts (multi-row statements), removals, pending clean-up, bills and the cursor.
//! Either everything lands or nothing does.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{Result, Store, rows};
use crate::domain::{Delta, IncomingTransaction, category::UNCATEGORIZED};

/// Rows per multi-row INSERT (12 bound values each; SQLite allows 32,766 per statement).
const BATCH: usize = 1000;

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
    pub async fn apply_delta(&self, connection_id: i64, delta: &Delta, now: DateTime<Utc>) -> Result<ApplyStats> {
        let mut tx = self.pool.begin().await?;
        let before = count_for_connection(&mut tx, connection_id).await?;
        let accounts = upsert_accounts(&mut tx, connection_id, delta, now).await?;
        let categories = category_ids(&mut tx).await?;
        let mut removed = 0usize;

        // Posted rows that name the pending row they replace (Plaid) inherit the user's edits.
        let carried = carry_user_edits(&mut tx, &accounts, &delta.upserts).await?;

        for chunk in delta.upserts.chunks(BATCH) {
            upsert_transactions(&mut tx, &accounts, &categories, chunk).await?;
        }
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
        for gone in &delta.removed {
            if let Some(account_id) = accounts.get(&gone.provider_account_id) {
                removed += delete_one(&mut tx, *account_id, &gone.provider_id).await?;
            }
        }
        for t in delta.upserts.iter().filter(|t| !t.pending) {
            if let (Some(pending_id), Some(account_id)) = (&t.pending_provider_id, accounts.get(&t.provider_account_id)) {
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

        let after = count_for_connection(&mut tx, connection_id).await?;
        tx.commit().await?;
        let added = usize::try_from(after - before + removed as i64).unwrap_or(0);
        Ok(ApplyStats {
            accounts: delta.accounts.len(),
            added,
            updated: delta.upserts.len().saturating_sub(added),
            removed,
        })
    }
}

async fn count_for_connection(tx: &mut SqliteConnection, connection_id: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM transactions WHERE account_id IN (SELECT id FROM accounts WHERE connection_id = ?1)",
    )
    .bind(connection_id)
    .fetch_one(&mut *tx)
    .await?;
    Ok(n)
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
    let ids: Vec<(String, i64)> = sqlx::query_as("SELECT name, id FROM categories").fetch_all(&mut *tx).await?;
    Ok(ids.into_iter().map(|(n, id)| (n.to_lowercase(), id)).collect())
}

async fn upsert_transactions(
    tx: &mut SqliteConnection,
    accounts: &HashMap<String, i64>,
    categories: &HashMap<String, i64>,
    chunk: &[IncomingTransaction],
) -> Result<()> {
    let uncategorized = categories.get(&UNCATEGORIZED.to_lowercase()).copied().unwrap_or(1);
    let mut rows_ok = Vec::with_capacity(chunk.len());
    for t in chunk {
        let Some(account_id) = accounts.get(&t.provider_account_id) else {
            tracing::warn!(account = %t.provider_account_id, id = %t.provider_id, "transaction for an unknown account skipped");
            continue;
        };
        let category = t
            .category
            .as_deref()
            .and_then(|c| categories.get(&c.to_lowercase()).copied())
            .unwrap_or(uncategorized);
        rows_ok.push((*account_id, t, t.amount.to_minor()?, category));
    }
    if rows_ok.is_empty() {
        return Ok(());
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
    q.push(
        " ON CONFLICT (account_id, provider_id) DO UPDATE SET
            date = excluded.date, amount_minor = excluded.amount_minor, currency = excluded.currency,
            payee = excluded.payee, description = excluded.description, pending = excluded.pending,
            raw = excluded.raw,
            category_id = CASE WHEN transactions.category_locked = 1 THEN transactions.category_id
                               ELSE excluded.category_id END",
    );
    q.build().execute(&mut *tx).await?;
    Ok(())
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
        let (Some(pending_id), Some(account_id)) = (&t.pending_provider_id, accounts.get(&t.provider_account_id)) else {
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
            carried.push((*account_id, t.provider_id.clone(), category_id, locked, notes));
        }
    }
    Ok(carried)
}

async fn delete_one(tx: &mut SqliteConnection, account_id: i64, provider_id: &str) -> Result<usize> {
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
    let still: HashSet<(i64, &str)> = upserts
        .iter()
        .filter(|t| t.pending)
        .filter_map(|t| accounts.get(&t.provider_account_id).map(|a| (*a, t.provider_id.as_str())))
        .collect();
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
            sqlx::query("DELETE FROM transactions WHERE id = ?1").bind(id).execute(&mut *tx).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

async fn upsert_bills(tx: &mut SqliteConnection, accounts: &HashMap<String, i64>, delta: &Delta) -> Result<()> {
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
