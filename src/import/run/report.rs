//! What an import reports: per file and per statement, and why a file was not imported.

use serde::Serialize;

use super::account::Target;
use crate::import::plan::PlanStats;
use crate::import::{ParseError, Statement};
use crate::store::StoreError;

/// What importing one file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReport {
    pub file: String,
    pub format: &'static str,
    pub statements: Vec<StatementReport>,
    pub notes: Vec<String>,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

/// What one statement did to its account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementReport {
    pub account: String,
    pub account_created: bool,
    pub transactions: usize,
    pub new: usize,
    pub already_imported: usize,
    pub matched_synced: usize,
    pub duplicates: usize,
    pub corrections: usize,
    /// The statement's ledger balance (decimal string) and its currency, when it states one.
    pub ledger_balance: Option<String>,
    pub currency: String,
}

/// Why a file was not imported. Nothing of it was stored.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: {error}")]
    Parse { file: String, error: ParseError },
    #[error("{file}: {message}")]
    Account { file: String, message: String },
    #[error("{file}: {source}")]
    Store { file: String, source: StoreError },
}

pub(super) fn report(statement: &Statement, target: &Target, stats: &PlanStats) -> StatementReport {
    StatementReport {
        account: target.name.clone(),
        account_created: target.account_id.is_none(),
        transactions: statement.transactions.len(),
        new: stats.new,
        already_imported: stats.known,
        matched_synced: stats.matched,
        duplicates: stats.duplicates,
        corrections: stats.corrections,
        ledger_balance: statement.ledger.map(|b| b.amount.amount_string()),
        currency: statement.currency.code().to_string(),
    }
}
