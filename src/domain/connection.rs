//! Connections: one linked bank or card login, and its sync health.

use chrono::{DateTime, Utc};

/// How a connection's last sync went, for the Accounts pane and `purse status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionHealth {
    /// Never synced yet.
    New,
    Ok,
    Syncing,
    Error,
    /// The provider revoked access: the user must link again; no retries until then.
    NeedsRelink,
}

impl ConnectionHealth {
    pub fn as_str(&self) -> &'static str {
        match self {
            ConnectionHealth::New => "new",
            ConnectionHealth::Ok => "ok",
            ConnectionHealth::Syncing => "syncing",
            ConnectionHealth::Error => "error",
            ConnectionHealth::NeedsRelink => "needs_relink",
        }
    }
}

/// A connection and its sync status as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionStatus {
    pub id: i64,
    pub name: String,
    pub provider: String,
    pub last_success: Option<DateTime<Utc>>,
    pub last_attempt: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub next_attempt: Option<DateTime<Utc>>,
    pub needs_relink: bool,
    pub consecutive_failures: u32,
}

impl ConnectionStatus {
    pub fn health(&self) -> ConnectionHealth {
        if self.needs_relink {
            ConnectionHealth::NeedsRelink
        } else if self.last_error.is_some() {
            ConnectionHealth::Error
        } else if self.last_success.is_some() {
            ConnectionHealth::Ok
        } else {
            ConnectionHealth::New
        }
    }
}
