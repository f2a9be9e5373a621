//! Retry timing: exponential backoff with jitter, honouring a server's `Retry-After`.
//! Pure: the caller supplies the jitter draw, so schedules are testable.

use std::time::Duration;

/// First retry delay.
pub const BASE: Duration = Duration::from_secs(2);
/// Longest delay between retries.
pub const CAP: Duration = Duration::from_secs(60 * 60);

/// Delay before retry number `attempt` (1 = first retry): `BASE · 2^(attempt−1)`, capped, plus up
/// to 25% jitter (`jitter` in 0.0..1.0), and never shorter than the server's `retry_after`.
pub fn delay(attempt: u32, retry_after: Option<Duration>, jitter: f64) -> Duration {
    delay_from(BASE, attempt, retry_after, jitter)
}

/// [`delay`] with another first delay (tests use milliseconds).
pub fn delay_from(
    base: Duration,
    attempt: u32,
    retry_after: Option<Duration>,
    jitter: f64,
) -> Duration {
    let exp = base.saturating_mul(2u32.saturating_pow(attempt.saturating_sub(1).min(20)));
    let capped = exp.min(CAP);
    let jitter = jitter.clamp(0.0, 1.0);
    let with_jitter = capped + capped.mul_f64(0.25 * jitter);
    match retry_after {
        Some(server) if server > with_jitter => server,
        _ => with_jitter,
    }
}

/// A jitter draw in 0.0..1.0 from the standard library's per-process random hasher keys.
pub fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_then_caps() {
        assert_eq!(delay(1, None, 0.0), Duration::from_secs(2));
        assert_eq!(delay(2, None, 0.0), Duration::from_secs(4));
        assert_eq!(delay(5, None, 0.0), Duration::from_secs(32));
        assert_eq!(delay(40, None, 0.0), CAP);
    }

    #[test]
    fn jitter_adds_at_most_a_quarter() {
        assert_eq!(delay(3, None, 1.0), Duration::from_secs(10));
        assert!(delay(3, None, 0.5) > Duration::from_secs(8));
        let j = jitter();
        assert!((0.0..1.0).contains(&j));
    }

    #[test]
    fn retry_after_wins_when_longer() {
        assert_eq!(
            delay(1, Some(Duration::from_secs(7)), 0.0),
            Duration::from_secs(7)
        );
        assert_eq!(
            delay(6, Some(Duration::from_secs(7)), 0.0),
            Duration::from_secs(64)
        );
    }
}
