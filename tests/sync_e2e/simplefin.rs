//! SimpleFIN through the binary: claiming a setup token, a windowed first sync with Basic auth and
//! pending transactions, 402 (needs attention, no more requests), a refused claim, and the daily
//! request budget.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use purse::provider::simplefin::messages;
use serde_json::Value;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::fake_simplefin::*;
use crate::harness::Env;

fn secrets() -> Vec<String> {
    vec![PASS.into(), format!("{USER}:{PASS}"), CLAIM.into()]
}

fn assert_secrets_kept(env: &Env) {
    let owned = secrets();
    env.assert_secrets_kept(&owned.iter().map(String::as_str).collect::<Vec<_>>());
}

async fn linked(env: &Env, server: &MockServer) {
    claimable(server).await;
    let token = setup_token(server);
    let out = env
        .ok(&["link", "simplefin", &token, "--name", "Bridge"])
        .await;
    assert!(out.contains("Linked \"Bridge\" (simplefin)"), "{out}");
}

fn find<'a>(rows: &'a [Value], field: &str, value: &str) -> &'a Value {
    let found: Vec<&Value> = rows.iter().filter(|r| r[field] == value).collect();
    assert_eq!(found.len(), 1, "one {field} = {value} in {rows:#?}");
    found[0]
}

#[tokio::test(flavor = "multi_thread")]
async fn claim_then_sync_windows_with_basic_auth_and_pending() {
    let server = MockServer::start().await;
    serving(&server).await;
    let env = Env::new();
    linked(&env, &server).await;

    let out = env.ok(&["sync"]).await;
    assert!(out.contains("Bridge: 4 new"), "{out}");
    let asked = account_requests(&server).await;
    assert_eq!(asked.len(), 9, "730 days in 90-day windows");
    let basic = format!("Basic {}", STANDARD.encode(format!("{USER}:{PASS}")));
    for req in &asked {
        let auth = req
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok());
        assert_eq!(auth, Some(basic.as_str()));
        assert!(
            req.url
                .query_pairs()
                .any(|(k, v)| k == "pending" && v == "1"),
            "{}",
            req.url
        );
        assert!(req.url.username().is_empty() && req.url.password().is_none());
    }

    let accounts = env.json(&["accounts"]).await;
    let accounts = accounts.as_array().unwrap();
    let card = accounts
        .iter()
        .find(|a| a["name"].as_str().unwrap().contains("Visa"))
        .unwrap();
    assert_eq!(
        card["balance"], "-410.50",
        "card balance owed stays negative"
    );
    let rows = env.transactions().await;
    assert_eq!(rows.len(), 4);
    let nopa = find(&rows, "payee", "Nopa");
    assert_eq!(nopa["pending"], true, "posted: 0 is pending");
    assert_eq!(nopa["amount"], "-45.67");
    assert_eq!(nopa["date"], "2026-11-20");
    assert_eq!(find(&rows, "payee", "Payroll")["amount"], "2500.00");
    assert_eq!(find(&rows, "payee", "Hardware Store")["date"], "2025-01-09");
    let coffee = find(&rows, "payee", "Blue Bottle");
    assert_eq!(
        (coffee["pending"].as_bool(), coffee["amount"].as_str()),
        (Some(false), Some("-12.34"))
    );

    // An incremental sync: one request, no duplicates.
    env.ok(&["sync"]).await;
    assert_eq!(account_requests(&server).await.len(), 10);
    assert_eq!(env.transactions().await, rows);
    assert_secrets_kept(&env);
}

#[tokio::test(flavor = "multi_thread")]
async fn payment_required_needs_attention_and_stops_requests() {
    let server = MockServer::start().await;
    let env = Env::new();
    linked(&env, &server).await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(402).set_body_string("payment required"))
        .mount(&server)
        .await;

    let err = env.fails(&["sync"]).await;
    assert!(
        err.contains("Bridge: sync failed") && err.contains(messages::PAYMENT_REQUIRED),
        "{err}"
    );
    let status = env.status().await;
    assert_eq!(status["needs_relink"], true, "{status}");
    assert!(
        status["last_error"].as_str().unwrap().contains("402"),
        "{status}"
    );
    let asked = account_requests(&server).await.len();
    assert_eq!(asked, 1);
    env.fails(&["sync"]).await;
    assert_eq!(
        account_requests(&server).await.len(),
        asked,
        "no request until re-linked"
    );
    assert_secrets_kept(&env);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_claim_is_explained_and_stores_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_string("Forbidden"))
        .mount(&server)
        .await;
    let env = Env::new();
    let token = setup_token(&server);
    let err = env.fails(&["link", "simplefin", &token]).await;
    assert!(err.contains(messages::CLAIM_FORBIDDEN), "{err}");
    assert!(!env.credentials().exists(), "nothing stored");
    assert_secrets_kept(&env);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_daily_request_budget_is_never_exceeded() {
    let server = MockServer::start().await;
    serving(&server).await;
    let env = Env::new();
    linked(&env, &server).await;

    env.ok(&["sync"]).await;
    assert_eq!(
        account_requests(&server).await.len(),
        9,
        "a first sync costs 9 requests"
    );
    for n in 10..=24 {
        env.ok(&["sync"]).await;
        assert_eq!(account_requests(&server).await.len(), n);
    }
    let err = env.fails(&["sync"]).await;
    assert!(
        err.contains("daily request limit reached (24 requests)"),
        "{err}"
    );
    assert_eq!(
        account_requests(&server).await.len(),
        24,
        "the limit is reported without a request"
    );
    let status = env.status().await;
    let next = status["next_attempt"].as_str().unwrap_or_default();
    assert!(next.starts_with("2026-11-22"), "tomorrow: {status}");

    let next_day = env.run_on("2026-11-22", &["sync"]).await;
    assert!(next_day.ok, "{next_day:#?}");
    assert_eq!(
        account_requests(&server).await.len(),
        25,
        "a new day, a new budget"
    );
    assert_secrets_kept(&env);
}
