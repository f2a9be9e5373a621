//! One sync pass: for each connection, fetch a delta from its provider and apply it to the store in
//! one transaction. One connection's failure is recorded against it and never stops the others or
//! touches data already synced; every failure once the connection exists is recorded (`record`),
//! so `purse status` and the dashboard show it.
//!
//! Processes take turns per connection ([`Store::lock_sync`]): a sync that had to wait while
//! another process synced the same connection skips its fetch with a note ([`SYNCED_BY_OTHER`]).
//!
//! Failures are classified by the provider ([`ProviderError::is_retryable`],
//! [`ProviderError::needs_relink`]): rate limits, 5xx and timeouts are retried within the call
//! with exponential backoff and jitter (honouring `Retry-After`) and, when they persist, scheduled
//! for a later attempt; a revoked login marks the connection "needs re-link" and is not retried
//! until the user links it again. Provider request quotas (SimpleFIN: 24 a day) are counted in
//! the store.

pub mod backoff;
pub mod connection;
mod record;
mod simplefin_fetch;
pub mod task;

use std::time::Duration;

pub use connection::{Connection, DEMO_CONNECTION, ProviderSpec};
use record::recorded;

use crate::domain::{Clock, Delta};
use crate::provider::demo::DemoBank;
use crate::provider::plaid::Plaid;
use crate::provider::{FetchContext, ProviderError};
use crate::store::{ApplyStats, Store, StoreError};

/// The note of a sync that found, after waiting its turn, that another process had just synced
/// the connection.
pub const SYNCED_BY_OTHER: &str =
    "synced by another Purse process while this one waited; nothing more to fetch";

/// Requests a SimpleFIN Bridge allows per connection per day.
pub const SIMPLEFIN_DAILY_REQUESTS: u32 = 24;

/// Why one connection's sync failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "needs to be linked again before it can sync (last error: {0}); run `purse link` for it"
    )]
    NeedsRelink(String),
    #[error("daily request limit reached ({0} requests); the next sync runs tomorrow")]
    QuotaReached(u32),
}

/// How one connection's sync ended.
#[derive(Debug)]
pub struct SyncOutcome {
    pub connection: String,
    pub result: Result<ApplyStats, SyncError>,
    /// The provider's own messages (e.g. SimpleFIN `errors`), sanitised, to show the user.
    pub messages: Vec<String>,
    /// Purse's own note on how it went (e.g. another process had just synced it).
    pub note: Option<String>,
}

/// What a sync reports besides its result.
#[derive(Debug, Default)]
struct Reported {
    messages: Vec<String>,
    note: Option<String>,
}

/// Sync settings that apply to every connection.
#[derive(Debug, Clone, Copy)]
pub struct SyncOptions {
    pub history_days: u32,
    /// Timeout of every provider request.
    pub timeout: Duration,
    /// Attempts within one sync call for retryable failures.
    pub max_attempts: u32,
    /// The longest single wait between attempts within one call; a server asking for a longer
    /// wait gets a scheduled retry instead.
    pub max_wait: Duration,
    /// First retry delay (doubles each attempt).
    pub retry_base: Duration,
}

impl SyncOptions {
    pub const DEFAULT: SyncOptions = SyncOptions {
        history_days: 730,
        timeout: Duration::from_secs(30),
        max_attempts: 3,
        max_wait: Duration::from_secs(30),
        retry_base: backoff::BASE,
    };
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions::DEFAULT
    }
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
        outcomes.push(sync_connection(store, conn, clock, opts).await);
    }
    outcomes
}

/// Syncs one connection, returning only the result.
pub async fn sync_one(
    store: &Store,
    conn: &Connection,
    clock: &dyn Clock,
    opts: SyncOptions,
) -> Result<ApplyStats, SyncError> {
    sync_connection(store, conn, clock, opts).await.result
}

/// Syncs one connection: fetch (with retries), apply in one transaction, or record the failure.
pub async fn sync_connection(
    store: &Store,
    conn: &Connection,
    clock: &dyn Clock,
    opts: SyncOptions,
) -> SyncOutcome {
    let mut out = Reported::default();
    let result = run(store, conn, clock, opts, &mut out).await;
    if let Err(e) = &result {
        tracing::warn!(connection = %conn.name, error = %e, "sync failed");
    }
    SyncOutcome {
        connection: conn.name.clone(),
        result,
        messages: out.messages,
        note: out.note,
    }
}

async fn run(
    store: &Store,
    conn: &Connection,
    clock: &dyn Clock,
    opts: SyncOptions,
    out: &mut Reported,
) -> Result<ApplyStats, SyncError> {
    let id = store
        .ensure_connection(&conn.name, conn.provider.name(), clock.now())
        .await?;
    // One process syncs a connection at a time; the others wait their turn, and skip the fetch
    // when the one they waited for synced it.
    let mut held = match store.lock_sync(id).await {
        Ok(held) => held,
        Err(e) => return Err(recorded(store, id, e.into(), clock.now()).await),
    };
    if held.as_mut().is_some_and(|h| h.done_meanwhile()) {
        out.note = Some(SYNCED_BY_OTHER.to_string());
        return Ok(ApplyStats::default());
    }
    match attempt(store, id, conn, clock, opts, &mut out.messages).await {
        Ok(stats) => {
            if let Some(held) = &mut held {
                held.lock.count_done();
            }
            Ok(stats)
        }
        // Already recorded when it was first seen; recording again would hide that error.
        Err(e @ SyncError::NeedsRelink(_)) => Err(e),
        Err(e) => Err(recorded(store, id, e, clock.now()).await),
    }
}

/// The sync proper, under the connection's lock: fetch (with retries) and apply.
async fn attempt(
    store: &Store,
    id: i64,
    conn: &Connection,
    clock: &dyn Clock,
    opts: SyncOptions,
    messages: &mut Vec<String>,
) -> Result<ApplyStats, SyncError> {
    if let Some(status) = store.connections().await?.into_iter().find(|c| c.id == id)
        && status.needs_relink
    {
        return Err(SyncError::NeedsRelink(
            status.last_error.unwrap_or_default(),
        ));
    }
    let cursor = store.cursor(id).await?;
    let mut attempt = 1;
    let (delta, msgs) = loop {
        let now = clock.now();
        let ctx = FetchContext {
            today: clock.today(),
            now,
            history_days: opts.history_days,
        };
        let result = fetch(store, id, conn, cursor.as_deref(), &ctx, opts).await;
        match result {
            Err(SyncError::Provider(e)) if e.is_retryable() && attempt < opts.max_attempts => {
                let wait = backoff::delay_from(
                    opts.retry_base,
                    attempt,
                    retry_after(&e),
                    backoff::jitter(),
                );
                if wait > opts.max_wait {
                    return Err(SyncError::Provider(e));
                }
                tracing::info!(connection = %conn.name, attempt, wait_ms = wait.as_millis() as u64, error = %e, "retrying");
                tokio::time::sleep(wait).await;
                attempt += 1;
            }
            other => break other?,
        }
    };
    let stats = store.apply_delta(id, &delta, clock.now()).await?;
    let text = (!msgs.is_empty()).then(|| msgs.join("\n"));
    store.set_messages(id, text.as_deref()).await?;
    *messages = msgs;
    tracing::info!(connection = %conn.name, ?stats, "sync applied");
    Ok(stats)
}

/// One fetch from the connection's provider.
async fn fetch(
    store: &Store,
    id: i64,
    conn: &Connection,
    cursor: Option<&str>,
    ctx: &FetchContext,
    opts: SyncOptions,
) -> Result<(Delta, Vec<String>), SyncError> {
    match &conn.provider {
        ProviderSpec::Demo { seed } => Ok((DemoBank::new(*seed).fetch(cursor, ctx)?, Vec::new())),
        ProviderSpec::Plaid {
            config,
            access_token,
        } => {
            let mut config = config.clone();
            config.timeout = opts.timeout;
            let outcome = Plaid::new(config)?.fetch(access_token, cursor, ctx).await?;
            Ok((outcome.delta, outcome.messages))
        }
        ProviderSpec::SimpleFin { access_url } => {
            simplefin_fetch::fetch(store, id, access_url, cursor, ctx, opts).await
        }
        ProviderSpec::Invalid { message, .. } => Err(ProviderError::Config(message.clone()).into()),
        ProviderSpec::Unsupported { provider } => {
            Err(ProviderError::Unsupported(provider.clone()).into())
        }
    }
}

fn retry_after(e: &ProviderError) -> Option<Duration> {
    match e {
        ProviderError::RateLimited { retry_after } => *retry_after,
        _ => None,
    }
}
