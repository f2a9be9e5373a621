//! Which `start-date`/`end-date` windows one sync asks the Bridge for, and the cursor that
//! remembers how far the previous sync reached.
//!
//! The Bridge answers at most 90 days per request and asks for at most 24 requests a day. A first
//! sync reaches `history_days` back from today's UTC midnight (730 days → 9 requests); a later sync
//! starts [`OVERLAP_SECS`] before the previous one ended, so late-posting transactions and pending
//! ones that posted are seen again — usually one request. Every sync ends at `now`.
//!
//! Windows are planned **newest first**, anchored at `now`: the most valuable (recent) data and the
//! window that sees today's pending transactions come first, every window but the oldest is a full
//! 90 days, and only the oldest is clipped at the history boundary.

use chrono::{Days, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::provider::{FetchContext, ProviderError};

/// The Bridge's cap on one request's date range.
pub(super) const MAX_WINDOW_SECS: i64 = 90 * 86_400;
/// How far before the previous sync's end a later sync starts again. A larger overlap costs no
/// extra request (the window stays under 90 days) and keeps card holds of up to two weeks in view.
pub(super) const OVERLAP_SECS: i64 = 14 * 86_400;
const CURSOR_VERSION: u32 = 1;

/// One request's range: `start` inclusive, `end` exclusive, both unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Window {
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cursor {
    v: u32,
    synced_through: i64,
}

/// Reads a cursor written by [`cursor_text`]: the unix second the previous sync reached.
pub(super) fn parse_cursor(text: &str) -> Result<i64, ProviderError> {
    let bad = |why: String| {
        let shown: String = text.chars().filter(|c| !c.is_control()).take(80).collect();
        ProviderError::Malformed(format!(
            "the saved SimpleFIN sync position \"{shown}\" is unreadable ({why})"
        ))
    };
    let cursor: Cursor = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    if cursor.v != CURSOR_VERSION {
        return Err(bad(format!("version {} is not {CURSOR_VERSION}", cursor.v)));
    }
    if cursor.synced_through <= 0 {
        return Err(bad("the time is not after 1970".into()));
    }
    Ok(cursor.synced_through)
}

/// The cursor to store after a sync that reached `synced_through` (unix seconds).
pub(super) fn cursor_text(synced_through: i64) -> String {
    format!("{{\"v\":{CURSOR_VERSION},\"synced_through\":{synced_through}}}")
}

/// The windows of one sync, newest first, contiguous, each at most [`MAX_WINDOW_SECS`] long; the
/// first ends at `ctx.now`. `synced_through` is the previous sync's end (None on the first sync).
pub(super) fn plan(synced_through: Option<i64>, ctx: &FetchContext) -> Vec<Window> {
    let now = ctx.now.timestamp();
    let start = match synced_through {
        Some(t) => t.min(now).saturating_sub(OVERLAP_SECS),
        None => ctx
            .today
            .checked_sub_days(Days::new(u64::from(ctx.history_days)))
            .map_or(0, |d| d.and_time(NaiveTime::MIN).and_utc().timestamp()),
    };
    // Never before 1970, and at least one day even if `today` runs ahead of the UTC clock.
    let start = start.max(0).min(now.saturating_sub(86_400));
    let mut windows = Vec::new();
    let mut end = now;
    while end > start {
        let from = end.saturating_sub(MAX_WINDOW_SECS).max(start);
        windows.push(Window { start: from, end });
        end = from;
    }
    windows
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn ctx(history_days: u32) -> FetchContext {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 15, 12, 0, 0)
            .single()
            .unwrap_or_default();
        FetchContext {
            today: now.date_naive(),
            now,
            history_days,
        }
    }

    fn assert_contiguous(ws: &[Window], now: i64) {
        assert_eq!(ws.first().map(|w| w.end), Some(now));
        for pair in ws.windows(2) {
            assert_eq!(pair[1].end, pair[0].start, "gap or overlap in {ws:?}");
        }
        assert!(
            ws.iter()
                .all(|w| w.start < w.end && w.end - w.start <= MAX_WINDOW_SECS)
        );
    }

    #[test]
    fn first_sync_of_730_days_is_nine_windows_reaching_midnight() {
        let c = ctx(730);
        let ws = plan(None, &c);
        assert_eq!(ws.len(), 9);
        assert_contiguous(&ws, c.now.timestamp());
        let first_day = NaiveDate::from_ymd_opt(2024, 11, 15)
            .map(|d| d.and_time(NaiveTime::MIN).and_utc().timestamp());
        assert_eq!(ws.last().map(|w| w.start), first_day);
        assert!(ws[..8].iter().all(|w| w.end - w.start == MAX_WINDOW_SECS));
    }

    #[test]
    fn later_syncs_overlap_the_previous_end() {
        let c = ctx(730);
        let prev = c.now.timestamp() - 3600;
        assert_eq!(
            plan(Some(prev), &c),
            vec![Window {
                start: prev - OVERLAP_SECS,
                end: c.now.timestamp()
            }]
        );
        // Months without a sync: still ≤ 90-day windows.
        let ws = plan(Some(c.now.timestamp() - 200 * 86_400), &c);
        assert_eq!(ws.len(), 3);
        assert_contiguous(&ws, c.now.timestamp());
        // A clock that went backwards never produces an empty or inverted window.
        let ws = plan(Some(c.now.timestamp() + 86_400), &c);
        assert_eq!(ws.len(), 1);
        assert_contiguous(&ws, c.now.timestamp());
    }

    #[test]
    fn degenerate_histories_stay_bounded() {
        assert_eq!(plan(None, &ctx(0)).len(), 1);
        let huge = plan(None, &ctx(u32::MAX));
        assert_eq!(huge.last().map(|w| w.start), Some(0));
    }

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        assert_eq!(
            parse_cursor(&cursor_text(1_700_000_000)).ok(),
            Some(1_700_000_000)
        );
        for bad in [
            "",
            "{}",
            "{\"v\":2,\"synced_through\":5}",
            "{\"v\":1,\"synced_through\":-5}",
            "nonsense",
        ] {
            assert!(
                matches!(parse_cursor(bad), Err(ProviderError::Malformed(_))),
                "{bad}"
            );
        }
    }
}
