//! A deterministic store for the dashboard benchmark: 1,000,000 transactions over ten years
//! (2016-11-22 → 2026-11-21) across 10 accounts on 2 connections, 50 merchants in realistic
//! categories, paychecks and transfers, the last few hundred pending, raw payloads on the newest
//! 2,000; budgets for 10 categories set a year ago; 300 alerts; 8 upcoming bills.
//!
//! The schema comes from `Store::open` (the real migrations); rows go in with multi-row INSERTs
//! in one transaction. The file is written beside and renamed into place when complete, so an
//! interrupted run is never reused.

use std::path::Path;
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{QueryBuilder, Row, Sqlite};

use purse::store::Store;

use crate::data::{ACCOUNTS, CITIES, MERCHANTS};

pub const TRANSACTIONS: usize = 1_000_000;
const DAYS: i64 = 3_652;
/// Rows per INSERT (10 columns each, under SQLite's 32,766 bound values).
const CHUNK: usize = 3_000;

/// splitmix64: a tiny deterministic generator, so every run builds the same store.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }
}

/// Which account a merchant's charge lands on.
fn account_for(category: &str, rng: &mut Rng) -> i64 {
    match category {
        "Paycheck" => 1,
        "Interest" => 3 + rng.range(0, 1),
        "Savings transfer" => 2 + rng.range(0, 2),
        "Rent" | "Electricity" | "Water" | "Fees" => 1 + rng.range(0, 1),
        _ => [5, 6, 7, 8, 1, 2][usize::try_from(rng.range(0, 5)).unwrap_or(0)],
    }
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

/// Builds the store at `path` (replacing nothing: the caller checks it is missing).
pub async fn generate(path: &Path) -> anyhow::Result<()> {
    let started = Instant::now();
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    Store::open(&partial).await?.close().await;
    let options = SqliteConnectOptions::new()
        .filename(&partial)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Off);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    let mut tx = pool.begin().await?;
    for (id, name) in [(1, "Chase"), (2, "Amex")] {
        sqlx::query(
            "INSERT INTO connections (id, name, provider, created, last_success, last_attempt)
             VALUES (?1, ?2, 'simplefin', '2016-11-22T00:00:00Z', '2026-11-21T08:00:00Z', '2026-11-21T08:00:00Z')",
        )
        .bind(id)
        .bind(name)
        .execute(&mut *tx)
        .await?;
    }
    for (i, (conn, name, kind)) in ACCOUNTS.iter().enumerate() {
        let limit = (*kind == "credit_card").then_some(1_000_000);
        sqlx::query(
            "INSERT INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor,
                                   available_minor, limit_minor, updated)
             VALUES (?1, ?2, ?3, ?4, ?5, 'USD', ?6, ?6, ?7, '2026-11-21T08:00:00Z')",
        )
        .bind(i64::try_from(i + 1)?)
        .bind(conn)
        .bind(format!("acct-{i}"))
        .bind(name)
        .bind(kind)
        .bind(if limit.is_some() { -250_000 } else { 1_250_000 })
        .bind(limit)
        .execute(&mut *tx)
        .await?;
    }
    let categories: Vec<(i64, String)> = sqlx::query("SELECT id, name FROM categories")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("name")?)))
        .collect::<Result<_, sqlx::Error>>()?;
    let category_id = |name: &str| {
        categories
            .iter()
            .find(|(_, n)| n == name)
            .map_or(1, |(id, _)| *id)
    };
    let total_weight: u64 = MERCHANTS.iter().map(|m| m.4).sum();
    let first_day = today() - Duration::days(DAYS - 1);
    let mut rng = Rng::new(0x5EED_2026_1121);
    let mut i = 0usize;
    while i < TRANSACTIONS {
        let n = CHUNK.min(TRANSACTIONS - i);
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description,
                                       category_id, pending, raw) ",
        );
        q.push_values(i..i + n, |mut row, k| {
            let mut pick = rng.next() % total_weight;
            let m = MERCHANTS
                .iter()
                .find(|m| {
                    let hit = pick < m.4;
                    pick = pick.saturating_sub(m.4);
                    hit
                })
                .unwrap_or(&MERCHANTS[0]);
            let (payee, category, lo, hi, _) = *m;
            let cents = rng.range(lo, hi);
            let amount = if matches!(category, "Paycheck" | "Interest") { cents } else { -cents };
            let day = first_day + Duration::days(i64::try_from(k).unwrap_or(0) * DAYS / TRANSACTIONS as i64);
            let store_no = rng.range(1, 9_999);
            let city = CITIES[usize::try_from(rng.range(0, 3)).unwrap_or(0)];
            let newest = TRANSACTIONS - k;
            row.push_bind(account_for(category, &mut rng))
                .push_bind(format!("bench-{k}"))
                .push_bind(day.format("%Y-%m-%d").to_string())
                .push_bind(amount)
                .push_bind("USD")
                .push_bind(payee)
                .push_bind(format!("{} #{store_no:04} {city}", payee.to_uppercase()))
                .push_bind(category_id(category))
                .push_bind(i64::from(newest <= 300))
                .push_bind((newest <= 2_000).then(|| {
                    format!(
                        r#"{{"id":"bench-{k}","amount":"{}{}.{:02}","payee":"{payee}","category":"{category}"}}"#,
                        if amount < 0 { "-" } else { "" },
                        amount.abs() / 100,
                        amount.abs() % 100
                    )
                }));
        });
        q.build().execute(&mut *tx).await?;
        i += n;
    }
    extras(&mut tx, &category_id).await?;
    tx.commit().await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await?;
    pool.close().await;
    std::fs::rename(&partial, path)?;
    let _ = std::fs::remove_file(partial.with_extension("partial-wal"));
    let _ = std::fs::remove_file(partial.with_extension("partial-shm"));
    eprintln!("generated {} in {:.1?}", path.display(), started.elapsed());
    Ok(())
}

/// Budgets, alerts and bills.
async fn extras(
    tx: &mut sqlx::SqliteConnection,
    category_id: &dyn Fn(&str) -> i64,
) -> anyhow::Result<()> {
    let budgets = [
        ("Dining", 100_000),
        ("Groceries", 75_000),
        ("Transport", 42_500),
        ("Shopping", 25_000),
        ("Subscriptions", 7_500),
        ("Health", 12_000),
        ("Entertainment", 10_000),
        ("Travel", 30_000),
        ("Utilities", 27_500),
        ("Housing", 185_000),
    ];
    for (name, cents) in budgets {
        sqlx::query("INSERT INTO budgets (category_id, month, amount_minor, currency) VALUES (?1, '2025-11', ?2, 'USD')")
            .bind(category_id(name))
            .bind(cents)
            .execute(&mut *tx)
            .await?;
    }
    let kinds = [
        "bill_due",
        "low_balance",
        "unusual_spend",
        "over_budget",
        "sync_failed",
    ];
    for a in 0..300i64 {
        let created = today() - Duration::days(300 - a);
        sqlx::query(
            "INSERT INTO alerts (kind, key, message, created, acknowledged) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(kinds[usize::try_from(a % 5).unwrap_or(0)])
        .bind(format!("bench:{a}"))
        .bind(format!("Benchmark alert {a}: something worth a look happened on {created}."))
        .bind(format!("{created}T09:00:00Z"))
        .bind(i64::from(a < 290))
        .execute(&mut *tx)
        .await?;
    }
    for (b, (name, cents)) in [
        ("Comcast", 8_999),
        ("PG&E", 14_210),
        ("Sapphire Visa", 254_310),
        ("Amex Gold", 88_120),
        ("Verizon Wireless", 8_500),
        ("Parkside Apartments", 185_000),
        ("Netflix", 1_799),
        ("Car Loan", 41_500),
    ]
    .into_iter()
    .enumerate()
    {
        sqlx::query(
            "INSERT INTO bills (name, amount_minor, currency, due, source) VALUES (?1, ?2, 'USD', ?3, 'recurring')",
        )
        .bind(name)
        .bind(cents)
        .bind((today() + Duration::days(i64::try_from(b)? * 3 + 1)).format("%Y-%m-%d").to_string())
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
