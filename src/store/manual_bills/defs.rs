//! Bill definitions as stored (`manual_bills`), and matching a definition's account text to an
//! account the way `[[accounts]] match` does.

use chrono::NaiveDate;
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
