//! The history the alert rules analyse: a window of transactions, month-by-month category nets
//! for budget rollover, merchants paid before a date, and the category fixes transfer detection
//! calls for (never over a category the user chose).

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use sqlx::Row;

use super::{Result, Store, StoreError, rows};
use crate::domain::{
    BudgetReport, CategoryNet, Currency, Month, Transaction, TransactionId,
    budget_report_with_rollover,
};

impl Store {
    /// Every transaction dated `since` or later (pending included), oldest first.
    pub async fn history_since(&self, since: NaiveDate) -> Result<Vec<Transaction>> {
        let rows = sqlx::query(
            "SELECT t.id, t.provider_id, t.account_id, a.name AS account, t.date, t.amount_minor, t.currency,
                    t.payee, t.description, c.name AS category, t.pending, t.notes
               FROM transactions t
               JOIN accounts a ON a.id = t.account_id
               JOIN categories c ON c.id = t.category_id
              WHERE t.date >= ?1
              ORDER BY t.date, t.id",
        )
        .bind(rows::date_text(since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(super::transactions::transaction_from_row)
            .collect()
    }

    /// The date of the oldest transaction, if any.
    pub async fn first_transaction_date(&self) -> Result<Option<NaiveDate>> {
        let (first,): (Option<String>,) = sqlx::query_as("SELECT MIN(date) FROM transactions")
            .fetch_one(&self.pool)
            .await?;
        first.as_deref().map(rows::date).transpose()
    }

    /// Which of `merchants` (lower-case payees) have a transaction dated before `before`.
    pub async fn merchants_seen_before(
        &self,
        merchants: &[String],
        before: NaiveDate,
    ) -> Result<HashSet<String>> {
        let mut seen = HashSet::new();
        for merchant in merchants {
            let hit: Option<(i64,)> = sqlx::query_as(
                "SELECT 1 FROM transactions WHERE lower(trim(payee)) = ?1 AND date < ?2 LIMIT 1",
            )
            .bind(merchant)
            .bind(rows::date_text(before))
            .fetch_optional(&self.pool)
            .await?;
            if hit.is_some() {
                seen.insert(merchant.clone());
            }
        }
        Ok(seen)
    }

    /// Net per category and currency of each month from `from` to `to` (inclusive).
    pub async fn category_nets_by_month(
        &self,
        from: Month,
        to: Month,
    ) -> Result<BTreeMap<Month, Vec<CategoryNet>>> {
        let rows = sqlx::query(
            "SELECT m.month, c.name, m.currency, m.money_in - m.money_out AS net
               FROM month_totals m JOIN categories c ON c.id = m.category_id
              WHERE m.month >= ?1 AND m.month <= ?2",
        )
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut by_month: BTreeMap<Month, Vec<CategoryNet>> = BTreeMap::new();
        for row in &rows {
            let month: String = row.try_get("month")?;
            let currency: String = row.try_get("currency")?;
            let month: Month = month
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("transaction month \"{month}\"")))?;
            by_month.entry(month).or_default().push(CategoryNet {
                category: row.try_get("name")?,
                net: rows::money(row.try_get("net")?, &currency)?,
            });
        }
        Ok(by_month)
    }

    /// The month's budget report in `currency`, with rollover from every earlier budgeted month.
    pub async fn budget_report_with_rollover(
        &self,
        month: Month,
        currency: Currency,
    ) -> Result<BudgetReport> {
        let tree = self.categories().await?;
        let budgets = self.budgets().await?;
        let first = budgets.iter().map(|b| b.month).min().unwrap_or(month);
        let mut history = self.category_nets_by_month(first.min(month), month).await?;
        let spending = history.remove(&month).unwrap_or_default();
        Ok(budget_report_with_rollover(
            month, currency, &tree, &budgets, &history, &spending,
        ))
    }

    /// Puts detected transfer legs in their transfer category, except where the user chose the
    /// category. Returns how many changed.
    pub async fn categorise_transfers(&self, changes: &[(TransactionId, &str)]) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let mut changed = 0;
        for (id, category) in changes {
            let done = sqlx::query(
                "UPDATE transactions SET category_id = (SELECT id FROM categories WHERE name = ?1)
                  WHERE id = ?2 AND category_locked = 0 AND EXISTS (SELECT 1 FROM categories WHERE name = ?1)",
            )
            .bind(*category)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            changed += done.rows_affected();
        }
        tx.commit().await?;
        Ok(changed)
    }
}
