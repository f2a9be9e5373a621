//! Benchmark (not a test): Purse at scale, run by `benches/scale.sh` or by hand.
//!
//! - `cargo bench --bench scale -- generate [ROWS] [DB]`: builds the benchmark household
//!   (`benches/common/household.rs`, through `Store::apply_delta`) into `DB` (default
//!   `target/bench-data/household-1m-v4.db`, shared with the dashboard benchmark) unless it is
//!   there already, and prints the ingest rate.
//! - `cargo bench --bench scale -- ingest [ROWS] [RUNS]`: ingest, provider deltas → SQLite, in
//!   rows/second, beside plain bulk inserts of the very same rows in the same run
//!   (`benches/common/baseline.rs`): into Purse's schema and into a bare table, by rusqlite one
//!   row at a time and 1,000 rows per INSERT, and by Python's `executemany`. Medians of RUNS.
//!
//! Results: BENCHMARKS.md, "Scale".
#![allow(clippy::unwrap_used)]

#[path = "../common/baseline.rs"]
mod baseline;
#[path = "../common/household.rs"]
mod household;
#[path = "../common/merchants.rs"]
mod merchants;
#[path = "../common/timing.rs"]
mod timing;

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::Row as _;

use baseline::{Method, Row, Schema};
use timing::{Span, median};

/// The benchmark's own arguments: those after `--`, without the `--bench` cargo adds.
fn args() -> Vec<String> {
    std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect()
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let args = args();
    let number = |i: usize, default: usize| -> anyhow::Result<usize> {
        Ok(args
            .get(i)
            .map(|s| s.parse())
            .transpose()?
            .unwrap_or(default))
    };
    match args.first().map(String::as_str) {
        Some("generate") => {
            let rows = number(1, 1_000_000)?;
            let db = args
                .get(2)
                .map_or_else(household::store_path, PathBuf::from);
            if db.exists() {
                println!("{} exists; not generated again", db.display());
                return Ok(());
            }
            let ingest = runtime.block_on(household::generate(&db, rows))?;
            println!(
                "generated {} ({rows} rows in deltas of {}): {:.1} s in all, {:.1} s in apply_delta ({:.0} rows/s)",
                db.display(),
                household::BATCH,
                ingest.total.as_secs_f64(),
                ingest.apply.as_secs_f64(),
                rows as f64 / ingest.apply.as_secs_f64()
            );
        }
        Some("ingest") => ingest(&runtime, number(1, 100_000)?, number(2, 3)?)?,
        _ => anyhow::bail!("usage: scale (generate [ROWS] [DB] | ingest [ROWS] [RUNS])"),
    }
    Ok(())
}

/// The rows as Purse stored them, in order.
async fn stored_rows(db: &Path) -> anyhow::Result<Vec<Row>> {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display())).await?;
    let rows = sqlx::query(
        "SELECT account_id, provider_id, date, amount_minor, currency, payee, description,
                category_id, pending, raw FROM transactions ORDER BY id",
    )
    .fetch_all(&pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Row {
            account: r.try_get(0)?,
            provider_id: r.try_get(1)?,
            date: r.try_get(2)?,
            minor: r.try_get(3)?,
            currency: r.try_get(4)?,
            payee: r.try_get(5)?,
            description: r.try_get(6)?,
            category: r.try_get(7)?,
            pending: r.try_get(8)?,
            raw: r.try_get(9)?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    pool.close().await;
    Ok(rows)
}

fn ingest(runtime: &tokio::runtime::Runtime, n: usize, runs: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut purse = Vec::new();
    let mut rows = Vec::new();
    for run in 0..runs {
        let db = dir.path().join(format!("purse-{run}.db"));
        let (ingest, mut span) = timing::time(|| runtime.block_on(household::generate(&db, n)));
        let ingest = ingest?;
        // Only the apply_delta calls count (not building the deltas, budgets or alerts).
        span.wall = ingest.apply;
        purse.push(span);
        if run == 0 {
            rows = runtime.block_on(stored_rows(&db))?;
        }
        std::fs::remove_file(&db)?;
    }
    let purse = median(&purse);
    println!(
        "ingest of {n} transactions in deltas of {} (median of {runs} runs)",
        household::BATCH
    );
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "  {:<46} {:>7.3} s {:>9.0} rows/s",
        "Purse: Store::apply_delta",
        purse.wall.as_secs_f64(),
        rate(purse.wall)
    );
    let variants = [
        (
            "rusqlite, Purse's schema, 1 row/INSERT",
            Schema::Purse,
            Some(Method::PerRow),
        ),
        (
            "rusqlite, Purse's schema, 1,000 rows/INSERT",
            Schema::Purse,
            Some(Method::MultiRow),
        ),
        ("python executemany, Purse's schema", Schema::Purse, None),
        (
            "rusqlite, bare table, 1 row/INSERT",
            Schema::Bare,
            Some(Method::PerRow),
        ),
        (
            "rusqlite, bare table, 1,000 rows/INSERT",
            Schema::Bare,
            Some(Method::MultiRow),
        ),
        ("python executemany, bare table", Schema::Bare, None),
    ];
    for (label, schema, method) in variants {
        let spans: Vec<Span> = (0..runs)
            .filter_map(|run| {
                let db = dir.path().join(format!("baseline-{run}.db"));
                let span = match method {
                    Some(method) => Some(baseline::rusqlite(&rows, &db, schema, method)),
                    None => baseline::python(&rows, dir.path(), &db, schema),
                };
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
                }
                span
            })
            .collect();
        if spans.is_empty() {
            println!("  {label:<46} skipped");
            continue;
        }
        let plain = median(&spans);
        println!(
            "  {label:<46} {:>7.3} s {:>9.0} rows/s   Purse at {:>4.0} % of it",
            plain.wall.as_secs_f64(),
            rate(plain.wall),
            100.0 * plain.wall.as_secs_f64() / purse.wall.as_secs_f64()
        );
    }
    Ok(())
}
