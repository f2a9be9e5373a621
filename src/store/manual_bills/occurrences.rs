//! Storing the occurrences of every bill definition that have come due (see
//! [`occurrences_to_store`]) as 'manual' bills.

use chrono::NaiveDate;
use sqlx::{Row, SqliteConnection};

use super::defs::load_defs;
use crate::domain::bill::schedule::occurrences_to_store;
use crate::store::{Result, rows};

/// Stores what [`occurrences_to_store`] asks for, for every definition. A predicted bill of the
/// same name and date becomes this definition's (the user's word wins over a prediction).
pub(super) async fn store_occurrences(
    conn: &mut SqliteConnection,
    today: NaiveDate,
) -> Result<usize> {
    let defs = load_defs(&mut *conn).await?;
    let stored = sqlx::query("SELECT manual_id, due, paid FROM bills WHERE manual_id IS NOT NULL")
        .fetch_all(&mut *conn)
        .await?;
    let mut occurrences: Vec<(i64, NaiveDate, bool)> = Vec::with_capacity(stored.len());
    for row in &stored {
        let due: String = row.try_get("due")?;
        occurrences.push((
            row.try_get("manual_id")?,
            rows::date(&due)?,
            row.try_get::<i64, _>("paid")? != 0,
        ));
    }
    let mut added = 0;
    for def in &defs {
        let mine: Vec<(NaiveDate, bool)> = occurrences
            .iter()
            .filter(|(id, _, _)| *id == def.id)
            .map(|(_, due, paid)| (*due, *paid))
            .collect();
        for due in occurrences_to_store(def.first_due, def.every, &mine, today) {
            let done = sqlx::query(
                "INSERT INTO bills (name, account_id, amount_minor, currency, due, source, manual_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'manual', ?6)
                 ON CONFLICT (name, due) DO UPDATE SET source = 'manual',
                        manual_id = excluded.manual_id, amount_minor = excluded.amount_minor,
                        currency = excluded.currency, account_id = excluded.account_id
                  WHERE bills.manual_id IS NULL AND bills.source <> 'liability'",
            )
            .bind(&def.name)
            .bind(def.account_id)
            .bind(def.amount.to_minor()?)
            .bind(def.amount.currency.code())
            .bind(rows::date_text(due))
            .bind(def.id)
            .execute(&mut *conn)
            .await?;
            added += usize::try_from(done.rows_affected()).unwrap_or(0);
        }
    }
    Ok(added)
}
