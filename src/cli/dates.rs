//! Dates typed on the command line: one `YYYY-MM-DD` flag, and the `--since`/`--until` range.

use anyhow::{Context as _, bail};
use chrono::NaiveDate;

pub fn parse_date(flag: &str, text: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .with_context(|| format!("{flag} \"{text}\" is not a date (expected YYYY-MM-DD)"))
}

/// `--since` and `--until` read as dates; a range that ends before it starts is refused.
pub fn date_range(
    since: Option<&str>,
    until: Option<&str>,
) -> anyhow::Result<(Option<NaiveDate>, Option<NaiveDate>)> {
    let since = since.map(|d| parse_date("--since", d)).transpose()?;
    let until = until.map(|d| parse_date("--until", d)).transpose()?;
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        bail!("--since {s} is after --until {u}: no day is in that range; swap the two dates");
    }
    Ok((since, until))
}
