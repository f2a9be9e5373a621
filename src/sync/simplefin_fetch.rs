//! One SimpleFIN fetch within a sync: the Bridge's daily request quota, and carrying accounts
//! stored under older account keys over to the keys the provider now gives (moving out the rows
//! of a second bank that older versions stored in the same account).
//!
//! **Quota.** The requests a fetch may make are taken from the day's quota before it starts (so
//! concurrent syncs cannot overdraw it); those the Bridge never answered (connection refused,
//! unreachable, timed out) are given back afterwards, so a network failure costs nothing and
//! is retried with backoff like any other.

use super::{SIMPLEFIN_DAILY_REQUESTS, SyncError, SyncOptions};
use crate::config::Secret;
use crate::domain::Delta;
use crate::provider::FetchContext;
use crate::provider::simplefin::{self, SimpleFin};
use crate::store::Store;

/// Fetches the connection `id`'s accounts and transactions from the Bridge at `access_url`.
pub(super) async fn fetch(
    store: &Store,
    id: i64,
    access_url: &Secret,
    cursor: Option<&str>,
    ctx: &FetchContext,
    opts: SyncOptions,
) -> Result<(Delta, Vec<String>), SyncError> {
    let requests = u32::try_from(simplefin::requests_for(cursor, ctx)).unwrap_or(u32::MAX);
    if !store
        .take_quota(id, ctx.today, requests, SIMPLEFIN_DAILY_REQUESTS)
        .await?
    {
        return Err(SyncError::QuotaReached(SIMPLEFIN_DAILY_REQUESTS));
    }
    let mut answered = 0;
    let fetched = match SimpleFin::new(access_url, opts.timeout) {
        Ok(client) => client.fetch_counted(cursor, ctx, &mut answered).await,
        Err(e) => Err(e),
    };
    store
        .return_quota(id, ctx.today, requests.saturating_sub(answered))
        .await?;
    let outcome = fetched?;
    let stored: Vec<(String, String)> = store
        .accounts_of(id)
        .await?
        .into_iter()
        .map(|a| (a.provider_account_id, a.name))
        .collect();
    let renames = simplefin::renames(&stored, &outcome);
    store.rename_accounts(id, &renames).await?;
    for split in simplefin::splits(&renames, &outcome) {
        store
            .move_transactions(id, &split.from, &split.to, &split.provider_ids)
            .await?;
    }
    Ok((outcome.delta, outcome.messages))
}
