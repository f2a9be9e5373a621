//! Account reads: every account with its connection's name, and lookup by name or id; and
//! moving an account to a new provider key (its transactions and history stay with it) and rows
//! from one account to another.

use sqlx::Row;

use super::{Result, Store, StoreError, rows};
use crate::domain::{Account, AccountKind, AccountSnapshot};

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

    /// Moves the rows `provider_ids` of the connection's account keyed `from` to the account
    /// `to` (created from the snapshot if it is not stored yet), keeping their edits. A row `to`
    /// already holds stays where it is. Returns how many rows moved.
    pub async fn move_transactions(
        &self,
        connection_id: i64,
        from: &str,
        to: &AccountSnapshot,
        provider_ids: &[String],
    ) -> Result<usize> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO accounts (connection_id, provider_account_id, name, kind, currency, balance_minor,
                                   available_minor, limit_minor, updated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (connection_id, provider_account_id) DO NOTHING",
        )
        .bind(connection_id)
        .bind(&to.provider_account_id)
        .bind(&to.name)
        .bind(to.kind.as_str())
        .bind(to.currency.code())
        .bind(to.balance.to_minor()?)
        .bind(to.available.map(|m| m.to_minor()).transpose()?)
        .bind(to.limit.map(|m| m.to_minor()).transpose()?)
        .bind(rows::instant_text(to.as_of))
        .execute(&mut *tx)
        .await?;
        let mut moved = 0;
        for provider_id in provider_ids {
            let done = sqlx::query(
                "UPDATE OR IGNORE transactions
                    SET account_id = (SELECT id FROM accounts WHERE connection_id = ?1 AND provider_account_id = ?3)
                  WHERE provider_id = ?4
                    AND account_id = (SELECT id FROM accounts WHERE connection_id = ?1 AND provider_account_id = ?2)",
            )
            .bind(connection_id)
            .bind(from)
            .bind(&to.provider_account_id)
            .bind(provider_id)
            .execute(&mut *tx)
            .await?;
            moved += usize::try_from(done.rows_affected()).unwrap_or(0);
        }
        tx.commit().await?;
        Ok(moved)
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
