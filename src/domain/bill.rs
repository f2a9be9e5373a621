//! Bills: an amount owed on a date, from a card statement, a detected recurring payment, or the user.
//! The schedule of the user's own bills is in `bill/schedule.rs`.

pub mod schedule;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::AccountId;
use super::money::Money;

/// Where a bill came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillSource {
    /// A provider's liability data (card statement: minimum payment, due date).
    Liability,
    /// Detected from recurring transactions.
    Recurring,
    /// Added by the user (config or TUI).
    Manual,
}

impl BillSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            BillSource::Liability => "liability",
            BillSource::Recurring => "recurring",
            BillSource::Manual => "manual",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "liability" => Some(BillSource::Liability),
            "recurring" => Some(BillSource::Recurring),
            "manual" => Some(BillSource::Manual),
            _ => None,
        }
    }
}

/// A bill as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bill {
    pub id: i64,
    pub name: String,
    pub account_id: Option<AccountId>,
    /// The amount due (positive).
    pub amount: Money,
    /// For card statements: the minimum payment.
    pub minimum: Option<Money>,
    pub due: NaiveDate,
    pub source: BillSource,
    pub paid: bool,
}

impl Bill {
    /// Days from `today` until the due date (negative when overdue).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.due - today).num_days()
    }

    /// When it is due, in words, for bill lists: "today", "tomorrow", "in 5 days", or
    /// "overdue since 2026-11-18".
    pub fn when_due(&self, today: NaiveDate) -> String {
        match self.days_left(today) {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            d if d > 1 => format!("in {d} days"),
            _ => format!("overdue since {}", self.due.format("%Y-%m-%d")),
        }
    }
}

/// A bill as a provider reports it (e.g. from card liabilities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingBill {
    pub provider_account_id: String,
    pub name: String,
    pub amount: Money,
    pub minimum: Option<Money>,
    pub due: NaiveDate,
}

/// A bill the user defines (config `[[bills]]`, `purse bills add`, the dashboard); its
/// occurrences are stored as [`BillSource::Manual`] bills (see [`schedule`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewManualBill {
    pub name: String,
    /// Positive.
    pub amount: Money,
    /// The first (or next) due date; later ones follow `every` from it.
    pub first_due: NaiveDate,
    pub every: schedule::Every,
    /// The account it is paid from, matched like `[[accounts]] match`: an account id, or a name
    /// in any case.
    pub account: Option<String>,
}

/// Why a bill definition cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BillError {
    #[error("give the bill a name, like \"Rent\"")]
    EmptyName,
    #[error("the amount \"{0}\" is not above zero: give the amount owed, like 1850.00")]
    NotPositive(String),
    #[error("{0}")]
    Amount(String),
}

impl NewManualBill {
    /// Checks the name and the amount (above zero, in whole minor units); the schedule is valid
    /// by construction.
    pub fn validate(&self) -> Result<(), BillError> {
        if self.name.trim().is_empty() {
            return Err(BillError::EmptyName);
        }
        if self.amount.amount <= rust_decimal::Decimal::ZERO {
            return Err(BillError::NotPositive(self.amount.amount_string()));
        }
        self.amount
            .to_minor()
            .map_err(|e| BillError::Amount(e.to_string()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;

    #[test]
    fn when_due_reads_as_words() {
        let due = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap_or_default();
        let bill = Bill {
            id: 1,
            name: "Rent".into(),
            account_id: None,
            amount: Money::from_minor(185_000, Currency::USD),
            minimum: None,
            due,
            source: BillSource::Manual,
            paid: false,
        };
        let on = |d: u32| bill.when_due(NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default());
        assert_eq!(on(18), "today");
        assert_eq!(on(17), "tomorrow");
        assert_eq!(on(10), "in 8 days");
        assert_eq!(on(19), "overdue since 2026-11-18");
        assert_eq!(on(30), "overdue since 2026-11-18");
    }
}
