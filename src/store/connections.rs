//! Connections (one per linked login): creation, cursors and per-connection sync status.

use chrono::{DateTime, NaiveDate, Utc};
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

    /// Takes `requests` from the connection's daily request budget of `limit` for `day`; false
    /// (and nothing taken) when that would exceed it. The count starts again each day.
    pub async fn take_quota(
        &self,
        connection_id: i64,
        day: NaiveDate,
        requests: u32,
        limit: u32,
    ) -> Result<bool> {
        let day = rows::date_text(day);
        let done = sqlx::query(
            "UPDATE connections
                SET quota_used = CASE WHEN quota_day = ?1 THEN quota_used + ?2 ELSE ?2 END, quota_day = ?1
              WHERE id = ?3 AND (CASE WHEN quota_day = ?1 THEN quota_used ELSE 0 END) + ?2 <= ?4",
        )
        .bind(&day)
        .bind(i64::from(requests))
        .bind(connection_id)
        .bind(i64::from(limit))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Gives back `requests` taken by [`Store::take_quota`] for `day` that were never made (or
    /// never reached the provider).
    pub async fn return_quota(
        &self,
        connection_id: i64,
        day: NaiveDate,
        requests: u32,
    ) -> Result<()> {
        if requests == 0 {
            return Ok(());
        }
        sqlx::query(
            "UPDATE connections SET quota_used = MAX(quota_used - ?1, 0) WHERE id = ?2 AND quota_day = ?3",
        )
        .bind(i64::from(requests))
        .bind(connection_id)
        .bind(rows::date_text(day))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The provider's own messages from the last sync (None clears them).
    pub async fn set_messages(&self, connection_id: i64, messages: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE connections SET last_messages = ?1 WHERE id = ?2")
            .bind(messages)
            .bind(connection_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The provider's messages from the last sync, if any.
    pub async fn messages(&self, connection_id: i64) -> Result<Option<String>> {
        let row: Option<(Option<String>,)> =
            sqlx::query_as("SELECT last_messages FROM connections WHERE id = ?1")
                .bind(connection_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|r| r.0))
    }

    /// After the user links a connection again: clears "needs re-link" and the failure streak so
    /// the next sync runs at once.
    pub async fn relinked(&self, name: &str) -> Result<()> {
        sqlx::query(
            "UPDATE connections SET needs_relink = 0, consecutive_failures = 0, next_attempt = NULL, last_error = NULL
              WHERE name = ?1",
        )
        .bind(name)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
