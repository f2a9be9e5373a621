//! Bills the user adds (config `[[bills]]`, `purse bills add`, the dashboard): how often one
//! repeats ([`Every`]), where its definition came from ([`BillOrigin`]), and which of its
//! occurrences to keep in the store ([`occurrences_to_store`]).
//!
//! Occurrence `n` is counted from the first due date, never from the previous occurrence, so a
//! monthly bill on the 31st is due on the last day of shorter months and on the 31st again after
//! them, and a yearly bill on 29 February falls on the 28th in other years.

use chrono::{Days, Months, NaiveDate};

/// Past occurrences older than this many days are assumed settled when first seen: Purse was
/// not running then, and an overdue alert weeks late (for a bill most likely paid) helps nobody.
/// The first due date itself is the exception: the user said it is owed.
pub const RECENT_DAYS: u64 = 7;

/// How often a bill the user added repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Every {
    #[default]
    Once,
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
    Annually,
}

impl Every {
    pub const ALL: [Every; 6] = [
        Every::Once,
        Every::Weekly,
        Every::Biweekly,
        Every::Monthly,
        Every::Quarterly,
        Every::Annually,
    ];

    /// What a config value or flag may say, for error messages.
    pub const HINT: &'static str =
        "expected one of: once | weekly | biweekly | monthly | quarterly | annually";

    pub fn as_str(self) -> &'static str {
        match self {
            Every::Once => "once",
            Every::Weekly => "weekly",
            Every::Biweekly => "biweekly",
            Every::Monthly => "monthly",
            Every::Quarterly => "quarterly",
            Every::Annually => "annually",
        }
    }

    /// Parses the names above, in any case.
    pub fn parse(text: &str) -> Option<Every> {
        let text = text.trim().to_ascii_lowercase();
        Every::ALL.into_iter().find(|e| e.as_str() == text)
    }

    /// The next choice in [`Every::ALL`] (wrapping), for cycling through them in a form.
    pub fn next(self) -> Every {
        let i = Every::ALL.iter().position(|e| *e == self).unwrap_or(0);
        Every::ALL[(i + 1) % Every::ALL.len()]
    }

    /// The `n`th due date (0 is `first`); `None` past the calendar's end or after a one-off.
    pub fn nth(self, first: NaiveDate, n: u32) -> Option<NaiveDate> {
        let days = |step: u64| first.checked_add_days(Days::new(step.checked_mul(u64::from(n))?));
        // chrono clamps to the month's last day when the day does not exist.
        let months = |step: u32| first.checked_add_months(Months::new(step.checked_mul(n)?));
        match self {
            Every::Once => (n == 0).then_some(first),
            Every::Weekly => days(7),
            Every::Biweekly => days(14),
            Every::Monthly => months(1),
            Every::Quarterly => months(3),
            Every::Annually => months(12),
        }
    }
}

impl std::fmt::Display for Every {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a bill definition came from: the config file (kept in step with it by every sync) or
/// added by hand (the CLI or the dashboard; a config sync never touches it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BillOrigin {
    Config,
    User,
}

impl BillOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            BillOrigin::Config => "config",
            BillOrigin::User => "user",
        }
    }

    pub fn parse(text: &str) -> Option<BillOrigin> {
        match text {
            "config" => Some(BillOrigin::Config),
            "user" => Some(BillOrigin::User),
            _ => None,
        }
    }
}

/// The due dates to add to the store for a definition, oldest first, given the occurrences
/// already stored (`(due, paid)`) and today:
/// - every unpaid occurrence from [`RECENT_DAYS`] ago up to and including the next one due today
///   or later that is not paid (paying early moves on to the one after);
/// - the first due date when it is the latest one before today, however long ago.
///
/// Occurrences already stored are never returned; unpaid stored ones stay as they are.
pub fn occurrences_to_store(
    first: NaiveDate,
    every: Every,
    stored: &[(NaiveDate, bool)],
    today: NaiveDate,
) -> Vec<NaiveDate> {
    let start = today
        .checked_sub_days(Days::new(RECENT_DAYS))
        .unwrap_or(today);
    let status = |d: NaiveDate| stored.iter().find(|(due, _)| *due == d).map(|(_, p)| *p);
    let first_is_latest = every.nth(first, 1).is_none_or(|second| second >= today);
    let mut out = Vec::new();
    let mut n = 0u32;
    while let Some(due) = every.nth(first, n) {
        n += 1;
        if due < start && !(due == first && first_is_latest) {
            continue;
        }
        match status(due) {
            Some(true) => continue,
            Some(false) => {}
            None => out.push(due),
        }
        if due >= today {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests;
