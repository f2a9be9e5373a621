//! Recording a failed sync against its connection, with when to try again.

use chrono::{DateTime, Utc};

use super::{SyncError, backoff, retry_after};
use crate::store::Store;

/// [`record`]s the failure and hands it back.
pub(super) async fn recorded(
    store: &Store,
    id: i64,
    error: SyncError,
    now: DateTime<Utc>,
) -> SyncError {
    record(store, id, &error, now).await;
    error
}

/// Records a failure against the connection (whatever failed: the provider or saving its data),
/// with when to try again: backoff for retryable failures, tomorrow for a spent quota, never
/// (until re-linked) for a revoked login.
async fn record(store: &Store, id: i64, error: &SyncError, now: DateTime<Utc>) {
    let failures = store
        .connections()
        .await
        .ok()
        .and_then(|all| all.into_iter().find(|c| c.id == id))
        .map_or(0, |c| c.consecutive_failures);
    let (relink, next) = match error {
        SyncError::Provider(p) if p.needs_relink() => (true, None),
        SyncError::Provider(p) if p.is_retryable() => (
            false,
            Some(now + backoff::delay(failures + 1, retry_after(p), backoff::jitter())),
        ),
        SyncError::QuotaReached(_) => {
            let tomorrow = now
                .date_naive()
                .succ_opt()
                .and_then(|d| d.and_hms_opt(0, 5, 0))
                .map(|t| t.and_utc());
            (false, tomorrow)
        }
        _ => (false, None),
    };
    if let Err(e) = store
        .record_failure(id, &error.to_string(), relink, next, now)
        .await
    {
        tracing::error!(error = %e, "could not record a sync failure");
    }
}
