//! Conversions between SQLite columns and domain values (minor units, ISO dates, RFC 3339 times).

use chrono::{DateTime, NaiveDate, Utc};

use super::{Result, StoreError};
use crate::domain::{Currency, Money};

pub(super) fn currency(code: &str) -> Result<Currency> {
    Currency::new(code).map_err(|_| StoreError::Corrupt(format!("currency \"{code}\"")))
}

pub(super) fn money(minor: i64, code: &str) -> Result<Money> {
    Ok(Money::from_minor(minor, currency(code)?))
}

pub(super) fn opt_money(minor: Option<i64>, code: &str) -> Result<Option<Money>> {
    minor.map(|m| money(m, code)).transpose()
}

pub(super) fn date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("date \"{text}\"")))
}

pub(super) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn instant(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("timestamp \"{text}\"")))
}

pub(super) fn opt_instant(text: Option<String>) -> Result<Option<DateTime<Utc>>> {
    text.as_deref().map(instant).transpose()
}

pub(super) fn instant_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
