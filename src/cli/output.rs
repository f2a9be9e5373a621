//! Output formats: the JSON objects scripts rely on (field names are a public contract; amounts are
//! decimal strings, never floats, and text exactly as stored) and the human tables (text made
//! terminal-safe).

use comfy_table::{CellAlignment, Table, presets};
use serde::Serialize;

use crate::domain::{
    Account, Alert, Bill, BudgetLine, BudgetReport, ConnectionStatus, Money, Transaction,
    terminal_safe,
};
use crate::store::BillRow;

#[derive(Debug, Serialize)]
pub struct AccountJson {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub connection: String,
    pub currency: String,
    pub balance: String,
    pub available: Option<String>,
    pub limit: Option<String>,
    pub updated: String,
}

impl From<&Account> for AccountJson {
    fn from(a: &Account) -> Self {
        AccountJson {
            id: a.id,
            name: a.name.clone(),
            kind: a.kind.as_str().to_string(),
            connection: a.connection.clone(),
            currency: a.currency.code().to_string(),
            balance: a.balance.amount_string(),
            available: a.available.map(|m| m.amount_string()),
            limit: a.limit.map(|m| m.amount_string()),
            updated: a.updated.to_rfc3339(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TransactionJson {
    pub id: i64,
    pub account_id: i64,
    pub account: String,
    pub date: String,
    pub amount: String,
    pub currency: String,
    pub payee: String,
    pub description: String,
    pub category: String,
    pub pending: bool,
    pub notes: Option<String>,
}

impl From<&Transaction> for TransactionJson {
    fn from(t: &Transaction) -> Self {
        TransactionJson {
            id: t.id,
            account_id: t.account_id,
            account: t.account.clone(),
            date: t.date.format("%Y-%m-%d").to_string(),
            amount: t.amount.amount_string(),
            currency: t.amount.currency.code().to_string(),
            payee: t.payee.clone(),
            description: t.description.clone(),
            category: t.category.clone(),
            pending: t.pending,
            notes: t.notes.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct BudgetJson {
    pub month: String,
    pub category: String,
    pub budgeted: String,
    pub spent: String,
    /// Budgeted plus rollover minus spent.
    pub remaining: String,
    /// Carried in from earlier months: unspent (positive) or overspent (negative).
    pub rollover: String,
    pub currency: String,
}

impl BudgetJson {
    pub fn new(report: &BudgetReport, line: &BudgetLine) -> Self {
        BudgetJson {
            month: report.month.to_string(),
            category: line.category.clone(),
            budgeted: line.budgeted.amount_string(),
            spent: line.spent.amount_string(),
            remaining: line.remaining.amount_string(),
            rollover: line.rollover.amount_string(),
            currency: report.currency.code().to_string(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct AlertJson {
    pub id: i64,
    pub kind: String,
    pub key: String,
    /// The heading notifications and the dashboard show ("Over budget", "80% of budget used").
    pub title: String,
    pub message: String,
    pub created: String,
    pub acknowledged: bool,
}

impl From<&Alert> for AlertJson {
    fn from(a: &Alert) -> Self {
        AlertJson {
            id: a.id,
            kind: a.kind.as_str().to_string(),
            key: a.key.clone(),
            title: a.title(),
            message: a.message.clone(),
            created: a.created.to_rfc3339(),
            acknowledged: a.acknowledged,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct BillJson {
    pub id: i64,
    pub name: String,
    pub account_id: Option<i64>,
    pub amount: String,
    pub minimum: Option<String>,
    pub currency: String,
    pub due: String,
    pub source: String,
    pub paid: bool,
    /// Bills the user added: how often it repeats (once, weekly, …, annually).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<String>,
    /// Bills the user added: "config" (`[[bills]]`) or "user" (`purse bills add`, the dashboard).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

impl From<&BillRow> for BillJson {
    fn from(r: &BillRow) -> Self {
        BillJson {
            every: r.every.map(|e| e.as_str().to_string()),
            origin: r.origin.map(|o| o.as_str().to_string()),
            ..BillJson::from(&r.bill)
        }
    }
}

impl From<&Bill> for BillJson {
    fn from(b: &Bill) -> Self {
        BillJson {
            id: b.id,
            name: b.name.clone(),
            account_id: b.account_id,
            amount: b.amount.amount_string(),
            minimum: b.minimum.map(|m| m.amount_string()),
            currency: b.amount.currency.code().to_string(),
            due: b.due.format("%Y-%m-%d").to_string(),
            source: b.source.as_str().to_string(),
            paid: b.paid,
            every: None,
            origin: None,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct StatusJson {
    pub connection: String,
    pub provider: String,
    pub health: String,
    pub last_success: Option<String>,
    pub last_attempt: Option<String>,
    pub last_error: Option<String>,
    pub next_attempt: Option<String>,
    pub needs_relink: bool,
}

impl From<&ConnectionStatus> for StatusJson {
    fn from(c: &ConnectionStatus) -> Self {
        StatusJson {
            connection: c.name.clone(),
            provider: c.provider.clone(),
            health: c.health().as_str().to_string(),
            last_success: c.last_success.map(|t| t.to_rfc3339()),
            last_attempt: c.last_attempt.map(|t| t.to_rfc3339()),
            last_error: c.last_error.clone(),
            next_attempt: c.next_attempt.map(|t| t.to_rfc3339()),
            needs_relink: c.needs_relink,
        }
    }
}

/// A plain table: header row, then rows; columns listed in `right` are right-aligned (amounts).
/// Every cell is shown [`terminal_safe`] (one line, control characters visible).
pub fn table(header: &[&str], rows: Vec<Vec<String>>, right: &[usize]) -> String {
    let mut t = Table::new();
    t.load_style(presets::NOTHING).set_header(header.to_vec());
    for row in rows {
        t.add_row(row.iter().map(|cell| terminal_safe(cell).into_owned()));
    }
    for &i in right {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    t.trim_fmt()
}

pub fn opt_money(m: Option<Money>) -> String {
    m.map(|m| m.display()).unwrap_or_default()
}
