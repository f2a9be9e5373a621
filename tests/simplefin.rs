//! The SimpleFIN adapter against a fake Bridge (wiremock on 127.0.0.1): claiming setup tokens,
//! windowed history and incremental syncs, mapping, the Bridge's messages, and HTTP failures —
//! with the Access URL's credentials kept out of every `Debug` and error text.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use purse::config::Secret;
use purse::provider::simplefin::{self, FetchOutcome, SimpleFin, messages};
use purse::provider::{FetchContext, ProviderError};
use rust_decimal::Decimal;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const USER: &str = "purse-user-7f3a";
const PASS: &str = "hunter2-very-secret";
const TIMEOUT: Duration = Duration::from_secs(10);
const DAY: i64 = 86_400;

fn ctx() -> FetchContext {
    let now = Utc.with_ymd_and_hms(2026, 11, 15, 12, 0, 0).unwrap();
    FetchContext {
        today: now.date_naive(),
        now,
        history_days: 730,
    }
}

fn client(server: &MockServer) -> SimpleFin {
    let url = format!("http://{USER}:{PASS}@{}/simplefin", server.address());
    SimpleFin::new(&Secret::new(url), TIMEOUT).unwrap()
}

/// A Bridge answering every `/accounts` request with `body`.
async fn bridge(body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/simplefin/accounts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

async fn bridge_status(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn account(transactions: serde_json::Value) -> serde_json::Value {
    json!({"org": {"domain": "cu.example", "name": "Credit Union", "sfin-url": "https://cu.example/sfin"},
           "id": "ACT-1", "name": "Checking", "currency": "USD", "balance": "1523.07",
           "available-balance": "1500.00", "balance-date": 1_763_200_000, "transactions": transactions})
}

fn query(req: &Request) -> HashMap<String, String> {
    req.url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn window(req: &Request) -> (i64, i64) {
    let q = query(req);
    (
        q["start-date"].parse().unwrap(),
        q["end-date"].parse().unwrap(),
    )
}

async fn fetch_ok(server: &MockServer, cursor: Option<&str>, ctx: &FetchContext) -> FetchOutcome {
    client(server).fetch(cursor, ctx).await.unwrap()
}

async fn fetch_err(server: &MockServer) -> ProviderError {
    let err = client(server).fetch(None, &ctx()).await.unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(
        !text.contains(PASS) && !text.contains(USER),
        "credentials leaked: {text}"
    );
    err
}

#[tokio::test]
async fn claim_posts_an_empty_body_and_returns_the_access_url() {
    let server = MockServer::start().await;
    let access = format!("http://{USER}:{PASS}@{}/simplefin", server.address());
    Mock::given(method("POST"))
        .and(path("/claim/abc"))
        .respond_with(ResponseTemplate::new(200).set_body_string(format!("{access}\n")))
        .expect(1)
        .mount(&server)
        .await;
    let token = STANDARD.encode(format!("http://{}/claim/abc", server.address()));
    let secret = simplefin::claim(&token, TIMEOUT).await.unwrap();
    assert_eq!(secret.expose(), access);
    assert_eq!(format!("{secret:?}"), "<redacted>");
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    assert!(
        received[0].body.is_empty(),
        "claim body: {:?}",
        received[0].body
    );
}

#[tokio::test]
async fn claim_of_a_used_token_warns_it_may_be_compromised() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403))
        .mount(&server)
        .await;
    let token = STANDARD.encode(format!("http://{}/claim/used", server.address()));
    match simplefin::claim(&token, TIMEOUT).await {
        Err(ProviderError::NeedsAttention(m)) => {
            assert_eq!(m, messages::CLAIM_FORBIDDEN);
            assert!(
                m.contains("compromised") && m.contains("create a new one"),
                "{m}"
            );
        }
        other => panic!("expected NeedsAttention, got {other:?}"),
    }
}

#[tokio::test]
async fn claim_rejects_tokens_that_are_not_base64_or_not_https() {
    match simplefin::claim("this is *not* base64!", TIMEOUT).await {
        Err(ProviderError::Config(m)) => assert_eq!(m, messages::BAD_SETUP_TOKEN),
        other => panic!("expected Config, got {other:?}"),
    }
    let plain_http = STANDARD.encode("http://bridge.example/claim/SECRET-TOKEN");
    match simplefin::claim(&plain_http, TIMEOUT).await {
        Err(ProviderError::Config(m)) => {
            assert!(m.contains("https://") && !m.contains("SECRET-TOKEN"), "{m}")
        }
        other => panic!("expected Config, got {other:?}"),
    }
}

#[tokio::test]
async fn first_sync_backfills_730_days_in_nine_contiguous_windows() {
    let server = bridge(json!({"errors": [], "accounts": [account(json!([]))]})).await;
    let c = ctx();
    assert_eq!(simplefin::requests_for(None, &c), 9);
    let out = fetch_ok(&server, None, &c).await;
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 9);

    let auth = format!("Basic {}", STANDARD.encode(format!("{USER}:{PASS}")));
    for req in &received {
        assert_eq!(
            req.headers.get("authorization").unwrap().to_str().unwrap(),
            auth
        );
        assert_eq!(query(req).get("pending").map(String::as_str), Some("1"));
    }
    let mut windows: Vec<(i64, i64)> = received.iter().map(window).collect();
    windows.sort();
    let history_start = NaiveDate::from_ymd_opt(2024, 11, 15)
        .unwrap()
        .and_time(NaiveTime::MIN)
        .and_utc();
    assert_eq!(windows[0].0, history_start.timestamp());
    assert_eq!(windows[8].1, c.now.timestamp());
    for (start, end) in &windows {
        assert!(
            start < end && end - start <= 90 * DAY,
            "window {start}..{end}"
        );
    }
    for pair in windows.windows(2) {
        assert_eq!(
            pair[0].1, pair[1].0,
            "windows must be contiguous: {windows:?}"
        );
    }
    assert!(out.delta.pending_is_complete);
    assert_eq!(
        out.delta.accounts.len(),
        1,
        "the same account in every window is one snapshot"
    );
    assert!(out.delta.cursor.is_some());
}

#[tokio::test]
async fn a_later_sync_requests_one_overlapping_window_up_to_now() {
    let first = bridge(json!({"errors": [], "accounts": []})).await;
    let c1 = ctx();
    let cursor = fetch_ok(&first, None, &c1).await.delta.cursor.unwrap();

    let second = bridge(json!({"errors": [], "accounts": []})).await;
    let now2 = c1.now + chrono::Duration::hours(30);
    let c2 = FetchContext {
        today: now2.date_naive(),
        now: now2,
        history_days: 730,
    };
    assert_eq!(simplefin::requests_for(Some(&cursor), &c2), 1);
    let out = fetch_ok(&second, Some(&cursor), &c2).await;
    let received = second.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    let (start, end) = window(&received[0]);
    assert_eq!(end, now2.timestamp());
    assert!(
        start <= c1.now.timestamp() - 7 * DAY,
        "overlap of at least a week: {start}"
    );
    assert!(end - start <= 90 * DAY);
    assert!(out.delta.pending_is_complete);
    assert_ne!(out.delta.cursor.as_deref(), Some(cursor.as_str()));

    let garbage = client(&second)
        .fetch(Some("{not a cursor"), &c2)
        .await
        .unwrap_err();
    assert!(
        matches!(garbage, ProviderError::Malformed(_)),
        "{garbage:?}"
    );
    assert_eq!(
        second.received_requests().await.unwrap().len(),
        1,
        "no request with a bad cursor"
    );
}

#[tokio::test]
async fn maps_pending_dates_and_exact_amounts() {
    let txns = json!([
        {"id": "P1", "posted": 0, "amount": "-12.34", "description": "SQ *CORNER CAFE", "transacted_at": 1_763_078_400},
        {"id": "P2", "posted": 0, "amount": "0.10", "description": "Refund hold", "pending": true},
        {"id": "T1", "posted": 1_763_164_799, "amount": "1000000.01", "description": "Wire", "payee": "ACME Corp"}
    ]);
    let server = bridge(json!({"errors": [], "accounts": [account(txns)]})).await;
    let out = fetch_ok(&server, None, &ctx()).await;
    let t = |id: &str| {
        out.delta
            .upserts
            .iter()
            .find(|t| t.provider_id == id)
            .unwrap()
            .clone()
    };

    let p1 = t("P1");
    assert!(p1.pending);
    assert_eq!(
        p1.date,
        NaiveDate::from_ymd_opt(2025, 11, 14).unwrap(),
        "transacted_at's UTC date"
    );
    assert_eq!(
        (p1.amount.amount, p1.amount.to_minor()),
        (Decimal::new(-1234, 2), Ok(-1234))
    );
    assert_eq!(p1.payee, "Corner Cafe");
    assert_eq!(p1.description, "SQ *CORNER CAFE");
    assert_eq!(p1.provider_account_id, "cu.example/ACT-1");
    let p2 = t("P2");
    assert!(p2.pending);
    assert_eq!(p2.date, ctx().today, "no date at all: today");
    assert_eq!(p2.amount.amount.to_string(), "0.10");
    let t1 = t("T1");
    assert!(!t1.pending);
    assert_eq!(
        t1.date,
        NaiveDate::from_ymd_opt(2025, 11, 14).unwrap(),
        "23:59:59Z stays on its UTC day"
    );
    assert_eq!(t1.amount.amount.to_string(), "1000000.01");
    assert_eq!(t1.amount.to_minor(), Ok(100_000_001));
    assert_eq!(t1.payee, "ACME Corp");
    assert!(t1.raw.as_deref().unwrap().contains("1000000.01"));

    let acct = &out.delta.accounts[0];
    assert_eq!(acct.name, "Credit Union — Checking");
    assert_eq!(acct.balance.amount.to_string(), "1523.07");
    assert_eq!(
        out.delta.upserts.len(),
        3,
        "repeated windows do not duplicate transactions"
    );
    assert!(out.delta.pending_is_complete);
}

#[tokio::test]
async fn bridge_errors_and_errlist_reach_the_user_sanitised() {
    let body = json!({
        "errors": ["Connection to Credit Union may need attention\u{1b}[0m", format!("see https://{USER}:{PASS}@bridge.example/x")],
        "errlist": [{"code": "con.auth", "msg": "Login required at Big Bank", "conn_id": "c1"}],
        "connections": [{"conn_id": "c1", "name": "Big Bank", "org_id": "o1"}],
        "accounts": [account(json!([]))]
    });
    let server = bridge(body).await;
    let out = fetch_ok(&server, None, &ctx()).await;
    assert_eq!(
        out.messages.len(),
        3,
        "one copy per message, not per window: {:?}",
        out.messages
    );
    assert_eq!(
        out.messages[0],
        "Connection to Credit Union may need attention [0m"
    );
    assert_eq!(out.messages[1], "see https://***@bridge.example/x");
    assert_eq!(out.messages[2], "Login required at Big Bank [con.auth]");
    assert!(
        !out.delta.pending_is_complete,
        "a Bridge reporting errors may have left pending rows out"
    );
}

#[tokio::test]
async fn http_402_needs_attention() {
    let server = bridge_status(ResponseTemplate::new(402)).await;
    match fetch_err(&server).await {
        ProviderError::NeedsAttention(m) => assert!(m.contains("payment required (402)"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn http_403_needs_relink() {
    let server = bridge_status(
        ResponseTemplate::new(403).set_body_string(format!("bad creds {USER}:{PASS}")),
    )
    .await;
    match fetch_err(&server).await {
        ProviderError::NeedsRelink(m) => assert!(m.contains("(403)"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "stops at the first refusal"
    );
}

#[tokio::test]
async fn http_500_and_timeouts_are_transient() {
    let server = bridge_status(ResponseTemplate::new(500)).await;
    assert!(matches!(
        fetch_err(&server).await,
        ProviderError::Transient(_)
    ));

    let slow = bridge_status(ResponseTemplate::new(200).set_delay(Duration::from_secs(5))).await;
    let url = format!("http://{USER}:{PASS}@{}/simplefin", slow.address());
    let impatient = SimpleFin::new(&Secret::new(url), Duration::from_millis(200)).unwrap();
    let err = impatient.fetch(None, &ctx()).await.unwrap_err();
    assert!(matches!(err, ProviderError::Transient(_)), "{err:?}");
}

#[tokio::test]
async fn http_429_is_rate_limited_with_retry_after() {
    let server =
        bridge_status(ResponseTemplate::new(429).insert_header("Retry-After", "120")).await;
    match fetch_err(&server).await {
        ProviderError::RateLimited { retry_after } => {
            assert_eq!(retry_after, Some(Duration::from_secs(120)))
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn malformed_bodies_are_malformed_and_say_why() {
    let server =
        bridge_status(ResponseTemplate::new(200).set_body_string("<html>maintenance</html>")).await;
    assert!(
        matches!(fetch_err(&server).await, ProviderError::Malformed(m) if m.contains("/accounts"))
    );

    let server = bridge(json!({"errors": []})).await;
    assert!(
        matches!(fetch_err(&server).await, ProviderError::Malformed(m) if m.contains("accounts"))
    );

    // serde quotes the offending value; the password in it must still not show.
    let server = bridge(json!({"errors": [], "accounts": format!("{USER}:{PASS}")})).await;
    assert!(matches!(
        fetch_err(&server).await,
        ProviderError::Malformed(_)
    ));

    let bad_amount =
        json!([{"id": "X", "posted": 1_763_164_799, "amount": "12,34.5.6", "description": "?"}]);
    let server = bridge(json!({"errors": [], "accounts": [account(bad_amount)]})).await;
    assert!(matches!(fetch_err(&server).await, ProviderError::Malformed(m) if m.contains("\"X\"")));
}

#[tokio::test]
async fn debug_and_config_errors_never_show_the_password() {
    let server = MockServer::start().await;
    let shown = format!("{:?}", client(&server));
    assert!(!shown.contains(PASS) && !shown.contains(USER), "{shown}");
    assert!(shown.contains("/simplefin/accounts"), "{shown}");

    let insecure = SimpleFin::new(
        &Secret::new(format!("http://{USER}:{PASS}@bridge.example/s")),
        TIMEOUT,
    );
    let text = format!(
        "{:?} {}",
        insecure.as_ref().err(),
        insecure.as_ref().err().unwrap()
    );
    assert!(!text.contains(PASS) && !text.contains(USER), "{text}");
}

#[tokio::test]
async fn errlist_entries_with_the_specs_message_key_are_shown() {
    let body = json!({
        "errlist": [{"code": "con.auth", "message": "Authentication required", "conn_id": "C1"},
                    {"code": "gen.", "msg": "Try later"}],
        "connections": [{"conn_id": "C1", "name": "My Bank - James", "org_id": "O1", "sfin_url": "https://sfin.mybank.com"}],
        "accounts": []
    });
    let out = fetch_ok(&bridge(body).await, None, &ctx()).await;
    assert_eq!(
        out.messages,
        vec![
            "Authentication required [con.auth]".to_string(),
            "Try later [gen.]".to_string()
        ]
    );
}

#[tokio::test]
async fn the_same_account_id_at_two_connections_is_two_accounts() {
    let acct = |conn: &str, balance: &str, amount: &str| {
        json!({"id": "2930002", "name": "Savings", "conn_id": conn, "currency": "USD",
               "balance": balance, "balance-date": 1_763_200_000,
               "transactions": [{"id": "T1", "posted": 1_763_164_800, "amount": amount, "description": "Interest"}]})
    };
    let body = json!({
        "errlist": [],
        "connections": [{"conn_id": "C1", "name": "Bank A", "org_id": "OA", "sfin_url": "https://a"},
                        {"conn_id": "C2", "name": "Bank B", "org_id": "OB", "sfin_url": "https://b"}],
        "accounts": [acct("C1", "100.23", "1.11"), acct("C2", "5000.00", "2.22")]
    });
    let out = fetch_ok(&bridge(body).await, None, &ctx()).await;
    let accounts = &out.delta.accounts;
    assert_eq!(accounts.len(), 2, "one balance lost: {accounts:?}");
    assert_ne!(
        accounts[0].provider_account_id,
        accounts[1].provider_account_id
    );
    let balances: Vec<String> = accounts
        .iter()
        .map(|a| a.balance.amount.to_string())
        .collect();
    assert_eq!(balances, vec!["100.23", "5000.00"]);
    assert_eq!(
        (accounts[0].name.as_str(), accounts[1].name.as_str()),
        ("Bank A — Savings", "Bank B — Savings")
    );
    let txns: Vec<(String, String)> = out
        .delta
        .upserts
        .iter()
        .map(|t| (t.provider_account_id.clone(), t.amount.amount.to_string()))
        .collect();
    assert_eq!(
        txns,
        vec![
            (accounts[0].provider_account_id.clone(), "1.11".to_string()),
            (accounts[1].provider_account_id.clone(), "2.22".to_string())
        ],
        "each bank's transaction stays with its account"
    );
}
