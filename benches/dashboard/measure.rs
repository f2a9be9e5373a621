//! The measurements: starts the real dashboard loop on the generated store, presses keys through
//! its input channel and times the frames that answer them (see `main.rs` for what is reported).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;
use tokio::sync::mpsc;

use purse::domain::{Currency, FixedClock};
use purse::store::{Store, TxnFilter};
use purse::tui::{Pane, RunOptions, drive};

use crate::household::today;
use crate::probe::{Probe, percentiles};
use crate::screen::BenchScreen;

const STARTS: usize = 7;
const SEARCHES: &[(&str, &str)] = &[
    ("common payee", "coffee"),
    ("rare payee", "ikea"),
    ("amount", "24.99"),
    ("no match", "zzqx"),
    ("non-ASCII", "MÜLLER"),
];

/// One start of the dashboard: the time to the first full frame, then (when `keys`) the rest.
async fn session(path: &Path, keys: bool) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let store = Store::open(path).await?;
    let (input, input_rx) = mpsc::unbounded_channel();
    let (frames_tx, frames) = mpsc::unbounded_channel();
    let mut screen = BenchScreen::new(160, 48, frames_tx)?;
    let mut opts = RunOptions::new(false, Arc::new(FixedClock::on(today())), Currency::USD);
    opts.color = true;
    let mut probe = Probe { input, frames };
    let script = async {
        let first = probe.until(|s| s.full).await?.at - started;
        if keys {
            script(&mut probe, &store).await?;
        }
        probe.press(KeyCode::Char('q'));
        anyhow::Ok(first)
    };
    let (ran, first) = tokio::join!(drive(store.clone(), opts, &mut screen, input_rx), script);
    ran?;
    store.close().await;
    first
}

/// Types `/query`, returns the time from the last key to the frame with the results (and how
/// many rows it showed), then clears the search.
async fn search(probe: &mut Probe, query: &str) -> anyhow::Result<(Duration, usize)> {
    probe.press(KeyCode::Char('/'));
    probe.next().await?;
    let mut sent = Instant::now();
    for c in query.chars() {
        sent = probe.press(KeyCode::Char(c));
        probe.next().await?;
    }
    let shown = probe
        .until(|s| s.search.as_deref() == Some(query) && s.rows_loaded && !s.fetching)
        .await?;
    probe.press(KeyCode::Enter);
    probe.press(KeyCode::Esc);
    probe
        .until(|s| s.search.is_none() && s.rows_loaded && !s.fetching)
        .await?;
    Ok((shown.at - sent, shown.rows))
}

async fn script(probe: &mut Probe, store: &Store) -> anyhow::Result<()> {
    probe.press(KeyCode::Char('2'));
    probe
        .until(|s| s.focus == Pane::Transactions && !s.fetching)
        .await?;
    println!(
        "scroll (j)      {}",
        percentiles(probe.keys(KeyCode::Char('j'), 3_000).await?)
    );
    println!(
        "page (PgDn)     {}",
        percentiles(probe.keys(KeyCode::PageDown, 400).await?)
    );
    println!(
        "pane (Tab)      {}",
        percentiles(probe.keys(KeyCode::Tab, 400).await?)
    );
    probe.press(KeyCode::Char('2'));
    probe.until(|s| s.focus == Pane::Transactions).await?;
    for (what, query) in SEARCHES {
        // Typed three times: the first shows a cold start, the median a typical one.
        let mut on_screen = Vec::new();
        let mut rows = 0;
        for _ in 0..3 {
            let (took, shown) = search(probe, query).await?;
            on_screen.push(took);
            rows = shown;
        }
        let first = on_screen[0];
        on_screen.sort_unstable();
        let filter = TxnFilter {
            search: Some((*query).to_string()),
            ..TxnFilter::default()
        };
        let mut alone = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            store.transactions(&filter, None, 50).await?;
            alone.push(t.elapsed());
        }
        alone.sort_unstable();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "search {what:<13} \"{query}\": {rows} rows on screen {:.1} ms after the last key (first {:.1} ms; median of 3), query alone {:.1} ms (median of 5)",
            ms(on_screen[1]),
            ms(first),
            ms(alone[2])
        );
    }
    let idle = Duration::from_secs(10);
    let before = cpu_ticks();
    tokio::time::sleep(idle).await;
    let used = cpu_ticks().saturating_sub(before);
    println!(
        "idle            {used} CPU ticks (1/100 s) in {} s = {:.2}% CPU",
        idle.as_secs(),
        used as f64 / idle.as_secs_f64()
    );
    let (rss, peak) = memory_kib();
    println!(
        "memory          VmRSS {:.1} MiB, VmHWM (peak) {:.1} MiB",
        rss / 1024.0,
        peak / 1024.0
    );
    Ok(())
}

/// User + system CPU time of this process, in clock ticks.
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

/// (VmRSS, VmHWM) in KiB.
fn memory_kib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let get = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (get("VmRSS:"), get("VmHWM:"))
}

pub async fn run(path: &Path) -> anyhow::Result<()> {
    println!("Dashboard benchmark on {}", path.display());
    let mut firsts = Vec::new();
    for i in 0..STARTS {
        firsts.push(session(path, i + 1 == STARTS).await?);
    }
    let ms: Vec<String> = firsts
        .iter()
        .map(|d| format!("{:.1}", d.as_secs_f64() * 1e3))
        .collect();
    let mut sorted = firsts.clone();
    sorted.sort_unstable();
    println!(
        "first full frame {:.1} ms median of {STARTS} starts (each: {} ms)",
        sorted[STARTS / 2].as_secs_f64() * 1e3,
        ms.join(", ")
    );
    Ok(())
}
