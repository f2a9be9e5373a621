//! The injected clock: every "now" and "today" in Purse is read through [`Clock`], so budget and
//! alert logic is deterministic under test.

use chrono::{DateTime, Local, NaiveDate, Utc};

/// A source of the current time.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// The user's calendar date (local time zone for the system clock).
    fn today(&self) -> NaiveDate;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock stopped at one instant, for tests and reproducible runs.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    pub now: DateTime<Utc>,
}

impl FixedClock {
    /// A clock at noon UTC of `date`; `today()` returns `date`.
    pub fn on(date: NaiveDate) -> Self {
        let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default();
        FixedClock {
            now: DateTime::from_naive_utc_and_offset(noon, Utc),
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }
    fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_reports_its_date() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
        assert_eq!(FixedClock::on(d).today(), d);
    }
}
