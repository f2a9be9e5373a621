//! [`QuietHours`]: the `alerts.quiet_hours` window (`"22:00-07:00"`), during which desktop
//! notifications are held back. Owns parsing the setting and the wrap-past-midnight test.

use std::fmt;

use chrono::NaiveTime;

/// A daily window `[start, end)` in local time; `start > end` wraps past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// What `alerts.quiet_hours` accepts, for error messages.
pub(crate) const QUIET_HOURS_HINT: &str =
    "expected a window like \"22:00-07:00\" (24-hour HH:MM-HH:MM), or \"off\" for none";

impl QuietHours {
    pub fn new(start: NaiveTime, end: NaiveTime) -> Self {
        QuietHours { start, end }
    }

    /// True if `time` falls inside the window (start inclusive, end exclusive).
    pub fn contains(&self, time: NaiveTime) -> bool {
        if self.start <= self.end {
            self.start <= time && time < self.end
        } else {
            time >= self.start || time < self.end
        }
    }

    /// Parses the setting: `""` or `"off"` (any case) is `None`, else `HH:MM-HH:MM`.
    /// The error is a short reason to append to [`QUIET_HOURS_HINT`].
    pub(crate) fn parse_setting(text: &str) -> Result<Option<QuietHours>, String> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let (start, end) = text
            .split_once('-')
            .ok_or_else(|| "there is no '-' between the start and end times".to_string())?;
        let start = parse_time(start)?;
        let end = parse_time(end)?;
        if start == end {
            return Err("start and end are the same time".to_string());
        }
        Ok(Some(QuietHours { start, end }))
    }
}

fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| format!("\"{text}\" is not a time between 00:00 and 23:59"))
}

impl fmt::Display for QuietHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    #[test]
    fn wraps_past_midnight() {
        let q = QuietHours::parse_setting("22:00-07:00").unwrap().unwrap();
        assert!(q.contains(t("22:00")));
        assert!(q.contains(t("23:59")));
        assert!(q.contains(t("00:00")));
        assert!(q.contains(t("06:59")));
        assert!(!q.contains(t("07:00")));
        assert!(!q.contains(t("12:00")));
        assert!(!q.contains(t("21:59")));
    }

    #[test]
    fn same_day_window() {
        let q = QuietHours::parse_setting("13:00-14:30").unwrap().unwrap();
        assert!(q.contains(t("13:00")));
        assert!(q.contains(t("14:29")));
        assert!(!q.contains(t("14:30")));
        assert!(!q.contains(t("12:59")));
    }

    #[test]
    fn off_and_empty_are_none() {
        assert_eq!(QuietHours::parse_setting("off").unwrap(), None);
        assert_eq!(QuietHours::parse_setting(" OFF ").unwrap(), None);
        assert_eq!(QuietHours::parse_setting("").unwrap(), None);
    }

    #[test]
    fn rejects_bad_windows() {
        for bad in [
            "25:00-07:00",
            "22:00",
            "22:00-22:00",
            "10pm-7am",
            "22:00-07:60",
        ] {
            assert!(QuietHours::parse_setting(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_as_written() {
        let q = QuietHours::parse_setting("7:05-9:00").unwrap().unwrap();
        assert_eq!(q.to_string(), "07:05-09:00");
    }
}
