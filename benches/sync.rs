//! Benchmark (not a test): syncing 100,000 transactions from a local fake Plaid in pages of 500
//! through Purse's real path, into a SQLite file.
//!
//! Reports, as medians of a few runs on fresh databases, wall-clock and CPU time (CPU time is the
//! steadier figure on a shared machine; it counts every thread of this process, the fake server's
//! included):
//! - the whole `sync_one` (HTTP, JSON, mapping, one SQLite transaction) in transactions/second;
//! - the same split in two: `Plaid::fetch` (HTTP + parse + map) and `Store::apply_delta` (SQLite),
//!   giving the share of time spent in SQLite, and re-syncs of all 100,000 (sent again as they
//!   are, and with every amount changed);
//! - plain bulk inserts of the same rows into the same schema to compare with (`baseline`):
//!   rusqlite on the same SQLite build, and Python's sqlite3 `executemany` on the system SQLite.
//!
//! Run: `cargo bench --bench sync` (release profile). Results: BENCHMARKS.md, "Sync".
#![allow(clippy::unwrap_used)]

#[path = "common/baseline.rs"]
mod baseline;
#[path = "sync/fake.rs"]
mod fake;
#[path = "common/timing.rs"]
mod timing;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use purse::config::Secret;
use purse::domain::{Clock, Delta, FixedClock, Money};
use purse::provider::FetchContext;
use purse::provider::plaid::{Plaid, PlaidConfig};
use purse::store::Store;
use purse::sync::{Connection, ProviderSpec, SyncOptions, sync_one};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer};

use baseline::{Method, Row, Schema};
use timing::{Span, measure, median};

const TOTAL: usize = 100_000;
const PAGE: usize = 500;
const RUNS: usize = 3;
const TOKEN: &str = "access-bench";

/// The delta's rows as the store writes them, with account ids 1 (checking) and 2 (card) and
/// categories numbered 1…
fn rows(delta: &Delta) -> Vec<Row> {
    let mut categories: HashMap<String, i64> = HashMap::new();
    delta
        .upserts
        .iter()
        .map(|t| {
            let next = categories.len() as i64 + 1;
            let category = t.category.clone().unwrap_or_default();
            Row {
                account: if t.provider_account_id == "card" {
                    2
                } else {
                    1
                },
                provider_id: t.provider_id.clone(),
                date: t.date.to_string(),
                minor: t.amount.to_minor().unwrap(),
                currency: t.amount.currency.code().to_string(),
                payee: t.payee.clone(),
                description: t.description.clone(),
                category: *categories.entry(category).or_insert(next),
                pending: i64::from(t.pending),
                raw: t.raw.clone(),
            }
        })
        .collect()
}

fn line(label: &str, s: Span) {
    let rate = |d: Duration| TOTAL as f64 / d.as_secs_f64();
    println!(
        "  {label:<30} wall {:>6.3} s {:>8.0} rows/s   CPU {:>6.3} s {:>8.0} rows/s",
        s.wall.as_secs_f64(),
        rate(s.wall),
        s.cpu.as_secs_f64(),
        rate(s.cpu)
    );
}

async fn bench() {
    let server = MockServer::builder()
        .disable_request_recording()
        .start()
        .await;
    let fake = fake::FakePlaid {
        pages: Arc::new(fake::pages()),
    };
    Mock::given(any()).respond_with(fake).mount(&server).await;
    let config = PlaidConfig {
        base_url: server.uri(),
        client_id: Secret::new("cid-bench"),
        secret: Secret::new("sec-bench"),
        timeout: Duration::from_secs(120),
    };
    let conn = Connection {
        name: "Bench".into(),
        provider: ProviderSpec::Plaid {
            config: config.clone(),
            access_token: Secret::new(TOKEN),
        },
    };
    let clock = FixedClock::on(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let ctx = FetchContext {
        today: clock.today(),
        now: clock.now(),
        history_days: 730,
    };
    let opts = SyncOptions {
        timeout: Duration::from_secs(120),
        ..SyncOptions::DEFAULT
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut e2e, mut fetch, mut apply) = (vec![], vec![], vec![]);
    let (mut unchanged, mut modified) = (vec![], vec![]);
    let (mut rusqlite, mut multi, mut python) = (vec![], vec![], vec![]);
    for run in 0..RUNS {
        let db = dir.path().join(format!("e2e-{run}.db"));
        let store = Store::open(&db).await.unwrap();
        let (stats, span) = measure(sync_one(&store, &conn, &clock, opts)).await;
        assert_eq!(stats.unwrap().added, TOTAL);
        e2e.push(span);
        store.close().await;

        let store = Store::open(&dir.path().join(format!("split-{run}.db")))
            .await
            .unwrap();
        let id = store
            .ensure_connection("Bench", "plaid", clock.now())
            .await
            .unwrap();
        let plaid = Plaid::new(config.clone()).unwrap();
        let (delta, span) = measure(plaid.fetch(&Secret::new(TOKEN), None, &ctx)).await;
        let delta = delta.unwrap().delta;
        assert_eq!(delta.upserts.len(), TOTAL);
        fetch.push(span);
        let (stats, span) = measure(store.apply_delta(id, &delta, clock.now())).await;
        assert_eq!(stats.unwrap().added, TOTAL);
        apply.push(span);
        let (stats, span) = measure(store.apply_delta(id, &delta, clock.now())).await;
        assert_eq!(stats.unwrap().updated, 0, "unchanged rows are not written");
        unchanged.push(span);
        let mut changed = delta.clone();
        for t in &mut changed.upserts {
            t.amount = Money::from_minor(t.amount.to_minor().unwrap() - 1, t.amount.currency);
        }
        let (stats, span) = measure(store.apply_delta(id, &changed, clock.now())).await;
        assert_eq!(stats.unwrap().updated, TOTAL);
        modified.push(span);
        store.close().await;
        let rows = rows(&delta);
        let db = dir.path().join(format!("rusqlite-{run}.db"));
        rusqlite.push(tokio::task::block_in_place(|| {
            baseline::rusqlite(&rows, &db, Schema::Purse, Method::PerRow)
        }));
        let db = dir.path().join(format!("multi-{run}.db"));
        multi.push(tokio::task::block_in_place(|| {
            baseline::rusqlite(&rows, &db, Schema::Purse, Method::MultiRow)
        }));
        let db = dir.path().join(format!("python-{run}.db"));
        python.extend(baseline::python(&rows, dir.path(), &db, Schema::Purse));
    }
    let (e2e, fetch, apply) = (median(&e2e), median(&fetch), median(&apply));
    println!(
        "sync of {TOTAL} transactions in pages of {PAGE} from a local fake Plaid (median of {RUNS})"
    );
    line("sync_one, end to end", e2e);
    line("fetch + parse + map", fetch);
    line("apply_delta (SQLite), new rows", apply);
    line("re-sync, all sent again as is", median(&unchanged));
    line("re-sync, every amount changed", median(&modified));
    let share = |f: fn(&Span) -> Duration| {
        100.0 * f(&apply).as_secs_f64() / (f(&fetch) + f(&apply)).as_secs_f64()
    };
    println!(
        "  share of time in SQLite        wall {:>4.0} %                       CPU {:>4.0} %",
        share(|s| s.wall),
        share(|s| s.cpu)
    );
    let plain = median(&rusqlite);
    line("rusqlite, same rows and schema", plain);
    compare("Purse ingest / rusqlite insert", plain, apply);
    let plain = median(&multi);
    line("rusqlite, 1,000 rows/INSERT", plain);
    compare("Purse ingest / multi-row insert", plain, apply);
    if python.is_empty() {
        println!("  python3 baseline               skipped (no python3 with sqlite3)");
    } else {
        let py = median(&python);
        line("python executemany (SQLite 3.40)", py);
        compare("Purse ingest / python insert", py, apply);
    }
}

/// `baseline` time as a share of `purse` time (100 % = as fast as the plain insert).
fn compare(label: &str, baseline: Span, purse: Span) {
    let ratio =
        |f: fn(&Span) -> Duration| 100.0 * f(&baseline).as_secs_f64() / f(&purse).as_secs_f64();
    println!(
        "  {label:<30} wall {:>4.0} %                       CPU {:>4.0} %",
        ratio(|s| s.wall),
        ratio(|s| s.cpu)
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(bench());
}
