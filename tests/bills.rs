//! Bills the user adds, in an in-memory store: the config's `[[bills]]` kept in step idempotently,
//! bills added by hand surviving config syncs, deleting and marking paid by hand, a posted
//! payment marking one paid and rolling to the next occurrence, and the bill-due alert raised once.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, Utc};
use purse::alerts;
use purse::config::Settings;
use purse::domain::{
    AccountKind, AccountSnapshot, AlertKind, Bill, BillOrigin, BillSource, Currency, Delta, Every,
    FixedClock, IncomingTransaction, Money, NewManualBill,
};
use purse::store::{BillRow, ConfigBillsSync, Store, StoreError};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

fn bill(name: &str, cents: i64, due: &str, every: Every) -> NewManualBill {
    NewManualBill {
        name: name.into(),
        amount: usd(cents),
        first_due: date(due),
        every,
        account: None,
    }
}

fn checking() -> AccountSnapshot {
    AccountSnapshot {
        provider_account_id: "chk".into(),
        name: "Everyday Checking".into(),
        kind: AccountKind::Checking,
        currency: Currency::USD,
        balance: usd(500_000),
        available: Some(usd(500_000)),
        limit: None,
        as_of: now(),
    }
}

fn payment(id: &str, day: &str, cents: i64, payee: &str) -> IncomingTransaction {
    IncomingTransaction {
        provider_account_id: "chk".into(),
        provider_id: id.into(),
        date: date(day),
        amount: usd(cents),
        payee: payee.into(),
        description: payee.to_uppercase(),
        category: Some("Rent".into()),
        pending: false,
        pending_provider_id: None,
        raw: None,
    }
}

/// A store with one checking account (id returned) and the given transactions.
async fn store_with(upserts: Vec<IncomingTransaction>) -> (Store, i64) {
    let store = Store::open_in_memory().await.unwrap();
    let conn = store
        .ensure_connection("Test Bank", "demo", now())
        .await
        .unwrap();
    let delta = Delta {
        accounts: vec![checking()],
        upserts,
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, now()).await.unwrap();
    let id = store.accounts().await.unwrap()[0].id;
    (store, id)
}

/// (name, due, paid) of the manual bills.
async fn manual(store: &Store) -> Vec<(String, NaiveDate, bool)> {
    store
        .bills()
        .await
        .unwrap()
        .into_iter()
        .filter(|b| b.source == BillSource::Manual)
        .map(|b| (b.name, b.due, b.paid))
        .collect()
}

async fn row(store: &Store, name: &str) -> BillRow {
    store
        .bill_list()
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.bill.name == name && !r.bill.paid)
        .unwrap()
}

#[tokio::test]
async fn config_bills_sync_idempotently_and_follow_the_file() {
    let (store, account) = store_with(Vec::new()).await;
    let today = date("2026-11-21");
    let mut rent = bill("Rent", 185_000, "2026-12-01", Every::Monthly);
    rent.account = Some("everyday checking".into());
    let gym = bill("Gym", 4_000, "2026-11-25", Every::Once);
    let config = vec![rent.clone(), gym.clone()];

    let first = store.sync_config_bills(&config).await.unwrap();
    assert_eq!(first.added, 2);
    store.refresh_manual_bills(today).await.unwrap();
    let before = store.bills().await.unwrap();
    assert_eq!(
        store.sync_config_bills(&config).await.unwrap(),
        ConfigBillsSync::default()
    );
    assert_eq!(store.refresh_manual_bills(today).await.unwrap(), 0);
    assert_eq!(
        store.bills().await.unwrap(),
        before,
        "a second sync changes nothing"
    );
    let r = row(&store, "Rent").await;
    assert_eq!(
        r.bill.account_id,
        Some(account),
        "matched like [[accounts]]"
    );
    assert_eq!(
        (r.every, r.origin),
        (Some(Every::Monthly), Some(BillOrigin::Config))
    );

    // A new amount reaches the unpaid occurrence; a new schedule replaces it.
    rent.amount = usd(190_000);
    let changed = store
        .sync_config_bills(&[rent.clone(), gym.clone()])
        .await
        .unwrap();
    assert_eq!(changed.updated, 1);
    assert_eq!(row(&store, "Rent").await.bill.amount, usd(190_000));
    rent.first_due = date("2026-12-03");
    store.sync_config_bills(&[rent.clone(), gym]).await.unwrap();
    store.refresh_manual_bills(today).await.unwrap();
    assert_eq!(
        manual(&store).await,
        [
            ("Gym".to_string(), date("2026-11-25"), false),
            ("Rent".to_string(), date("2026-12-03"), false)
        ]
    );

    // Gym left the config: its unpaid occurrence goes with it.
    let removed = store.sync_config_bills(&[rent]).await.unwrap();
    assert_eq!(removed.removed, 1);
    assert_eq!(manual(&store).await.len(), 1);
}

#[tokio::test]
async fn bills_added_by_hand_survive_config_syncs_and_can_be_deleted() {
    let (store, _) = store_with(Vec::new()).await;
    let today = date("2026-11-21");
    let added = store
        .add_manual_bill(
            &bill("Piano lessons", 12_000, "2026-11-28", Every::Weekly),
            today,
        )
        .await
        .unwrap();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].due, date("2026-11-28"));
    let again = store
        .add_manual_bill(&bill("piano LESSONS", 1, "2026-11-28", Every::Once), today)
        .await;
    assert!(
        matches!(again, Err(StoreError::DuplicateBill(_))),
        "{again:?}"
    );

    store.sync_config_bills(&[]).await.unwrap();
    store
        .sync_config_bills(&[bill("Rent", 185_000, "2026-12-01", Every::Monthly)])
        .await
        .unwrap();
    store.sync_config_bills(&[]).await.unwrap();
    store.refresh_manual_bills(today).await.unwrap();
    let piano = row(&store, "Piano lessons").await;
    assert_eq!(piano.origin, Some(BillOrigin::User));
    assert_eq!(manual(&store).await.len(), 1, "only the config's Rent went");

    // A config bill is refused (it would come back), so is one from the bank.
    store
        .sync_config_bills(&[bill("Rent", 185_000, "2026-12-01", Every::Monthly)])
        .await
        .unwrap();
    store.refresh_manual_bills(today).await.unwrap();
    let rent = row(&store, "Rent").await.bill.id;
    let refused = store.delete_manual_bill(rent).await.unwrap_err();
    assert!(refused.to_string().contains("[[bills]]"), "{refused}");
    let unknown = store.delete_manual_bill(9_999).await.unwrap_err();
    assert!(
        unknown.to_string().contains("no bill with id 9999"),
        "{unknown}"
    );

    let deleted = store.delete_manual_bill(piano.bill.id).await.unwrap();
    assert_eq!(deleted.name, "Piano lessons");
    store.refresh_manual_bills(today).await.unwrap();
    let names: Vec<String> = manual(&store).await.into_iter().map(|b| b.0).collect();
    assert_eq!(names, ["Rent"], "deleted for good, not recreated");
}

#[tokio::test]
async fn marking_paid_by_hand_rolls_a_repeating_bill_to_the_next_occurrence() {
    let (store, _) = store_with(Vec::new()).await;
    let today = date("2026-11-21");
    let added = store
        .add_manual_bill(&bill("Water", 6_000, "2026-11-30", Every::Quarterly), today)
        .await
        .unwrap();
    let (paid, changed) = store.mark_bill_paid(added[0].id, today).await.unwrap();
    assert!(paid.paid && changed);
    assert_eq!(
        manual(&store).await,
        [
            ("Water".to_string(), date("2026-11-30"), true),
            ("Water".to_string(), date("2027-02-28"), false)
        ]
    );
    let (_, again) = store.mark_bill_paid(added[0].id, today).await.unwrap();
    assert!(!again, "already paid");
    assert!(matches!(
        store.mark_bill_paid(9_999, today).await,
        Err(StoreError::UnknownBill(9_999))
    ));
}

#[tokio::test]
async fn a_posted_payment_marks_the_bill_paid_and_the_next_is_created() {
    let (store, _) = store_with(Vec::new()).await;
    let mut settings = Settings::default();
    settings.bills = vec![bill("Parkside Rent", 185_000, "2026-12-01", Every::Monthly)];
    alerts::evaluate(&store, &settings, &FixedClock::on(date("2026-11-21")))
        .await
        .unwrap();
    assert_eq!(
        manual(&store).await,
        [("Parkside Rent".to_string(), date("2026-12-01"), false)]
    );

    let conn = store
        .ensure_connection("Test Bank", "demo", now())
        .await
        .unwrap();
    let delta = Delta {
        upserts: vec![payment(
            "p1",
            "2026-11-30",
            -185_000,
            "PARKSIDE RENT ONLINE",
        )],
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, now()).await.unwrap();
    alerts::evaluate(&store, &settings, &FixedClock::on(date("2026-12-01")))
        .await
        .unwrap();
    assert_eq!(
        manual(&store).await,
        [
            ("Parkside Rent".to_string(), date("2026-12-01"), true),
            ("Parkside Rent".to_string(), date("2027-01-01"), false)
        ]
    );
}

#[tokio::test]
async fn a_config_bill_due_in_two_days_alerts_once() {
    let (store, _) = store_with(Vec::new()).await;
    let mut settings = Settings::default();
    settings.bills = vec![bill("Car insurance", 64_000, "2026-11-23", Every::Annually)];
    let clock = FixedClock::on(date("2026-11-21"));
    let first = alerts::evaluate(&store, &settings, &clock).await.unwrap();
    let due: Vec<&str> = first
        .iter()
        .filter(|a| a.kind == AlertKind::BillDue)
        .map(|a| a.message.as_str())
        .collect();
    assert_eq!(
        due,
        ["Car insurance of $640.00 is due 2026-11-23 (in 2 days)"]
    );
    let second = alerts::evaluate(&store, &settings, &clock).await.unwrap();
    assert!(second.is_empty(), "{second:?}");
}

#[tokio::test]
async fn the_users_bill_takes_over_the_prediction_for_the_same_payee() {
    // Monthly rent on the 1st for a year: a stream predicting 2026-12-01.
    let history: Vec<IncomingTransaction> = (0..12)
        .map(|i| {
            let month = chrono::Months::new(i);
            let day = date("2025-12-01").checked_add_months(month).unwrap();
            payment(
                &format!("r{i}"),
                &day.to_string(),
                -185_000,
                "Parkside Apartments",
            )
        })
        .collect();
    let (store, _) = store_with(history).await;
    let clock = FixedClock::on(date("2026-11-21"));
    let settings = Settings::default();
    alerts::evaluate(&store, &settings, &clock).await.unwrap();
    let predicted = |bills: &[Bill]| {
        bills
            .iter()
            .filter(|b| b.source == BillSource::Recurring && b.name == "Parkside Apartments")
            .count()
    };
    assert_eq!(predicted(&store.bills().await.unwrap()), 1);

    let mut settings = Settings::default();
    settings.bills = vec![bill(
        "Parkside Apartments",
        190_000,
        "2026-12-02",
        Every::Monthly,
    )];
    alerts::evaluate(&store, &settings, &clock).await.unwrap();
    let bills = store.bills().await.unwrap();
    assert_eq!(predicted(&bills), 0, "{bills:?}");
    assert_eq!(
        manual(&store).await,
        [("Parkside Apartments".to_string(), date("2026-12-02"), false)]
    );
}
