//! Unit tests for the Plaid mapping: exact amounts, signs, currencies, field errors, account
//! kinds (`tests/rules.rs`: categories, payees, bills, the error taxonomy). The HTTP behaviour
//! is tested against wiremock in `tests/plaid.rs`.

#![allow(clippy::unwrap_used)]

mod rules;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::dec;
use serde_json::{Value, json};

use super::map::{self, Book};
use super::wire;
use crate::domain::{AccountKind, Currency, Money};
use crate::provider::ProviderError;

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn txn_json(amount: &str) -> String {
    format!(
        r#"{{"transaction_id":"t1","account_id":"a1","amount":{amount},"iso_currency_code":"USD","date":"2026-03-01","name":"SQ *BLUE BOTTLE #1234","merchant_name":null,"pending":false,"pending_transaction_id":null,"personal_finance_category":{{"primary":"FOOD_AND_DRINK","detailed":"FOOD_AND_DRINK_COFFEE"}}}}"#
    )
}

fn mapped(amount: &str) -> crate::domain::IncomingTransaction {
    let value = parse(&txn_json(amount));
    let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
    map::transaction(t, value.to_string(), &Book::default()).unwrap()
}

#[test]
fn amounts_are_exact_and_sign_flipped() {
    for (wire_amount, purse) in [
        ("0.1", dec!(-0.10)),
        ("1234567.89", dec!(-1234567.89)),
        ("-5.07", dec!(5.07)),
        ("33.335", dec!(-33.34)),
        ("-33.335", dec!(33.34)),
        ("12", dec!(-12)),
        ("0.30000000000000004", dec!(-0.30)),
        ("9007199254740993.01", dec!(-9007199254740993.01)),
    ] {
        let t = mapped(wire_amount);
        assert_eq!(t.amount.amount, purse, "wire {wire_amount}");
        assert!(
            t.amount.to_minor().is_ok(),
            "wire {wire_amount} rounded to cents"
        );
    }
    assert_eq!(mapped("0.1").amount.amount_string(), "-0.10");
}

#[test]
fn amounts_written_with_an_exponent_are_exact() {
    // Plaid's servers may write a float such as 0.00000012 as `1.2e-07`.
    assert_eq!(mapped("1e2").amount.amount, dec!(-100));
    assert_eq!(mapped("2.5E1").amount.amount, dec!(-25));
    let text = txn_json("1.2e-07").replace(
        r#""iso_currency_code":"USD""#,
        r#""iso_currency_code":null,"unofficial_currency_code":"BTC""#,
    );
    let value = parse(&text);
    let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
    let t = map::transaction(t, value.to_string(), &Book::default()).unwrap();
    assert_eq!(t.amount.amount, dec!(-0.00000012));
    assert_eq!(t.amount.currency.code(), "BTC");
}

#[test]
fn transaction_fields_map_from_the_wire() {
    let t = mapped("4.5");
    assert_eq!(
        (t.provider_id.as_str(), t.provider_account_id.as_str()),
        ("t1", "a1")
    );
    assert_eq!(t.date, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    assert_eq!(t.description, "SQ *BLUE BOTTLE #1234");
    assert_eq!(t.payee, "SQ *BLUE BOTTLE");
    assert_eq!(t.category.as_deref(), Some("Coffee"));
    assert!(!t.pending && t.pending_provider_id.is_none());
    let raw: Value = serde_json::from_str(t.raw.as_deref().unwrap()).unwrap();
    assert_eq!(raw["amount"].to_string(), "4.5");
    assert_eq!(raw["transaction_id"], "t1");
}

#[test]
fn currency_falls_back_from_iso_to_unofficial_to_account_and_keeps_its_precision() {
    let mut value = parse(&txn_json("1"));
    value["iso_currency_code"] = Value::Null;
    value["unofficial_currency_code"] = json!("EUR");
    let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
    assert_eq!(
        map::transaction(t, String::new(), &Book::default())
            .unwrap()
            .amount
            .currency,
        Currency::EUR
    );

    value["unofficial_currency_code"] = Value::Null;
    let gbp = account(
        r#"{"account_id":"a1","name":"Current","type":"depository","subtype":"checking","balances":{"current":1,"iso_currency_code":"GBP"}}"#,
    );
    let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
    assert_eq!(
        map::transaction(t, String::new(), &Book::new(&[gbp]))
            .unwrap()
            .amount
            .currency,
        Currency::GBP
    );

    // Plaid's unofficial codes, of any length, with their own precision (not cents).
    value["iso_currency_code"] = Value::Null;
    for (code, amount, kept) in [
        ("DOGE", "1234.56789012", dec!(-1234.56789012)),
        ("USDT", "0.5", dec!(-0.5)),
        ("BTC", "0.00012345", dec!(-0.00012345)),
    ] {
        value["unofficial_currency_code"] = json!(code);
        value["amount"] = serde_json::from_str(amount).unwrap();
        let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
        let money = map::transaction(t, String::new(), &Book::default())
            .unwrap()
            .amount;
        assert_eq!((money.currency.code(), money.amount), (code, kept));
        assert_eq!(money.currency.exponent(), 8);
        assert!(money.to_minor().is_ok(), "{code} {amount}");
    }

    // A code Purse knows no precision for keeps two decimals, and is never cut short.
    value["unofficial_currency_code"] = json!("MILES");
    value["amount"] = serde_json::from_str("12.5").unwrap();
    let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
    let miles = map::transaction(t, String::new(), &Book::default()).unwrap();
    assert_eq!(miles.amount.amount_string(), "-12.50");
    value["amount"] = serde_json::from_str("0.125").unwrap();
    let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
    let err = map::transaction(t, String::new(), &Book::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"t1\"") && err.contains("MILES"), "{err}");

    value["unofficial_currency_code"] = json!("US$");
    let t: wire::Transaction = wire::element("/transactions/sync", "added", 0, &value).unwrap();
    let err = map::transaction(t, String::new(), &Book::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/transactions/sync") && err.contains("\"US$\""),
        "{err}"
    );
}

#[test]
fn missing_fields_are_malformed_and_named() {
    let value = parse(r#"{"transaction_id":"t9","account_id":"a1","amount":1.5}"#);
    let err =
        wire::element::<wire::Transaction>("/transactions/sync", "added", 3, &value).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, ProviderError::Malformed(_)));
    assert!(
        text.contains("/transactions/sync")
            && text.contains("added[3]")
            && text.contains("t9")
            && text.contains("date"),
        "{text}"
    );

    let body = parse(r#"{"added": 5}"#);
    let text = wire::array("/transactions/sync", &body, "added")
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("`added`") && text.contains("a number"),
        "{text}"
    );
    let text = wire::field::<bool>("/transactions/sync", &body, "has_more")
        .unwrap_err()
        .to_string();
    assert!(text.contains("`has_more` is missing"), "{text}");
}

fn account(text: &str) -> crate::domain::AccountSnapshot {
    let a: wire::Account = serde_json::from_str(text).unwrap();
    map::account(&a, DateTime::<Utc>::default()).unwrap()
}

#[test]
fn liabilities_are_negative_and_assets_positive() {
    let card = account(
        r#"{"account_id":"c","name":"Plaid Credit Card","mask":"3333","type":"credit","subtype":"credit card","balances":{"current":410.015,"available":1589.99,"limit":2000,"iso_currency_code":"USD"}}"#,
    );
    assert_eq!(card.kind, AccountKind::CreditCard);
    assert_eq!(card.name, "Plaid Credit Card ••3333");
    assert_eq!(card.balance, Money::new(dec!(-410.02), Currency::USD));
    assert_eq!(card.available.map(|m| m.amount), Some(dec!(1589.99)));
    assert_eq!(card.limit.map(|m| m.amount), Some(dec!(2000)));

    let loan = account(
        r#"{"account_id":"l","name":null,"official_name":"Student Loan","type":"loan","subtype":"student","balances":{"current":65262,"available":null,"limit":null,"iso_currency_code":"USD"}}"#,
    );
    assert_eq!(
        (loan.kind, loan.balance.amount, loan.name.as_str()),
        (AccountKind::Loan, dec!(-65262), "Student Loan")
    );

    let checking = account(
        r#"{"account_id":"k","name":"Checking","type":"depository","subtype":"checking","balances":{"current":110,"available":100,"limit":null,"iso_currency_code":null,"unofficial_currency_code":null}}"#,
    );
    assert_eq!(
        (checking.kind, checking.balance.amount, checking.currency),
        (AccountKind::Checking, dec!(110), Currency::USD)
    );

    let overpaid = account(
        r#"{"account_id":"c2","name":"Card","type":"credit","subtype":"credit card","balances":{"current":-25.5,"iso_currency_code":"USD"}}"#,
    );
    assert_eq!(
        overpaid.balance.amount,
        dec!(25.5),
        "a credit balance on a card is money the user has"
    );
}

#[test]
fn a_null_current_balance_is_never_read_as_zero() {
    // The spec: `current` may be null; then `available` is not. A card's `available` is the
    // credit left, so 2000 − 1590 = 410 is owed.
    let card = account(
        r#"{"account_id":"c","name":"Card","type":"credit","subtype":"credit card","balances":{"current":null,"available":1590,"limit":2000,"iso_currency_code":"USD"}}"#,
    );
    assert_eq!(card.balance.amount, dec!(-410));
    let checking = account(
        r#"{"account_id":"k","name":"Checking","type":"depository","subtype":"checking","balances":{"current":null,"available":75.5,"limit":null,"iso_currency_code":"USD"}}"#,
    );
    assert_eq!(checking.balance.amount, dec!(75.5));
    // A loan with no figure at all: left out (an error naming it), not shown as owing nothing.
    let raw = r#"{"account_id":"l9","name":"Loan","type":"loan","subtype":"student","balances":{"current":null,"available":null,"limit":null,"iso_currency_code":"USD"}}"#;
    let a: wire::Account = serde_json::from_str(raw).unwrap();
    let err = map::account(&a, DateTime::<Utc>::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("\"l9\"") && err.contains("no current balance"),
        "{err}"
    );
}

#[test]
fn account_kinds() {
    for (kind, subtype, expected) in [
        ("depository", "checking", AccountKind::Checking),
        ("depository", "savings", AccountKind::Savings),
        ("depository", "money market", AccountKind::Savings),
        ("depository", "cd", AccountKind::Savings),
        ("credit", "credit card", AccountKind::CreditCard),
        ("loan", "mortgage", AccountKind::Loan),
        ("investment", "401k", AccountKind::Investment),
        ("other", "other", AccountKind::Other),
        ("depository", "ebt", AccountKind::Other),
        ("", "", AccountKind::Other),
    ] {
        assert_eq!(
            map::kind(Some(kind), Some(subtype)),
            expected,
            "{kind}/{subtype}"
        );
    }
    assert_eq!(map::kind(None, None), AccountKind::Other);
}
