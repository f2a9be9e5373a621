//! The benchmarks' deterministic data generator: a household with N transactions (100k, 1M…)
//! over ten years across 10 accounts on 2 connections, 50 merchants in realistic categories,
//! paychecks and transfers; the newest 300 pending and the newest 2,000 with a raw payload.
//!
//! Everything is written through Purse's own ingest path: the rows come as provider [`Delta`]s
//! of `BATCH` transactions (what a sync would bring) applied by [`Store::apply_delta`]; budgets,
//! alerts and card bills go through the store's public API too. [`generate`] times the
//! `apply_delta` calls alone, so it doubles as the ingest benchmark at scale.
// Shared by several benchmarks, each of which uses a part.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use purse::domain::{
    AccountSnapshot, AlertKind, Currency, Delta, IncomingBill, IncomingTransaction, Money, Month,
    NewAlert,
};
use purse::store::Store;

use crate::merchants::{ACCOUNTS, CITIES, MERCHANTS};

/// The shared 1M-transaction store of the dashboard, queries and scale benchmarks:
/// `$PURSE_BENCH_DB`, else `target/bench-data/household-1m-v4.db` (the name changes with the
/// schema, so an old store is never measured through a migration).
pub fn store_path() -> PathBuf {
    std::env::var_os("PURSE_BENCH_DB").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/household-1m-v4.db"),
        PathBuf::from,
    )
}

/// Transactions per delta: a large sync's worth.
pub const BATCH: usize = 10_000;
/// Ten years of history, ending on [`today`].
const DAYS: i64 = 3_652;
const CONNECTIONS: [&str; 2] = ["Chase", "Amex"];

/// splitmix64: a tiny deterministic generator, so every run builds the same household.
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

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
}

/// Which account (index into [`ACCOUNTS`]) a merchant's charge lands on.
fn account_for(category: &str, rng: &mut Rng) -> usize {
    let pick = |rng: &mut Rng, options: &[usize]| {
        options[usize::try_from(rng.range(0, options.len() as i64 - 1)).unwrap_or(0)]
    };
    match category {
        "Paycheck" => 0,
        "Interest" => pick(rng, &[2, 3]),
        "Savings transfer" => pick(rng, &[1, 2, 3]),
        "Rent" | "Electricity" | "Water" | "Fees" => pick(rng, &[0, 1]),
        _ => pick(rng, &[4, 5, 6, 7, 0, 1]),
    }
}

/// The `n` transactions, oldest first, each with the index of its account.
pub fn transactions(n: usize) -> impl Iterator<Item = (usize, IncomingTransaction)> {
    let total_weight: u64 = MERCHANTS.iter().map(|m| m.4).sum();
    let first_day = today() - chrono::Duration::days(DAYS - 1);
    let mut rng = Rng::new(0x5EED_2026_1121);
    (0..n).map(move |k| {
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
        let minor = if matches!(category, "Paycheck" | "Interest") {
            cents
        } else {
            -cents
        };
        let day = first_day + chrono::Duration::days(k as i64 * DAYS / n as i64);
        let store_no = rng.range(1, 9_999);
        let city = CITIES[usize::try_from(rng.range(0, 3)).unwrap_or(0)];
        let account = account_for(category, &mut rng);
        let newest = n - k;
        let amount = Money::from_minor(minor, Currency::USD);
        let txn = IncomingTransaction {
            provider_account_id: format!("acct-{account}"),
            provider_id: format!("bench-{k}"),
            date: day,
            amount,
            payee: payee.to_string(),
            description: format!("{} #{store_no:04} {city}", payee.to_uppercase()),
            category: Some(category.to_string()),
            pending: newest <= 300,
            pending_provider_id: None,
            raw: (newest <= 2_000).then(|| {
                format!(
                    r#"{{"id":"bench-{k}","amount":"{}","payee":"{payee}","category":"{category}"}}"#,
                    amount.amount
                )
            }),
        };
        (account, txn)
    })
}

/// The accounts of connection `c` (1 or 2) as its provider reports them.
fn snapshots(c: i64) -> Vec<AccountSnapshot> {
    ACCOUNTS
        .iter()
        .enumerate()
        .filter(|(_, a)| a.0 == c)
        .map(|(i, (_, name, kind))| {
            let credit = *kind == purse::domain::AccountKind::CreditCard;
            let balance =
                Money::from_minor(if credit { -250_000 } else { 1_250_000 }, Currency::USD);
            AccountSnapshot {
                provider_account_id: format!("acct-{i}"),
                name: (*name).to_string(),
                kind: *kind,
                currency: Currency::USD,
                balance,
                available: Some(balance),
                limit: credit.then(|| Money::from_minor(1_000_000, Currency::USD)),
                as_of: now(),
            }
        })
        .collect()
}

/// Card statements, sent with each card connection's last delta (a sync that leaves them out
/// marks them paid).
fn card_bills(c: i64) -> Vec<IncomingBill> {
    ACCOUNTS
        .iter()
        .enumerate()
        .filter(|(_, a)| a.0 == c && a.2 == purse::domain::AccountKind::CreditCard)
        .map(|(i, (_, name, _))| IncomingBill {
            provider_account_id: format!("acct-{i}"),
            name: format!("{name} statement"),
            amount: Money::from_minor(80_000 + i as i64 * 41_310, Currency::USD),
            minimum: Some(Money::from_minor(3_500, Currency::USD)),
            due: today() + chrono::Duration::days(i as i64 * 3 + 1),
        })
        .collect()
}

/// The household as deltas of at most `BATCH` rows, oldest first: (connection 1 or 2, delta).
/// Each connection's last delta also carries its card statements.
pub fn deltas(n: usize) -> impl Iterator<Item = (i64, Delta)> {
    let mut rows = transactions(n);
    let mut buffers: [Vec<IncomingTransaction>; 2] = [Vec::new(), Vec::new()];
    let mut tail: Option<Vec<usize>> = None;
    let delta = |c: usize, upserts: Vec<IncomingTransaction>, last: bool| {
        let conn = c as i64 + 1;
        let delta = Delta {
            accounts: snapshots(conn),
            upserts,
            bills: if last { card_bills(conn) } else { Vec::new() },
            cursor: Some(format!("bench-cursor-{conn}")),
            ..Delta::default()
        };
        (conn, delta)
    };
    std::iter::from_fn(move || {
        while tail.is_none() {
            let Some((account, txn)) = rows.next() else {
                tail = Some(vec![1, 0]);
                break;
            };
            let c = usize::try_from(ACCOUNTS[account].0 - 1).unwrap_or(0);
            buffers[c].push(txn);
            if buffers[c].len() >= BATCH {
                return Some(delta(c, std::mem::take(&mut buffers[c]), false));
            }
        }
        let c = tail.as_mut()?.pop()?;
        Some(delta(c, std::mem::take(&mut buffers[c]), true))
    })
}

/// What [`generate`] measured.
#[derive(Debug, Clone, Copy)]
pub struct Ingest {
    pub rows: usize,
    /// Time inside `apply_delta` alone.
    pub apply: Duration,
    pub total: Duration,
}

/// Builds the household with `n` transactions at `path` through the store's ingest path. The
/// file is written beside and renamed into place when complete, so an interrupted run is never
/// reused.
pub async fn generate(path: &Path, n: usize) -> anyhow::Result<Ingest> {
    let started = Instant::now();
    let partial = path.with_extension("partial");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let store = Store::open(&partial).await?;
    let mut ids = Vec::new();
    for name in CONNECTIONS {
        ids.push(store.ensure_connection(name, "simplefin", now()).await?);
    }
    let (mut rows, mut apply) = (0, Duration::ZERO);
    let verbose = std::env::var_os("PURSE_BENCH_VERBOSE").is_some();
    for (conn, delta) in deltas(n) {
        let t = Instant::now();
        let stats = store
            .apply_delta(ids[usize::try_from(conn - 1)?], &delta, now())
            .await?;
        apply += t.elapsed();
        rows += stats.added;
        if verbose {
            eprintln!(
                "{rows:>9} rows stored; this delta of {} took {:.1?}",
                delta.upserts.len(),
                t.elapsed()
            );
        }
    }
    anyhow::ensure!(rows == n, "generated {rows} rows, expected {n}");
    extras(&store).await?;
    store.close().await;
    std::fs::rename(&partial, path)?;
    Ok(Ingest {
        rows,
        apply,
        total: started.elapsed(),
    })
}

/// Budgets for 10 categories set a year earlier (so the report carries 12 months of rollover)
/// and 300 alerts, 290 of them acknowledged.
async fn extras(store: &Store) -> anyhow::Result<()> {
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
    let year_ago = Month::of(today()).plus(-12);
    for (name, cents) in budgets {
        store
            .set_budget(name, year_ago, Money::from_minor(cents, Currency::USD))
            .await?;
    }
    let kinds = [
        AlertKind::BillDue,
        AlertKind::LowBalance,
        AlertKind::UnusualSpend,
        AlertKind::OverBudget,
        AlertKind::SyncFailed,
    ];
    for a in 0..300i64 {
        let created = now() - chrono::Duration::days(300 - a);
        let alert = NewAlert {
            kind: kinds[usize::try_from(a % 5)?],
            key: format!("bench:{a}"),
            message: format!(
                "Benchmark alert {a}: something worth a look happened on {}.",
                created.date_naive()
            ),
        };
        if let Some(raised) = store.raise_alert(&alert, created).await?
            && a < 290
        {
            store.ack_alert(raised.id).await?;
        }
    }
    Ok(())
}
