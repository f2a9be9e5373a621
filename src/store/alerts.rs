//! Alerts (raised once per stable key, acknowledged by id) and bills.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Store, StoreError, rows};
use crate::domain::recurring::bills::BillPlan;
use crate::domain::{Alert, AlertKind, Bill, BillSource, NewAlert};

impl Store {
    /// All alerts, newest first.
    pub async fn alerts(&self) -> Result<Vec<Alert>> {
        let rows = sqlx::query(
            "SELECT id, kind, key, message, created, acknowledged FROM alerts ORDER BY created DESC, id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
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
            })
            .collect()
    }

    /// Raises an alert unless one with the same key exists. Returns the new alert, or `None` when
    /// it had already been raised (so callers notify exactly once).
    pub async fn raise_alert(&self, alert: &NewAlert, now: DateTime<Utc>) -> Result<Option<Alert>> {
        let id: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO alerts (kind, key, message, created) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO NOTHING RETURNING id",
        )
        .bind(alert.kind.as_str())
        .bind(&alert.key)
        .bind(&alert.message)
        .bind(rows::instant_text(now))
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(|(id,)| Alert {
            id,
            kind: alert.kind,
            key: alert.key.clone(),
            message: alert.message.clone(),
            created: now,
            acknowledged: false,
        }))
    }

    /// Acknowledges an alert; false when no such id.
    pub async fn ack_alert(&self, id: i64) -> Result<bool> {
        let done = sqlx::query("UPDATE alerts SET acknowledged = 1 WHERE id = ?1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Applies a bill plan in one transaction: stores recurring predictions (refreshing the amount
    /// of one still unpaid), marks paid bills paid and removes predictions that no longer hold.
    pub async fn apply_bill_plan(&self, plan: &BillPlan) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for b in &plan.upsert {
            sqlx::query(
                "INSERT INTO bills (name, account_id, amount_minor, currency, due, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'recurring')
                 ON CONFLICT (name, due) DO UPDATE SET amount_minor = excluded.amount_minor
                  WHERE bills.source = 'recurring' AND bills.paid = 0",
            )
            .bind(&b.name)
            .bind(b.account_id)
            .bind(b.amount.to_minor()?)
            .bind(b.amount.currency.code())
            .bind(rows::date_text(b.due))
            .execute(&mut *tx)
            .await?;
        }
        for id in &plan.paid {
            sqlx::query("UPDATE bills SET paid = 1 WHERE id = ?1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        for id in &plan.dropped {
            sqlx::query("DELETE FROM bills WHERE id = ?1 AND source = 'recurring' AND paid = 0")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// All bills, soonest due first.
    pub async fn bills(&self) -> Result<Vec<Bill>> {
        let rows = sqlx::query(
            "SELECT id, name, account_id, amount_minor, minimum_minor, currency, due, source, paid
               FROM bills ORDER BY due, name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(bill_from_row).collect()
    }
}

/// A `bills` row (id, name, account_id, amount_minor, minimum_minor, currency, due, source, paid).
pub(super) fn bill_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Bill> {
    let currency: String = row.try_get("currency")?;
    let due: String = row.try_get("due")?;
    let source: String = row.try_get("source")?;
    Ok(Bill {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        account_id: row.try_get("account_id")?,
        amount: rows::money(row.try_get("amount_minor")?, &currency)?,
        minimum: rows::opt_money(row.try_get("minimum_minor")?, &currency)?,
        due: rows::date(&due)?,
        source: BillSource::parse(&source)
            .ok_or_else(|| StoreError::Corrupt(format!("bill source \"{source}\"")))?,
        paid: row.try_get::<i64, _>("paid")? != 0,
    })
}
