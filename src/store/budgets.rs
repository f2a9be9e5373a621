//! Categories, budgets and the month's spending sums that feed the pure budget report.

use sqlx::Row;

use super::{Result, Store, StoreError, rows};
use crate::domain::{
    Budget, BudgetReport, Category, CategoryKind, CategoryNet, CategoryTree, Currency, Money, Month,
};

impl Store {
    /// The category tree as stored.
    pub async fn categories(&self) -> Result<CategoryTree> {
        let rows = sqlx::query(
            "SELECT c.name, p.name AS parent, c.kind FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
              ORDER BY c.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut cats = Vec::with_capacity(rows.len());
        for row in &rows {
            let kind: String = row.try_get("kind")?;
            cats.push(Category {
                name: row.try_get("name")?,
                parent: row.try_get("parent")?,
                kind: CategoryKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("category kind \"{kind}\"")))?,
            });
        }
        Ok(CategoryTree::new(cats))
    }

    /// Every budget ever set (all months).
    pub async fn budgets(&self) -> Result<Vec<Budget>> {
        let rows = sqlx::query(
            "SELECT c.name, b.month, b.amount_minor, b.currency FROM budgets b JOIN categories c ON c.id = b.category_id
              ORDER BY b.month, c.name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let month: String = row.try_get("month")?;
                let currency: String = row.try_get("currency")?;
                Ok(Budget {
                    category: row.try_get("name")?,
                    month: month
                        .parse()
                        .map_err(|_| StoreError::Corrupt(format!("budget month \"{month}\"")))?,
                    amount: rows::money(row.try_get("amount_minor")?, &currency)?,
                })
            })
            .collect()
    }

    /// Sets `category`'s budget from `month` on (replacing that month's value). Returns the
    /// category's canonical name.
    pub async fn set_budget(&self, category: &str, month: Month, amount: Money) -> Result<String> {
        let tree = self.categories().await?;
        let name = tree
            .find(category)
            .map(|c| c.name.clone())
            .ok_or_else(|| StoreError::UnknownCategory(category.to_string()))?;
        let minor = amount.to_minor()?;
        sqlx::query(
            "INSERT INTO budgets (category_id, month, amount_minor, currency)
             VALUES ((SELECT id FROM categories WHERE name = ?1), ?2, ?3, ?4)
             ON CONFLICT (category_id, month) DO UPDATE SET amount_minor = excluded.amount_minor,
                                                           currency = excluded.currency",
        )
        .bind(&name)
        .bind(month.to_string())
        .bind(minor)
        .bind(amount.currency.code())
        .execute(&self.pool)
        .await?;
        Ok(name)
    }

    /// Removes the budget `category` has from `month` on (this month's and later ones). Returns
    /// whether anything was removed.
    pub async fn delete_budget(&self, category: &str, month: Month) -> Result<bool> {
        let done = sqlx::query(
            "DELETE FROM budgets WHERE category_id = (SELECT id FROM categories WHERE name = ?1) AND month >= ?2",
        )
        .bind(category)
        .bind(month.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Net amount per category and currency over the month (pending included).
    pub async fn category_nets(&self, month: Month) -> Result<Vec<CategoryNet>> {
        let mut by_month = self.category_nets_by_month(month, month).await?;
        Ok(by_month.remove(&month).unwrap_or_default())
    }

    /// The month's budget report in `currency`, with rollover from earlier months.
    pub async fn budget_report(&self, month: Month, currency: Currency) -> Result<BudgetReport> {
        self.budget_report_with_rollover(month, currency).await
    }
}
