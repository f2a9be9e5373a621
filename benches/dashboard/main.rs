//! Benchmark (not a test): the dashboard on a store of 1,000,000 transactions across 10 accounts.
//!
//! The store is generated once (deterministically, through Purse's own ingest path:
//! `benches/common/household.rs`) into `target/bench-data/household-1m-v4.db` (or
//! `$PURSE_BENCH_DB`; the `scale` benchmark shares it); measuring then runs in a fresh process. The real loop ([`purse::tui::drive`]) runs with the real store queries and the real
//! `render` on a 160×48 `TestBackend`, fed key events through its input channel, on the same
//! two-worker tokio runtime as the binary. It reports:
//! - first full frame (accounts, a page of transactions, the budget report and alerts on screen)
//!   after opening the store, over several starts;
//! - key press → redrawn frame, p50/p99/max, for scrolling (`j`), paging (PgDn) and switching
//!   panes (Tab) deep into the million rows;
//! - search: typed query → results on screen (includes the 20 ms typing pause), and the store
//!   query alone, for common, rare, amount and no-match searches;
//! - resident memory (VmRSS and peak VmHWM) and CPU used while idle for 10 s.
//!
//! Run: `cargo bench --bench dashboard`. Results: BENCHMARKS.md, "Dashboard".
#![allow(clippy::unwrap_used)]

#[path = "../common/household.rs"]
mod household;
mod measure;
#[path = "../common/merchants.rs"]
mod merchants;
mod probe;
mod screen;

/// Set in the re-run that measures, so generation never weighs on the numbers.
const MEASURE_ENV: &str = "PURSE_BENCH_MEASURE";

fn main() -> anyhow::Result<()> {
    let path = household::store_path();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    if !path.exists() {
        let ingest = runtime.block_on(household::generate(&path, 1_000_000))?;
        eprintln!(
            "generated {} ({} rows) in {:.1?}, {:.1?} of it in apply_delta",
            path.display(),
            ingest.rows,
            ingest.total,
            ingest.apply
        );
    }
    if std::env::var_os(MEASURE_ENV).is_none() {
        // Measure in a fresh process: its memory holds only the dashboard's work.
        drop(runtime);
        let status = std::process::Command::new(std::env::current_exe()?)
            .args(std::env::args_os().skip(1))
            .env(MEASURE_ENV, "1")
            .status()?;
        anyhow::ensure!(status.success(), "the measuring run failed: {status}");
        return Ok(());
    }
    runtime.block_on(measure::run(&path))
}
