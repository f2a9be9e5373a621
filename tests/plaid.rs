//! The Plaid adapter against a wiremock Plaid on 127.0.0.1: paging, restarts, pending→posted,
//! the error taxonomy, bills, signs and exact amounts, linking, and secrets kept out of errors,
//! `Debug` and logs.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use purse::config::Secret;
use purse::domain::{Delta, IncomingTransaction};
use purse::provider::plaid::{Plaid, PlaidConfig};
use purse::provider::{FetchContext, ProviderError, check_url};
use rust_decimal::dec;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const CLIENT_ID: &str = "cid-5f1b0e7a9c";
const SECRET: &str = "sec-0d3c8e22b1f4";
const TOKEN: &str = "access-sandbox-7d2e44aa";

// ---------------------------------------------------------------------------------------------
// Helpers

fn config(base_url: &str) -> PlaidConfig {
    PlaidConfig {
        base_url: base_url.to_string(),
        client_id: Secret::new(CLIENT_ID),
        secret: Secret::new(SECRET),
        timeout: Duration::from_secs(5),
    }
}

fn plaid(server: &MockServer) -> Plaid {
    Plaid::new(config(&server.uri())).unwrap()
}

fn ctx() -> FetchContext {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    FetchContext {
        today: now.date_naive(),
        now,
        history_days: 730,
    }
}

async fn fetch(server: &MockServer, cursor: Option<&str>) -> Result<Delta, ProviderError> {
    let outcome = plaid(server)
        .fetch(&Secret::new(TOKEN), cursor, &ctx())
        .await?;
    assert_eq!(outcome.messages, Vec::<String>::new(), "nothing left out");
    Ok(outcome.delta)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

fn plaid_error(status: u16, kind: &str, code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "error_type": kind, "error_code": code, "error_message": message,
        "display_message": null, "request_id": "req-err"
    }))
}

fn accounts() -> Value {
    json!({"accounts": [
        {"account_id": "chk", "name": "Plaid Checking", "official_name": "Plaid Gold Checking", "mask": "0000",
         "type": "depository", "subtype": "checking",
         "balances": {"available": 100, "current": 110, "limit": null, "iso_currency_code": "USD", "unofficial_currency_code": null}},
        {"account_id": "card", "name": "Plaid Credit Card", "official_name": null, "mask": "3333",
         "type": "credit", "subtype": "credit card",
         "balances": {"available": 1590, "current": 410.5, "limit": 2000, "iso_currency_code": "USD", "unofficial_currency_code": null}}
    ], "item": {"item_id": "item-1"}, "request_id": "req-1"})
}

fn txn(id: &str, amount: f64, pending: bool, pending_id: Option<&str>) -> Value {
    json!({"transaction_id": id, "account_id": "chk", "amount": amount, "iso_currency_code": "USD",
           "unofficial_currency_code": null, "date": "2026-11-20", "authorized_date": "2026-11-19",
           "name": format!("Shop {id}"), "merchant_name": null, "pending": pending,
           "pending_transaction_id": pending_id, "payment_channel": "in store",
           "personal_finance_category": {"primary": "GENERAL_MERCHANDISE", "detailed": "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"}})
}

fn page(
    added: Vec<Value>,
    modified: Vec<Value>,
    removed: Vec<Value>,
    next: &str,
    has_more: bool,
) -> Value {
    json!({"added": added, "modified": modified, "removed": removed, "next_cursor": next,
           "has_more": has_more, "request_id": "req-sync"})
}

/// Matches `/transactions/sync` requests whose `cursor` is `expected` (`None`: absent).
fn cursor_is(expected: Option<&'static str>) -> impl Fn(&Request) -> bool + Send + Sync + 'static {
    move |req: &Request| {
        req.body_json::<Value>()
            .is_ok_and(|b| b.get("cursor").and_then(Value::as_str) == expected)
    }
}

async fn on_sync(server: &MockServer, cursor: Option<&'static str>, response: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path("/transactions/sync"))
        .and(cursor_is(cursor))
        .respond_with(response)
        .mount(server)
        .await;
}

/// A healthy item with no liabilities or recurring data; tests override with higher priority.
async fn basics(server: &MockServer) {
    for (endpoint, body) in [
        ("/accounts/get", accounts()),
        (
            "/liabilities/get",
            json!({"accounts": [], "liabilities": {"credit": null, "mortgage": null, "student": null}}),
        ),
        (
            "/transactions/recurring/get",
            json!({"inflow_streams": [], "outflow_streams": []}),
        ),
    ] {
        Mock::given(method("POST"))
            .and(path(endpoint))
            .respond_with(ok(body))
            .with_priority(10)
            .mount(server)
            .await;
    }
}

async fn requests_to(server: &MockServer, endpoint: &str) -> Vec<Value> {
    let all = server.received_requests().await.unwrap();
    all.iter()
        .filter(|r| r.url.path() == endpoint)
        .map(|r| r.body_json::<Value>().unwrap())
        .collect()
}

async fn sync_cursors(server: &MockServer) -> Vec<Option<String>> {
    let bodies = requests_to(server, "/transactions/sync").await;
    bodies
        .iter()
        .map(|b| b.get("cursor").and_then(Value::as_str).map(String::from))
        .collect()
}

fn ids(delta: &Delta) -> Vec<&str> {
    delta
        .upserts
        .iter()
        .map(|t| t.provider_id.as_str())
        .collect()
}

fn upsert<'a>(delta: &'a Delta, id: &str) -> &'a IncomingTransaction {
    delta.upserts.iter().find(|t| t.provider_id == id).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Paging

#[tokio::test]
async fn multi_page_sync_follows_the_cursor_and_returns_the_last_one() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(
        &server,
        None,
        ok(page(
            vec![txn("t1", 1.0, false, None), txn("t2", 2.0, false, None)],
            vec![],
            vec![],
            "c1",
            true,
        )),
    )
    .await;
    on_sync(
        &server,
        Some("c1"),
        ok(page(
            vec![txn("t3", 3.0, false, None)],
            vec![],
            vec![],
            "c2",
            true,
        )),
    )
    .await;
    on_sync(
        &server,
        Some("c2"),
        ok(page(
            vec![txn("t4", 4.0, false, None)],
            vec![],
            vec![],
            "c3",
            false,
        )),
    )
    .await;

    let delta = fetch(&server, None).await.unwrap();
    assert_eq!(ids(&delta), ["t1", "t2", "t3", "t4"]);
    assert_eq!(delta.cursor.as_deref(), Some("c3"));
    assert!(!delta.pending_is_complete);
    assert_eq!(
        sync_cursors(&server).await,
        [None, Some("c1".into()), Some("c2".into())]
    );

    let all = server.received_requests().await.unwrap();
    assert!(
        all.len() >= 6,
        "accounts, 3 pages, liabilities, recurring: {}",
        all.len()
    );
    for req in &all {
        assert_eq!(req.method.as_str(), "POST");
        assert_eq!(
            req.headers
                .get("plaid-version")
                .and_then(|v| v.to_str().ok()),
            Some("2020-09-14")
        );
        let body: Value = req.body_json().unwrap();
        assert_eq!(
            (body["client_id"].as_str(), body["secret"].as_str()),
            (Some(CLIENT_ID), Some(SECRET)),
            "{}",
            req.url
        );
        assert_eq!(body["access_token"].as_str(), Some(TOKEN), "{}", req.url);
    }
    for body in requests_to(&server, "/transactions/sync").await {
        assert_eq!(body["count"], json!(500));
    }
}

#[tokio::test]
async fn mutation_during_pagination_restarts_from_the_original_cursor() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(
        &server,
        Some("c0"),
        ok(page(
            vec![txn("t1", 1.0, false, None)],
            vec![],
            vec![],
            "c1",
            true,
        )),
    )
    .await;
    let mutation = plaid_error(
        400,
        "TRANSACTIONS_ERROR",
        "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
        "Underlying transaction data changed since last page was fetched. Please restart pagination from last update.",
    );
    Mock::given(method("POST"))
        .and(path("/transactions/sync"))
        .and(cursor_is(Some("c1")))
        .respond_with(mutation)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    on_sync(
        &server,
        Some("c1"),
        ok(page(
            vec![txn("t2", 2.0, false, None)],
            vec![],
            vec![],
            "c2",
            false,
        )),
    )
    .await;

    let delta = fetch(&server, Some("c0")).await.unwrap();
    let c = |s: &str| Some(s.to_string());
    assert_eq!(
        sync_cursors(&server).await,
        [c("c0"), c("c1"), c("c0"), c("c1")]
    );
    assert_eq!(
        ids(&delta),
        ["t1", "t2"],
        "page 1 is read twice but delivered once"
    );
    assert_eq!(delta.cursor.as_deref(), Some("c2"));
}

#[tokio::test]
async fn endless_mutation_gives_a_transient_error_after_three_restarts() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(
        &server,
        Some("c0"),
        ok(page(vec![], vec![], vec![], "c1", true)),
    )
    .await;
    on_sync(
        &server,
        Some("c1"),
        plaid_error(
            400,
            "TRANSACTIONS_ERROR",
            "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
            "changed",
        ),
    )
    .await;

    let err = fetch(&server, Some("c0")).await.unwrap_err();
    assert!(matches!(err, ProviderError::Transient(_)), "{err:?}");
    assert_eq!(
        sync_cursors(&server).await.len(),
        8,
        "1 pass + 3 restarts of 2 pages"
    );
}

#[tokio::test]
async fn pending_to_posted_across_pages_keeps_both_sides() {
    let server = MockServer::start().await;
    basics(&server).await;
    let removed = vec![json!({"transaction_id": "p1", "account_id": "chk"})];
    on_sync(
        &server,
        Some("c0"),
        ok(page(vec![], vec![], removed, "c1", true)),
    )
    .await;
    on_sync(
        &server,
        Some("c1"),
        ok(page(
            vec![txn("t1", 12.5, false, Some("p1"))],
            vec![],
            vec![],
            "c2",
            false,
        )),
    )
    .await;

    let delta = fetch(&server, Some("c0")).await.unwrap();
    assert_eq!(delta.removed.len(), 1);
    assert_eq!(
        (
            delta.removed[0].provider_id.as_str(),
            delta.removed[0].provider_account_id.as_str()
        ),
        ("p1", "chk")
    );
    let posted = upsert(&delta, "t1");
    assert!(!posted.pending);
    assert_eq!(posted.pending_provider_id.as_deref(), Some("p1"));
    assert_eq!(posted.amount.amount, dec!(-12.5));
}

#[tokio::test]
async fn modified_and_removed_transactions() {
    let server = MockServer::start().await;
    basics(&server).await;
    let removed = vec![
        json!({"transaction_id": "t2", "account_id": "chk"}),
        json!({"transaction_id": "t3"}),
    ];
    on_sync(
        &server,
        Some("c0"),
        ok(page(
            vec![txn("t4", 4.0, true, None)],
            vec![txn("t1", 9.99, false, None)],
            removed,
            "c1",
            false,
        )),
    )
    .await;

    let delta = fetch(&server, Some("c0")).await.unwrap();
    assert_eq!(ids(&delta), ["t4", "t1"]);
    assert_eq!(upsert(&delta, "t1").amount.amount, dec!(-9.99));
    assert!(upsert(&delta, "t4").pending);
    let gone: Vec<(&str, &str)> = delta
        .removed
        .iter()
        .map(|r| (r.provider_id.as_str(), r.provider_account_id.as_str()))
        .collect();
    assert_eq!(
        gone,
        [("t2", "chk"), ("t3", "chk"), ("t3", "card")],
        "no account_id: removed from every account"
    );
}

#[tokio::test]
async fn no_data_yet_keeps_the_old_cursor() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(&server, None, ok(page(vec![], vec![], vec![], "", false))).await;

    let delta = fetch(&server, None).await.unwrap();
    assert!(delta.upserts.is_empty() && delta.removed.is_empty());
    assert_eq!(delta.cursor, None);
    assert_eq!(delta.accounts.len(), 2, "balances still arrive");
}

// ---------------------------------------------------------------------------------------------
// Errors

#[tokio::test]
async fn rate_limit_reports_retry_after_and_the_next_fetch_succeeds() {
    let server = MockServer::start().await;
    basics(&server).await;
    let limited = plaid_error(
        429,
        "RATE_LIMIT_EXCEEDED",
        "TRANSACTIONS_SYNC_LIMIT",
        "rate limit exceeded",
    )
    .insert_header("Retry-After", "7");
    Mock::given(method("POST"))
        .and(path("/transactions/sync"))
        .respond_with(limited)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    on_sync(
        &server,
        None,
        ok(page(
            vec![txn("t1", 1.0, false, None)],
            vec![],
            vec![],
            "c1",
            false,
        )),
    )
    .await;

    let err = fetch(&server, None).await.unwrap_err();
    assert!(
        matches!(err, ProviderError::RateLimited { retry_after: Some(d) } if d == Duration::from_secs(7)),
        "{err:?}"
    );
    assert!(err.is_retryable());
    let delta = fetch(&server, None).await.unwrap();
    assert_eq!(ids(&delta), ["t1"]);
}

#[tokio::test]
async fn server_error_is_transient_and_the_next_fetch_succeeds() {
    let server = MockServer::start().await;
    basics(&server).await;
    let broken = plaid_error(
        500,
        "API_ERROR",
        "INTERNAL_SERVER_ERROR",
        "an unexpected error occurred",
    );
    Mock::given(method("POST"))
        .and(path("/accounts/get"))
        .respond_with(broken)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    on_sync(&server, None, ok(page(vec![], vec![], vec![], "c1", false))).await;

    let err = fetch(&server, None).await.unwrap_err();
    assert!(
        matches!(&err, ProviderError::Transient(m) if m.contains("INTERNAL_SERVER_ERROR")),
        "{err:?}"
    );
    assert_eq!(
        fetch(&server, None).await.unwrap().cursor.as_deref(),
        Some("c1")
    );
}

#[tokio::test]
async fn login_required_needs_relink() {
    let server = MockServer::start().await;
    basics(&server).await;
    let body = json!({"error_type": "ITEM_ERROR", "error_code": "ITEM_LOGIN_REQUIRED",
        "error_message": "the login details of this item have changed", "display_message": "Please sign in to your bank again.", "request_id": "r"});
    on_sync(
        &server,
        None,
        ResponseTemplate::new(400).set_body_json(body),
    )
    .await;

    let err = fetch(&server, None).await.unwrap_err();
    assert!(err.needs_relink() && !err.is_retryable(), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("Please sign in to your bank again.") && text.contains("ITEM_LOGIN_REQUIRED"),
        "{text}"
    );
}

#[tokio::test]
async fn other_client_errors_are_rejected_with_the_code() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(
        &server,
        None,
        plaid_error(
            400,
            "INVALID_REQUEST",
            "INVALID_FIELD",
            "cursor is not valid",
        ),
    )
    .await;
    let err = fetch(&server, None).await.unwrap_err();
    assert!(
        matches!(&err, ProviderError::Rejected(m) if m.contains("INVALID_FIELD") && m.contains("cursor is not valid")),
        "{err:?}"
    );
}

#[tokio::test]
async fn malformed_answers_name_the_endpoint_and_field() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(&server, Some("bad-type"), ok(json!({"added": 5, "modified": [], "removed": [], "next_cursor": "x", "has_more": false}))).await;
    on_sync(
        &server,
        Some("missing"),
        ok(json!({"added": [], "modified": [], "removed": [], "has_more": false})),
    )
    .await;
    let no_date = json!({"transaction_id": "t7", "account_id": "chk", "amount": 1});
    on_sync(
        &server,
        Some("no-date"),
        ok(page(vec![no_date], vec![], vec![], "x", false)),
    )
    .await;
    on_sync(
        &server,
        Some("html"),
        ResponseTemplate::new(200).set_body_raw("<html><body>Gateway</body></html>", "text/html"),
    )
    .await;

    for (cursor, field) in [
        ("bad-type", "added"),
        ("missing", "next_cursor"),
        ("no-date", "date"),
        ("html", "not JSON"),
    ] {
        let err = fetch(&server, Some(cursor)).await.unwrap_err();
        let text = err.to_string();
        assert!(
            matches!(err, ProviderError::Malformed(_)),
            "{cursor}: {err:?}"
        );
        assert!(
            text.contains("/transactions/sync") && text.contains(field),
            "{cursor}: {text}"
        );
    }
}

#[tokio::test]
async fn timeouts_and_refused_connections_are_transient() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(accounts()).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let slow = Plaid::new(PlaidConfig {
        timeout: Duration::from_millis(300),
        ..config(&server.uri())
    })
    .unwrap();
    let err = slow
        .fetch(&Secret::new(TOKEN), None, &ctx())
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Transient(_)), "{err:?}");

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let err = Plaid::new(config(&url))
        .unwrap()
        .fetch(&Secret::new(TOKEN), None, &ctx())
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Transient(_)), "{err:?}");
}

// ---------------------------------------------------------------------------------------------
// Bills

#[tokio::test]
async fn card_liabilities_become_statement_bills() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(&server, None, ok(page(vec![], vec![], vec![], "c1", false))).await;
    let liabilities = json!({"accounts": [], "liabilities": {"credit": [
        {"account_id": "card", "aprs": [], "is_overdue": false, "last_payment_amount": 168.25, "last_payment_date": "2026-10-20",
         "last_statement_issue_date": "2026-11-02", "last_statement_balance": 1708.77, "minimum_payment_amount": 20,
         "next_payment_due_date": "2026-11-28"},
        {"account_id": "card", "last_statement_balance": 5, "minimum_payment_amount": 5, "next_payment_due_date": null}
    ], "mortgage": null, "student": null}});
    Mock::given(method("POST"))
        .and(path("/liabilities/get"))
        .respond_with(ok(liabilities))
        .with_priority(1)
        .mount(&server)
        .await;
    let streams = json!({"inflow_streams": [], "outflow_streams": [
        {"stream_id": "s1", "account_id": "chk", "description": "NETFLIX", "merchant_name": "Netflix", "frequency": "MONTHLY",
         "last_date": "2026-11-03", "predicted_next_date": "2026-12-03", "average_amount": {"amount": 15.49, "iso_currency_code": "USD"},
         "is_active": true, "status": "MATURE"}]});
    Mock::given(method("POST"))
        .and(path("/transactions/recurring/get"))
        .respond_with(ok(streams))
        .with_priority(1)
        .mount(&server)
        .await;

    let delta = fetch(&server, None).await.unwrap();
    assert_eq!(delta.bills.len(), 2, "{:?}", delta.bills);
    let card = &delta.bills[0];
    assert_eq!(
        (card.name.as_str(), card.provider_account_id.as_str()),
        ("Plaid Credit Card ••3333 statement", "card")
    );
    assert_eq!(card.due, date("2026-11-28"));
    assert_eq!(card.amount.amount, dec!(1708.77));
    assert_eq!(card.minimum.map(|m| m.amount), Some(dec!(20)));
    let netflix = &delta.bills[1];
    assert_eq!(
        (netflix.name.as_str(), netflix.due, netflix.amount.amount),
        ("NETFLIX", date("2026-12-03"), dec!(15.49))
    );
}

#[tokio::test]
async fn items_without_liabilities_or_recurring_data_still_sync() {
    for (liabilities, recurring) in [
        ("PRODUCTS_NOT_SUPPORTED", "PRODUCT_NOT_READY"),
        ("NO_LIABILITY_ACCOUNTS", "PRODUCTS_NOT_SUPPORTED"),
    ] {
        let server = MockServer::start().await;
        basics(&server).await;
        on_sync(
            &server,
            None,
            ok(page(
                vec![txn("t1", 1.0, false, None)],
                vec![],
                vec![],
                "c1",
                false,
            )),
        )
        .await;
        for (endpoint, code) in [
            ("/liabilities/get", liabilities),
            ("/transactions/recurring/get", recurring),
        ] {
            let answer = plaid_error(400, "ITEM_ERROR", code, "not available for this item");
            Mock::given(method("POST"))
                .and(path(endpoint))
                .respond_with(answer)
                .with_priority(1)
                .mount(&server)
                .await;
        }
        let delta = fetch(&server, None).await.unwrap();
        assert!(delta.bills.is_empty());
        assert_eq!(ids(&delta), ["t1"]);
        assert_eq!(
            requests_to(&server, "/liabilities/get").await.len(),
            1,
            "liabilities was asked"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Amounts and balances

#[tokio::test]
async fn signs_flip_and_amounts_stay_exact() {
    let server = MockServer::start().await;
    basics(&server).await;
    let item = |id: &str, amount: &str| {
        format!(
            r#"{{"transaction_id":"{id}","account_id":"chk","amount":{amount},"iso_currency_code":"USD","date":"2026-11-01","name":"X","merchant_name":"Shop","pending":false,"pending_transaction_id":null}}"#
        )
    };
    let added = [
        item("a", "0.1"),
        item("b", "1234567.89"),
        item("c", "-5.07"),
        item("d", "33.335"),
        item("e", "90071992547409.93"),
    ]
    .join(",");
    let body = format!(
        r#"{{"added":[{added}],"modified":[],"removed":[],"next_cursor":"c1","has_more":false}}"#
    );
    on_sync(
        &server,
        None,
        ResponseTemplate::new(200).set_body_raw(body, "application/json"),
    )
    .await;

    let delta = fetch(&server, None).await.unwrap();
    let amounts: Vec<_> = delta.upserts.iter().map(|t| t.amount.amount).collect();
    assert_eq!(
        amounts,
        [
            dec!(-0.1),
            dec!(-1234567.89),
            dec!(5.07),
            dec!(-33.34),
            dec!(-90071992547409.93)
        ]
    );
    assert_eq!(upsert(&delta, "a").amount.amount_string(), "-0.10");
    assert_eq!(upsert(&delta, "d").amount.to_minor(), Ok(-3334));
    assert_eq!(
        upsert(&delta, "a").date,
        date("2026-11-01"),
        "calendar date, no time-zone shift"
    );
    assert!(
        upsert(&delta, "b")
            .raw
            .as_deref()
            .unwrap()
            .contains("1234567.89")
    );
    assert_eq!(upsert(&delta, "c").payee, "Shop");
}

#[tokio::test]
async fn credit_balances_owed_are_negative() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_sync(&server, None, ok(page(vec![], vec![], vec![], "c1", false))).await;
    let delta = fetch(&server, None).await.unwrap();
    let card = delta
        .accounts
        .iter()
        .find(|a| a.provider_account_id == "card")
        .unwrap();
    assert_eq!(card.balance.amount, dec!(-410.5));
    assert_eq!(card.limit.map(|l| l.amount), Some(dec!(2000)));
    let checking = delta
        .accounts
        .iter()
        .find(|a| a.provider_account_id == "chk")
        .unwrap();
    assert_eq!(
        (
            checking.balance.amount,
            checking.available.map(|a| a.amount)
        ),
        (dec!(110), Some(dec!(100)))
    );
    assert_eq!(checking.name, "Plaid Checking ••0000");
    assert_eq!(checking.as_of, ctx().now);
}

// ---------------------------------------------------------------------------------------------
// Linking and configuration

#[tokio::test]
async fn sandbox_link_creates_and_exchanges_a_public_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/sandbox/public_token/create"))
        .respond_with(ok(
            json!({"public_token": "public-sandbox-abc", "request_id": "r1"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/item/public_token/exchange"))
        .respond_with(ok(
            json!({"access_token": "access-sandbox-new", "item_id": "item-9", "request_id": "r2"}),
        ))
        .expect(1)
        .mount(&server)
        .await;

    let token = plaid(&server).sandbox_link().await.unwrap();
    assert_eq!(token.expose(), "access-sandbox-new");
    let create = &requests_to(&server, "/sandbox/public_token/create").await[0];
    assert_eq!(create["institution_id"], "ins_109508");
    assert!(
        create["initial_products"]
            .as_array()
            .unwrap()
            .contains(&json!("transactions"))
    );
    let exchange = &requests_to(&server, "/item/public_token/exchange").await[0];
    assert_eq!(
        (
            exchange["public_token"].as_str(),
            exchange["client_id"].as_str()
        ),
        (Some("public-sandbox-abc"), Some(CLIENT_ID))
    );
}

#[test]
fn plain_http_is_refused_except_on_loopback() {
    assert!(check_url("http://sandbox.plaid.com").is_err());
    let err = Plaid::new(config("http://sandbox.plaid.com")).unwrap_err();
    assert!(matches!(err, ProviderError::Config(_)), "{err:?}");
    assert!(Plaid::new(config("http://127.0.0.1:9")).is_ok());
    assert!(Plaid::new(config(purse::provider::plaid::PRODUCTION_URL)).is_ok());
    let empty = PlaidConfig {
        secret: Secret::new(" "),
        ..config("https://sandbox.plaid.com")
    };
    assert!(matches!(Plaid::new(empty), Err(ProviderError::Config(_))));
}

// ---------------------------------------------------------------------------------------------
// Secrets

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything logged by this test binary at any level. A global subscriber, because a
/// thread-local one races with tracing's per-callsite interest cache when tests run in parallel.
fn global_logs() -> Captured {
    static LOGS: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
        logs
    })
    .clone()
}

fn assert_no_secret(text: &str) {
    for secret in [CLIENT_ID, SECRET, TOKEN] {
        assert!(!text.contains(secret), "secret {secret} leaked in: {text}");
    }
}

#[tokio::test]
async fn secrets_never_reach_errors_debug_or_logs() {
    let logs = global_logs();

    let server = MockServer::start().await;
    basics(&server).await;
    let echo = format!("client_id {CLIENT_ID} with secret {SECRET} cannot use {TOKEN}");
    for (cursor, status, kind, code) in [
        ("relink", 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED"),
        ("rejected", 400, "INVALID_INPUT", "INVALID_API_KEYS"),
        ("transient", 500, "API_ERROR", "INTERNAL_SERVER_ERROR"),
    ] {
        on_sync(
            &server,
            Some(cursor),
            plaid_error(status, kind, code, &echo),
        )
        .await;
    }
    on_sync(
        &server,
        Some("malformed"),
        ok(json!({"added": [{"transaction_id": TOKEN}], "has_more": false, "next_cursor": ""})),
    )
    .await;
    on_sync(
        &server,
        Some("ok"),
        ok(page(
            vec![txn("t1", 1.0, true, None)],
            vec![],
            vec![json!({"transaction_id": "p0", "account_id": "chk"})],
            "c1",
            false,
        )),
    )
    .await;

    let client = plaid(&server);
    let token = Secret::new(TOKEN);
    for cursor in ["relink", "rejected", "transient"] {
        let err = client
            .fetch(&token, Some(cursor), &ctx())
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains("<redacted>"),
            "{cursor}: the echo is kept, scrubbed: {err}"
        );
        assert_no_secret(&format!("{err} {err:?}"));
    }
    let err = client
        .fetch(&token, Some("malformed"), &ctx())
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Malformed(_)));
    assert_no_secret(&format!("{err} {err:?}"));
    client.fetch(&token, Some("ok"), &ctx()).await.unwrap();

    assert_no_secret(&format!("{client:?} {:?}", config(&server.uri())));
    assert!(format!("{client:?}").contains("<redacted>"));
    let logged = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        logged.contains("plaid: answer") && logged.contains("plaid: transaction removed"),
        "debug logs captured: {logged}"
    );
    assert_no_secret(&logged);
}
