//! Alert delivery state: which alerts still await their desktop notification (held during quiet
//! hours, or not yet shown because no notification server answered), marking them notified, and
//! reading one alert by id.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Row, Sqlite};

use super::{Result, Store, StoreError, rows};
use crate::domain::{Alert, AlertKind};

impl Store {
    /// One alert by id.
    pub async fn alert(&self, id: i64) -> Result<Option<Alert>> {
        let row = sqlx::query(
            "SELECT id, kind, key, message, created, acknowledged FROM alerts WHERE id = ?1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(alert_from_row).transpose()
    }

    /// Unacknowledged alerts whose notification has not been delivered yet, oldest first.
    pub async fn alerts_to_notify(&self) -> Result<Vec<Alert>> {
        let rows = sqlx::query(
            "SELECT id, kind, key, message, created, acknowledged FROM alerts
              WHERE notified_at IS NULL AND acknowledged = 0 ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(alert_from_row).collect()
    }

    /// Records that these alerts' notifications were delivered (or settled) at `now`.
    pub async fn mark_notified(&self, ids: &[i64], now: DateTime<Utc>) -> Result<()> {
        for chunk in ids.chunks(5000) {
            let mut q = QueryBuilder::<Sqlite>::new("UPDATE alerts SET notified_at = ");
            q.push_bind(rows::instant_text(now));
            q.push(" WHERE notified_at IS NULL AND id IN (");
            let mut list = q.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            q.push(")");
            q.build().execute(&self.pool).await?;
        }
        Ok(())
    }
}

fn alert_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Alert> {
    let kind: String = row.try_get("kind")?;
    let created: String = row.try_get("created")?;
    Ok(Alert {
        id: row.try_get("id")?,
        kind: AlertKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("alert kind \"{kind}\"")))?,
        key: row.try_get("key")?,
        message: row.try_get("message")?,
        created: rows::instant(&created)?,
        acknowledged: row.try_get::<i64, _>("acknowledged")? != 0,
    })
}
