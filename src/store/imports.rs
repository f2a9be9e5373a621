//! The store side of statement import and export: which account a statement belongs to, the rows
//! an import compares against, recorded statement balances, correction tombstones, keeping a live
//! connection's sync status untouched by an import, and the oldest-first reads that journals need.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;

use super::{Result, Store, TxnCursor, TxnFilter, rows};
use crate::domain::{Money, Transaction};

/// A statement balance to record: `ledger` or `available`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordedBalance {
    pub kind: &'static str,
    pub amount: Money,
    pub as_of: NaiveDate,
}

/// A connection's sync status columns, as saved before an import and put back after it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SyncStatusColumns {
    last_success: Option<String>,
    last_attempt: Option<String>,
    last_error: Option<String>,
    next_attempt: Option<String>,
    needs_relink: i64,
    consecutive_failures: i64,
}

impl Store {
    /// The account a statement account id was last imported into by name, if any.
    pub async fn import_link(&self, statement_account: &str) -> Result<Option<i64>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT account_id FROM import_links WHERE statement_account = ?1")
                .bind(statement_account)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| r.0))
    }

    /// An account's connection id and provider account id.
    pub async fn account_origin(&self, account_id: i64) -> Result<Option<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT connection_id, provider_account_id FROM accounts WHERE id = ?1")
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The id of the connection's account with this provider account id.
    pub async fn account_by_provider_id(
        &self,
        connection_id: i64,
        provider_account_id: &str,
    ) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM accounts WHERE connection_id = ?1 AND provider_account_id = ?2",
        )
        .bind(connection_id)
        .bind(provider_account_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.0))
    }

    /// The account's rows whose provider id starts with `prefix`, and all its rows dated
    /// `from..=to`: (provider id, date, amount, payee).
    pub async fn rows_for_import(
        &self,
        account_id: i64,
        prefix: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(String, NaiveDate, Money, String)>> {
        let found = sqlx::query(
            "SELECT provider_id, date, amount_minor, currency, payee FROM transactions
              WHERE account_id = ?1 AND (substr(provider_id, 1, length(?2)) = ?2 OR date BETWEEN ?3 AND ?4)",
        )
        .bind(account_id)
        .bind(prefix)
        .bind(rows::date_text(from))
        .bind(rows::date_text(to))
        .fetch_all(&self.pool)
        .await?;
        found
            .iter()
            .map(|r| {
                let currency: String = r.try_get("currency")?;
                let date: String = r.try_get("date")?;
                Ok((
                    r.try_get("provider_id")?,
                    rows::date(&date)?,
                    rows::money(r.try_get("amount_minor")?, &currency)?,
                    r.try_get("payee")?,
                ))
            })
            .collect()
    }

    /// Ids removed from the account by earlier corrections.
    pub async fn import_tombstones(&self, account_id: i64) -> Result<HashSet<String>> {
        let ids: Vec<(String,)> =
            sqlx::query_as("SELECT provider_id FROM import_tombstones WHERE account_id = ?1")
                .bind(account_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(ids.into_iter().map(|r| r.0).collect())
    }

    /// The date of the newest ledger balance recorded for the account.
    pub async fn latest_statement_date(&self, account_id: i64) -> Result<Option<NaiveDate>> {
        let row: (Option<String>,) = sqlx::query_as(
            "SELECT MAX(as_of) FROM statement_balances WHERE account_id = ?1 AND kind = 'ledger'",
        )
        .bind(account_id)
        .fetch_one(&self.pool)
        .await?;
        row.0.as_deref().map(rows::date).transpose()
    }

    /// Records what an applied statement said, in one transaction: its balances, the link from
    /// its account id (if imported into an account by name), and corrected-away ids.
    pub async fn record_statement(
        &self,
        account_id: i64,
        link: Option<&str>,
        balances: &[RecordedBalance],
        tombstones: &[String],
        source: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        if let Some(key) = link {
            sqlx::query(
                "INSERT INTO import_links (statement_account, account_id) VALUES (?1, ?2)
                 ON CONFLICT (statement_account) DO UPDATE SET account_id = excluded.account_id",
            )
            .bind(key)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        }
        for b in balances {
            sqlx::query(
                "INSERT OR REPLACE INTO statement_balances (account_id, kind, as_of, amount_minor, currency, source, imported)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .bind(account_id)
            .bind(b.kind)
            .bind(rows::date_text(b.as_of))
            .bind(b.amount.to_minor()?)
            .bind(b.amount.currency.code())
            .bind(source)
            .bind(rows::instant_text(now))
            .execute(&mut *tx)
            .await?;
        }
        for id in tombstones {
            sqlx::query(
                "INSERT OR IGNORE INTO import_tombstones (account_id, provider_id) VALUES (?1, ?2)",
            )
            .bind(account_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A connection's sync status, to restore after importing into one of its accounts.
    pub async fn sync_status_columns(&self, connection_id: i64) -> Result<SyncStatusColumns> {
        Ok(sqlx::query_as(
            "SELECT last_success, last_attempt, last_error, next_attempt, needs_relink, consecutive_failures
               FROM connections WHERE id = ?1",
        )
        .bind(connection_id)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Puts back a connection's sync status after an import (which is no sync), unless a real
    /// sync has stamped the connection since the import at `stamp`.
    pub async fn restore_sync_status(
        &self,
        connection_id: i64,
        saved: &SyncStatusColumns,
        stamp: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE connections SET last_success = ?1, last_attempt = ?2, last_error = ?3, next_attempt = ?4,
                    needs_relink = ?5, consecutive_failures = ?6
              WHERE id = ?7 AND last_success = ?8 AND last_attempt = ?8",
        )
        .bind(&saved.last_success)
        .bind(&saved.last_attempt)
        .bind(&saved.last_error)
        .bind(&saved.next_attempt)
        .bind(saved.needs_relink)
        .bind(saved.consecutive_failures)
        .bind(connection_id)
        .bind(rows::instant_text(stamp))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Up to `limit` transactions matching the account and date parts of `filter`, oldest first,
    /// after `after` (keyset paging, for exports that read like a journal).
    pub async fn transactions_oldest_first(
        &self,
        filter: &TxnFilter,
        after: Option<TxnCursor>,
        limit: u32,
    ) -> Result<Vec<Transaction>> {
        let (after_date, after_id) =
            after.map_or((String::new(), 0), |c| (rows::date_text(c.date), c.id));
        let found = sqlx::query(
            "SELECT t.id, t.provider_id, t.account_id, a.name AS account, t.date, t.amount_minor, t.currency,
                    t.payee, t.description, c.name AS category, t.pending, t.notes
               FROM transactions t
               JOIN accounts a ON a.id = t.account_id
               JOIN categories c ON c.id = t.category_id
              WHERE (?1 IS NULL OR t.account_id = ?1) AND (?2 IS NULL OR t.date >= ?2)
                AND (?3 IS NULL OR t.date <= ?3) AND (t.date, t.id) > (?4, ?5)
              ORDER BY t.date, t.id LIMIT ?6",
        )
        .bind(filter.account_id)
        .bind(filter.since.map(rows::date_text))
        .bind(filter.until.map(rows::date_text))
        .bind(after_date)
        .bind(after_id)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        found
            .iter()
            .map(super::transactions::transaction_from_row)
            .collect()
    }

    /// Per account: the sum (minor units, per currency) of its transactions dated on or after
    /// `from` (all of them when `None`), and the earliest and latest such date.
    pub async fn sums_since(
        &self,
        from: Option<NaiveDate>,
    ) -> Result<Vec<(i64, Money, NaiveDate, NaiveDate)>> {
        let found: Vec<(i64, String, i64, String, String)> = sqlx::query_as(
            "SELECT account_id, currency, SUM(amount_minor), MIN(date), MAX(date) FROM transactions
              WHERE ?1 IS NULL OR date >= ?1 GROUP BY account_id, currency",
        )
        .bind(from.map(rows::date_text))
        .fetch_all(&self.pool)
        .await?;
        found
            .into_iter()
            .map(|(account, currency, minor, first, last)| {
                Ok((
                    account,
                    rows::money(minor, &currency)?,
                    rows::date(&first)?,
                    rows::date(&last)?,
                ))
            })
            .collect()
    }
}
