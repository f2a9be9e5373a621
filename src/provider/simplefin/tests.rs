//! Unit tests of the SimpleFIN adapter's pure parts: mapping answers into domain types, merging
//! windows, constructing a client, and reading `Retry-After`.

use chrono::{NaiveDate, TimeZone, Utc};
use rust_decimal::dec;

use super::map::Merged;
use super::wire::AccountSet;
use super::*;
use crate::domain::{AccountKind, Currency};

fn ctx() -> FetchContext {
    let now = Utc.with_ymd_and_hms(2026, 11, 15, 23, 30, 0).unwrap();
    FetchContext {
        today: NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
        now,
        history_days: 730,
    }
}

fn merged(json: &str) -> Result<Merged, ProviderError> {
    let set = AccountSet::parse(json).map_err(ProviderError::Malformed)?;
    let mut m = Merged::default();
    m.add(&set, &ctx())?;
    Ok(m)
}

const ONE: &str = r#"{"errors":[],"accounts":[{"org":{"name":"Credit Union","sfin-url":"https://b/"},
  "id":"acc-1","name":"Visa Card","currency":"USD","balance":"-1250.50","available-balance":"3749.50",
  "balance-date":1763200000,"transactions":[
  {"id":"t1","posted":1763164800,"amount":"-12.34","description":"POS PURCHASE STARBUCKS #123","extra":{"k":1}},
  {"id":"t2","posted":1763251199,"amount":"1000000.01","description":"Payroll","payee":"ACME","transacted_at":1763000000},
  {"id":"t3","posted":0,"amount":"0.10","description":"Pending hold"},
  {"id":"t4","posted":0,"amount":"-5","description":"Hold","transacted_at":1763078400,"pending":true},
  {"id":"t5","posted":1763164800,"amount":"-1.00","description":"Flagged","pending":true}]}]}"#;

#[test]
fn maps_accounts_with_signs_kinds_and_names() {
    let m = merged(ONE).unwrap();
    let a = &m.accounts[0];
    assert_eq!(
        a.provider_account_id, "Credit Union/acc-1",
        "keyed by organization"
    );
    assert_eq!(a.name, "Credit Union — Visa Card");
    assert_eq!(a.kind, AccountKind::CreditCard);
    assert_eq!(a.currency, Currency::USD);
    assert_eq!(a.balance.amount, dec!(-1250.50));
    assert_eq!(a.available.map(|m| m.amount), Some(dec!(3749.50)));
    assert_eq!(a.as_of.timestamp(), 1_763_200_000);
    assert!(!m.server_errors && m.messages.is_empty());
}

#[test]
fn maps_transactions_exactly() {
    let m = merged(ONE).unwrap();
    let by_id = |id: &str| m.upserts.iter().find(|t| t.provider_id == id).unwrap();
    let t1 = by_id("t1");
    assert_eq!(t1.amount.to_minor(), Ok(-1234));
    // 1763164800 is 2025-11-15T00:00:00Z: the UTC calendar date, whatever the local zone.
    assert_eq!(t1.date, NaiveDate::from_ymd_opt(2025, 11, 15).unwrap());
    assert_eq!(
        (t1.payee.as_str(), t1.description.as_str()),
        ("Starbucks", "POS PURCHASE STARBUCKS #123")
    );
    assert!(!t1.pending && t1.category.is_none() && t1.pending_provider_id.is_none());
    let raw: serde_json::Value = serde_json::from_str(t1.raw.as_deref().unwrap()).unwrap();
    assert_eq!(raw["extra"]["k"], 1);
    let t2 = by_id("t2");
    assert_eq!(t2.amount.amount.to_string(), "1000000.01");
    assert_eq!(t2.payee, "ACME");
    // transacted_at wins over posted (1763251199 is 2025-11-15T23:59:59Z).
    assert_eq!(t2.date, NaiveDate::from_ymd_opt(2025, 11, 13).unwrap());
    let t3 = by_id("t3");
    assert_eq!(t3.amount.amount.to_string(), "0.10");
    assert!(t3.pending);
    assert_eq!(
        t3.date,
        ctx().today,
        "posted 0 without transacted_at: today"
    );
    let t4 = by_id("t4");
    assert!(t4.pending);
    assert_eq!(t4.date, NaiveDate::from_ymd_opt(2025, 11, 14).unwrap());
    assert!(
        by_id("t5").pending,
        "pending: true wins even when posted is set"
    );
}

#[test]
fn merging_windows_keeps_the_first_answer() {
    let set = AccountSet::parse(ONE).unwrap();
    let older = ONE
        .replace("-1250.50", "-9.99")
        .replace("\"-12.34\"", "\"-99.99\"");
    let mut m = Merged::default();
    m.add(&set, &ctx()).unwrap();
    m.add(&AccountSet::parse(&older).unwrap(), &ctx()).unwrap();
    assert_eq!(m.accounts.len(), 1);
    assert_eq!(m.accounts[0].balance.amount, dec!(-1250.50));
    assert_eq!(m.upserts.len(), 5);
    assert_eq!(m.upserts[0].amount.amount, dec!(-12.34));
}

#[test]
fn custom_currencies_are_skipped_with_a_message() {
    let json = ONE.replace("\"USD\"", "\"https://points.example/currency\"");
    let m = merged(&json).unwrap();
    assert!(m.accounts.is_empty() && m.upserts.is_empty());
    assert_eq!(m.messages.len(), 1);
    assert!(
        m.messages[0].contains("Visa Card") && m.messages[0].contains("ISO 4217"),
        "{:?}",
        m.messages
    );
    assert!(!m.server_errors);
}

#[test]
fn a_custom_currency_is_named_as_one() {
    // The spec: `currency` is an ISO 4217 code or the URL of a custom currency (points, miles).
    let json = ONE.replace("\"USD\"", "\"https://www.example.com/flight-miles\"");
    let m = merged(&json).unwrap();
    assert!(m.accounts.is_empty() && m.upserts.is_empty());
    assert!(
        m.messages[0].contains("custom currency")
            && m.messages[0].contains("https://www.example.com/flight-miles"),
        "{:?}",
        m.messages
    );
}

#[test]
fn negative_zero_and_long_decimals_are_read_as_numbers() {
    let json = ONE
        .replace("\"-1250.50\"", "\"-0.00\"")
        .replace("\"3749.50\"", "\"3749.500000\"");
    let m = merged(&json).unwrap();
    let a = &m.accounts[0];
    assert!(a.balance.amount.is_zero());
    assert_eq!(
        a.balance.amount_string(),
        "0.00",
        "no minus sign on nothing"
    );
    assert_eq!(a.balance.display(), "$0.00");
    assert_eq!(
        a.available.map(|m| m.amount_string()).as_deref(),
        Some("3749.50")
    );
    assert!(
        m.messages.is_empty(),
        "trailing zeros lose nothing: {:?}",
        m.messages
    );
}

#[test]
fn bad_amounts_fail_and_name_the_transaction() {
    let err = merged(&ONE.replace("\"-12.34\"", "\"twelve\"")).unwrap_err();
    assert!(
        matches!(&err, ProviderError::Malformed(m) if m.contains("\"t1\"") && m.contains("twelve")),
        "{err}"
    );
    let err = merged(&ONE.replace("\"-12.34\"", "\"1e400\"")).unwrap_err();
    assert!(matches!(err, ProviderError::Malformed(_)));
    let err = merged(&ONE.replace("\"-12.34\"", "\"99999999999999999999999999\"")).unwrap_err();
    assert!(matches!(err, ProviderError::Malformed(m) if m.contains("too large")));
    let err = merged(&ONE.replace("\"-12.34\"", "null")).unwrap_err();
    assert!(matches!(err, ProviderError::Malformed(_)));
}

#[test]
fn sub_cent_amounts_are_rounded_with_a_message() {
    let m = merged(&ONE.replace("\"-12.34\"", "\"-12.345\"")).unwrap();
    assert_eq!(m.upserts[0].amount.amount, dec!(-12.35));
    assert!(
        m.messages[0].contains("rounded to -12.35"),
        "{:?}",
        m.messages
    );
}

#[test]
fn server_errors_are_collected_once() {
    let json = ONE.replace("\"errors\":[]", "\"errors\":[\"Bank down\",\"Bank down\"],\"errlist\":[{\"code\":\"gen\",\"msg\":\"Retry\"}]");
    let m = merged(&json).unwrap();
    assert_eq!(
        m.messages,
        vec!["Bank down".to_string(), "Retry [gen]".to_string()]
    );
    assert!(m.server_errors);
}

#[test]
fn client_hides_credentials() {
    let url = Secret::new("https://user%40x:s3cr%2Ft-pass@bridge.example/simplefin/");
    let client = SimpleFin::new(&url, Duration::from_secs(5)).unwrap();
    assert_eq!(client.username, "user@x");
    assert_eq!(client.password.expose(), "s3cr/t-pass");
    assert_eq!(
        client.accounts_url.as_str(),
        "https://bridge.example/simplefin/accounts"
    );
    let debug = format!("{client:?}");
    assert!(
        !debug.contains("s3cr") && !debug.contains("user"),
        "{debug}"
    );

    let no_creds = SimpleFin::new(
        &Secret::new("https://bridge.example/simplefin"),
        Duration::from_secs(5),
    );
    assert!(matches!(no_creds, Err(ProviderError::Config(m)) if m == messages::NO_CREDENTIALS));
    let plain = SimpleFin::new(
        &Secret::new("http://u:hunter22@bridge.example/s"),
        Duration::from_secs(5),
    );
    assert!(
        matches!(&plain, Err(ProviderError::Config(m)) if !m.contains("hunter22")),
        "{plain:?}"
    );
}

#[test]
fn scrubbed_errors_mask_the_password() {
    let client = SimpleFin::new(
        &Secret::new("https://someuser:hunter22@b.example/s"),
        Duration::from_secs(5),
    )
    .unwrap();
    let e = client.scrub(ProviderError::Rejected(
        "echo someuser:hunter22 and https://someuser:hunter22@b.example/x".into(),
    ));
    let text = e.to_string();
    assert!(
        !text.contains("hunter22") && !text.contains("someuser"),
        "{text}"
    );
}

#[test]
fn requests_for_follows_the_plan() {
    assert_eq!(requests_for(None, &ctx()), 9);
    let cursor = format!(
        "{{\"v\":1,\"synced_through\":{}}}",
        ctx().now.timestamp() - 86_400
    );
    assert_eq!(requests_for(Some(&cursor), &ctx()), 1);
    assert_eq!(requests_for(Some("garbage"), &ctx()), 0);
}

#[test]
fn retry_after_reads_seconds_and_dates() {
    assert_eq!(retry_after("120", None), Some(Duration::from_secs(120)));
    let now = Utc.with_ymd_and_hms(2015, 10, 21, 7, 27, 0).unwrap();
    assert_eq!(
        retry_after("Wed, 21 Oct 2015 07:28:00 GMT", Some(now)),
        Some(Duration::from_secs(60))
    );
    assert_eq!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT", None), None);
    assert_eq!(retry_after("soon", Some(now)), None);
}
