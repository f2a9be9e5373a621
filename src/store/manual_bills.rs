//! Bills the user adds: their definitions (`manual_bills`: from the config's `[[bills]]` or added
//! by hand) and the occurrences stored for them as 'manual' bills. A config sync adds, updates
//! and removes only definitions that came from the config; occurrences are added as they come
//! due and the next one as soon as one is paid (see
//! [`occurrences_to_store`](crate::domain::bill::schedule::occurrences_to_store)). Also deleting
//! a bill the user added, marking any bill paid by hand, and the bill list with each bill's
//! schedule and origin. The definitions' rows: `manual_bills/defs.rs`; storing occurrences:
//! `manual_bills/occurrences.rs`.

mod defs;
mod occurrences;

use chrono::NaiveDate;
use sqlx::Row;

use super::alerts::bill_from_row;
use super::{Result, Store, StoreError};
use crate::domain::bill::schedule::{BillOrigin, Every};
use crate::domain::{Bill, BillSource, NewManualBill};
use defs::{Def, delete_def, insert_def, load_defs, resolve_account, update_def};
use occurrences::store_occurrences;

/// A stored bill with, for the user's own, how often it repeats and where it was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillRow {
    pub bill: Bill,
    pub every: Option<Every>,
    pub origin: Option<BillOrigin>,
}

/// What a config sync changed (definitions).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConfigBillsSync {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

/// A bill with its definition's schedule and origin, then `$rest` (a literal: WHERE, ORDER BY).
macro_rules! select_bill {
    ($rest:literal) => {
        concat!(
            "SELECT b.id, b.name, b.account_id, b.amount_minor, b.minimum_minor, b.currency, b.due,
                    b.source, b.paid, b.manual_id, m.every, m.origin
               FROM bills b LEFT JOIN manual_bills m ON m.id = b.manual_id ",
            $rest
        )
    };
}

impl Store {
    /// Brings the config's definitions in step with `bills` (the config's `[[bills]]`, names
    /// unique ignoring case): adds new ones, updates changed ones (the unpaid occurrences take the
    /// new amount and account; a new schedule replaces them) and removes those no longer listed
    /// with their unpaid occurrences. Bills added by hand are left alone — unless the config now
    /// defines one of the same name, which the config then owns. Accounts are matched like
    /// `[[accounts]] match`; one that matches nothing is logged and left unset.
    pub async fn sync_config_bills(&self, bills: &[NewManualBill]) -> Result<ConfigBillsSync> {
        let accounts = self.accounts().await?;
        let mut tx = self.begin_write().await?;
        let existing = load_defs(&mut tx).await?;
        let mut out = ConfigBillsSync::default();
        for bill in bills {
            bill.validate()?;
            let account_id = bill.account.as_deref().and_then(|text| {
                let found = resolve_account(&accounts, text);
                if found.is_none() {
                    tracing::warn!(bill = %bill.name, account = %text, "config bill: no account matches");
                }
                found
            });
            let wanted = Def::new(bill, account_id, BillOrigin::Config);
            match existing
                .iter()
                .find(|d| d.name.eq_ignore_ascii_case(&bill.name))
            {
                None => {
                    insert_def(&mut tx, &wanted).await?;
                    out.added += 1;
                }
                Some(old) if old.same_as(&wanted) => {}
                Some(old) => {
                    update_def(&mut tx, old, &wanted).await?;
                    out.updated += 1;
                }
            }
        }
        for old in existing.iter().filter(|d| d.origin == BillOrigin::Config) {
            if !bills.iter().any(|b| b.name.eq_ignore_ascii_case(&old.name)) {
                delete_def(&mut tx, old.id).await?;
                out.removed += 1;
            }
        }
        tx.commit().await?;
        if out != ConfigBillsSync::default() {
            tracing::info!(?out, "config bills synced");
        }
        Ok(out)
    }

    /// Stores a bill added by hand and its first occurrences; returns them. The account, if
    /// given, must match one (an id, or a name in any case).
    pub async fn add_manual_bill(
        &self,
        bill: &NewManualBill,
        today: NaiveDate,
    ) -> Result<Vec<Bill>> {
        bill.validate()?;
        let account_id = match bill.account.as_deref() {
            Some(text) => Some(
                resolve_account(&self.accounts().await?, text)
                    .ok_or_else(|| StoreError::UnknownAccount(text.to_string()))?,
            ),
            None => None,
        };
        let mut tx = self.begin_write().await?;
        if load_defs(&mut tx)
            .await?
            .iter()
            .any(|d| d.name.eq_ignore_ascii_case(bill.name.trim()))
        {
            return Err(StoreError::DuplicateBill(bill.name.trim().to_string()));
        }
        let id = insert_def(&mut tx, &Def::new(bill, account_id, BillOrigin::User)).await?;
        store_occurrences(&mut tx, today).await?;
        let rows = sqlx::query(select_bill!("WHERE b.manual_id = ?1 ORDER BY b.due"))
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(bill = %bill.name, every = %bill.every, "bill added");
        rows.iter().map(bill_from_row).collect()
    }

    /// Adds the occurrences of every definition that have come due (and the next after a paid
    /// one); returns how many were added.
    pub async fn refresh_manual_bills(&self, today: NaiveDate) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        let added = store_occurrences(&mut tx, today).await?;
        tx.commit().await?;
        Ok(added)
    }

    /// Deletes a bill the user added by hand: the bill `id`, its definition and the definition's
    /// unpaid occurrences (paid ones stay as history). Returns the bill deleted. Bills from the
    /// bank or predicted from payments, and bills defined in the config, are refused.
    pub async fn delete_manual_bill(&self, id: i64) -> Result<Bill> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(select_bill!("WHERE b.id = ?1"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::UnknownBill(id))?;
        let bill = bill_from_row(&row)?;
        let origin: Option<String> = row.try_get("origin")?;
        if bill.source != BillSource::Manual {
            return Err(StoreError::BillNotManual {
                id,
                name: bill.name,
                kind: bill.source,
            });
        }
        if origin.as_deref() == Some(BillOrigin::Config.as_str()) {
            return Err(StoreError::ConfigBill {
                id,
                name: bill.name,
            });
        }
        if let Some(def) = row.try_get::<Option<i64>, _>("manual_id")? {
            delete_def(&mut tx, def).await?;
        }
        sqlx::query("DELETE FROM bills WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(bill = id, "bill deleted");
        Ok(bill)
    }

    /// Marks any bill paid by hand (for a payment Purse cannot see); a repeating bill of the
    /// user's gets its next occurrence. Returns the bill and whether it was unpaid until now.
    pub async fn mark_bill_paid(&self, id: i64, today: NaiveDate) -> Result<(Bill, bool)> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(select_bill!("WHERE b.id = ?1"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::UnknownBill(id))?;
        let mut bill = bill_from_row(&row)?;
        let changed = !bill.paid;
        sqlx::query("UPDATE bills SET paid = 1 WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        bill.paid = true;
        store_occurrences(&mut tx, today).await?;
        tx.commit().await?;
        Ok((bill, changed))
    }

    /// Every bill, soonest due first, with the schedule and origin of the user's own.
    pub async fn bill_list(&self) -> Result<Vec<BillRow>> {
        let rows = sqlx::query(select_bill!("ORDER BY b.due, b.name"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let every: Option<String> = row.try_get("every")?;
                let origin: Option<String> = row.try_get("origin")?;
                Ok(BillRow {
                    bill: bill_from_row(row)?,
                    every: every.as_deref().and_then(Every::parse),
                    origin: origin.as_deref().and_then(BillOrigin::parse),
                })
            })
            .collect()
    }
}
