//! Migration 0012: amounts stored in three-letter crypto codes before their exponent became 8
//! (kept in hundredths until then) are rescaled, month totals included.

use chrono::{NaiveDate, TimeZone, Utc};
use rust_decimal::dec;

use super::{Store, TxnFilter};
use crate::domain::{AccountKind, AccountSnapshot, Currency, Delta, IncomingTransaction, Money};

#[tokio::test]
async fn amounts_kept_in_hundredths_are_rescaled_to_eight_decimals() {
    let store = Store::open_in_memory().await.expect("store");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 12, 0, 0)
        .single()
        .expect("a fixed time");
    let conn = store
        .ensure_connection("Coins", "plaid", now)
        .await
        .expect("connection");
    let btc = Currency::new("BTC").expect("BTC");
    let money = |amount| Money::new(amount, btc);
    let delta = Delta {
        accounts: vec![AccountSnapshot {
            provider_account_id: "w".into(),
            name: "Wallet".into(),
            kind: AccountKind::Other,
            currency: btc,
            balance: money(dec!(1.5)),
            available: None,
            limit: None,
            as_of: now,
        }],
        upserts: vec![IncomingTransaction {
            provider_account_id: "w".into(),
            provider_id: "t".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 2).expect("date"),
            amount: money(dec!(-0.12)),
            payee: "Exchange".into(),
            description: "Exchange".into(),
            category: None,
            pending: false,
            pending_provider_id: None,
            raw: None,
        }],
        ..Delta::default()
    };
    store.apply_delta(conn, &delta, now).await.expect("apply");
    // What an older Purse stored: hundredths of a BTC, and no record of migration 12.
    for sql in [
        "UPDATE transactions SET amount_minor = amount_minor / 1000000",
        "UPDATE accounts SET balance_minor = balance_minor / 1000000",
        "DELETE FROM _sqlx_migrations WHERE version = 12",
    ] {
        sqlx::query(sql).execute(&store.pool).await.expect(sql);
    }
    let (minor,): (i64,) = sqlx::query_as("SELECT amount_minor FROM transactions")
        .fetch_one(&store.pool)
        .await
        .expect("row");
    assert_eq!(minor, -12, "cents, as before the migration");

    sqlx::migrate!("src/store/migrations")
        .run(&store.pool)
        .await
        .expect("migrate");
    let rows = store
        .transactions(&TxnFilter::default(), None, 10)
        .await
        .expect("rows");
    assert_eq!(rows[0].amount, money(dec!(-0.12)));
    let accounts = store.accounts().await.expect("accounts");
    assert_eq!(accounts[0].balance, money(dec!(1.5)));
    let (out,): (i64,) =
        sqlx::query_as("SELECT money_out FROM month_totals WHERE currency = 'BTC'")
            .fetch_one(&store.pool)
            .await
            .expect("month totals");
    assert_eq!(out, 12_000_000, "month totals follow the rows");
}
