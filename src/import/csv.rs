//! CSV statements: records read by the `csv` crate, columns found through a [`CsvMapping`] (or
//! guessed from the header), dates in a given or detected format, amounts with a `.` or `,` radix
//! (given, or the one that reads every amount: `csv/radix.rs`),
//! one signed column, debit/credit columns, or a signed column whose sign a debit/credit column
//! decides; amounts may carry the statement's currency code (`12,50 EUR`); the currency from a
//! currency column when there is one. Footer and total lines are
//! skipped with a note (`csv/rows.rs`). Every error names the line and column.

mod columns;
mod dates;
mod radix;
mod rows;

use self::columns::{Amounts, Columns};
use super::csv_map::{CsvMapping, SignConvention};
use super::statement::{Statement, StatementTxn};
use super::values::{AMOUNT_HINT, Radix, formatted_date, parse_amount, without_code};
use super::{Format, ParseError, ParsedFile, Position};
use crate::domain::{AccountKind, Currency, Money};

/// Reads a CSV statement.
pub fn parse(
    text: &str,
    mapping: &CsvMapping,
    default_currency: Currency,
) -> Result<ParsedFile, ParseError> {
    let delimiter = mapping.delimiter.unwrap_or_else(|| {
        let mut body = text;
        for _ in 0..mapping.skip_rows {
            body = body.split_once('\n').map_or("", |(_, rest)| rest);
        }
        sniff(body)
    });
    let mut notes = Vec::new();
    let (header, mut rows) = rows::read(text, mapping, delimiter, &mut notes)?;
    let nothing = || ParseError::file("holds no transactions (nothing after the header)");
    if rows.is_empty() {
        return Err(nothing());
    }
    let cols = Columns::resolve(mapping, header.as_ref())?;
    rows::drop_non_transactions(&mut rows, &cols, &mut notes);
    if rows.is_empty() {
        return Err(nothing());
    }
    if !cols.other_dates.is_empty() {
        notes.push(format!(
            "dates are read from column {} (the file also has {}; choose another with {})",
            cols.label(cols.date),
            cols.other_dates
                .iter()
                .map(|i| cols.label(*i))
                .collect::<Vec<_>>()
                .join(", "),
            super::messages::DATE_COLUMN_FLAG
        ));
    }
    let currency = rows::currency(&rows, &cols, mapping.currency, default_currency)?;
    let signs = rows::signs(&rows, &cols, &mut notes)?;
    let date_format = match &mapping.date_format {
        Some(f) => f.clone(),
        None => dates::detect(&rows, &cols)?,
    };
    let radix = if mapping.decimal_comma {
        Radix::Comma
    } else {
        let (radix, note) = radix::detect(&rows, &cols, currency)?;
        notes.extend(note);
        radix
    };
    let mut transactions = Vec::with_capacity(rows.len());
    for (n, (line, record)) in rows.iter().enumerate() {
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
                parse_amount(without_code(text, currency.code()), radix).ok_or_else(|| {
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
        match signs.as_ref().and_then(|s| s.get(n)) {
            Some(true) => amount = -amount.abs(),
            Some(false) => amount = amount.abs(),
            None if mapping.sign == SignConvention::OutPositive => amount = -amount,
            None => {}
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
        notes,
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
