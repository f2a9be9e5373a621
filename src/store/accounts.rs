//! Account reads: every account with its connection's name, and lookup by name or id; and
//! moving an account to a new provider key (its transactions and history stay with it).

use sqlx::Row;

use super::{Result, Store, StoreError, rows};
use crate::domain::{Account, AccountKind};

const SELECT_ACCOUNTS: &str =
    "SELECT a.id, c.name AS connection, a.provider_account_id, a.name, a.kind, a.currency,
        a.balance_minor, a.available_minor, a.limit_minor, a.updated
   FROM accounts a JOIN connections c ON c.id = a.connection_id
  ORDER BY CASE a.kind WHEN 'checking' THEN 0 WHEN 'savings' THEN 1 WHEN 'credit_card' THEN 2
                       WHEN 'loan' THEN 3 WHEN 'investment' THEN 4 ELSE 5 END, a.name, a.id";

impl Store {
    /// All accounts, grouped by kind then name.
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        let rows = sqlx::query(SELECT_ACCOUNTS).fetch_all(&self.pool).await?;
        rows.iter().map(account_from_row).collect()
    }

    /// The accounts of one connection.
    pub async fn accounts_of(&self, connection_id: i64) -> Result<Vec<Account>> {
        let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM accounts WHERE connection_id = ?1")
            .bind(connection_id)
            .fetch_all(&self.pool)
            .await?;
        let mut all = self.accounts().await?;
        all.retain(|a| ids.iter().any(|(id,)| *id == a.id));
        Ok(all)
    }

    /// Stores each `(old, new)` provider account key of the connection's accounts under its new
    /// key; a rename whose new key is already taken is left out (nothing is merged or lost).
    pub async fn rename_accounts(
        &self,
        connection_id: i64,
        renames: &[(String, String)],
    ) -> Result<()> {
        for (old, new) in renames {
            sqlx::query(
                "UPDATE accounts SET provider_account_id = ?3
                  WHERE connection_id = ?1 AND provider_account_id = ?2
                    AND NOT EXISTS (SELECT 1 FROM accounts WHERE connection_id = ?1 AND provider_account_id = ?3)",
            )
            .bind(connection_id)
            .bind(old)
            .bind(new)
            .execute(&self.pool)
            .await?;
            tracing::info!(from = %old, to = %new, "account key updated");
        }
        Ok(())
    }

    /// Finds one account by exact id, else by name (case-insensitive exact, then unique prefix/substring).
    pub async fn find_account(&self, needle: &str) -> Result<Account> {
        let accounts = self.accounts().await?;
        let lower = needle.trim().to_lowercase();
        if let Ok(id) = needle.trim().parse::<i64>()
            && let Some(a) = accounts.iter().find(|a| a.id == id)
        {
            return Ok(a.clone());
        }
        if let Some(a) = accounts.iter().find(|a| {
            a.name.to_lowercase() == lower || a.provider_account_id.to_lowercase() == lower
        }) {
            return Ok(a.clone());
        }
        let partial: Vec<&Account> = accounts
            .iter()
            .filter(|a| a.name.to_lowercase().contains(&lower))
            .collect();
        match partial.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(StoreError::UnknownAccount(needle.to_string())),
            many => Err(StoreError::AmbiguousAccount {
                needle: needle.to_string(),
                matches: many
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }
}

fn account_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Account> {
    let currency: String = row.try_get("currency")?;
    let kind: String = row.try_get("kind")?;
    let updated: String = row.try_get("updated")?;
    Ok(Account {
        id: row.try_get("id")?,
        connection: row.try_get("connection")?,
        provider_account_id: row.try_get("provider_account_id")?,
        name: row.try_get("name")?,
        kind: kind
            .parse::<AccountKind>()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?,
        currency: rows::currency(&currency)?,
        balance: rows::money(row.try_get("balance_minor")?, &currency)?,
        available: rows::opt_money(row.try_get("available_minor")?, &currency)?,
        limit: rows::opt_money(row.try_get("limit_minor")?, &currency)?,
        updated: rows::instant(&updated)?,
    })
}
