//! The engine around the rules: settings, derived data it keeps (transfer categories, predicted
//! and paid bills), sync failures, and raising each alert once.

use chrono::{DateTime, Days, Utc};
use purse::alerts;
use purse::domain::{
    AccountKind, AccountSnapshot, AlertKind, BillSource, Currency, Delta, FixedClock, IncomingBill,
    IncomingTransaction, Money, Month,
};
use purse::store::{Store, TxnFilter};

use super::harness::{Demo, date, of_kind};

#[tokio::test]
async fn unusual_spend_off_means_no_unusual_alerts() {
    let mut demo = Demo::first_sync(2026, date("2026-11-21")).await;
    demo.settings.alerts.unusual_spend = false;
    let alerts = demo.evaluate_on(demo.anchor).await;
    assert!(
        of_kind(&alerts, AlertKind::UnusualSpend).is_empty(),
        "{alerts:?}"
    );
    assert!(!of_kind(&alerts, AlertKind::LowBalance).is_empty());
}

#[tokio::test]
async fn predicted_bills_are_paid_when_the_payment_posts() {
    let demo = Demo::first_sync(7, date("2026-03-10")).await;
    demo.evaluate_on(demo.anchor).await;
    let rent = |bills: &[purse::domain::Bill]| {
        bills
            .iter()
            .filter(|b| b.name == "Parkside Apartments" && b.source == BillSource::Recurring)
            .map(|b| (b.due, b.paid))
            .collect::<Vec<_>>()
    };
    let bills = demo.store.bills().await.unwrap();
    assert_eq!(rent(&bills), [(date("2026-04-01"), false)]);
    for n in 1..=25 {
        let day = demo.anchor + Days::new(n);
        demo.sync_on(day).await;
        demo.evaluate_on(day).await;
    }
    let bills = demo.store.bills().await.unwrap();
    assert_eq!(
        rent(&bills),
        [(date("2026-04-01"), true), (date("2026-05-01"), false)]
    );
}

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

fn snapshot(id: &str, kind: AccountKind, cents: i64) -> AccountSnapshot {
    AccountSnapshot {
        provider_account_id: id.into(),
        name: id.into(),
        kind,
        currency: Currency::USD,
        balance: usd(cents),
        available: None,
        limit: None,
        as_of: DateTime::<Utc>::default(),
    }
}

fn incoming(
    account: &str,
    id: &str,
    day: &str,
    cents: i64,
    payee: &str,
    category: Option<&str>,
) -> IncomingTransaction {
    IncomingTransaction {
        provider_account_id: account.into(),
        provider_id: id.into(),
        date: date(day),
        amount: usd(cents),
        payee: payee.into(),
        description: payee.to_uppercase(),
        category: category.map(str::to_string),
        pending: false,
        pending_provider_id: None,
        raw: None,
    }
}

#[tokio::test]
async fn uncategorised_transfers_and_card_payments_leave_spending_and_pay_the_statement() {
    let store = Store::open_in_memory().await.unwrap();
    let clock = FixedClock::on(date("2026-11-21"));
    let conn = store
        .ensure_connection("Bank", "plaid", clock.now)
        .await
        .unwrap();
    let statement = IncomingBill {
        provider_account_id: "card".into(),
        name: "Card statement".into(),
        amount: usd(81_240),
        minimum: Some(usd(3_500)),
        due: date("2026-11-24"),
    };
    let delta = Delta {
        accounts: vec![
            snapshot("chk", AccountKind::Checking, 400_000),
            snapshot("sav", AccountKind::Savings, 900_000),
            snapshot("card", AccountKind::CreditCard, -81_240),
        ],
        upserts: vec![
            incoming("chk", "1", "2026-11-19", -81_240, "ONLINE PMT CARD", None),
            incoming("card", "2", "2026-11-20", 81_240, "PAYMENT THANK YOU", None),
            incoming("chk", "3", "2026-11-02", -50_000, "TRANSFER TO SAV", None),
            incoming("sav", "4", "2026-11-02", 50_000, "TRANSFER FROM CHK", None),
            incoming("chk", "5", "2026-11-05", -4_000, "MYSTERY SHOP", None),
            incoming("card", "6", "2026-11-06", -2_500, "Cafe", Some("Coffee")),
        ],
        bills: vec![statement],
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, clock.now).await.unwrap();
    let settings = purse::config::Settings::default();
    alerts::evaluate(&store, &settings, &clock).await.unwrap();

    let rows = store
        .transactions(&TxnFilter::default(), None, 100)
        .await
        .unwrap();
    let category = |id: &str| {
        rows.iter()
            .find(|t| t.provider_id == id)
            .map(|t| t.category.clone())
    };
    assert_eq!(category("1").as_deref(), Some("Credit card payment"));
    assert_eq!(category("2").as_deref(), Some("Credit card payment"));
    assert_eq!(category("3").as_deref(), Some("Savings transfer"));
    assert_eq!(category("4").as_deref(), Some("Savings transfer"));
    assert_eq!(
        category("5").as_deref(),
        Some("Uncategorized"),
        "no other leg: still spending"
    );
    let report = store
        .budget_report(Month::new(2026, 11).unwrap(), Currency::USD)
        .await
        .unwrap();
    assert_eq!(
        report.total_spent,
        usd(4_000 + 2_500),
        "transfers are not spending"
    );
    let bills = store.bills().await.unwrap();
    let paid = bills
        .iter()
        .find(|b| b.name == "Card statement")
        .map(|b| b.paid);
    assert_eq!(paid, Some(true), "the card payment pays the statement");
}

#[tokio::test]
async fn a_transfer_leg_the_user_categorised_stays_as_chosen() {
    let store = Store::open_in_memory().await.unwrap();
    let clock = FixedClock::on(date("2026-11-21"));
    let conn = store
        .ensure_connection("Bank", "plaid", clock.now)
        .await
        .unwrap();
    let delta = Delta {
        accounts: vec![
            snapshot("chk", AccountKind::Checking, 1),
            snapshot("sav", AccountKind::Savings, 1),
        ],
        upserts: vec![
            incoming("chk", "1", "2026-11-02", -50_000, "OUT", None),
            incoming("sav", "2", "2026-11-02", 50_000, "IN", None),
        ],
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, clock.now).await.unwrap();
    let rows = store
        .transactions(&TxnFilter::default(), None, 10)
        .await
        .unwrap();
    let out = rows.iter().find(|t| t.provider_id == "1").unwrap().id;
    store.set_category(out, "Uncategorized").await.unwrap();
    alerts::evaluate(&store, &purse::config::Settings::default(), &clock)
        .await
        .unwrap();
    let rows = store
        .transactions(&TxnFilter::default(), None, 10)
        .await
        .unwrap();
    let cats: Vec<(&str, &str)> = rows
        .iter()
        .map(|t| (t.provider_id.as_str(), t.category.as_str()))
        .collect();
    assert!(
        cats.contains(&("1", "Uncategorized")) && cats.contains(&("2", "Savings transfer")),
        "{cats:?}"
    );
}
