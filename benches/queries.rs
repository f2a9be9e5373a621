//! Benchmark (not a test, criterion): the queries behind balances, this month's budget report
//! and the register, on the 1,000,000-transaction household of `benches/common/household.rs`
//! (generated through Purse's ingest path into `target/bench-data/household-1m-v4.db`, or
//! `$PURSE_BENCH_DB`, when missing; shared with the dashboard and scale benchmarks).
//!
//! Run: `cargo bench --bench queries`. Results: BENCHMARKS.md, "Scale". The whole-process
//! versions (a fresh `purse` process per command, beside `ledger` and `hledger`) are in
//! `benches/scale.sh`.
#![allow(clippy::unwrap_used)]

#[path = "common/household.rs"]
mod household;
#[path = "common/merchants.rs"]
mod merchants;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use purse::domain::{Currency, Month};
use purse::store::{Store, TxnFilter};
use tokio::runtime::Runtime;

fn queries(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap();
    let path = household::store_path();
    if !path.exists() {
        let ingest = runtime
            .block_on(household::generate(&path, 1_000_000))
            .unwrap();
        eprintln!(
            "generated {} ({} rows) in {:.1?} ({:.1?} in apply_delta)",
            path.display(),
            ingest.rows,
            ingest.total,
            ingest.apply
        );
    }
    let store = runtime.block_on(Store::open(&path)).unwrap();
    let month = Month::of(household::today());
    let this_month = TxnFilter {
        account_id: Some(1),
        since: Some(month.first_day()),
        ..TxnFilter::default()
    };
    let mut group = c.benchmark_group("1m");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("open store", |b| {
        b.iter(|| runtime.block_on(async { Store::open(&path).await.unwrap().close().await }))
    });
    group.bench_function("balances", |b| {
        b.iter(|| runtime.block_on(store.accounts()).unwrap())
    });
    group.bench_function("budget report, this month with rollover", |b| {
        b.iter(|| {
            runtime
                .block_on(store.budget_report(month, Currency::USD))
                .unwrap()
        })
    });
    group.bench_function("register, newest 200", |b| {
        b.iter(|| {
            runtime
                .block_on(store.transactions(&TxnFilter::default(), None, 200))
                .unwrap()
        })
    });
    group.bench_function("register, one account this month", |b| {
        b.iter(|| {
            runtime
                .block_on(store.transactions(&this_month, None, 1_000))
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
