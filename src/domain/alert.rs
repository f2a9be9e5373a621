//! Alerts: something the user should know, raised once under a stable key.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The kinds of alert Purse raises. Names are part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    BillDue,
    LowBalance,
    UnusualSpend,
    OverBudget,
    SyncFailed,
}

impl AlertKind {
    pub const ALL: [AlertKind; 5] = [
        AlertKind::BillDue,
        AlertKind::LowBalance,
        AlertKind::UnusualSpend,
        AlertKind::OverBudget,
        AlertKind::SyncFailed,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            AlertKind::BillDue => "bill_due",
            AlertKind::LowBalance => "low_balance",
            AlertKind::UnusualSpend => "unusual_spend",
            AlertKind::OverBudget => "over_budget",
            AlertKind::SyncFailed => "sync_failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        AlertKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A short label for tables.
    pub fn label(&self) -> &'static str {
        match self {
            AlertKind::BillDue => "Bill due",
            AlertKind::LowBalance => "Low balance",
            AlertKind::UnusualSpend => "Unusual spend",
            AlertKind::OverBudget => "Over budget",
            AlertKind::SyncFailed => "Sync failed",
        }
    }
}

impl fmt::Display for AlertKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An alert as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub id: i64,
    pub kind: AlertKind,
    /// Stable identity (e.g. `bill_due:Visa:2026-11-24`): the same key is never raised twice.
    pub key: String,
    pub message: String,
    pub created: DateTime<Utc>,
    pub acknowledged: bool,
}

impl Alert {
    /// Its title (a table's Kind column, a notification's summary, the dashboard's alert
    /// heading): the kind's label, except for the 80% budget warning, which is not over budget
    /// yet: "80% of budget used".
    pub fn title(&self) -> String {
        if self.kind == AlertKind::OverBudget && super::over_budget::is_warning(&self.key) {
            format!("{}% of budget used", super::over_budget::WARN_PERCENT)
        } else {
            self.kind.label().to_string()
        }
    }
}

/// An alert a rule wants raised (the store assigns id and created time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAlert {
    pub kind: AlertKind,
    pub key: String,
    pub message: String,
}
