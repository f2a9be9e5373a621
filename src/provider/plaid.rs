//! The Plaid provider: one sync of one item (`/accounts/get`, the `/transactions/sync` loop,
//! `/liabilities/get`, `/transactions/recurring/get`) mapped into a domain [`Delta`], plus
//! browser-less sandbox linking and public-token exchange.
//!
//! Map: `http` one call and the error taxonomy · `wire` private wire types and field-by-field
//! decoding · `paging` the sync loop with restart-on-mutation · `map` accounts and transactions
//! → domain · `bills` card statements and recurring payments · `category` personal finance
//! categories → Purse categories.
//!
//! Credentials travel only in request bodies; they never reach an error message, a log line or
//! `Debug` output.

mod bills;
mod category;
mod http;
mod map;
mod paging;
#[cfg(test)]
mod tests;
mod wire;

use std::fmt;
use std::time::Duration;

use serde_json::{Map, Value};
use tracing::debug;

pub use category::category_for;

use super::{FetchContext, ProviderError, check_url, http_client};
use crate::config::Secret;
use crate::domain::Delta;
use http::Api;
use map::Book;

pub const SANDBOX_URL: &str = "https://sandbox.plaid.com";
pub const PRODUCTION_URL: &str = "https://production.plaid.com";
/// The sandbox institution `sandbox_link` connects to (First Platypus Bank).
pub const SANDBOX_INSTITUTION: &str = "ins_109508";

/// The base URL for a connection's `environment`: none or `"sandbox"` → [`SANDBOX_URL`],
/// `"production"` → [`PRODUCTION_URL`].
pub fn base_url_for(environment: Option<&str>) -> Result<&'static str, ProviderError> {
    match environment
        .map(|e| e.trim().to_ascii_lowercase())
        .as_deref()
    {
        None | Some("sandbox") => Ok(SANDBOX_URL),
        Some("production") => Ok(PRODUCTION_URL),
        Some(_) => Err(ProviderError::Config(format!(
            "Plaid environment \"{}\" is not known (expected \"sandbox\" or \"production\")",
            environment.unwrap_or_default()
        ))),
    }
}

/// What [`Plaid::new`] needs. `Debug` shows the secrets as `<redacted>`.
#[derive(Debug, Clone)]
pub struct PlaidConfig {
    pub base_url: String,
    pub client_id: Secret,
    pub secret: Secret,
    pub timeout: Duration,
}

/// One fetch's result: the delta, and notes on data left out of it (an account or transaction
/// whose currency cannot be read; the cursor then stays, so it is asked for again), to show.
#[derive(Debug, Default)]
pub struct FetchOutcome {
    pub delta: Delta,
    pub messages: Vec<String>,
}

/// A Plaid client for one app (client id + secret); items are chosen per call by access token.
pub struct Plaid {
    api: Api,
    timeout: Duration,
}

impl fmt::Debug for Plaid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Plaid")
            .field("base_url", &self.api.base)
            .field("client_id", &self.api.client_id)
            .field("secret", &self.api.secret)
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl Plaid {
    /// Checks the base URL (HTTPS, or plain HTTP on loopback) and that both credentials are set.
    pub fn new(cfg: PlaidConfig) -> Result<Plaid, ProviderError> {
        let url = check_url(&cfg.base_url)?;
        for (key, value) in [("client_id", &cfg.client_id), ("secret", &cfg.secret)] {
            if value.expose().trim().is_empty() {
                return Err(ProviderError::Config(format!(
                    "the Plaid {key} is empty: set it in the connection"
                )));
            }
        }
        let api = Api {
            client: http_client(cfg.timeout)?,
            base: url.as_str().trim_end_matches('/').to_string(),
            client_id: cfg.client_id,
            secret: cfg.secret,
        };
        Ok(Plaid {
            api,
            timeout: cfg.timeout,
        })
    }

    /// One full sync: /accounts/get, the /transactions/sync loop from `cursor`, /liabilities/get,
    /// /transactions/recurring/get.
    ///
    /// `Delta::cursor` is the last page's `next_cursor`, or `None` while Plaid has no data yet or
    /// data was left out (the store then keeps the old cursor). An account whose currency cannot
    /// be read is left out, with a message, and never fails the others. Removed pending transactions arrive in `removed`
    /// and their posted versions name them in `pending_provider_id`, so `pending_is_complete` is
    /// false. Items without liabilities or recurring-transaction data simply give fewer bills.
    pub async fn fetch(
        &self,
        access_token: &Secret,
        cursor: Option<&str>,
        ctx: &FetchContext,
    ) -> Result<FetchOutcome, ProviderError> {
        // Messages quote the server (ids, values); scrub in case it echoes a credential.
        self.sync_item(access_token, cursor, ctx)
            .await
            .map_err(|e| self.api.scrubbed(e, Some(access_token)))
    }

    async fn sync_item(
        &self,
        access_token: &Secret,
        cursor: Option<&str>,
        ctx: &FetchContext,
    ) -> Result<FetchOutcome, ProviderError> {
        let body = self
            .api
            .post("/accounts/get", Map::new(), Some(access_token))
            .await
            .map_err(|f| f.error)?;
        let mut accounts = Vec::new();
        let mut book = Book::default();
        let mut messages = Vec::new();
        for a in wire::elements::<wire::Account>("/accounts/get", &body, "accounts")? {
            match map::account(&a, ctx.now) {
                Ok(snapshot) => {
                    book.add(&snapshot);
                    accounts.push(snapshot);
                }
                Err(e) => {
                    book.leave_out(&a.account_id);
                    messages.push(paging::left_out(&e));
                }
            }
        }

        let changes = paging::sync(
            &self.api,
            access_token,
            cursor,
            ctx.history_days,
            &book,
            ctx.now,
        )
        .await?;
        accounts.extend(changes.accounts);
        messages.extend(changes.notes);
        let book = changes.book;
        let bills = self.bills(access_token, &book, &mut messages).await?;
        debug!(
            accounts = accounts.len(),
            upserts = changes.upserts.len(),
            removed = changes.removed.len(),
            bills = bills.len(),
            cursor_advanced = changes.cursor.is_some(),
            "plaid: fetch done"
        );
        // Transactions of an account left out by /accounts/get were skipped: keep the cursor.
        let cursor = changes.cursor.filter(|_| messages.is_empty());
        Ok(FetchOutcome {
            delta: Delta {
                accounts,
                upserts: changes.upserts,
                removed: changes.removed,
                pending_is_complete: false,
                bills,
                cursor,
            },
            messages,
        })
    }

    /// Sandbox linking without a browser: creates a public token for [`SANDBOX_INSTITUTION`] with
    /// the transactions and liabilities products and exchanges it for an access token.
    pub async fn sandbox_link(&self) -> Result<Secret, ProviderError> {
        let mut fields = Map::new();
        fields.insert("institution_id".into(), Value::from(SANDBOX_INSTITUTION));
        fields.insert(
            "initial_products".into(),
            Value::from(vec!["transactions", "liabilities"]),
        );
        let endpoint = "/sandbox/public_token/create";
        let body = self
            .api
            .post(endpoint, fields, None)
            .await
            .map_err(|f| f.error)?;
        let public_token = Secret::new(wire::field::<String>(endpoint, &body, "public_token")?);
        self.exchange_public_token(public_token.expose()).await
    }

    /// Exchanges a Link `public_token` for the item's (non-expiring) access token.
    pub async fn exchange_public_token(&self, public_token: &str) -> Result<Secret, ProviderError> {
        let endpoint = "/item/public_token/exchange";
        let mut fields = Map::new();
        fields.insert("public_token".into(), Value::from(public_token));
        let body = self
            .api
            .post(endpoint, fields, None)
            .await
            .map_err(|f| f.error)?;
        match body.get("access_token").and_then(Value::as_str) {
            Some(token) if !token.is_empty() => Ok(Secret::new(token)),
            _ => Err(wire::malformed(
                endpoint,
                "the field `access_token` is missing or not a string".into(),
            )),
        }
    }
}
