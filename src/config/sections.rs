//! The typed sections of [`Settings`](super::Settings): storage, sync, alerts, notifications,
//! general, input, logging, `[[connections]]` (with [`ProviderKind`] and which keys each provider takes
//! and requires) and `[[accounts]]` overrides.

use std::fmt;
use std::path::PathBuf;

use rust_decimal::Decimal;

use super::quiet_hours::QuietHours;
use super::secret::Secret;
use crate::domain::{Currency, DecimalMark};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Storage {
    /// The SQLite database; a leading `~` is expanded.
    pub database: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncSettings {
    pub interval_minutes: u32,
    pub history_days: u32,
    pub timeout_seconds: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlertSettings {
    /// Alert when an account's balance drops below this (in `general.currency`).
    pub low_balance: Decimal,
    pub bill_due_days: u32,
    pub unusual_spend: bool,
    /// `None` when set to `"off"` or `""`.
    pub quiet_hours: Option<QuietHours>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notifications {
    pub desktop: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct General {
    /// The currency budgets are kept in.
    pub currency: Currency,
}

/// `[input]`: how the amounts a person types (CLI, dashboard, this file) are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Input {
    /// `"."` (1,234.56, the default) or `","` (1.234,56).
    pub decimal_separator: DecimalMark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logging {
    /// The log file; a leading `~` is expanded.
    pub file: PathBuf,
    /// One of `error`, `warn`, `info`, `debug`, `trace`, `off` (lower case).
    pub level: String,
}

/// One linked bank or card login (`[[connections]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionConfig {
    /// Unique (case-insensitively) and non-empty.
    pub name: String,
    pub provider: ProviderKind,
    pub base_url: Option<String>,
    /// Plaid only: `"sandbox"` or `"production"` (lower case).
    pub environment: Option<String>,
    pub client_id: Option<Secret>,
    pub secret: Option<Secret>,
    pub access_token: Option<Secret>,
    pub access_url: Option<Secret>,
    /// Disabled connections are not synced, and their required secrets may be missing.
    pub enabled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProviderKind {
    Plaid,
    Simplefin,
    Demo,
}

impl ProviderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Plaid => "plaid",
            ProviderKind::Simplefin => "simplefin",
            ProviderKind::Demo => "demo",
        }
    }

    /// Parses `plaid`, `simplefin` or `demo` (any case).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "plaid" => Some(ProviderKind::Plaid),
            "simplefin" => Some(ProviderKind::Simplefin),
            "demo" => Some(ProviderKind::Demo),
            _ => None,
        }
    }

    /// The `[[connections]]` keys this provider takes.
    pub fn keys(self) -> &'static [&'static str] {
        const COMMON: [&str; 3] = ["name", "provider", "enabled"];
        match self {
            ProviderKind::Plaid => &[
                COMMON[0],
                COMMON[1],
                COMMON[2],
                "base_url",
                "environment",
                "client_id",
                "secret",
                "access_token",
            ],
            ProviderKind::Simplefin => &[COMMON[0], COMMON[1], COMMON[2], "base_url", "access_url"],
            ProviderKind::Demo => &COMMON,
        }
    }

    /// The keys an enabled connection of this provider must have.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            ProviderKind::Plaid => &["client_id", "secret", "access_token"],
            ProviderKind::Simplefin => &["access_url"],
            ProviderKind::Demo => &[],
        }
    }
}

impl fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A per-account override (`[[accounts]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountOverride {
    /// An account name (compared case-insensitively) or id (compared exactly).
    pub r#match: String,
    pub low_balance: Option<Decimal>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_keys_include_required() {
        for p in [
            ProviderKind::Plaid,
            ProviderKind::Simplefin,
            ProviderKind::Demo,
        ] {
            assert!(p.required().iter().all(|k| p.keys().contains(k)));
            assert_eq!(ProviderKind::parse(p.as_str()), Some(p));
            assert_eq!(ProviderKind::parse(&p.as_str().to_uppercase()), Some(p));
        }
        assert_eq!(ProviderKind::parse("chase"), None);
    }
}
