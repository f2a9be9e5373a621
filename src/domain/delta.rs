//! What one sync of one connection brings back from a provider, in domain terms.
//!
//! Providers map their wire formats into a [`Delta`]; the store applies it in one transaction.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::account::AccountKind;
use super::bill::IncomingBill;
use super::money::{Currency, Money};
use super::transaction::IncomingTransaction;

/// An account's state as the provider reports it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSnapshot {
    pub provider_account_id: String,
    pub name: String,
    pub kind: AccountKind,
    pub currency: Currency,
    pub balance: Money,
    pub available: Option<Money>,
    pub limit: Option<Money>,
    pub as_of: DateTime<Utc>,
}

/// A transaction the provider says is gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedTransaction {
    pub provider_account_id: String,
    pub provider_id: String,
}

/// One sync's worth of changes for one connection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delta {
    pub accounts: Vec<AccountSnapshot>,
    /// New and changed transactions (upserted by provider id).
    pub upserts: Vec<IncomingTransaction>,
    pub removed: Vec<RemovedTransaction>,
    /// The provider's complete set of pending transactions: stored pending rows of this connection
    /// not in `upserts` are removed (used by providers that give no pending→posted link).
    pub pending_is_complete: bool,
    /// Bills the provider knows of (card statements).
    pub bills: Vec<IncomingBill>,
    /// Where the next sync starts; stored with the data in the same transaction.
    pub cursor: Option<String>,
}
