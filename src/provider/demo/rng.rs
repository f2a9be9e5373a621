//! Seeded randomness for the demo bank: splitmix64 over (seed, day, stream), so every draw is a
//! pure function of its inputs and nothing is threaded from one day to the next.

use chrono::{Datelike, NaiveDate};

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The splitmix64 finaliser: a cheap, well-mixed 64-bit hash.
pub(super) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A day's number, for hashing and for the amount residue rule.
pub(super) fn day_number(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce())
}

/// A splitmix64 stream for one (seed, day, stream) triple.
#[derive(Debug, Clone)]
pub(super) struct Draw {
    state: u64,
}

impl Draw {
    pub(super) fn new(seed: u64, day: NaiveDate, stream: u64) -> Self {
        let state = mix(mix(mix(seed.wrapping_add(GOLDEN)) ^ day_number(day) as u64) ^ stream);
        Draw { state }
    }

    /// A stream that depends on the seed only (per-seed constants such as the due-date offset).
    pub(super) fn for_seed(seed: u64, stream: u64) -> Self {
        Draw {
            state: mix(mix(seed ^ 0x5EED_5EED) ^ stream),
        }
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A uniform number in `0..n` (`n` of 0 is treated as 1).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `per_mille` / 1000.
    pub(super) fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < u64::from(per_mille)
    }

    /// A uniform integer in `lo..=hi`.
    pub(super) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// Cents in `lo..=hi` whose remainder mod 3 is the day's number mod 3. Two charges at one
    /// merchant one or two days apart therefore never have the same amount (no false duplicates).
    pub(super) fn cents_for_day(&mut self, lo: i64, hi: i64, day: NaiveDate) -> i64 {
        let base = self.range(lo + 2, hi.max(lo + 2));
        base - (base - day_number(day)).rem_euclid(3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, n).unwrap_or_default()
    }

    #[test]
    fn draws_are_deterministic_and_distinct_per_input() {
        let (mut first, mut second) = (Draw::new(7, day(1), 3), Draw::new(7, day(1), 3));
        let a: Vec<u64> = (0..4).map(|_| first.next_u64()).collect();
        let b: Vec<u64> = (0..4).map(|_| second.next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(
            Draw::new(7, day(1), 3).next_u64(),
            Draw::new(8, day(1), 3).next_u64()
        );
        assert_ne!(
            Draw::new(7, day(1), 3).next_u64(),
            Draw::new(7, day(2), 3).next_u64()
        );
        assert_ne!(
            Draw::new(7, day(1), 3).next_u64(),
            Draw::new(7, day(1), 4).next_u64()
        );
    }

    #[test]
    fn cents_stay_in_range_and_follow_the_day_residue() {
        for n in 1..=28 {
            let mut draw = Draw::new(1, day(n), 0);
            for _ in 0..50 {
                let c = draw.cents_for_day(450, 680, day(n));
                assert!((450..=680).contains(&c), "{c}");
                assert_eq!((c - day_number(day(n))).rem_euclid(3), 0);
            }
        }
    }

    #[test]
    fn chance_is_roughly_calibrated() {
        let mut draw = Draw::new(3, day(1), 9);
        let hits = (0..10_000).filter(|_| draw.chance(250)).count();
        assert!((2_200..2_800).contains(&hits), "{hits}");
    }
}
