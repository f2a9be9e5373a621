//! `[[bills]]`: bills the user owes that no bank reports (rent paid by cheque, a yearly
//! insurance premium). Each entry: `name` (required, unique ignoring case), `amount` (required,
//! a quoted amount, read with `[input] decimal_separator`), `due` (required, the first or next due date, YYYY-MM-DD), `every` (once by
//! default), `account` (matched like `[[accounts]] match`) and `currency` (default
//! `general.currency`). Every value is checked here, so a bad entry is reported with its file and
//! line at start-up; the alerts engine keeps the store in step with the list.

use std::collections::HashMap;

use chrono::NaiveDate;
use config::Value;

use super::connections::{missing, non_empty};
use super::error::ConfigError;
use super::leaf::Ctx;
use crate::domain::bill::schedule::Every;
use crate::domain::money::currency;
use crate::domain::{Currency, DecimalMark, Money, NewManualBill};

pub(crate) fn bills(
    ctx: &Ctx<'_>,
    items: &[Value],
    currency: Currency,
    mark: DecimalMark,
) -> Result<Vec<NewManualBill>, ConfigError> {
    let mut out = Vec::with_capacity(items.len());
    let mut first: HashMap<String, String> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("bills[{i}]");
        let bill = bill(ctx, &at, item, currency, mark)?;
        if let Some(earlier) = first.get(&bill.name.to_lowercase()) {
            let expected = format!("`{earlier}` already uses this name; give each bill its own");
            let value = ctx.table(&at, item)?.get("name").unwrap_or(item);
            return Err(ctx.bad(&format!("{at}.name"), value, false, expected));
        }
        first.insert(bill.name.to_lowercase(), at);
        out.push(bill);
    }
    Ok(out)
}

fn bill(
    ctx: &Ctx<'_>,
    at: &str,
    item: &Value,
    default_currency: Currency,
    mark: DecimalMark,
) -> Result<NewManualBill, ConfigError> {
    let t = ctx.table(at, item)?;
    let key = |name: &str| format!("{at}.{name}");
    let required = |name: &str, example: &str| {
        t.get(name).ok_or_else(|| {
            let expected = format!("every bill needs {name}, like {name} = {example}");
            missing(ctx, at, item, name, expected)
        })
    };
    let name = ctx.choice(
        &key("name"),
        required("name", "\"Rent\"")?,
        "give the bill a name, like name = \"Rent\"",
        non_empty,
    )?;
    let currency = match t.get("currency") {
        Some(v) => ctx.choice(&key("currency"), v, currency::EXPECTED, |s| {
            Currency::known(s).ok()
        })?,
        None => default_currency,
    };
    let value = required("amount", "\"1850.00\"")?;
    let amount = Money::new(ctx.amount(&key("amount"), value, currency, mark)?, currency);
    if amount.amount <= rust_decimal::Decimal::ZERO {
        let expected = "expected the amount owed, above zero, like \"1850.00\"".to_string();
        return Err(ctx.bad(&key("amount"), value, false, expected));
    }
    let first_due = ctx.choice(
        &key("due"),
        required("due", "\"2026-12-01\"")?,
        "expected the first (or next) due date as YYYY-MM-DD, like \"2026-12-01\"",
        |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
    )?;
    let every = match t.get("every") {
        Some(v) => ctx.choice(&key("every"), v, Every::HINT, Every::parse)?,
        None => Every::Once,
    };
    let account = match t.get("account") {
        Some(v) => Some(ctx.choice(
            &key("account"),
            v,
            "name the account it is paid from (or its id), like account = \"Checking\"",
            non_empty,
        )?),
        None => None,
    };
    Ok(NewManualBill {
        name,
        amount,
        first_due,
        every,
        account,
    })
}
