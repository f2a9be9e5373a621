//! Unit tests for the Plaid rules: category mapping, payee cleaning, bills from streams and
//! bill names, the error taxonomy and environments.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::super::map::{self, Book};
use super::super::{bills, category_for, http, wire};
use crate::domain::{Currency, IncomingBill, Money};
use crate::provider::ProviderError;

#[test]
fn categories() {
    // (primary, detailed suffix or "", expected or "" for None)
    for (primary, suffix, expected) in [
        ("FOOD_AND_DRINK", "COFFEE", "Coffee"),
        ("FOOD_AND_DRINK", "GROCERIES", "Groceries"),
        ("FOOD_AND_DRINK", "RESTAURANT", "Dining"),
        ("FOOD_AND_DRINK", "", "Dining"),
        ("INCOME", "WAGES", "Paycheck"),
        ("INCOME", "DIVIDENDS", "Income"),
        ("RENT_AND_UTILITIES", "RENT", "Rent"),
        ("RENT_AND_UTILITIES", "GAS_AND_ELECTRICITY", "Electricity"),
        ("RENT_AND_UTILITIES", "INTERNET_AND_CABLE", "Internet"),
        (
            "RENT_AND_UTILITIES",
            "SEWAGE_AND_WASTE_MANAGEMENT",
            "Utilities",
        ),
        ("TRANSPORTATION", "GAS", "Fuel"),
        ("TRANSPORTATION", "TAXIS_AND_RIDE_SHARES", "Rideshare"),
        ("TRANSPORTATION", "PUBLIC_TRANSIT", "Public transit"),
        ("TRANSPORTATION", "PARKING", "Transport"),
        ("TRAVEL", "FLIGHTS", "Travel"),
        ("GENERAL_MERCHANDISE", "ONLINE_MARKETPLACES", "Shopping"),
        ("ENTERTAINMENT", "TV_AND_MOVIES", "Streaming"),
        ("ENTERTAINMENT", "VIDEO_GAMES", "Entertainment"),
        ("MEDICAL", "PHARMACIES_AND_SUPPLEMENTS", "Pharmacy"),
        ("MEDICAL", "DENTAL_CARE", "Health"),
        ("PERSONAL_CARE", "GYMS_AND_FITNESS_CENTERS", "Fitness"),
        ("PERSONAL_CARE", "HAIR_AND_BEAUTY", ""),
        ("BANK_FEES", "OVERDRAFT_FEES", "Fees"),
        (
            "LOAN_PAYMENTS",
            "CREDIT_CARD_PAYMENT",
            "Credit card payment",
        ),
        ("LOAN_PAYMENTS", "CAR_PAYMENT", ""),
        ("TRANSFER_IN", "DEPOSIT", "Transfers"),
        ("TRANSFER_OUT", "SAVINGS", "Transfers"),
        ("GOVERNMENT_AND_NON_PROFIT", "DONATIONS", ""),
        ("TRAVELLING_SALESMAN", "", ""),
    ] {
        let detailed = (!suffix.is_empty()).then(|| format!("{primary}_{suffix}"));
        let expected = (!expected.is_empty()).then_some(expected);
        assert_eq!(
            category_for(primary, detailed.as_deref()),
            expected,
            "{primary}/{detailed:?}"
        );
    }
    assert_eq!(
        category_for("food_and_drink", Some("food_and_drink_coffee")),
        Some("Coffee")
    );
    assert_eq!(
        category_for("", Some("FOOD_AND_DRINK_FAST_FOOD")),
        Some("Dining")
    );
    let tree = crate::domain::CategoryTree::defaults();
    for name in [
        "Coffee",
        "Dining",
        "Paycheck",
        "Streaming",
        "Fuel",
        "Housing",
        "Mortgage",
    ] {
        assert!(tree.get(name).is_some(), "{name} is not a default category");
    }
}

#[test]
fn payees_are_cleaned() {
    assert_eq!(
        map::clean_payee("  POS  DEBIT  SHELL OIL 57442 #0921 "),
        "SHELL OIL"
    );
    assert_eq!(
        map::clean_payee("Uber 063015 SF**POOL**"),
        "Uber SF**POOL**"
    );
    assert_eq!(map::clean_payee("7-Eleven 06/15"), "7-Eleven");
    assert_eq!(map::clean_payee("#1234"), "#1234");
    assert_eq!(map::clean_payee("Tectra Inc"), "Tectra Inc");
}

fn bill(name: &str, day: u32) -> IncomingBill {
    IncomingBill {
        provider_account_id: "a".into(),
        name: name.into(),
        amount: Money::new(dec!(1), Currency::USD),
        minimum: None,
        due: NaiveDate::from_ymd_opt(2026, 5, day).unwrap(),
    }
}

#[test]
fn bill_names_are_unique_per_due_date() {
    let mut bills = vec![
        bill("Netflix", 1),
        bill("Netflix", 1),
        bill("Netflix", 2),
        bill("Netflix", 1),
    ];
    bills::unique_names(&mut bills);
    let names: Vec<&str> = bills.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Netflix", "Netflix (2)", "Netflix", "Netflix (3)"]);
}

#[test]
fn recurring_streams_become_bills() {
    let streams: Vec<wire::Stream> = serde_json::from_str(
        r#"[
        {"account_id":"a","description":"NETFLIX.COM","merchant_name":"Netflix","predicted_next_date":"2026-05-03","average_amount":{"amount":15.49,"iso_currency_code":"USD"},"is_active":true,"status":"MATURE"},
        {"account_id":"a","description":"","merchant_name":"Gym","predicted_next_date":"2026-05-04","average_amount":{"amount":-40.005},"is_active":true,"status":"EARLY_DETECTION"},
        {"account_id":"a","description":"Old","predicted_next_date":"2026-05-05","average_amount":{"amount":9},"is_active":false,"status":"TOMBSTONED"},
        {"account_id":"a","description":"No date","predicted_next_date":null,"average_amount":{"amount":9},"is_active":true},
        {"account_id":"a","description":"Card payment","predicted_next_date":"2026-05-06","average_amount":{"amount":300},"is_active":true,
         "personal_finance_category":{"primary":"LOAN_PAYMENTS","detailed":"LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"}}
    ]"#,
    )
    .unwrap();
    let mut notes = Vec::new();
    let bills = bills::recurring_bills(streams, &Book::default(), &mut notes);
    assert!(notes.is_empty(), "{notes:?}");
    let got: Vec<(&str, Decimal, u32)> = bills
        .iter()
        .map(|b| {
            (
                b.name.as_str(),
                b.amount.amount,
                chrono::Datelike::day(&b.due),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("NETFLIX.COM", dec!(15.49), 3), ("Gym", dec!(40.01), 4)]
    );
}

#[test]
fn errors_are_classified() {
    let err = |status: u16, kind: &str, code: &str| {
        let e = wire::Error {
            error_type: Some(kind.into()),
            error_code: Some(code.into()),
            error_message: Some("the message".into()),
            display_message: None,
            request_id: None,
        };
        http::classify("/x", status, Some(std::time::Duration::from_secs(3)), &e)
    };
    assert!(
        matches!(err(429, "RATE_LIMIT_EXCEEDED", "TRANSACTIONS_SYNC_LIMIT"), ProviderError::RateLimited { retry_after: Some(d) } if d.as_secs() == 3)
    );
    assert!(matches!(
        err(400, "RATE_LIMIT_EXCEEDED", "ACCOUNTS_LIMIT"),
        ProviderError::RateLimited { .. }
    ));
    assert!(matches!(
        err(500, "API_ERROR", "INTERNAL_SERVER_ERROR"),
        ProviderError::Transient(_)
    ));
    assert!(matches!(
        err(503, "API_ERROR", "PLANNED_MAINTENANCE"),
        ProviderError::Transient(_)
    ));
    assert!(matches!(
        err(400, "INSTITUTION_ERROR", "INSTITUTION_DOWN"),
        ProviderError::Transient(_)
    ));
    assert!(
        matches!(err(400, "ITEM_ERROR", "PRODUCT_NOT_READY"), ProviderError::Transient(m) if m.contains("PRODUCT_NOT_READY")),
        "Plaid says to try again later"
    );
    for code in [
        "ITEM_LOGIN_REQUIRED",
        "ACCESS_NOT_GRANTED",
        "ITEM_NOT_FOUND",
        "INVALID_ACCESS_TOKEN",
    ] {
        let e = err(400, "ITEM_ERROR", code);
        assert!(
            matches!(&e, ProviderError::NeedsRelink(m) if m.contains(code) && m.contains("the message")),
            "{e}"
        );
    }
    let e = err(400, "INVALID_REQUEST", "MISSING_FIELDS");
    assert!(
        matches!(&e, ProviderError::Rejected(m) if m.contains("MISSING_FIELDS") && m.contains("the message")),
        "{e}"
    );
    let bare = http::classify("/x", 429, None, &wire::Error::default());
    assert!(
        matches!(bare, ProviderError::RateLimited { retry_after: None }),
        "a bare 429 is a rate limit"
    );
    let bare = http::classify("/x", 502, None, &wire::Error::default());
    assert!(
        matches!(bare, ProviderError::Transient(_)),
        "a bare 5xx is transient"
    );
    let bare = http::classify("/x", 404, None, &wire::Error::default());
    assert_eq!(
        bare.to_string(),
        "the provider reported an error: Plaid /x: HTTP 404"
    );
}

#[test]
fn environments() {
    assert_eq!(
        super::super::base_url_for(None).unwrap(),
        super::super::SANDBOX_URL
    );
    assert_eq!(
        super::super::base_url_for(Some("sandbox")).unwrap(),
        super::super::SANDBOX_URL
    );
    assert_eq!(
        super::super::base_url_for(Some("production")).unwrap(),
        super::super::PRODUCTION_URL
    );
    let err = super::super::base_url_for(Some("development")).unwrap_err();
    assert!(
        matches!(&err, ProviderError::Config(m) if m.contains("\"development\"")),
        "{err}"
    );
}
