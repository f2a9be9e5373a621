//! Claiming a SimpleFIN setup token: base64 → claim URL → `POST` (empty body) → Access URL.
//!
//! Both the setup token and the Access URL are secrets: neither is logged nor put in an error
//! (a claim URL is shown by its origin only; an Access URL through `redact_url`).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

use super::{messages, status_error};
use crate::config::Secret;
use crate::provider::{ProviderError, check_url, http_client, transport_error};

/// Claims a setup token and returns the Access URL (store it like a password). A token can be
/// claimed once: a 403 means it is unknown or already claimed (possibly by someone else).
pub async fn claim(setup_token: &str, timeout: Duration) -> Result<Secret, ProviderError> {
    let claim_url = decode_token(setup_token)?;
    let checked = check_url(&claim_url).map_err(|_| {
        ProviderError::Config(format!(
            "the SimpleFIN setup token points to {}, which is not https:// (plain http is only allowed for 127.0.0.1 and localhost)",
            origin(&claim_url)
        ))
    })?;
    let response = http_client(timeout)?
        .post(checked)
        .body(Vec::<u8>::new())
        .send()
        .await
        .map_err(|e| transport_error(&e))?;
    match response.status().as_u16() {
        200..=299 => {}
        403 => {
            return Err(ProviderError::NeedsAttention(
                messages::CLAIM_FORBIDDEN.into(),
            ));
        }
        _ => return Err(status_error(response, None).await),
    }
    let body = super::body_text(response).await?;
    let access_url = body.trim();
    let parsed = check_url(access_url)?;
    if parsed.username().is_empty() {
        return Err(ProviderError::Malformed(format!(
            "the SimpleFIN Bridge answered the claim without an Access URL: {}",
            messages::NO_CREDENTIALS
        )));
    }
    tracing::info!(
        host = parsed.host_str().unwrap_or(""),
        "SimpleFIN setup token claimed"
    );
    Ok(Secret::new(access_url))
}

/// The claim URL inside a setup token. Tolerates padding or its absence, the URL-safe alphabet,
/// and whitespace from copying.
fn decode_token(token: &str) -> Result<String, ProviderError> {
    let compact: String = token.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(ProviderError::Config(messages::BAD_SETUP_TOKEN.into()));
    }
    let bytes = [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
        .iter()
        .find_map(|engine| engine.decode(&compact).ok())
        .ok_or_else(|| ProviderError::Config(messages::BAD_SETUP_TOKEN.into()))?;
    let url = String::from_utf8(bytes)
        .map_err(|_| ProviderError::Config(messages::BAD_SETUP_TOKEN.into()))?;
    let url = url.trim();
    if !url.contains("://") {
        return Err(ProviderError::Config(messages::BAD_SETUP_TOKEN.into()));
    }
    Ok(url.to_string())
}

/// `scheme://host[:port]` of a URL, for messages that must not show its path (the token).
fn origin(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{}://{h}:{p}", u.scheme()),
            (Some(h), None) => format!("{}://{h}", u.scheme()),
            _ => format!("a {} URL", u.scheme()),
        },
        Err(_) => "something that is not a URL".into(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn decodes_tokens_leniently() {
        let url = "https://bridge.example/simplefin/claim/ABC";
        let std = STANDARD.encode(url);
        assert_eq!(decode_token(&std).unwrap(), url);
        assert_eq!(decode_token(std.trim_end_matches('=')).unwrap(), url);
        let wrapped = format!("{}\n{}", &std[..10], &std[10..]);
        assert_eq!(decode_token(&wrapped).unwrap(), url);
    }

    #[test]
    fn rejects_non_tokens_clearly() {
        for bad in ["", "not base64!!", &STANDARD.encode("just words")] {
            match decode_token(bad) {
                Err(ProviderError::Config(m)) => {
                    assert_eq!(m, messages::BAD_SETUP_TOKEN)
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn origins_hide_the_path() {
        assert_eq!(
            origin("http://bridge.example:8080/claim/SECRET"),
            "http://bridge.example:8080"
        );
        assert!(!origin("ftp://x/claim/SECRET").contains("SECRET"));
    }
}
