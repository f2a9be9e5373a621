//! One sync pass: for each connection, fetch a delta from its provider and apply it to the store in
//! one transaction. One connection's failure is recorded against it and never stops the others or
//! touches data already synced.

pub mod backoff;
pub mod task;

use chrono::{DateTime, Utc};

use crate::domain::Clock;
use crate::provider::demo::{DEMO_SEED, DemoBank};
use crate::provider::{FetchContext, ProviderError};
use crate::store::{ApplyStats, Store, StoreError};

/// The name the built-in demo bank's connection is stored under.
pub const DEMO_CONNECTION: &str = "Demo Bank";

/// A connection to sync: its name and which provider serves it.
#[derive(Debug, Clone)]
pub struct Connection {
    pub name: String,
    pub provider: ProviderSpec,
}

/// Provider-specific settings of a connection (secrets stay inside, never printed).
#[derive(Debug, Clone)]
pub enum ProviderSpec {
    Demo {
        seed: u64,
    },
    /// A provider Purse knows by name but cannot sync yet.
    Unsupported {
        provider: String,
    },
}

impl ProviderSpec {
    pub fn name(&self) -> &str {
        match self {
            ProviderSpec::Demo { .. } => "demo",
            ProviderSpec::Unsupported { provider } => provider,
        }
    }
}

impl Connection {
    /// The built-in demo bank.
    pub fn demo() -> Self {
        Connection {
            name: DEMO_CONNECTION.to_string(),
            provider: ProviderSpec::Demo { seed: DEMO_SEED },
        }
    }
}

/// Why one connection's sync failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How one connection's sync ended.
#[derive(Debug)]
pub struct SyncOutcome {
    pub connection: String,
    pub result: Result<ApplyStats, SyncError>,
}

/// Sync settings that apply to every connection.
#[derive(Debug, Clone, Copy)]
pub struct SyncOptions {
    pub history_days: u32,
}

/// Syncs every connection in turn and reports each outcome.
pub async fn sync_all(
    store: &Store,
    connections: &[Connection],
    clock: &dyn Clock,
    opts: SyncOptions,
) -> Vec<SyncOutcome> {
    let mut outcomes = Vec::with_capacity(connections.len());
    for conn in connections {
        let result = sync_one(store, conn, clock, opts).await;
        if let Err(e) = &result {
            tracing::warn!(connection = %conn.name, error = %e, "sync failed");
        }
        outcomes.push(SyncOutcome {
            connection: conn.name.clone(),
            result,
        });
    }
    outcomes
}

/// Syncs one connection: fetch, apply in one transaction, or record the failure.
pub async fn sync_one(
    store: &Store,
    conn: &Connection,
    clock: &dyn Clock,
    opts: SyncOptions,
) -> Result<ApplyStats, SyncError> {
    let now = clock.now();
    let id = store
        .ensure_connection(&conn.name, conn.provider.name(), now)
        .await?;
    let cursor = store.cursor(id).await?;
    let ctx = FetchContext {
        today: clock.today(),
        now,
        history_days: opts.history_days,
    };
    let fetched = match &conn.provider {
        ProviderSpec::Demo { seed } => DemoBank::new(*seed).fetch(cursor.as_deref(), &ctx),
        ProviderSpec::Unsupported { provider } => Err(ProviderError::Unsupported(provider.clone())),
    };
    let result = match fetched {
        Ok(delta) => store
            .apply_delta(id, &delta, now)
            .await
            .map_err(SyncError::from),
        Err(e) => Err(e.into()),
    };
    match &result {
        Ok(stats) => tracing::info!(connection = %conn.name, ?stats, "sync applied"),
        Err(e) => record(store, id, e, now).await,
    }
    result
}

/// Records a failure against the connection (whatever failed: the provider or saving its data).
async fn record(store: &Store, id: i64, error: &SyncError, now: DateTime<Utc>) {
    let relink = matches!(error, SyncError::Provider(p) if p.needs_relink());
    if let Err(e) = store
        .record_failure(id, &error.to_string(), relink, None, now)
        .await
    {
        tracing::error!(error = %e, "could not record a sync failure");
    }
}
