//! Bills Plaid knows of: card statements from `/liabilities/get` and predicted payments from
//! `/transactions/recurring/get`. Both products are optional: an item without them (or not ready
//! yet) gives no bills rather than an error. Names are made unique per due date, the store's key.

use std::collections::HashSet;

use serde_json::{Map, Value};
use tracing::debug;

use super::http::Failure;
use super::map::{self, Book};
use super::{Plaid, category_for, wire};
use crate::config::Secret;
use crate::domain::{IncomingBill, Money};
use crate::provider::ProviderError;

/// Error codes meaning "this item has no such product (yet)": the data is absent, not an error.
const ABSENT: &[&str] = &[
    "PRODUCTS_NOT_SUPPORTED",
    "PRODUCT_NOT_READY",
    "PRODUCT_NOT_ENABLED",
    "INVALID_PRODUCT",
    "NO_LIABILITY_ACCOUNTS",
    "NO_ACCOUNTS",
    "ADDITIONAL_CONSENT_REQUIRED",
    "ACCESS_NOT_GRANTED",
];

impl Plaid {
    /// Statement and recurring bills for the item, names unique per due date.
    pub(super) async fn bills(
        &self,
        token: &Secret,
        book: &Book,
        notes: &mut Vec<String>,
    ) -> Result<Vec<IncomingBill>, ProviderError> {
        let mut bills = self.statement_bills_of(token, book).await?;
        bills.extend(self.recurring_bills_of(token, book, notes).await?);
        unique_names(&mut bills);
        Ok(bills)
    }

    /// Card statement bills; none when the item has no liabilities product.
    async fn statement_bills_of(
        &self,
        token: &Secret,
        book: &Book,
    ) -> Result<Vec<IncomingBill>, ProviderError> {
        let endpoint = "/liabilities/get";
        let Some(body) = optional(
            endpoint,
            self.api.post(endpoint, Map::new(), Some(token)).await,
        )?
        else {
            return Ok(Vec::new());
        };
        let liabilities: wire::Liabilities = wire::optional(endpoint, &body, "liabilities")?;
        Ok(statement_bills(
            liabilities.credit.unwrap_or_default(),
            book,
        ))
    }

    /// Bills from recurring outflows; none when the item has no such data (yet).
    async fn recurring_bills_of(
        &self,
        token: &Secret,
        book: &Book,
        notes: &mut Vec<String>,
    ) -> Result<Vec<IncomingBill>, ProviderError> {
        let endpoint = "/transactions/recurring/get";
        let mut fields = Map::new();
        if !book.ids.is_empty() {
            fields.insert("account_ids".into(), Value::from(book.ids.clone()));
        }
        fields.insert(
            "options".into(),
            serde_json::json!({ "include_personal_finance_category": true }),
        );
        let Some(body) = optional(endpoint, self.api.post(endpoint, fields, Some(token)).await)?
        else {
            return Ok(Vec::new());
        };
        let streams = wire::optional::<Vec<Value>>(endpoint, &body, "outflow_streams")?
            .iter()
            .enumerate()
            .map(|(i, v)| wire::element::<wire::Stream>(endpoint, "outflow_streams", i, v))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(recurring_bills(streams, book, notes))
    }
}

/// The answer of an optional product's endpoint, or `None` when the item lacks the product.
fn optional(
    endpoint: &str,
    answer: Result<Value, Failure>,
) -> Result<Option<Value>, ProviderError> {
    match answer {
        Ok(body) => Ok(Some(body)),
        Err(Failure {
            code: Some(code), ..
        }) if ABSENT.contains(&code.as_str()) => {
            debug!(
                endpoint,
                code = code.as_str(),
                "plaid: product not available for this item; skipped"
            );
            Ok(None)
        }
        Err(failure) => Err(failure.error),
    }
}

/// Card statements from `liabilities.credit[]`: due on `next_payment_due_date`, for the last
/// statement balance (else the minimum), named "<account name> statement". Cards with nothing
/// due or no due date are skipped.
fn statement_bills(credit: Vec<wire::Credit>, book: &Book) -> Vec<IncomingBill> {
    credit
        .into_iter()
        .filter_map(|c| {
            let account_id = c.account_id.filter(|a| !book.is_left_out(a))?;
            let due = c.next_payment_due_date?;
            let currency = book.currency(&account_id);
            let amount = c
                .last_statement_balance
                .or(c.minimum_payment_amount)
                .filter(|a| a.is_sign_positive() && !a.is_zero());
            let Some(amount) = amount else {
                debug!(
                    account_id = account_id.as_str(),
                    "plaid: card statement with nothing due skipped"
                );
                return None;
            };
            let name = format!(
                "{} statement",
                book.name(&account_id).unwrap_or("Credit card")
            );
            Some(IncomingBill {
                name,
                amount: Money::new(amount, currency).rounded(),
                minimum: c
                    .minimum_payment_amount
                    .map(|m| Money::new(m, currency).rounded()),
                due,
                provider_account_id: account_id,
            })
        })
        .collect()
}

/// Bills from active outflow streams with a predicted next date: named after the description
/// (else the merchant), for the average amount (as a positive sum). Streams that are transfers
/// or card payments are not bills (the statement already is one) and are skipped, as are streams of
/// accounts left out of this sync; a stream whose currency cannot be read is left out with a note.
pub(super) fn recurring_bills(
    streams: Vec<wire::Stream>,
    book: &Book,
    notes: &mut Vec<String>,
) -> Vec<IncomingBill> {
    let mut bills = Vec::new();
    for s in streams
        .into_iter()
        .filter(|s| !book.is_left_out(&s.account_id))
    {
        let category = s
            .personal_finance_category
            .as_ref()
            .and_then(|c| category_for(&c.primary, c.detailed.as_deref()));
        let (Some(due), Some(average)) = (s.predicted_next_date, s.average_amount.as_ref()) else {
            continue;
        };
        let Some(amount) = average.amount.filter(|a| !a.is_zero()) else {
            continue;
        };
        if !s.is_active
            || s.status.as_deref() == Some("TOMBSTONED")
            || matches!(category, Some("Transfers" | "Credit card payment"))
        {
            continue;
        }
        let Some(name) = [&s.description, &s.merchant_name]
            .into_iter()
            .flatten()
            .map(|n| n.trim())
            .find(|n| !n.is_empty())
        else {
            continue;
        };
        let what = format!("stream \"{name}\"");
        let fallback = book.currency(&s.account_id);
        let currency = match map::currency(
            "/transactions/recurring/get",
            &what,
            average.iso_currency_code.as_deref(),
            average.unofficial_currency_code.as_deref(),
            fallback,
        ) {
            Ok(currency) => currency,
            Err(e) => {
                notes.push(super::paging::left_out(&e));
                continue;
            }
        };
        bills.push(IncomingBill {
            name: name.to_string(),
            amount: Money::new(amount.abs(), currency).rounded(),
            minimum: None,
            due,
            provider_account_id: s.account_id,
        });
    }
    bills
}

/// Makes bill names unique per due date (the store keys bills by name and due date) by adding
/// " (2)", " (3)", … to later duplicates.
pub(super) fn unique_names(bills: &mut [IncomingBill]) {
    let mut seen = HashSet::new();
    for bill in bills.iter_mut() {
        let base = bill.name.clone();
        let mut n = 1;
        while !seen.insert((bill.name.clone(), bill.due)) {
            n += 1;
            bill.name = format!("{base} ({n})");
        }
    }
}
