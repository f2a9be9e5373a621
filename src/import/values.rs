//! Single values in statements: amounts written with a `.` or `,` radix (parsed straight into a
//! `Decimal`, never through a float) and dates (OFX `YYYYMMDD[HHMMSS[.XXX]][[±H:TZ]]` and CSV
//! dates in a chrono format). A date is always the calendar date written in the file: times and
//! time-zone offsets are ignored, never applied, so `20231015230000[-5:EST]` is 15 October.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Which character separates the whole part from the fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Radix {
    /// `1,234.56`: `.` is the radix; `,`, spaces and `'` group digits in threes.
    Point,
    /// `1.234,56`: `,` is the radix; `.`, spaces and `'` group digits in threes.
    Comma,
    /// OFX: either mark may be the radix (the spec allows both, with no grouping); when both
    /// appear, the last one is the radix.
    Either,
}

/// The hint shown after a bad amount.
pub const AMOUNT_HINT: &str = "(expected a decimal amount like -12.34 or -12,34)";

/// Parses an amount: optional sign (leading `+`/`-`, trailing `-`, or parentheses), optional
/// currency symbol, digits with the given radix. Returns `None` for anything else.
pub fn parse_amount(text: &str, radix: Radix) -> Option<Decimal> {
    let mut s = text.trim();
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    if let Some(rest) = s.strip_suffix('-') {
        negative = !negative;
        s = rest.trim_end();
    }
    if let Some(rest) = s.strip_prefix('-') {
        negative = !negative;
        s = rest;
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    let s = s
        .trim()
        .trim_start_matches(SYMBOLS)
        .trim_end_matches(SYMBOLS)
        .trim();
    let s = s.strip_prefix('-').map_or(s, |rest| {
        negative = !negative;
        rest
    });
    let cleaned: String = match radix {
        Radix::Point => grouped(s, '.', ',')?,
        Radix::Comma => grouped(s, ',', '.')?,
        Radix::Either => {
            let last_mark = s.rfind(['.', ',']);
            let both = s.contains('.') && s.contains(',');
            let single_mark = s.matches(['.', ',']).count() == 1;
            s.char_indices()
                .filter_map(|(i, c)| match c {
                    '.' | ',' if Some(i) == last_mark && (both || single_mark) => Some('.'),
                    '.' | ',' => None,
                    c if is_space_group(c) => None,
                    c => Some(c),
                })
                .collect()
        }
    };
    let digits = cleaned.chars().filter(char::is_ascii_digit).count();
    let valid = digits > 0
        && cleaned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && cleaned.matches('.').count() <= 1;
    if !valid {
        return None;
    }
    let value = Decimal::from_str_exact(&cleaned).ok()?;
    Some(if negative { -value } else { value })
}

/// `text` without the currency code `code` written before or after the amount (`12,50 EUR`,
/// `EUR -3.00`); any other text is returned as it is (so a different code is no amount).
pub fn without_code<'a>(text: &'a str, code: &str) -> &'a str {
    let t = text.trim();
    let stripped = t
        .strip_suffix(code)
        .or_else(|| t.strip_prefix(code))
        .map(str::trim);
    match stripped {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit()) => rest,
        _ => text,
    }
}

/// Currency symbols written before or after an amount (`$7.10`, `12,50 €`).
const SYMBOLS: [char; 4] = ['$', '€', '£', '¥'];

/// Marks that group digits whatever the radix: spaces and `'` (`1 234,56`, `11'373.94`).
fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\'' | '\u{a0}' | '\u{202f}')
}

/// `s` with `radix` as `.` and its grouping marks (`group`, spaces, `'`) removed, when they group
/// the whole part in threes (`1,234.5`); `None` otherwise, so that `12,50` read with a `.` radix
/// is refused instead of becoming 1250.
fn grouped(s: &str, radix: char, group: char) -> Option<String> {
    let (whole, fraction) = s.split_once(radix).unwrap_or((s, ""));
    if fraction.contains(|c: char| c == group || c == radix || is_space_group(c)) {
        return None;
    }
    let mut groups = whole.split(|c: char| c == group || is_space_group(c));
    let first = groups.next().unwrap_or("");
    let mut out = first.to_string();
    let mut grouped = false;
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        grouped = true;
        out.push_str(g);
    }
    if grouped && !(1..=3).contains(&first.len()) {
        return None;
    }
    if s.contains(radix) {
        out.push('.');
        out.push_str(fraction);
    }
    Some(out)
}

/// The calendar date at the start of an OFX date-time (its first eight digits).
pub fn ofx_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let digits = text.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &text[8..];
    if rest
        .chars()
        .next()
        .is_some_and(|c| !(c.is_ascii_digit() || c == '[' || c == '.'))
    {
        return None;
    }
    let year = digits[..4].parse().ok()?;
    let month = digits[4..6].parse().ok()?;
    let day = digits[6..8].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day).filter(plausible)
}

/// A date in `format` (chrono syntax); anything after the date (a time) must be separated by
/// whitespace or `T`, and is ignored.
pub fn formatted_date(text: &str, format: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (date, rest) = NaiveDate::parse_and_remainder(text, format).ok()?;
    let rest_ok = rest.is_empty() || rest.starts_with([' ', 'T', '\t']);
    (rest_ok && plausible(&date)).then_some(date)
}

/// Statement dates are between 1900 and 2200; anything else is a misread (a two-digit year read
/// as `%Y`, a number taken for a date).
fn plausible(date: &NaiveDate) -> bool {
    (1900..=2200).contains(&date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn amounts_in_every_written_form() {
        let p = |s, r| parse_amount(s, r);
        assert_eq!(p("-12.34", Radix::Point), Some(dec!(-12.34)));
        assert_eq!(p("1,234.50", Radix::Point), Some(dec!(1234.50)));
        assert_eq!(p("1.234,50", Radix::Comma), Some(dec!(1234.50)));
        assert_eq!(p("-12,34", Radix::Comma), Some(dec!(-12.34)));
        assert_eq!(p("(45.00)", Radix::Point), Some(dec!(-45.00)));
        assert_eq!(p("12.00-", Radix::Point), Some(dec!(-12.00)));
        assert_eq!(p("-$7.10", Radix::Point), Some(dec!(-7.10)));
        assert_eq!(p("+0.01", Radix::Point), Some(dec!(0.01)));
        assert_eq!(p("1 234,5", Radix::Comma), Some(dec!(1234.5)));
        for bad in ["", "-", "abc", "1.2.3", "1e5", "12..3", "--"] {
            assert_eq!(p(bad, Radix::Point), None, "{bad:?}");
        }
    }

    #[test]
    fn a_mark_that_does_not_group_in_threes_is_no_grouping_mark() {
        let p = |s, r| parse_amount(s, r);
        // A decimal comma read with a `.` radix (and the reverse) is refused, not multiplied.
        for comma in ["100,00", "-63,89", "12,5", "1,234,56", "1.234,56", ",50"] {
            assert_eq!(p(comma, Radix::Point), None, "{comma:?}");
        }
        for point in ["12.50", "-0.42", "1,234.56", "1.23.456"] {
            assert_eq!(p(point, Radix::Comma), None, "{point:?}");
        }
        assert_eq!(p("1,234,567.89", Radix::Point), Some(dec!(1234567.89)));
        assert_eq!(p("1.234.567,89", Radix::Comma), Some(dec!(1234567.89)));
        assert_eq!(p("11'373.94", Radix::Point), Some(dec!(11373.94)));
        assert_eq!(p("1,234", Radix::Point), Some(dec!(1234)));
        assert_eq!(p("1.234", Radix::Comma), Some(dec!(1234)));
        assert_eq!(p("12,50 €", Radix::Comma), Some(dec!(12.50)));
        assert_eq!(p("-12,50€", Radix::Comma), Some(dec!(-12.50)));
        assert_eq!(p("$1,000.00", Radix::Point), Some(dec!(1000.00)));
    }

    #[test]
    fn the_statement_currency_code_may_be_written_with_the_amount() {
        let read = |s| parse_amount(without_code(s, "EUR"), Radix::Comma);
        assert_eq!(read("12,50 EUR"), Some(dec!(12.50)));
        assert_eq!(read("EUR -3,00"), Some(dec!(-3.00)));
        assert_eq!(read("-1.234,56EUR"), Some(dec!(-1234.56)));
        assert_eq!(read("12,50 USD"), None);
        assert_eq!(read("EUR"), None);
    }

    #[test]
    fn ofx_amounts_take_either_radix() {
        let p = |s| parse_amount(s, Radix::Either);
        assert_eq!(p("-12,34"), Some(dec!(-12.34)));
        assert_eq!(p("-12.34"), Some(dec!(-12.34)));
        assert_eq!(p("1.234,56"), Some(dec!(1234.56)));
        assert_eq!(p("1,234.56"), Some(dec!(1234.56)));
        assert_eq!(p("100"), Some(dec!(100)));
    }

    #[test]
    fn ofx_dates_are_calendar_dates_never_shifted() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(ofx_date("20231015120000.000[-5:EST]"), d(2023, 10, 15));
        assert_eq!(ofx_date("20231015230000[-5:EST]"), d(2023, 10, 15));
        assert_eq!(ofx_date("20231015000000[+13:NZDT]"), d(2023, 10, 15));
        assert_eq!(ofx_date("20231015"), d(2023, 10, 15));
        assert_eq!(ofx_date(" 20240229 "), d(2024, 2, 29));
        for bad in [
            "2023101",
            "20231301",
            "20230230",
            "2023-10-15",
            "00001015",
            "20231015x",
        ] {
            assert_eq!(ofx_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn formatted_dates_ignore_times_and_reject_two_digit_years_as_four() {
        let d = NaiveDate::from_ymd_opt(2023, 10, 5);
        assert_eq!(formatted_date("2023-10-05", "%Y-%m-%d"), d);
        assert_eq!(formatted_date("2023-10-05 23:59:00", "%Y-%m-%d"), d);
        assert_eq!(formatted_date("10/5/2023", "%m/%d/%Y"), d);
        assert_eq!(formatted_date("05.10.2023", "%d.%m.%Y"), d);
        assert_eq!(formatted_date("10/05/23", "%m/%d/%Y"), None);
        assert_eq!(formatted_date("10/05/23", "%m/%d/%y"), d);
        assert_eq!(formatted_date("2023-10-05x", "%Y-%m-%d"), None);
    }
}
