//! Calendar months (`YYYY-MM`), the unit budgets and reports are kept in.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: i32,
    month: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a month (expected YYYY-MM, like 2026-11)")]
pub struct BadMonth(pub String);

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(&self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn days(&self) -> u32 {
        self.last_day().day()
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        Month::of(date) == *self
    }

    pub fn next(&self) -> Self {
        self.plus(1)
    }

    pub fn prev(&self) -> Self {
        self.plus(-1)
    }

    /// The month `n` months later (or earlier when negative).
    pub fn plus(&self, n: i32) -> Self {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// The same day of month in this month, clamped to its last day.
    pub fn day_clamped(&self, day: u32) -> NaiveDate {
        let day = day.clamp(1, self.days());
        NaiveDate::from_ymd_opt(self.year, self.month, day).unwrap_or_else(|| self.first_day())
    }

    /// Adds calendar months to a date, clamping the day (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
        date.checked_add_months(Months::new(n)).unwrap_or(date)
    }

    /// A short label like "Nov 2026".
    pub fn label(&self) -> String {
        self.first_day().format("%b %Y").to_string()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = BadMonth;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadMonth(s.to_string());
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }
}

impl TryFrom<String> for Month {
    type Error = BadMonth;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(
            "2026-11".parse::<Month>().map(|m| m.to_string()),
            Ok("2026-11".into())
        );
        assert!("2026-13".parse::<Month>().is_err());
        assert!("2026-1".parse::<Month>().is_err());
        assert!("nov".parse::<Month>().is_err());
    }

    #[test]
    fn steps_across_years() {
        let jan = Month::new(2026, 1).unwrap_or(Month::of(d(2026, 1, 1)));
        assert_eq!(jan.prev().to_string(), "2025-12");
        assert_eq!(jan.plus(23).to_string(), "2027-12");
        assert_eq!(jan.plus(-13).to_string(), "2024-12");
    }

    #[test]
    fn bounds_and_clamping() {
        let feb = Month::of(d(2028, 2, 10));
        assert_eq!(feb.last_day(), d(2028, 2, 29));
        assert_eq!(feb.day_clamped(31), d(2028, 2, 29));
        assert!(feb.contains(d(2028, 2, 1)));
        assert!(!feb.contains(d(2028, 3, 1)));
    }
}
