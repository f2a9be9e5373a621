//! One Plaid call: `POST {base}{endpoint}` with the credentials in the JSON body and the
//! `Plaid-Version` header, the answer parsed as JSON, and failures sorted into the
//! [`ProviderError`] taxonomy. Nothing here logs or returns a credential: messages that quote the
//! server are scrubbed of every secret this client knows.

use std::time::Duration;

use serde_json::{Map, Value};
use tracing::debug;

use super::wire;
use crate::config::Secret;
use crate::provider::{ProviderError, transport_error};

/// The API version every request pins.
pub(super) const PLAID_VERSION: &str = "2020-09-14";

/// Error codes after which the user must link the item again.
const RELINK: &[&str] = &[
    "ITEM_LOGIN_REQUIRED",
    "ACCESS_NOT_GRANTED",
    "ITEM_NOT_FOUND",
    "INVALID_ACCESS_TOKEN",
    "ITEM_LOCKED",
    "USER_PERMISSION_REVOKED",
];

/// Error codes and types worth retrying later (`PRODUCT_NOT_READY`: Plaid is still gathering
/// the item's data and says to try again later).
const TRANSIENT: &[&str] = &[
    "PRODUCT_NOT_READY",
    "INTERNAL_SERVER_ERROR",
    "PLANNED_MAINTENANCE",
    "API_ERROR",
    "INSTITUTION_ERROR",
];

/// A failed call: the taxonomy error plus Plaid's `error_code`, for callers that branch on it.
#[derive(Debug)]
pub(super) struct Failure {
    pub code: Option<String>,
    pub error: ProviderError,
}

impl From<ProviderError> for Failure {
    fn from(error: ProviderError) -> Self {
        Failure { code: None, error }
    }
}

/// The HTTP client with the base URL and the app's credentials.
pub(super) struct Api {
    pub client: reqwest::Client,
    /// Without a trailing slash.
    pub base: String,
    pub client_id: Secret,
    pub secret: Secret,
}

impl Api {
    /// Posts `fields` plus `client_id`, `secret` (and `access_token` when given) to `endpoint`
    /// and returns the parsed JSON object of a 2xx answer.
    pub async fn post(
        &self,
        endpoint: &'static str,
        fields: Map<String, Value>,
        token: Option<&Secret>,
    ) -> Result<Value, Failure> {
        let mut body = Map::new();
        body.insert("client_id".into(), Value::from(self.client_id.expose()));
        body.insert("secret".into(), Value::from(self.secret.expose()));
        if let Some(token) = token {
            body.insert("access_token".into(), Value::from(token.expose()));
        }
        body.extend(fields);

        let response = self
            .client
            .post(format!("{}{endpoint}", self.base))
            .header("Plaid-Version", PLAID_VERSION)
            .json(&body)
            .send()
            .await
            .map_err(|e| self.scrubbed(transport_error(&e), token))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let bytes = response
            .bytes()
            .await
            .map_err(|e| self.scrubbed(transport_error(&e), token))?;

        if status.is_success() {
            debug!(
                endpoint,
                status = status.as_u16(),
                bytes = bytes.len(),
                "plaid: answer"
            );
            let value: Value = serde_json::from_slice(&bytes)
                .map_err(|e| wire::malformed(endpoint, format!("the answer is not JSON ({e})")))?;
            if !value.is_object() {
                return Err(
                    wire::malformed(endpoint, "the answer is not a JSON object".into()).into(),
                );
            }
            return Ok(value);
        }
        let error: wire::Error = serde_json::from_slice(&bytes).unwrap_or_default();
        debug!(
            endpoint,
            status = status.as_u16(),
            error_type = error.error_type.as_deref().unwrap_or("-"),
            error_code = error.error_code.as_deref().unwrap_or("-"),
            request_id = error.request_id.as_deref().unwrap_or("-"),
            "plaid: error answer"
        );
        let error_code = error.error_code.clone();
        let classified = classify(endpoint, status.as_u16(), retry_after, &error);
        Err(Failure {
            code: error_code,
            error: self.scrubbed(classified, token),
        })
    }

    /// Replaces any known secret quoted in the error's message.
    pub fn scrubbed(&self, error: ProviderError, token: Option<&Secret>) -> ProviderError {
        let secrets = [Some(&self.client_id), Some(&self.secret), token];
        let scrub = |text: String| {
            secrets
                .iter()
                .flatten()
                .map(|s| s.expose())
                .filter(|s| !s.is_empty())
                .fold(text, |t, s| t.replace(s, "<redacted>"))
        };
        match error {
            ProviderError::Malformed(m) => ProviderError::Malformed(scrub(m)),
            ProviderError::Transient(m) => ProviderError::Transient(scrub(m)),
            ProviderError::NeedsRelink(m) => ProviderError::NeedsRelink(scrub(m)),
            ProviderError::NeedsAttention(m) => ProviderError::NeedsAttention(scrub(m)),
            ProviderError::Rejected(m) => ProviderError::Rejected(scrub(m)),
            ProviderError::Config(m) => ProviderError::Config(scrub(m)),
            ProviderError::Unsupported(m) => ProviderError::Unsupported(scrub(m)),
            other @ ProviderError::RateLimited { .. } => other,
        }
    }
}

/// Sorts a non-2xx answer into the taxonomy.
pub(super) fn classify(
    endpoint: &str,
    status: u16,
    retry_after: Option<Duration>,
    error: &wire::Error,
) -> ProviderError {
    let code = error.error_code.as_deref().unwrap_or("");
    let kind = error.error_type.as_deref().unwrap_or("");
    let message = [&error.display_message, &error.error_message]
        .into_iter()
        .flatten()
        .map(|m| m.trim())
        .find(|m| !m.is_empty());
    let label = if code.is_empty() {
        format!("HTTP {status}")
    } else {
        code.to_string()
    };
    let said = |sep: &str| message.map(|m| format!("{sep}{m}")).unwrap_or_default();

    if status == 429 || kind == "RATE_LIMIT_EXCEEDED" || code == "TRANSACTIONS_SYNC_LIMIT" {
        ProviderError::RateLimited { retry_after }
    } else if RELINK.contains(&code) {
        ProviderError::NeedsRelink(format!(
            "{} ({label})",
            message.unwrap_or("Plaid needs the bank login again")
        ))
    } else if status >= 500 || TRANSIENT.contains(&code) || TRANSIENT.contains(&kind) {
        ProviderError::Transient(format!("Plaid {endpoint}: {label}{}", said(": ")))
    } else {
        ProviderError::Rejected(format!("Plaid {endpoint}: {label}{}", said(": ")))
    }
}
