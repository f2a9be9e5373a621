//! Transactions: one movement of money on one account. Money in is positive, money out negative.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::AccountId;
use super::money::Money;

/// Store-assigned transaction identifier.
pub type TransactionId = i64;

/// A transaction as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    pub id: TransactionId,
    /// The provider's id, unique within (connection, account).
    pub provider_id: String,
    pub account_id: AccountId,
    /// The account's display name (joined in by queries).
    pub account: String,
    /// Calendar date of the transaction; never shifted through time zones.
    pub date: NaiveDate,
    pub amount: Money,
    pub payee: String,
    /// The raw description as the bank sent it.
    pub description: String,
    pub category: String,
    pub pending: bool,
    pub notes: Option<String>,
}

/// A transaction as a provider reports it, before it has a store id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingTransaction {
    /// The provider's account id this transaction belongs to.
    pub provider_account_id: String,
    pub provider_id: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub payee: String,
    pub description: String,
    /// A category name chosen from provider hints; `None` lets categorisation decide.
    pub category: Option<String>,
    pub pending: bool,
    /// For providers that link them (Plaid): the pending transaction this posted one replaces.
    pub pending_provider_id: Option<String>,
    /// The provider's raw payload for this transaction (JSON text), kept for debugging and re-mapping.
    pub raw: Option<String>,
}
