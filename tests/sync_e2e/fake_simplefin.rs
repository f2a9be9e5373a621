//! A SimpleFIN Bridge on 127.0.0.1 (wiremock): a one-time claim URL that answers with an Access
//! URL, and `GET /simplefin/accounts` answering only the transactions inside the requested
//! `start-date`/`end-date` window (pending ones, `posted: 0`, by `transacted_at`).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{TimeZone, Utc};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub const USER: &str = "sfin-user-81c2";
pub const PASS: &str = "sfin-pass-e2e-3d9a77f0c2";
/// The secret part of the claim URL (what a setup token really protects).
pub const CLAIM: &str = "claim-7b1e40c9aa52";

/// Unix seconds at noon UTC on `y-m-d`.
pub fn noon(y: i32, m: u32, d: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap().timestamp()
}

/// The setup token for this server's claim URL.
pub fn setup_token(server: &MockServer) -> String {
    STANDARD.encode(format!("{}/claim/{CLAIM}", server.uri()))
}

/// Accepts the claim (once) and answers with the Access URL.
pub async fn claimable(server: &MockServer) {
    let access = format!("http://{USER}:{PASS}@{}/simplefin", server.address());
    Mock::given(method("POST"))
        .and(path(format!("/claim/{CLAIM}")))
        .respond_with(ResponseTemplate::new(200).set_body_string(access))
        .up_to_n_times(1)
        .mount(server)
        .await;
}

/// Checking with a posted purchase, an old salary and a pending charge; a card with an old
/// purchase two years back.
fn accounts() -> Value {
    let txn = |id: &str, posted: i64, at: i64, amount: &str, what: &str| {
        json!({"id": id, "posted": posted, "transacted_at": at, "amount": amount,
               "description": what, "payee": what, "pending": posted == 0})
    };
    json!([
        {"org": {"domain": "cu.example", "name": "Credit Union", "sfin-url": "https://cu.example/sfin"},
         "id": "SF-CHK", "name": "Everyday Checking", "currency": "USD", "balance": "1523.07",
         "available-balance": "1500.00", "balance-date": noon(2026, 11, 21),
         "transactions": [
             txn("s1", noon(2026, 11, 18), noon(2026, 11, 17), "-12.34", "Blue Bottle"),
             txn("s2", noon(2026, 6, 1), noon(2026, 6, 1), "2500.00", "Payroll"),
             txn("s3", 0, noon(2026, 11, 20), "-45.67", "Nopa"),
         ]},
        {"org": {"domain": "card.example", "name": "Card Co", "sfin-url": "https://card.example/sfin"},
         "id": "SF-CARD", "name": "Visa Card", "currency": "USD", "balance": "-410.50",
         "balance-date": noon(2026, 11, 21),
         "transactions": [txn("s4", noon(2025, 1, 10), noon(2025, 1, 9), "-99.99", "Hardware Store")]}
    ])
}

struct Bridge;

impl Respond for Bridge {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let arg = |k: &str| {
            req.url
                .query_pairs()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| v.parse::<i64>().ok())
        };
        let (Some(start), Some(end)) = (arg("start-date"), arg("end-date")) else {
            return ResponseTemplate::new(400);
        };
        let mut accounts = accounts();
        for account in accounts.as_array_mut().unwrap() {
            let txns = account["transactions"].as_array_mut().unwrap();
            txns.retain(|t| {
                let posted = t["posted"].as_i64().unwrap();
                let when = if posted == 0 {
                    t["transacted_at"].as_i64().unwrap()
                } else {
                    posted
                };
                (start..end).contains(&when)
            });
        }
        ResponseTemplate::new(200).set_body_json(json!({"errors": [], "accounts": accounts}))
    }
}

/// Serves `/simplefin/accounts` by window.
pub async fn serving(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/simplefin/accounts"))
        .respond_with(Bridge)
        .mount(server)
        .await;
}

/// The `/simplefin/accounts` requests received so far.
pub async fn account_requests(server: &MockServer) -> Vec<Request> {
    let all = server.received_requests().await.unwrap();
    all.into_iter()
        .filter(|r| r.url.path() == "/simplefin/accounts")
        .collect()
}
