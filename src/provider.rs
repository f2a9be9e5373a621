//! Bank and card providers: each turns its wire format into a domain [`Delta`].
//!
//! One file per provider under `provider/`; wire types stay private to their file. This file holds
//! what they share: the error taxonomy the sync task branches on (retry, back off, or stop until
//! the user re-links) and the URL policy (HTTPS, except loopback for tests and local bridges).

pub mod demo;
pub mod plaid;
pub mod simplefin;

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

#[allow(unused_imports)]
use crate::domain::Delta;

/// The provider names accepted in `[[connections]] provider = "…"`.
pub const PROVIDER_NAMES: &[&str] = &["plaid", "simplefin", "demo"];

/// Why a provider could not deliver a delta. Messages never contain secrets.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The answer could not be read (bad JSON, missing fields): nothing is written.
    #[error("the provider's answer could not be read: {0}")]
    Malformed(String),
    #[error("provider \"{0}\" is not supported yet")]
    Unsupported(String),
    /// Too many requests: back off, honouring the server's `Retry-After` when given.
    #[error("rate limited by the provider{}", retry_after.map(|d| format!(" (retry after {}s)", d.as_secs())).unwrap_or_default())]
    RateLimited { retry_after: Option<Duration> },
    /// A server-side or network failure worth retrying with backoff (5xx, timeouts, resets).
    #[error("temporary failure: {0}")]
    Transient(String),
    /// The login was revoked or needs the user's attention: no retries until re-linked.
    #[error("the connection needs to be linked again: {0}")]
    NeedsRelink(String),
    /// A subscription or account problem the user must fix (e.g. SimpleFIN 402).
    #[error("the provider refused: {0}")]
    NeedsAttention(String),
    /// Any other error the provider reported (not retried automatically).
    #[error("the provider reported an error: {0}")]
    Rejected(String),
    /// A configuration problem (bad URL, missing secret).
    #[error("{0}")]
    Config(String),
}

impl ProviderError {
    /// Whether retrying later (with backoff) may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ProviderError::RateLimited { .. } | ProviderError::Transient(_)
        )
    }

    /// Whether the user must link the connection again before any retry.
    pub fn needs_relink(&self) -> bool {
        matches!(
            self,
            ProviderError::NeedsRelink(_) | ProviderError::NeedsAttention(_)
        )
    }
}

/// What a provider needs to know about "now" for one fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchContext {
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// How far back a first sync reaches.
    pub history_days: u32,
}

/// Accepts `https://` URLs, and plain `http://` only for loopback hosts (127.0.0.0/8, ::1,
/// localhost). Errors name the offending URL without its userinfo (which may hold a password).
pub fn check_url(url: &str) -> Result<reqwest::Url, ProviderError> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| ProviderError::Config(format!("\"{}\" is not a URL: {e}", redact_url(url))))?;
    let loopback = match parsed.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if loopback => Ok(parsed),
        _ => Err(ProviderError::Config(format!(
            "\"{}\" must use https:// (plain http is only allowed for 127.0.0.1 and localhost)",
            redact_url(url)
        ))),
    }
}

/// The HTTP client every provider uses: rustls with the ring crypto provider, a timeout on every
/// request, and a User-Agent naming Purse.
pub fn http_client(timeout: Duration) -> Result<reqwest::Client, ProviderError> {
    static CRYPTO: std::sync::Once = std::sync::Once::new();
    CRYPTO.call_once(|| {
        // Err means another provider was installed first, which serves as well.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .user_agent(concat!("purse/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ProviderError::Config(format!("cannot set up HTTPS: {e}")))
}

/// Maps a reqwest transport error (no HTTP status) to the retry taxonomy.
pub fn transport_error(e: &reqwest::Error) -> ProviderError {
    if e.is_timeout() {
        ProviderError::Transient("the request timed out".into())
    } else if e.is_connect() {
        ProviderError::Transient("could not connect to the provider".into())
    } else if e.is_decode() || e.is_body() {
        ProviderError::Malformed(format!("the response body could not be read{}", cause(e)))
    } else {
        ProviderError::Transient(format!("the request failed{}", cause(e)))
    }
}

/// The underlying cause of a reqwest error, without the URL (which may carry credentials).
fn cause(e: &reqwest::Error) -> String {
    std::error::Error::source(e)
        .map(|s| format!(": {s}"))
        .unwrap_or_default()
}

/// A URL with any `user:password@` part replaced, safe to print.
pub fn redact_url(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_username("***");
            let _ = u.set_password(None);
            u.to_string()
        }
        Ok(u) => u.to_string(),
        Err(_) => "<unreadable URL>".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_everywhere_http_only_on_loopback() {
        assert!(check_url("https://sandbox.plaid.com").is_ok());
        assert!(check_url("http://127.0.0.1:8080/x").is_ok());
        assert!(check_url("http://localhost:9/").is_ok());
        assert!(check_url("http://[::1]:9/").is_ok());
        assert!(check_url("http://sandbox.plaid.com").is_err());
        assert!(check_url("http://10.0.0.1/").is_err());
        assert!(check_url("ftp://127.0.0.1/").is_err());
        assert!(check_url("not a url").is_err());
    }

    #[test]
    fn errors_never_show_passwords() {
        let err = check_url("http://user:hunter2@bridge.example.com/simplefin")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!err.contains("hunter2") && !err.contains("user:"), "{err}");
        assert!(err.contains("***@bridge.example.com"), "{err}");
    }

    #[test]
    fn retry_classes() {
        assert!(ProviderError::RateLimited { retry_after: None }.is_retryable());
        assert!(ProviderError::Transient("500".into()).is_retryable());
        assert!(!ProviderError::NeedsRelink("ITEM_LOGIN_REQUIRED".into()).is_retryable());
        assert!(ProviderError::NeedsRelink("x".into()).needs_relink());
        assert!(!ProviderError::Malformed("x".into()).is_retryable());
    }
}
