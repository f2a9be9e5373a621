//! A scripted Plaid on 127.0.0.1 (wiremock): an item with a checking account and a credit card,
//! `/transactions/sync` pages chosen by the request's cursor, and Plaid's error bodies.

use std::str::FromStr;

use serde_json::{Number, Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

pub const CLIENT_ID: &str = "cid-e2e-4b9d2f61";
pub const SECRET: &str = "sec-e2e-9a71c3d0f5";
pub const TOKEN: &str = "access-sandbox-e2e-2c8f1b77";
pub const NEW_TOKEN: &str = "access-sandbox-e2e-relinked-6d04";
pub const PUBLIC_TOKEN: &str = "public-sandbox-e2e-51aa";

/// A JSON number with exactly this text (never through `f64`).
pub fn num(text: &str) -> Value {
    Value::Number(Number::from_str(text).unwrap())
}

pub fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

pub fn plaid_error(status: u16, kind: &str, code: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "error_type": kind, "error_code": code, "error_message": format!("{code} happened"),
        "display_message": null, "request_id": "req-err"}))
}

/// `chk` (checking, $110 current) and `card` (credit card, $410.50 owed).
pub fn accounts() -> Value {
    json!({"accounts": [
        {"account_id": "chk", "name": "Plaid Checking", "official_name": null, "mask": "0000",
         "type": "depository", "subtype": "checking",
         "balances": {"available": num("100"), "current": num("110"), "limit": null,
                      "iso_currency_code": "USD", "unofficial_currency_code": null}},
        {"account_id": "card", "name": "Plaid Credit Card", "official_name": null, "mask": "3333",
         "type": "credit", "subtype": "credit card",
         "balances": {"available": num("1589.50"), "current": num("410.5"), "limit": num("2000"),
                      "iso_currency_code": "USD", "unofficial_currency_code": null}}
    ], "item": {"item_id": "item-e2e"}, "request_id": "req-acc"})
}

/// A transaction; `amount` is Plaid's JSON number text (positive = money out).
pub fn txn(
    id: &str,
    account: &str,
    amount: &str,
    pending: bool,
    pending_id: Option<&str>,
) -> Value {
    json!({"transaction_id": id, "account_id": account, "amount": num(amount),
           "iso_currency_code": "USD", "unofficial_currency_code": null, "date": "2026-11-20",
           "authorized_date": "2026-11-19", "datetime": null, "name": format!("Shop {id}"),
           "merchant_name": null, "pending": pending, "pending_transaction_id": pending_id,
           "payment_channel": "in store",
           "personal_finance_category": {"primary": "GENERAL_MERCHANDISE",
               "detailed": "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE", "confidence_level": "HIGH"}})
}

pub fn removed(id: &str, account: &str) -> Value {
    json!({"transaction_id": id, "account_id": account})
}

pub fn page(
    added: Vec<Value>,
    modified: Vec<Value>,
    gone: Vec<Value>,
    next: &str,
    more: bool,
) -> Value {
    json!({"added": added, "modified": modified, "removed": gone, "next_cursor": next,
           "has_more": more, "accounts": [], "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE",
           "request_id": "req-sync"})
}

/// The cursor a `/transactions/sync` request carries (None: a first sync).
pub fn cursor_of(req: &Request) -> Option<String> {
    req.body_json::<Value>()
        .ok()
        .and_then(|b| b.get("cursor").and_then(Value::as_str).map(String::from))
}

fn cursor_is(expected: Option<&'static str>) -> impl Fn(&Request) -> bool + Send + Sync + 'static {
    move |req: &Request| cursor_of(req).as_deref() == expected
}

fn token_is(token: &'static str) -> impl Fn(&Request) -> bool + Send + Sync + 'static {
    move |req: &Request| {
        req.body_json::<Value>()
            .is_ok_and(|b| b.get("access_token").and_then(Value::as_str) == Some(token))
    }
}

/// The item's accounts, no liabilities and no recurring data (low priority: tests override).
pub async fn basics(server: &MockServer) {
    for (endpoint, body) in [
        ("/accounts/get", accounts()),
        (
            "/liabilities/get",
            json!({"accounts": [], "liabilities": {"credit": null}}),
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

/// Answers `/transactions/sync` from `cursor` with `response`.
pub async fn on_sync(
    server: &MockServer,
    cursor: Option<&'static str>,
    response: ResponseTemplate,
) {
    Mock::given(method("POST"))
        .and(path("/transactions/sync"))
        .and(cursor_is(cursor))
        .respond_with(response)
        .with_priority(5)
        .mount(server)
        .await;
}

/// Answers `/transactions/sync` from `cursor` with `response` once, before anything else.
pub async fn once_on_sync(
    server: &MockServer,
    cursor: Option<&'static str>,
    response: ResponseTemplate,
) {
    Mock::given(method("POST"))
        .and(path("/transactions/sync"))
        .and(cursor_is(cursor))
        .respond_with(response)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
}

/// Answers `endpoint` called with `token` (before the defaults).
pub async fn on_token(
    server: &MockServer,
    endpoint: &str,
    token: &'static str,
    response: ResponseTemplate,
) {
    Mock::given(method("POST"))
        .and(path(endpoint))
        .and(token_is(token))
        .respond_with(response)
        .with_priority(2)
        .mount(server)
        .await;
}

/// Every request the server received, as (path, body).
pub async fn requests(server: &MockServer) -> Vec<(String, Value)> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.url.path().to_string(),
                r.body_json().unwrap_or(Value::Null),
            )
        })
        .collect()
}

/// The cursors of the `/transactions/sync` requests, in order.
pub async fn sync_cursors(server: &MockServer) -> Vec<Option<String>> {
    requests(server)
        .await
        .into_iter()
        .filter(|(p, _)| p == "/transactions/sync")
        .map(|(_, b)| b.get("cursor").and_then(Value::as_str).map(String::from))
        .collect()
}

/// `purse link plaid` arguments for an existing item on this server.
pub fn link_args<'a>(server_uri: &'a str, name: &'a str, token: &'a str) -> Vec<&'a str> {
    vec![
        "link",
        "plaid",
        "--name",
        name,
        "--access-token",
        token,
        "--base-url",
        server_uri,
        "--client-id",
        CLIENT_ID,
        "--secret",
        SECRET,
    ]
}
