//! SimpleFIN Bridge adapter: claims a setup token for an Access URL, then syncs accounts and
//! transactions from `GET {access_url}/accounts` into a domain [`Delta`].
//!
//! **Request budget.** The Bridge caps a request at 90 days and asks for at most 24 requests a
//! day. A first sync of 730 days costs 9 requests (newest window first, see `window`), a later
//! sync usually 1 (from 14 days before the previous end to now, one more per 90 days missed).
//! [`requests_for`] tells the scheduler the cost of the next sync before it runs.
//!
//! **Completeness.** SimpleFIN links no pending transaction to its posted successor, so every
//! sync reports the full set of pending transactions in a window that ends now, and
//! `pending_is_complete` is set — unless the Bridge reported errors, when its data may be partial
//! and stored pending rows are better kept than wrongly dropped.
//!
//! **Secrets.** The Access URL's `user:password` goes only into the `Authorization` header; it is
//! stripped from the request URL, absent from `Debug`, and masked in every message and error.
//!
//! **Accounts** are keyed by connection (or organization) and id, as the Bridge's ids are unique
//! only within one: see `map` and, for stores written under bare ids, [`renames`].
//!
//! **Quota.** [`SimpleFin::fetch_counted`] reports how many requests the Bridge answered, so that
//! requests that never reached it (connection refused, DNS failure) do not count against the 24.
//!
//! Map: `claim` setup tokens · `window` date windows and cursor · `wire` the JSON (`lenient` for
//! the spec examples' slips) · `map` into domain types · `rekey` old account keys · `names`
//! kind/name/payee guesses · `text` sanitising.

mod claim;
mod lenient;
mod map;
mod names;
mod rekey;
mod text;
mod window;
mod wire;

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};

pub use claim::claim;
pub use rekey::{Split, renames, splits};

use super::{FetchContext, ProviderError, check_url, http_client, transport_error};
use crate::config::Secret;
use crate::domain::Delta;
use map::Merged;
use window::Window;

/// User-facing messages that tests and callers match on.
pub mod messages {
    /// Claiming a setup token answered 403.
    pub const CLAIM_FORBIDDEN: &str = "the setup token is unknown or was already claimed — if you did not claim it, it may be compromised; create a new one";
    /// `/accounts` answered 402.
    pub const PAYMENT_REQUIRED: &str = "SimpleFIN subscription payment required (402): renew it at the SimpleFIN Bridge, then sync again";
    /// `/accounts` answered 401 or 403.
    pub const ACCESS_REVOKED: &str = "access revoked or credentials invalid (403): create a new setup token at the SimpleFIN Bridge and claim it";
    /// A setup token that does not decode to a URL.
    pub const BAD_SETUP_TOKEN: &str = "the SimpleFIN setup token is not valid: it should be the base64 text shown by the SimpleFIN Bridge — copy the whole token again";
    /// The Access URL has no `user:password@` part.
    pub const NO_CREDENTIALS: &str = "the SimpleFIN access URL has no user:password@ part — claim a setup token to get a complete one";
}

/// One sync's result: the delta to apply, and the Bridge's own messages (sanitised) to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOutcome {
    pub delta: Delta,
    pub messages: Vec<String>,
    /// The Bridge's own id of each of `delta.accounts` (whose keys add the connection), in order.
    pub account_ids: Vec<String>,
    /// Whether the Bridge reported errors (its answer may leave accounts out).
    pub server_errors: bool,
}

/// A SimpleFIN connection. `Debug` shows the Bridge's address without credentials.
#[derive(Clone)]
pub struct SimpleFin {
    client: reqwest::Client,
    /// `{access_url}/accounts` with the userinfo removed.
    accounts_url: reqwest::Url,
    username: String,
    password: Secret,
}

impl fmt::Debug for SimpleFin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SimpleFin")
            .field("accounts_url", &self.accounts_url.as_str())
            .finish_non_exhaustive()
    }
}

impl SimpleFin {
    /// `access_url` like `https://USER:PASS@bridge.example/simplefin` (the secret). Plain http is
    /// accepted only for loopback hosts.
    pub fn new(access_url: &Secret, timeout: Duration) -> Result<SimpleFin, ProviderError> {
        let mut url = check_url(access_url.expose().trim())?;
        let username = text::percent_decode(url.username());
        let password = Secret::new(text::percent_decode(url.password().unwrap_or("")));
        if username.is_empty() {
            return Err(ProviderError::Config(messages::NO_CREDENTIALS.into()));
        }
        let stripped = url.set_username("").is_ok() && url.set_password(None).is_ok();
        if !stripped {
            return Err(ProviderError::Config(messages::NO_CREDENTIALS.into()));
        }
        url.set_query(None);
        url.set_fragment(None);
        let path = format!("{}/accounts", url.path().trim_end_matches('/'));
        url.set_path(&path);
        Ok(SimpleFin {
            client: http_client(timeout)?,
            accounts_url: url,
            username,
            password,
        })
    }

    /// One sync. `cursor` is what the previous fetch returned in `delta.cursor` (None on the
    /// first sync). Costs [`requests_for`]`(cursor, ctx)` requests; any failure fails the whole
    /// sync (nothing to write, cursor unchanged).
    pub async fn fetch(
        &self,
        cursor: Option<&str>,
        ctx: &FetchContext,
    ) -> Result<FetchOutcome, ProviderError> {
        self.fetch_counted(cursor, ctx, &mut 0).await
    }

    /// [`SimpleFin::fetch`], adding to `answered` each request the Bridge answered with an HTTP
    /// status (whatever the outcome): the requests that count against its daily limit. A request
    /// that failed before any answer (refused, unreachable, timed out) is not counted.
    pub async fn fetch_counted(
        &self,
        cursor: Option<&str>,
        ctx: &FetchContext,
        answered: &mut u32,
    ) -> Result<FetchOutcome, ProviderError> {
        let since = cursor.map(window::parse_cursor).transpose()?;
        let windows = window::plan(since, ctx);
        tracing::debug!(
            requests = windows.len(),
            first_sync = since.is_none(),
            "SimpleFIN sync"
        );
        let mut merged = Merged::default();
        for w in &windows {
            let body = self
                .get(*w, ctx.now, answered)
                .await
                .map_err(|e| self.scrub(e))?;
            let set = wire::AccountSet::parse(&body)
                .map_err(|e| self.scrub(ProviderError::Malformed(e)))?;
            merged.add(&set, ctx).map_err(|e| self.scrub(e))?;
        }
        let now = ctx.now.timestamp();
        let reaches_now = windows.first().is_some_and(|w| w.end == now);
        let mut messages: Vec<String> = Vec::new();
        for m in &merged.messages {
            let clean = self.sanitize(m);
            if !clean.is_empty() && !messages.contains(&clean) {
                messages.push(clean);
            }
        }
        let delta = Delta {
            accounts: merged.accounts,
            upserts: merged.upserts,
            removed: Vec::new(),
            pending_is_complete: reaches_now && !merged.server_errors,
            bills: Vec::new(),
            cursor: Some(window::cursor_text(now)),
        };
        Ok(FetchOutcome {
            delta,
            messages,
            account_ids: merged.bare_ids,
            server_errors: merged.server_errors,
        })
    }

    async fn get(
        &self,
        w: Window,
        now: DateTime<Utc>,
        answered: &mut u32,
    ) -> Result<String, ProviderError> {
        let mut url = self.accounts_url.clone();
        url.query_pairs_mut()
            .append_pair("start-date", &w.start.to_string())
            .append_pair("end-date", &w.end.to_string())
            .append_pair("pending", "1");
        let response = self
            .client
            .get(url)
            .basic_auth(&self.username, Some(self.password.expose()))
            .send()
            .await
            .map_err(|e| transport_error(&e))?;
        *answered = answered.saturating_add(1);
        match response.status().as_u16() {
            200..=299 => body_text(response).await,
            402 => Err(ProviderError::NeedsAttention(
                messages::PAYMENT_REQUIRED.into(),
            )),
            401 | 403 => Err(ProviderError::NeedsRelink(messages::ACCESS_REVOKED.into())),
            _ => Err(status_error(response, Some(now)).await),
        }
    }

    fn sanitize(&self, text: &str) -> String {
        text::sanitize(text, &[self.password.expose(), &self.username])
    }

    /// The same error with its text sanitised (the server's words may echo anything).
    fn scrub(&self, e: ProviderError) -> ProviderError {
        use ProviderError as E;
        match e {
            E::Malformed(m) => E::Malformed(self.sanitize(&m)),
            E::Transient(m) => E::Transient(self.sanitize(&m)),
            E::NeedsRelink(m) => E::NeedsRelink(self.sanitize(&m)),
            E::NeedsAttention(m) => E::NeedsAttention(self.sanitize(&m)),
            E::Rejected(m) => E::Rejected(self.sanitize(&m)),
            E::Config(m) => E::Config(self.sanitize(&m)),
            other => other,
        }
    }
}

/// How many requests the next [`SimpleFin::fetch`] with this cursor will make (0 if the cursor is
/// unreadable: the fetch then fails before any request). Compare with the Bridge's 24 a day.
pub fn requests_for(cursor: Option<&str>, ctx: &FetchContext) -> usize {
    match cursor.map(window::parse_cursor) {
        None => window::plan(None, ctx).len(),
        Some(Ok(since)) => window::plan(Some(since), ctx).len(),
        Some(Err(_)) => 0,
    }
}

/// A successful response's body as UTF-8 text.
async fn body_text(response: reqwest::Response) -> Result<String, ProviderError> {
    let bytes = response.bytes().await.map_err(|e| transport_error(&e))?;
    String::from_utf8(bytes.to_vec())
        .map_err(|_| ProviderError::Malformed("the SimpleFIN response is not UTF-8 text".into()))
}

/// Maps a status that is neither success nor one the caller handles itself: 429 → rate limited
/// (with `Retry-After` as seconds, or as an HTTP date relative to `now`), 408/5xx → transient,
/// anything else → rejected, quoting the start of the body (callers sanitise).
async fn status_error(response: reqwest::Response, now: Option<DateTime<Utc>>) -> ProviderError {
    let status = response.status();
    if status.as_u16() == 429 {
        let header = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok());
        return ProviderError::RateLimited {
            retry_after: header.and_then(|h| retry_after(h, now)),
        };
    }
    if status.is_server_error() || status.as_u16() == 408 {
        return ProviderError::Transient(format!("SimpleFIN answered HTTP {status}"));
    }
    let body = response.text().await.unwrap_or_default();
    let snippet: String = body.chars().take(200).collect();
    ProviderError::Rejected(format!(
        "SimpleFIN answered HTTP {status}: {}",
        text::sanitize(&snippet, &[])
    ))
}

/// `Retry-After`: delay-seconds, or an HTTP date (needs `now`).
fn retry_after(header: &str, now: Option<DateTime<Utc>>) -> Option<Duration> {
    let header = header.trim();
    if let Ok(secs) = header.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = DateTime::parse_from_rfc2822(header).ok()?;
    let secs = (at.with_timezone(&Utc) - now?).num_seconds().max(0);
    Some(Duration::from_secs(u64::try_from(secs).unwrap_or(0)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
