//! The benchmark's fake Plaid on 127.0.0.1: 100,000 realistic transactions (every field Plaid
//! sends, so parsing costs what it would) pre-rendered as `/transactions/sync` pages of 500, chosen
//! by the request's cursor (`p{N}`), plus the item's accounts and empty bills.

use std::str::FromStr;
use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::{Number, Value, json};
use wiremock::{Request, Respond, ResponseTemplate};

use crate::{PAGE, TOTAL};

const PAYEES: &[(&str, &str, &str)] = &[
    (
        "Blue Bottle Coffee",
        "FOOD_AND_DRINK",
        "FOOD_AND_DRINK_COFFEE",
    ),
    ("Safeway", "FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES"),
    ("Shell", "TRANSPORTATION", "TRANSPORTATION_GAS"),
    ("Netflix", "ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"),
    (
        "PG&E",
        "RENT_AND_UTILITIES",
        "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
    ),
    (
        "Amazon",
        "GENERAL_MERCHANDISE",
        "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
    ),
    (
        "Uber",
        "TRANSPORTATION",
        "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
    ),
];

/// Transaction `n` as Plaid sends it (every field Plaid sends, so parsing costs what it would).
fn txn(n: usize) -> Value {
    let (payee, primary, detailed) = PAYEES[n % PAYEES.len()];
    let cents = (n * 7919 % 25_000) + 1;
    let date = NaiveDate::from_ymd_opt(2024, 11, 22).unwrap() + chrono::Days::new((n / 137) as u64);
    json!({"transaction_id": format!("txn-{n:08}-{}", n * 2_654_435_761 % 1_000_003),
           "account_id": if n.is_multiple_of(3) { "card" } else { "chk" },
           "amount": Value::Number(Number::from_str(&format!("{}.{:02}", cents / 100, cents % 100)).unwrap()),
           "iso_currency_code": "USD", "unofficial_currency_code": null, "date": date.to_string(),
           "authorized_date": date.to_string(), "datetime": null, "authorized_datetime": null,
           "name": format!("POS {} #{:04}", payee.to_uppercase(), n % 9_999), "merchant_name": payee,
           "pending": false, "pending_transaction_id": null, "payment_channel": "in store",
           "location": {"address": null, "city": "San Francisco", "region": "CA", "postal_code": null,
                        "country": "US", "lat": null, "lon": null, "store_number": null},
           "personal_finance_category": {"primary": primary, "detailed": detailed, "confidence_level": "VERY_HIGH"},
           "transaction_code": null, "check_number": null, "logo_url": null, "website": null})
}

/// The fake Plaid: pre-rendered pages, chosen by the request's cursor (`p{N}`).
pub struct FakePlaid {
    pub pages: Arc<Vec<Vec<u8>>>,
}

impl Respond for FakePlaid {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let ok = |v: Value| ResponseTemplate::new(200).set_body_json(v);
        match req.url.path() {
            "/transactions/sync" => {
                let body: Value = req.body_json().unwrap();
                let k = body["cursor"]
                    .as_str()
                    .map_or(0, |c| c[1..].parse().unwrap());
                ResponseTemplate::new(200).set_body_raw(self.pages[k].clone(), "application/json")
            }
            "/accounts/get" => ok(json!({"accounts": [
                {"account_id": "chk", "name": "Checking", "mask": "0000", "type": "depository", "subtype": "checking",
                 "balances": {"current": 2500, "available": 2400, "limit": null, "iso_currency_code": "USD"}},
                {"account_id": "card", "name": "Card", "mask": "3333", "type": "credit", "subtype": "credit card",
                 "balances": {"current": 410.5, "available": null, "limit": 5000, "iso_currency_code": "USD"}}],
                "item": {"item_id": "item-bench"}, "request_id": "r"})),
            "/liabilities/get" => ok(json!({"accounts": [], "liabilities": {"credit": null}})),
            _ => ok(json!({"inflow_streams": [], "outflow_streams": []})),
        }
    }
}

pub fn pages() -> Vec<Vec<u8>> {
    let count = TOTAL / PAGE;
    (0..count)
        .map(|k| {
            let added: Vec<Value> = (k * PAGE..(k + 1) * PAGE).map(txn).collect();
            serde_json::to_vec(&json!({"added": added, "modified": [], "removed": [],
                "next_cursor": format!("p{}", k + 1), "has_more": k + 1 < count,
                "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE", "request_id": "r"}))
            .unwrap()
        })
        .collect()
}
