//! Bill definitions as stored (`manual_bills`): reading, inserting, updating (with their unpaid
//! occurrences) and deleting them, and matching a definition's account text to an account the
//! way `[[accounts]] match` does.

use chrono::{NaiveDate, Utc};
use sqlx::{Row, SqliteConnection};

use crate::domain::bill::schedule::{BillOrigin, Every};
use crate::domain::{Account, AccountId, Money, NewManualBill};
use crate::store::{Result, StoreError, rows};

/// One stored definition (`id` is 0 for one not stored yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Def {
    pub id: i64,
    pub name: String,
    pub amount: Money,
    pub first_due: NaiveDate,
    pub every: Every,
    pub account_id: Option<AccountId>,
    pub account_match: Option<String>,
    pub origin: BillOrigin,
}

impl Def {
    pub fn new(bill: &NewManualBill, account_id: Option<AccountId>, origin: BillOrigin) -> Def {
        Def {
            id: 0,
            name: bill.name.trim().to_string(),
            amount: bill.amount,
            first_due: bill.first_due,
            every: bill.every,
            account_id,
            account_match: bill.account.as_ref().map(|a| a.trim().to_string()),
            origin,
        }
    }

    /// Equal in everything stored but the id.
    pub fn same_as(&self, other: &Def) -> bool {
        Def {
            id: 0,
            ..self.clone()
        } == Def {
            id: 0,
            ..other.clone()
        }
    }
}

pub(super) async fn load_defs(conn: &mut SqliteConnection) -> Result<Vec<Def>> {
    let rows = sqlx::query(
        "SELECT id, name, amount_minor, currency, first_due, every, account_id, account_match,
                origin
           FROM manual_bills ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let currency: String = row.try_get("currency")?;
            let first_due: String = row.try_get("first_due")?;
            let every: String = row.try_get("every")?;
            let origin: String = row.try_get("origin")?;
            Ok(Def {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                amount: rows::money(row.try_get("amount_minor")?, &currency)?,
                first_due: rows::date(&first_due)?,
                every: Every::parse(&every)
                    .ok_or_else(|| StoreError::Corrupt(format!("bill schedule \"{every}\"")))?,
                account_id: row.try_get("account_id")?,
                account_match: row.try_get("account_match")?,
                origin: BillOrigin::parse(&origin)
                    .ok_or_else(|| StoreError::Corrupt(format!("bill origin \"{origin}\"")))?,
            })
        })
        .collect()
}

/// The account `text` names, as `[[accounts]] match` reads it: its id exactly, else its name
/// ignoring case.
pub(super) fn resolve_account(accounts: &[Account], text: &str) -> Option<AccountId> {
    let text = text.trim();
    accounts
        .iter()
        .find(|a| a.id.to_string() == text)
        .or_else(|| accounts.iter().find(|a| a.name.eq_ignore_ascii_case(text)))
        .map(|a| a.id)
}

pub(super) async fn insert_def(conn: &mut SqliteConnection, def: &Def) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO manual_bills (name, amount_minor, currency, first_due, every, account_id,
                                   account_match, origin, created)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
    )
    .bind(&def.name)
    .bind(def.amount.to_minor()?)
    .bind(def.amount.currency.code())
    .bind(rows::date_text(def.first_due))
    .bind(def.every.as_str())
    .bind(def.account_id)
    .bind(def.account_match.as_deref())
    .bind(def.origin.as_str())
    .bind(rows::instant_text(Utc::now()))
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Updates a definition; its unpaid occurrences follow (or go, when the schedule or name
/// changed, to be stored again on the new schedule).
pub(super) async fn update_def(conn: &mut SqliteConnection, old: &Def, new: &Def) -> Result<()> {
    sqlx::query(
        "UPDATE manual_bills SET name = ?2, amount_minor = ?3, currency = ?4, first_due = ?5,
                every = ?6, account_id = ?7, account_match = ?8, origin = ?9 WHERE id = ?1",
    )
    .bind(old.id)
    .bind(&new.name)
    .bind(new.amount.to_minor()?)
    .bind(new.amount.currency.code())
    .bind(rows::date_text(new.first_due))
    .bind(new.every.as_str())
    .bind(new.account_id)
    .bind(new.account_match.as_deref())
    .bind(new.origin.as_str())
    .execute(&mut *conn)
    .await?;
    let rescheduled =
        old.name != new.name || old.first_due != new.first_due || old.every != new.every;
    let sql = if rescheduled {
        "DELETE FROM bills WHERE manual_id = ?1 AND paid = 0"
    } else {
        "UPDATE bills SET amount_minor = ?2, currency = ?3, account_id = ?4
          WHERE manual_id = ?1 AND paid = 0"
    };
    sqlx::query(sql)
        .bind(old.id)
        .bind(new.amount.to_minor()?)
        .bind(new.amount.currency.code())
        .bind(new.account_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Deletes a definition and its unpaid occurrences (paid ones lose the link and stay).
pub(super) async fn delete_def(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM bills WHERE manual_id = ?1 AND paid = 0")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM manual_bills WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
