//! The date format of a CSV file's date column: given, or the one format that reads every date.
//! A date no format reads is reported at its own line, quoting its own value.

use chrono::NaiveDate;
use csv::StringRecord;

use super::super::values::formatted_date;
use super::super::{ParseError, Position};
use super::columns::Columns;

/// Date formats tried when none is given, most common first.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%m-%d-%Y",
    "%d-%m-%Y",
    "%Y%m%d",
    "%d %b %Y",
    "%b %d, %Y",
    "%d-%b-%Y",
    "%m/%d/%y",
    "%d/%m/%y",
    "%d.%m.%y",
];

/// The one format that reads every date in the file; when several do and disagree
/// (`03/04/2024`), an error asks for `--date-format`. When none reads them all, the error names
/// the first date that the format reading the most of them cannot read.
pub fn detect(rows: &[(usize, StringRecord)], cols: &Columns) -> Result<String, ParseError> {
    let cells: Vec<&str> = rows
        .iter()
        .map(|(_, r)| r.get(cols.date).unwrap_or(""))
        .collect();
    let readings: Vec<(&str, Vec<Option<NaiveDate>>)> = DATE_FORMATS
        .iter()
        .map(|f| (*f, cells.iter().map(|c| formatted_date(c, f)).collect()))
        .collect();
    let complete: Vec<(&str, Vec<NaiveDate>)> = readings
        .iter()
        .filter_map(|(f, d)| Some((*f, d.iter().copied().collect::<Option<Vec<_>>>()?)))
        .collect();
    match complete.as_slice() {
        [] => {
            let read = |d: &[Option<NaiveDate>]| d.iter().filter(|d| d.is_some()).count();
            // The format reading the most dates (the first such in DATE_FORMATS).
            let best = readings
                .iter()
                .rev()
                .max_by_key(|(_, d)| read(d))
                .filter(|(_, d)| read(d) > 0);
            let (index, hint) = match best {
                Some((f, d)) => (
                    d.iter().position(Option::is_none).unwrap_or(0),
                    format!(
                        "is not a date like the file's others ({f}); fix it, or pass --date-format"
                    ),
                ),
                None => (
                    0,
                    "(or a later date) is in no format Purse knows; pass --date-format, like --date-format %d/%m/%Y".to_string(),
                ),
            };
            let line = rows.get(index).map(|(line, _)| *line);
            let sample = cells.get(index).copied().unwrap_or("");
            Err(ParseError::new(
                Position {
                    line,
                    field: Some(format!("column {}", cols.label(cols.date))),
                },
                format!("\"{sample}\" {hint}"),
            ))
        }
        [(first, dates), rest @ ..] => {
            if let Some((other, _)) = rest.iter().find(|(_, d)| d != dates) {
                return Err(ParseError::file(format!(
                    "its dates read both as {first} and as {other}; pass --date-format to say which"
                )));
            }
            Ok((*first).to_string())
        }
    }
}
