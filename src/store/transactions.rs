//! Transaction reads: keyset-paged lists (newest first) with filters and search, and user edits
//! (category, notes). Never loads the whole table.

use chrono::NaiveDate;
use sqlx::{QueryBuilder, Row, Sqlite};

use super::{Result, Store, StoreError, rows};
use crate::domain::{Money, Transaction, TransactionId, money::parse_decimal};

/// Which transactions to list. Empty filter = all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TxnFilter {
    pub account_id: Option<i64>,
    /// This category and every category beneath it.
    pub category: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Matches payee, description, category name, or an amount ("12.34" matches ±12.34).
    pub search: Option<String>,
}

/// Keyset position: list rows strictly after this (date, id) in newest-first order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TxnCursor {
    pub date: NaiveDate,
    pub id: TransactionId,
}

impl TxnCursor {
    pub fn of(t: &Transaction) -> Self {
        TxnCursor {
            date: t.date,
            id: t.id,
        }
    }
}

/// The columns [`transaction_from_row`] reads, from `t` (transactions), `a` (accounts) and `c`
/// (categories), ready for `AND` conditions.
pub(super) const SELECT_TRANSACTIONS: &str = "SELECT t.id, t.provider_id, t.account_id, a.name AS account, t.date, t.amount_minor, t.currency,
        t.payee, t.description, c.name AS category, t.pending, t.notes
   FROM transactions t
   JOIN accounts a ON a.id = t.account_id
   JOIN categories c ON c.id = t.category_id
  WHERE 1 = 1";

impl Store {
    /// Up to `limit` transactions matching `filter`, newest first, after `after` (a search goes
    /// through `search.rs`).
    pub async fn transactions(
        &self,
        filter: &TxnFilter,
        after: Option<TxnCursor>,
        limit: u32,
    ) -> Result<Vec<Transaction>> {
        if super::search::search_text(filter).is_some() {
            return self.search_transactions(filter, after, limit).await;
        }
        let mut q = QueryBuilder::<Sqlite>::new(SELECT_TRANSACTIONS);
        push_filter(&mut q, filter);
        if let Some(cursor) = after {
            q.push(" AND (t.date, t.id) < (")
                .push_bind(rows::date_text(cursor.date))
                .push(", ")
                .push_bind(cursor.id)
                .push(")");
        }
        q.push(" ORDER BY t.date DESC, t.id DESC LIMIT ")
            .push_bind(i64::from(limit));
        let rows = q.build().fetch_all(&self.pool).await?;
        rows.iter().map(transaction_from_row).collect()
    }

    /// How many transactions match `filter`.
    pub async fn count_transactions(&self, filter: &TxnFilter) -> Result<u64> {
        let mut q = QueryBuilder::<Sqlite>::new(
            "SELECT COUNT(*) FROM transactions t JOIN categories c ON c.id = t.category_id WHERE 1 = 1",
        );
        push_filter(&mut q, filter);
        let (n,): (i64,) = q.build_query_as().fetch_one(&self.pool).await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Sets a transaction's category (locked: later syncs keep the user's choice).
    pub async fn set_category(&self, id: TransactionId, category: &str) -> Result<()> {
        let tree = self.categories().await?;
        let name = tree
            .find(category)
            .map(|c| c.name.clone())
            .ok_or_else(|| StoreError::UnknownCategory(category.to_string()))?;
        sqlx::query(
            "UPDATE transactions SET category_id = (SELECT id FROM categories WHERE name = ?1), category_locked = 1
              WHERE id = ?2",
        )
        .bind(name)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Sets or clears a transaction's note.
    pub async fn set_note(&self, id: TransactionId, note: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE transactions SET notes = ?1 WHERE id = ?2")
            .bind(note.filter(|n| !n.trim().is_empty()))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The provider's raw payload of a transaction, if kept.
    pub async fn raw_payload(&self, id: TransactionId) -> Result<Option<String>> {
        let raw: Option<(Option<String>,)> =
            sqlx::query_as("SELECT raw FROM transactions WHERE id = ?1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(raw.and_then(|r| r.0))
    }
}

pub(super) fn push_filter(q: &mut QueryBuilder<Sqlite>, filter: &TxnFilter) {
    if let Some(account) = filter.account_id {
        q.push(" AND t.account_id = ").push_bind(account);
    }
    if let Some(category) = &filter.category {
        // The category and everything beneath it, as budgets count it: Dining holds Coffee.
        q.push(
            " AND t.category_id IN (WITH RECURSIVE within(id) AS (SELECT id FROM categories WHERE name = ",
        )
        .push_bind(category.clone())
        .push(
            " UNION SELECT k.id FROM categories k JOIN within w ON k.parent_id = w.id) SELECT id FROM within)",
        );
    }
    if let Some(since) = filter.since {
        q.push(" AND t.date >= ").push_bind(rows::date_text(since));
    }
    if let Some(until) = filter.until {
        q.push(" AND t.date <= ").push_bind(rows::date_text(until));
    }
    if let Some(text) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        // Case folded over all of Unicode, as search.rs explains.
        q.push(" AND (");
        super::search::push_contains(q, "t.payee", text);
        q.push(" OR ");
        super::search::push_contains(q, "t.description", text);
        q.push(" OR ");
        super::search::push_contains(q, "c.name", text);
        if let Ok(amount) = parse_decimal(text) {
            // Amount search is currency-agnostic: compare in cents (the common 2-digit exponent).
            if let Ok(minor) = Money::new(amount.abs(), crate::domain::Currency::USD).to_minor() {
                q.push(" OR t.amount_minor IN (")
                    .push_bind(minor)
                    .push(", ")
                    .push_bind(-minor)
                    .push(")");
            }
        }
        q.push(")");
    }
}

pub(super) fn transaction_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Transaction> {
    let currency: String = row.try_get("currency")?;
    let date: String = row.try_get("date")?;
    Ok(Transaction {
        id: row.try_get("id")?,
        provider_id: row.try_get("provider_id")?,
        account_id: row.try_get("account_id")?,
        account: row.try_get("account")?,
        date: rows::date(&date)?,
        amount: rows::money(row.try_get("amount_minor")?, &currency)?,
        payee: row.try_get("payee")?,
        description: row.try_get("description")?,
        category: row.try_get("category")?,
        pending: row.try_get::<i64, _>("pending")? != 0,
        notes: row.try_get("notes")?,
    })
}
