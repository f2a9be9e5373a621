//! Wall-clock and CPU time of a measured step, for the hand-run benchmarks. CPU time (user +
//! system, every thread of this process) is the steadier figure on a shared machine.
// Shared by several benchmarks, each of which uses a part.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Wall-clock and CPU time of one measured step.
#[derive(Debug, Clone, Copy, Default)]
pub struct Span {
    pub wall: Duration,
    pub cpu: Duration,
}

/// CPU time (user + system) of this process so far, from `/proc/self/stat` (zero elsewhere).
pub fn cpu_now() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            let after_name = stat.rsplit(')').next()?.to_string();
            let fields: Vec<u64> = after_name
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|f| f.parse().ok())
                .collect();
            Some(fields.iter().sum::<u64>())
        })
        .unwrap_or(0);
    // USER_HZ is 100 on Linux.
    Duration::from_millis(ticks * 10)
}

/// Times a blocking step.
pub fn time<T>(step: impl FnOnce() -> T) -> (T, Span) {
    let (wall, cpu) = (Instant::now(), cpu_now());
    let out = step();
    let span = Span {
        wall: wall.elapsed(),
        cpu: cpu_now().saturating_sub(cpu),
    };
    (out, span)
}

/// Times an async step.
pub async fn measure<T>(step: impl Future<Output = T>) -> (T, Span) {
    let (wall, cpu) = (Instant::now(), cpu_now());
    let out = step.await;
    let span = Span {
        wall: wall.elapsed(),
        cpu: cpu_now().saturating_sub(cpu),
    };
    (out, span)
}

/// The median wall and the median CPU time (taken separately).
pub fn median(spans: &[Span]) -> Span {
    let pick = |f: fn(&Span) -> Duration| {
        let mut xs: Vec<Duration> = spans.iter().map(f).collect();
        xs.sort();
        xs.get(xs.len() / 2).copied().unwrap_or_default()
    };
    Span {
        wall: pick(|s| s.wall),
        cpu: pick(|s| s.cpu),
    }
}
