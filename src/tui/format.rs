//! Short human renderings for table cells: compact money, relative times, days until a bill,
//! dates and percentages, plus text bars for budget use and charts; and [`shown`], the one way
//! outside text (payees, names, messages) is drawn: [`truncate`] and [`wrap`] apply it, and so must
//! any view that draws such text another way.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use std::borrow::Cow;

use crate::domain::{Money, terminal_safe};

/// Outside text as the dashboard shows it: control characters and bidi overrides visible
/// (`␛`, `\u{202e}`), on one line. See [`crate::domain::text`].
pub fn shown(s: &str) -> Cow<'_, str> {
    terminal_safe(s)
}

/// Money without a zero fraction: "$5,000" rather than "$5,000.00" (cents kept when present).
pub fn compact(m: &Money) -> String {
    let full = m.display();
    match full.split_once('.') {
        Some((int, rest)) => {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.chars().all(|c| c == '0') {
                format!("{int}{}", &rest[digits.len()..])
            } else {
                full
            }
        }
        None => full,
    }
}

/// "just now", "5m ago", "3h ago", "2d ago", then the date.
pub fn relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds();
    match secs {
        s if s < 60 => "just now".to_string(),
        s if s < 3_600 => format!("{}m ago", s / 60),
        s if s < 86_400 => format!("{}h ago", s / 3_600),
        s if s < 7 * 86_400 => format!("{}d ago", s / 86_400),
        _ => then.format("%b %d").to_string(),
    }
}

pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn short_date(d: NaiveDate) -> String {
    d.format("%b %d").to_string()
}

/// "82%"; anything past 999% is ">999%" so the column keeps its width.
pub fn percent(p: Decimal) -> String {
    if p > Decimal::from(999) {
        ">999%".to_string()
    } else {
        format!("{}%", p.round_dp(0))
    }
}

/// A bar `width` cells wide for `percent` (capped at full): "██████░░░░".
pub fn bar(percent: Decimal, width: usize) -> (String, String) {
    let ratio = (percent / Decimal::ONE_HUNDRED).clamp(Decimal::ZERO, Decimal::ONE);
    let filled = (ratio * Decimal::from(width)).round();
    let filled = filled.to_usize().unwrap_or(width).min(width);
    ("█".repeat(filled), "░".repeat(width - filled))
}

/// A horizontal bar `width` cells long at full `max`, for `value` (eighth-cell steps, integer
/// arithmetic only): "████▌".
pub fn hbar(value: u64, max: u64, width: usize) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if max == 0 || width == 0 {
        return String::new();
    }
    let eighths = u128::from(value.min(max)) * (width as u128) * 8 / u128::from(max);
    let eighths = usize::try_from(eighths).unwrap_or(width * 8);
    format!("{}{}", "█".repeat(eighths / 8), PARTS[eighths % 8])
}

/// [`shown`] and cut to at most `max` characters, ending in "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = shown(s);
    if s.chars().count() <= max {
        return s.to_string();
    }
    let keep: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{keep}…")
}

/// [`shown`] and word-wrapped to `width` columns in at most `max_lines` lines, ending in "…" when
/// cut.
pub fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
    let s = shown(s);
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines.max(1));
    if let Some(last) = lines.last_mut()
        && (cut || last.chars().count() > width)
    {
        let keep: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{keep}…");
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;
    use rust_decimal::dec;

    #[test]
    fn compact_money_drops_only_zero_cents() {
        assert_eq!(compact(&Money::new(dec!(5000), Currency::USD)), "$5,000");
        assert_eq!(compact(&Money::new(dec!(-12.5), Currency::USD)), "-$12.50");
        assert_eq!(
            compact(&Money::new(
                dec!(7),
                Currency::new("CHF").unwrap_or(Currency::USD)
            )),
            "7 CHF"
        );
    }

    #[test]
    fn bars_and_days() {
        assert_eq!(bar(dec!(50), 10), ("█████".into(), "░░░░░".into()));
        assert_eq!(bar(dec!(180), 4), ("████".into(), String::new()));
        assert_eq!(bar(dec!(-5), 3).0, "");
        assert_eq!(hbar(50, 100, 4), "██");
        assert_eq!(hbar(100, 100, 4), "████");
        assert_eq!(hbar(1, 16, 4), "▎", "a quarter cell");
        assert_eq!(hbar(7, 0, 4), "");
        assert_eq!(hbar(u64::MAX, u64::MAX, 3), "███");
        assert_eq!(truncate("Groceries", 5), "Groc…");
        assert_eq!(
            wrap("Visa statement of $2,655.20 due Nov 24", 16, 2),
            ["Visa statement", "of $2,655.20 du…"]
        );
        assert_eq!(wrap("short", 16, 2), ["short"]);
    }
}
