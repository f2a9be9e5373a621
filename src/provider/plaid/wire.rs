//! Plaid's wire format: the private serde types of the answers Purse reads, and helpers that decode
//! a parsed JSON body field by field so that every `Malformed` error names the endpoint and field.
//!
//! Amounts are JSON numbers; with serde_json's `arbitrary_precision` the number token reaches
//! rust_decimal as text, so no amount ever passes through `f64`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::provider::ProviderError;

/// The error object of a non-2xx answer.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Error {
    pub error_type: Option<String>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub display_message: Option<String>,
    pub request_id: Option<String>,
}

/// An entry of `accounts[]` (`/accounts/get`).
#[derive(Debug, Deserialize)]
pub(super) struct Account {
    pub account_id: String,
    pub name: Option<String>,
    pub official_name: Option<String>,
    pub mask: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub subtype: Option<String>,
    pub balances: Balances,
}

#[derive(Debug, Deserialize)]
pub(super) struct Balances {
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub current: Option<Decimal>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub available: Option<Decimal>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub limit: Option<Decimal>,
    pub iso_currency_code: Option<String>,
    pub unofficial_currency_code: Option<String>,
}

/// An entry of `added[]` / `modified[]` (`/transactions/sync`).
#[derive(Debug, Deserialize)]
pub(super) struct Transaction {
    pub transaction_id: String,
    pub account_id: String,
    /// Positive = money out (Plaid's convention).
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount: Decimal,
    pub iso_currency_code: Option<String>,
    pub unofficial_currency_code: Option<String>,
    pub date: NaiveDate,
    pub name: Option<String>,
    pub merchant_name: Option<String>,
    #[serde(default)]
    pub pending: bool,
    pub pending_transaction_id: Option<String>,
    pub personal_finance_category: Option<FinanceCategory>,
}

#[derive(Debug, Deserialize)]
pub(super) struct FinanceCategory {
    pub primary: String,
    pub detailed: Option<String>,
}

/// An entry of `removed[]` (`/transactions/sync`).
#[derive(Debug, Deserialize)]
pub(super) struct Removed {
    pub transaction_id: String,
    pub account_id: Option<String>,
}

/// `liabilities` (`/liabilities/get`); only credit cards are read.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Liabilities {
    #[serde(default)]
    pub credit: Option<Vec<Credit>>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Credit {
    pub account_id: Option<String>,
    pub next_payment_due_date: Option<NaiveDate>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub minimum_payment_amount: Option<Decimal>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub last_statement_balance: Option<Decimal>,
}

/// An entry of `outflow_streams[]` (`/transactions/recurring/get`).
#[derive(Debug, Deserialize)]
pub(super) struct Stream {
    pub account_id: String,
    pub description: Option<String>,
    pub merchant_name: Option<String>,
    pub predicted_next_date: Option<NaiveDate>,
    pub average_amount: Option<StreamAmount>,
    #[serde(default)]
    pub is_active: bool,
    pub status: Option<String>,
    pub personal_finance_category: Option<FinanceCategory>,
}

#[derive(Debug, Deserialize)]
pub(super) struct StreamAmount {
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub amount: Option<Decimal>,
    pub iso_currency_code: Option<String>,
    pub unofficial_currency_code: Option<String>,
}

/// A required top-level field of `body`.
pub(super) fn field<T: DeserializeOwned>(
    endpoint: &str,
    body: &Value,
    name: &str,
) -> Result<T, ProviderError> {
    match body.get(name) {
        None => Err(malformed(
            endpoint,
            format!("the field `{name}` is missing"),
        )),
        Some(value) => T::deserialize(value)
            .map_err(|e| malformed(endpoint, format!("the field `{name}` is unreadable: {e}"))),
    }
}

/// An optional top-level field: absent or `null` give `T::default()`.
pub(super) fn optional<T: DeserializeOwned + Default>(
    endpoint: &str,
    body: &Value,
    name: &str,
) -> Result<T, ProviderError> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(_) => field(endpoint, body, name),
    }
}

/// The elements of a required array field, each still as JSON (to keep the raw text).
pub(super) fn array<'a>(
    endpoint: &str,
    body: &'a Value,
    name: &str,
) -> Result<&'a [Value], ProviderError> {
    match body.get(name) {
        None => Err(malformed(
            endpoint,
            format!("the field `{name}` is missing"),
        )),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(malformed(
            endpoint,
            format!(
                "the field `{name}` should be a list, not {}",
                kind_of(other)
            ),
        )),
    }
}

/// Decodes element `index` of the array field `name`, naming it (and its id, if any) on failure.
pub(super) fn element<T: DeserializeOwned>(
    endpoint: &str,
    name: &str,
    index: usize,
    value: &Value,
) -> Result<T, ProviderError> {
    T::deserialize(value).map_err(|e| {
        let id = ["transaction_id", "account_id", "stream_id"]
            .iter()
            .find_map(|key| {
                value
                    .get(key)
                    .and_then(Value::as_str)
                    .map(|id| format!(" ({key} \"{id}\")"))
            })
            .unwrap_or_default();
        malformed(
            endpoint,
            format!("`{name}[{index}]`{id} is unreadable: {e}"),
        )
    })
}

/// Decodes every element of the required array field `name`.
pub(super) fn elements<T: DeserializeOwned>(
    endpoint: &str,
    body: &Value,
    name: &str,
) -> Result<Vec<T>, ProviderError> {
    array(endpoint, body, name)?
        .iter()
        .enumerate()
        .map(|(i, v)| element(endpoint, name, i, v))
        .collect()
}

pub(super) fn malformed(endpoint: &str, what: String) -> ProviderError {
    ProviderError::Malformed(format!("Plaid {endpoint}: {what}"))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
