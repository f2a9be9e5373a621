//! CSV statements: records read by the `csv` crate, columns found through a [`CsvMapping`] (or
//! guessed from the header), dates in a given or detected format, amounts with a `.` or `,` radix,
//! one signed column or debit/credit columns. Every error names the line and column.

mod columns;

use chrono::NaiveDate;
use csv::{ReaderBuilder, StringRecord, Trim};

use self::columns::{Amounts, Columns};
use super::csv_map::{CsvMapping, SignConvention};
use super::statement::{Statement, StatementTxn};
use super::values::{AMOUNT_HINT, Radix, formatted_date, parse_amount};
use super::{Format, ParseError, ParsedFile, Position};
use crate::domain::{AccountKind, Currency, Money};

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

/// Reads a CSV statement.
pub fn parse(
    text: &str,
    mapping: &CsvMapping,
    default_currency: Currency,
) -> Result<ParsedFile, ParseError> {
    let mut body = text;
    for _ in 0..mapping.skip_rows {
        body = body.split_once('\n').map_or("", |(_, rest)| rest);
    }
    let skipped = mapping.skip_rows.min(text.matches('\n').count());
    let delimiter = mapping.delimiter.unwrap_or_else(|| sniff(body));
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(Trim::All)
        .from_reader(body.as_bytes());
    let mut header: Option<StringRecord> = None;
    let mut rows: Vec<(usize, StringRecord)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize) + skipped;
            ParseError::new(Position::line(line), format!("cannot be read as CSV: {e}"))
        })?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize) + skipped;
        if header.is_none() && !mapping.no_header {
            header = Some(record);
        } else {
            rows.push((line, record));
        }
    }
    if rows.is_empty() {
        return Err(ParseError::file(
            "holds no transactions (nothing after the header)",
        ));
    }
    let cols = Columns::resolve(mapping, header.as_ref())?;
    let currency = mapping.currency.unwrap_or(default_currency);
    let date_format = match &mapping.date_format {
        Some(f) => f.clone(),
        None => detect_date_format(&rows, &cols)?,
    };
    let radix = if mapping.decimal_comma {
        Radix::Comma
    } else {
        Radix::Point
    };
    let mut transactions = Vec::with_capacity(rows.len());
    for (line, record) in &rows {
        let cell = |i: usize| record.get(i).unwrap_or("");
        let at = |i: usize| Position {
            line: Some(*line),
            field: Some(format!("column {}", cols.label(i))),
        };
        let date_text = cell(cols.date);
        let date = formatted_date(date_text, &date_format).ok_or_else(|| {
            ParseError::new(
                at(cols.date),
                format!("\"{date_text}\" is not a date in the format {date_format}"),
            )
        })?;
        let amount_of =
            |i: usize, blank_is_zero: bool| -> Result<rust_decimal::Decimal, ParseError> {
                let text = cell(i);
                if blank_is_zero && (text.is_empty() || text == "-") {
                    return Ok(rust_decimal::Decimal::ZERO);
                }
                parse_amount(text, radix).ok_or_else(|| {
                    ParseError::new(at(i), format!("\"{text}\" is not an amount {AMOUNT_HINT}"))
                })
            };
        let mut amount = match cols.amounts {
            Amounts::Signed(i) => amount_of(i, false)?,
            Amounts::Split { debit, credit } => {
                let out = debit
                    .map(|i| amount_of(i, true))
                    .transpose()?
                    .unwrap_or_default();
                let inn = credit
                    .map(|i| amount_of(i, true))
                    .transpose()?
                    .unwrap_or_default();
                inn.abs() - out.abs()
            }
        };
        if mapping.sign == SignConvention::OutPositive {
            amount = -amount;
        }
        let money = Money::new(amount.normalize(), currency);
        money
            .to_minor()
            .map_err(|e| ParseError::new(Position::line(*line), e.to_string()))?;
        let text_of = |i: Option<usize>| {
            i.map(|i| cell(i).split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
        };
        let payee = text_of(cols.payee).or_else(|| text_of(cols.description));
        let description = text_of(cols.description).or_else(|| payee.clone());
        let raw: serde_json::Map<String, serde_json::Value> = record
            .iter()
            .enumerate()
            .map(|(i, v)| (cols.name(i), serde_json::Value::from(v)))
            .collect();
        transactions.push(StatementTxn {
            line: *line,
            id: text_of(cols.id),
            date,
            amount: money,
            payee: payee.unwrap_or_else(|| "Unknown".to_string()),
            description: description.unwrap_or_default(),
            category: None,
            correction: None,
            raw: serde_json::Value::Object(raw).to_string(),
        });
    }
    Ok(ParsedFile {
        format: Format::Csv,
        statements: vec![Statement {
            account_key: None,
            account_number: None,
            institution: None,
            kind: mapping.kind.unwrap_or(AccountKind::Checking),
            currency,
            period: None,
            ledger: None,
            available: None,
            transactions,
        }],
        notes: Vec::new(),
    })
}

/// The most frequent of `,` `;` tab `|` outside quotes on the first line (`,` on a tie).
fn sniff(body: &str) -> u8 {
    let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b','))
        .map_or(b',', |(d, _)| *d)
}

/// The one format that reads every date in the file; when several do and disagree (`03/04/2024`),
/// an error asks for `--date-format`.
fn detect_date_format(
    rows: &[(usize, StringRecord)],
    cols: &Columns,
) -> Result<String, ParseError> {
    let cells: Vec<&str> = rows
        .iter()
        .map(|(_, r)| r.get(cols.date).unwrap_or(""))
        .collect();
    let readings: Vec<(&str, Vec<NaiveDate>)> = DATE_FORMATS
        .iter()
        .filter_map(|f| {
            let dates: Option<Vec<NaiveDate>> =
                cells.iter().map(|c| formatted_date(c, f)).collect();
            dates.map(|d| (*f, d))
        })
        .collect();
    match readings.as_slice() {
        [] => {
            let (line, record) = &rows[0];
            let sample = record.get(cols.date).unwrap_or("");
            Err(ParseError::new(
                Position {
                    line: Some(*line),
                    field: Some(format!("column {}", cols.label(cols.date))),
                },
                format!(
                    "\"{sample}\" (or a later date) is in no format Purse knows; pass --date-format, like --date-format %d/%m/%Y"
                ),
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
