//! Report queries for the dashboard's charts: money in vs out per month, and a month's spending
//! per top-level category. Sums are SQLite integer sums of minor units read from the
//! trigger-kept `month_totals` table (never TEXT or REAL), converted to [`Money`] here.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use sqlx::Row;

use super::{Result, Store, StoreError};
use crate::domain::{CategoryKind, CategoryTree, Currency, Money, Month};

/// One month of money in (positive amounts) and out (negative amounts, as a positive sum),
/// transfers between the user's own accounts left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthFlow {
    pub month: Month,
    pub money_in: Money,
    pub money_out: Money,
}

/// What a top-level category (its children rolled in) cost in a month; refunds reduce it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategorySpend {
    pub category: String,
    pub spent: Money,
}

impl Store {
    /// Money in and out in `currency` for the `months` months ending with `last`, oldest first;
    /// every month is present (zero when nothing happened).
    pub async fn monthly_in_out(
        &self,
        last: Month,
        months: u32,
        currency: Currency,
    ) -> Result<Vec<MonthFlow>> {
        let months = i32::try_from(months.max(1)).unwrap_or(i32::MAX);
        let first = last.plus(1 - months);
        let rows = sqlx::query(
            "SELECT m.month, SUM(m.money_in) AS money_in, SUM(m.money_out) AS money_out
               FROM month_totals m JOIN categories c ON c.id = m.category_id
              WHERE m.month >= ?1 AND m.month <= ?2 AND m.currency = ?3 AND c.kind <> 'transfer'
              GROUP BY m.month",
        )
        .bind(first.to_string())
        .bind(last.to_string())
        .bind(currency.code())
        .fetch_all(&self.pool)
        .await?;
        let mut sums: BTreeMap<Month, (i64, i64)> = BTreeMap::new();
        for row in &rows {
            let text: String = row.try_get("month")?;
            let month: Month = text
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("transaction month \"{text}\"")))?;
            sums.insert(month, (row.try_get("money_in")?, row.try_get("money_out")?));
        }
        Ok((0..months)
            .map(|i| {
                let month = first.plus(i);
                let (money_in, money_out) = sums.get(&month).copied().unwrap_or((0, 0));
                MonthFlow {
                    month,
                    money_in: Money::from_minor(money_in, currency),
                    money_out: Money::from_minor(money_out, currency),
                }
            })
            .collect())
    }

    /// `month`'s spending in `currency` per top-level expense category, largest first; categories
    /// that netted to nothing or to money in are left out.
    pub async fn spending_by_category(
        &self,
        month: Month,
        currency: Currency,
    ) -> Result<Vec<CategorySpend>> {
        let tree = self.categories().await?;
        let nets = self.category_nets(month).await?;
        let mut by_top: BTreeMap<String, Decimal> = BTreeMap::new();
        for net in nets.iter().filter(|n| n.net.currency == currency) {
            if tree.kind(&net.category) != CategoryKind::Expense {
                continue;
            }
            *by_top
                .entry(top_level(&tree, &net.category).to_string())
                .or_default() -= net.net.amount;
        }
        let mut out: Vec<CategorySpend> = by_top
            .into_iter()
            .filter(|(_, spent)| *spent > Decimal::ZERO)
            .map(|(category, spent)| CategorySpend {
                category,
                spent: Money::new(spent, currency),
            })
            .collect();
        out.sort_by_key(|s| std::cmp::Reverse(s.spent.amount));
        Ok(out)
    }
}

/// The top-level ancestor of `name` (itself when it has no parent).
fn top_level<'a>(tree: &'a CategoryTree, name: &'a str) -> &'a str {
    let mut current = name;
    for _ in 0..32 {
        match tree.get(current).and_then(|c| c.parent.as_deref()) {
            Some(parent) => current = parent,
            None => break,
        }
    }
    current
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A store with one account and transactions (date, cents, category, currency).
    async fn store_with(rows: &[(&str, i64, &str, &str)]) -> Store {
        let store = Store::open_in_memory().await.unwrap();
        sqlx::query("INSERT INTO connections (id, name, provider, created) VALUES (1, 'Bank', 'demo', '2026-01-01T00:00:00Z')")
            .execute(&store.pool)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor, updated)
             VALUES (1, 1, 'a1', 'Checking', 'checking', 'USD', 0, '2026-01-01T00:00:00Z')",
        )
        .execute(&store.pool)
        .await
        .unwrap();
        for (i, (date, cents, category, currency)) in rows.iter().enumerate() {
            sqlx::query(
                "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description, category_id)
                 VALUES (1, ?1, ?2, ?3, ?4, 'P', 'P', (SELECT id FROM categories WHERE name = ?5))",
            )
            .bind(format!("t{i}"))
            .bind(*date)
            .bind(*cents)
            .bind(*currency)
            .bind(*category)
            .execute(&store.pool)
            .await
            .unwrap();
        }
        store
    }

    fn usd(cents: i64) -> Money {
        Money::from_minor(cents, Currency::USD)
    }

    #[tokio::test]
    async fn in_and_out_per_month_leave_out_transfers_and_other_currencies() {
        let store = store_with(&[
            ("2026-10-31", 500_000, "Paycheck", "USD"),
            ("2026-10-02", -12_345, "Groceries", "USD"),
            ("2026-10-03", 2_000, "Shopping", "USD"),
            ("2026-10-04", -90_000, "Credit card payment", "USD"),
            ("2026-11-01", -1_050, "Coffee", "USD"),
            ("2026-11-02", -9_999, "Coffee", "EUR"),
            ("2025-11-30", -7_000, "Dining", "USD"),
        ])
        .await;
        let nov: Month = "2026-11".parse().unwrap();
        let flows = store.monthly_in_out(nov, 3, Currency::USD).await.unwrap();
        let months: Vec<String> = flows.iter().map(|f| f.month.to_string()).collect();
        assert_eq!(months, ["2026-09", "2026-10", "2026-11"]);
        assert_eq!((flows[0].money_in, flows[0].money_out), (usd(0), usd(0)));
        assert_eq!(
            (flows[1].money_in, flows[1].money_out),
            (usd(502_000), usd(12_345))
        );
        assert_eq!(
            (flows[2].money_in, flows[2].money_out),
            (usd(0), usd(1_050))
        );
    }

    #[tokio::test]
    async fn spending_rolls_children_up_and_refunds_reduce_it() {
        let store = store_with(&[
            ("2026-11-01", -1_050, "Coffee", "USD"),
            ("2026-11-02", -4_000, "Restaurants", "USD"),
            ("2026-11-03", -12_000, "Groceries", "USD"),
            ("2026-11-04", 3_000, "Shopping", "USD"),
            ("2026-11-05", -1_000, "Shopping", "USD"),
            ("2026-11-06", 500_000, "Paycheck", "USD"),
            ("2026-10-31", -99_999, "Groceries", "USD"),
        ])
        .await;
        let nov: Month = "2026-11".parse().unwrap();
        let spend = store
            .spending_by_category(nov, Currency::USD)
            .await
            .unwrap();
        let got: Vec<(&str, Money)> = spend
            .iter()
            .map(|s| (s.category.as_str(), s.spent))
            .collect();
        assert_eq!(got, [("Groceries", usd(12_000)), ("Dining", usd(5_050))]);
    }

    #[test]
    fn children_roll_up_to_their_top_level_category() {
        let tree = CategoryTree::defaults();
        assert_eq!(top_level(&tree, "Coffee"), "Dining");
        assert_eq!(top_level(&tree, "Dining"), "Dining");
        assert_eq!(top_level(&tree, "Not a category"), "Not a category");
    }
}
