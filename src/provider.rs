//! Bank and card providers: each turns its wire format into a domain [`Delta`].
//!
//! One file per provider under `provider/`; wire types stay private to their file.

pub mod demo;

use chrono::{DateTime, NaiveDate, Utc};

#[allow(unused_imports)]
use crate::domain::Delta;

/// The provider names accepted in `[[connections]] provider = "…"`.
pub const PROVIDER_NAMES: &[&str] = &["plaid", "simplefin", "demo"];

/// Why a provider could not deliver a delta.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("the provider's answer could not be read: {0}")]
    Malformed(String),
    #[error("provider \"{0}\" is not supported yet")]
    Unsupported(String),
}

/// What a provider needs to know about "now" for one fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchContext {
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// How far back a first sync reaches.
    pub history_days: u32,
}
