//! Connections (one per linked login): creation, cursors and per-connection sync status.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Store, rows};
use crate::domain::ConnectionStatus;

impl Store {
    /// The id of the connection named `name`, creating it if needed.
    pub async fn ensure_connection(
        &self,
        name: &str,
        provider: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        sqlx::query("INSERT INTO connections (name, provider, created) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(provider)
            .bind(rows::instant_text(now))
            .execute(&self.pool)
            .await?;
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM connections WHERE name = ?1")
            .bind(name)
            .fetch_one(&self.pool)
            .await?;
        Ok(id)
    }

    /// Where the connection's next sync starts (None before its first sync).
    pub async fn cursor(&self, connection_id: i64) -> Result<Option<String>> {
        let row: Option<(Option<String>,)> =
            sqlx::query_as("SELECT cursor FROM connections WHERE id = ?1")
                .bind(connection_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|r| r.0))
    }

    /// Every connection with its sync status, by name.
    pub async fn connections(&self) -> Result<Vec<ConnectionStatus>> {
        let rows = sqlx::query(
            "SELECT id, name, provider, last_success, last_attempt, last_error, next_attempt, needs_relink,
                    consecutive_failures
               FROM connections ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ConnectionStatus {
                    id: row.try_get("id")?,
                    name: row.try_get("name")?,
                    provider: row.try_get("provider")?,
                    last_success: rows::opt_instant(row.try_get("last_success")?)?,
                    last_attempt: rows::opt_instant(row.try_get("last_attempt")?)?,
                    last_error: row.try_get("last_error")?,
                    next_attempt: rows::opt_instant(row.try_get("next_attempt")?)?,
                    needs_relink: row.try_get::<i64, _>("needs_relink")? != 0,
                    consecutive_failures: u32::try_from(
                        row.try_get::<i64, _>("consecutive_failures")?,
                    )
                    .unwrap_or(0),
                })
            })
            .collect()
    }

    /// Records a failed sync; the data already synced is untouched.
    pub async fn record_failure(
        &self,
        connection_id: i64,
        error: &str,
        needs_relink: bool,
        next_attempt: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE connections SET last_attempt = ?1, last_error = ?2, next_attempt = ?3,
                    needs_relink = MAX(needs_relink, ?4), consecutive_failures = consecutive_failures + 1
              WHERE id = ?5",
        )
        .bind(rows::instant_text(now))
        .bind(error)
        .bind(next_attempt.map(rows::instant_text))
        .bind(i64::from(needs_relink))
        .bind(connection_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
