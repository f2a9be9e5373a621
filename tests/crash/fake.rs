//! A slow fake Plaid on 127.0.0.1 serving the crash test's [`dataset`](super::dataset): each
//! `/transactions/sync` page waits a little and `has_more` stops at the end of the release the
//! test has opened. It counts the pages it served and remembers every final cursor it handed out,
//! so the test knows where a killed sync stood.

use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Number, Value, json};
use wiremock::{Request, Respond, ResponseTemplate};

use crate::dataset::{self, RELEASES, Txn};

/// What the server has done so far.
#[derive(Debug, Default)]
pub struct Served {
    /// `/transactions/sync` pages answered.
    pub pages: usize,
    /// Passes that reached `has_more: false`.
    pub passes: usize,
    /// Every `next_cursor` sent with `has_more: false`.
    pub final_cursors: Vec<String>,
    /// Index into [`RELEASES`] (set by the test).
    pub release: usize,
    /// When the last page with `has_more: false` was sent.
    pub last_final: Option<Instant>,
}

#[derive(Clone)]
pub struct FakePlaid {
    pub state: Arc<Mutex<Served>>,
    pub page_delay: Duration,
}

/// The position a cursor encodes (`p{N}`); `None` is the start.
pub fn position(cursor: Option<&str>) -> usize {
    cursor.map_or(0, |c| c.trim_start_matches('p').parse().unwrap())
}

fn amount(plaid_cents: i64) -> Value {
    let sign = if plaid_cents < 0 { "-" } else { "" };
    let abs = plaid_cents.unsigned_abs();
    Value::Number(Number::from_str(&format!("{sign}{}.{:02}", abs / 100, abs % 100)).unwrap())
}

fn txn_json(t: &Txn) -> Value {
    json!({"transaction_id": t.id, "account_id": t.account, "amount": amount(t.plaid_cents),
           "iso_currency_code": "USD", "unofficial_currency_code": null, "date": t.date,
           "authorized_date": t.date, "name": format!("Purchase {}", t.id), "merchant_name": null,
           "pending": t.pending, "pending_transaction_id": t.pending_id, "payment_channel": "online",
           "personal_finance_category": {"primary": "GENERAL_MERCHANDISE", "detailed": null}})
}

impl FakePlaid {
    fn sync_page(&self, body: &Value) -> ResponseTemplate {
        let from = position(body.get("cursor").and_then(Value::as_str));
        let mut served = self.state.lock().unwrap();
        let end = RELEASES[served.release];
        served.pages += 1;
        let (page, next) = if from < end {
            (dataset::page(from), from + 1)
        } else {
            (dataset::Page::default(), from)
        };
        let has_more = next < end;
        let next_cursor = format!("p{next}");
        if !has_more {
            served.passes += 1;
            served.final_cursors.push(next_cursor.clone());
            served.last_final = Some(Instant::now());
        }
        let gone: Vec<Value> = page
            .removed
            .iter()
            .map(|(id, account)| json!({"transaction_id": id, "account_id": account}))
            .collect();
        let body = json!({
            "added": page.added.iter().map(txn_json).collect::<Vec<_>>(),
            "modified": page.modified.iter().map(txn_json).collect::<Vec<_>>(),
            "removed": gone, "next_cursor": next_cursor, "has_more": has_more,
            "request_id": format!("req-{from}")});
        ResponseTemplate::new(200)
            .set_body_json(body)
            .set_delay(self.page_delay)
    }
}

impl Respond for FakePlaid {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let body: Value = req.body_json().unwrap_or(Value::Null);
        let ok = |v: Value| ResponseTemplate::new(200).set_body_json(v);
        match req.url.path() {
            "/transactions/sync" => self.sync_page(&body),
            "/accounts/get" => ok(json!({"accounts": [
                {"account_id": "chk", "name": "Checking", "mask": "0000", "type": "depository",
                 "subtype": "checking", "balances": {"current": amount(250_000), "available": null,
                 "limit": null, "iso_currency_code": "USD"}},
                {"account_id": "card", "name": "Card", "mask": "3333", "type": "credit",
                 "subtype": "credit card", "balances": {"current": amount(41_050), "available": null,
                 "limit": amount(500_000), "iso_currency_code": "USD"}}],
                "item": {"item_id": "item-crash"}, "request_id": "req-acc"})),
            "/liabilities/get" => ok(json!({"accounts": [], "liabilities": {"credit": null}})),
            "/transactions/recurring/get" => {
                ok(json!({"inflow_streams": [], "outflow_streams": []}))
            }
            other => ResponseTemplate::new(404).set_body_string(format!("no {other}")),
        }
    }
}
