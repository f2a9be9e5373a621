//! Which records of a CSV file are transactions: the header and blank lines are not,
//! `--skip-footer N` drops the last N, one-cell records (`***END OF FILE***`, section titles)
//! and records without a date (totals) are skipped with a note that quotes them. Also the columns
//! that are read across rows: the currency column and the debit/credit column.

use csv::{ReaderBuilder, StringRecord, Trim};

use super::super::csv_map::{CREDIT_WORDS, CsvMapping, DEBIT_WORDS};
use super::super::messages::{
    FOOTER_SKIPPED, MIXED_CURRENCIES, NO_DATE_SKIPPED, NOT_DEBIT_OR_CREDIT, TITLE_SKIPPED,
};
use super::super::{ParseError, Position};
use super::columns::Columns;
use crate::domain::Currency;

/// A record and the line it starts on.
pub type Row = (usize, StringRecord);

/// The header (unless the file has none) and the records after it, `--skip-rows` and
/// `--skip-footer` applied; one-cell lines above the header are titles, skipped with a note.
pub fn read(
    text: &str,
    mapping: &CsvMapping,
    delimiter: u8,
    notes: &mut Vec<String>,
) -> Result<(Option<StringRecord>, Vec<Row>), ParseError> {
    let mut body = text;
    for _ in 0..mapping.skip_rows {
        body = body.split_once('\n').map_or("", |(_, rest)| rest);
    }
    let skipped = mapping.skip_rows.min(text.matches('\n').count());
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(Trim::All)
        .from_reader(body.as_bytes());
    let mut header: Option<StringRecord> = None;
    let mut rows: Vec<Row> = Vec::new();
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
            if record.iter().filter(|c| !c.is_empty()).count() <= 1 {
                // A title above the header ("Transactions for account …"): no header is one cell.
                notes.push(format!(
                    "line {line} (\"{}\") {TITLE_SKIPPED}",
                    quoted(&record)
                ));
                continue;
            }
            header = Some(record);
        } else {
            rows.push((line, record));
        }
    }
    let keep = rows.len().saturating_sub(mapping.skip_footer);
    rows.truncate(keep);
    Ok((header, rows))
}

/// Drops records with at most one filled cell (a title, section or footer line such as
/// `***END OF FILE***`: no transaction fits in one cell), then records whose date cell is empty
/// (totals), each with a note quoting it.
pub fn drop_non_transactions(rows: &mut Vec<Row>, cols: &Columns, notes: &mut Vec<String>) {
    rows.retain(|(line, record)| {
        let filled = record.iter().filter(|c| !c.is_empty()).count();
        let dated = !record.get(cols.date).unwrap_or("").is_empty();
        let why = if filled <= 1 {
            FOOTER_SKIPPED
        } else if !dated {
            NO_DATE_SKIPPED
        } else {
            return true;
        };
        notes.push(format!("line {line} (\"{}\") {why}", quoted(record)));
        false
    });
}

fn quoted(record: &StringRecord) -> String {
    let text = record.iter().collect::<Vec<_>>().join(",");
    text.trim_end_matches(',').chars().take(60).collect()
}

/// The file's one currency from its currency column (empty cells take `fallback`); an unknown
/// code, two currencies, or a code other than `--currency` names the line.
pub fn currency(
    rows: &[Row],
    cols: &Columns,
    given: Option<Currency>,
    fallback: Currency,
) -> Result<Currency, ParseError> {
    let Some(i) = cols.currency else {
        return Ok(given.unwrap_or(fallback));
    };
    let at = |line: usize| Position {
        line: Some(line),
        field: Some(format!("column {}", cols.label(i))),
    };
    let mut seen: Option<(Currency, usize)> = None;
    for (line, record) in rows {
        let code = record.get(i).unwrap_or("");
        if code.is_empty() {
            continue;
        }
        let c = Currency::new(code).map_err(|_| {
            ParseError::new(at(*line), format!("\"{code}\" is not a currency code"))
        })?;
        if let Some(g) = given.filter(|g| *g != c) {
            return Err(ParseError::new(
                at(*line),
                format!("says {c}, but --currency says {g}"),
            ));
        }
        match seen {
            None => seen = Some((c, *line)),
            Some((first, first_line)) if first != c => {
                return Err(ParseError::new(
                    at(*line),
                    format!(
                        "{MIXED_CURRENCIES}: {first} (line {first_line}) and {c}; split it and import each currency into its own account"
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(seen.map(|(c, _)| c).or(given).unwrap_or(fallback))
}

/// The sign each row's debit/credit cell gives (`Some(true)`: money out), when the file has such
/// a column: a given one must hold a debit or credit word in every row; one found by its header
/// is used only if it does (a "Type" column of card payments is not a debit/credit column).
pub fn signs(
    rows: &[Row],
    cols: &Columns,
    notes: &mut Vec<String>,
) -> Result<Option<Vec<bool>>, ParseError> {
    let Some(i) = cols.kind else { return Ok(None) };
    let mut out = Vec::with_capacity(rows.len());
    for (line, record) in rows {
        let value = record.get(i).unwrap_or("");
        let word = value.to_lowercase();
        let word = word.trim_end_matches('.');
        if DEBIT_WORDS.contains(&word) {
            out.push(true);
        } else if CREDIT_WORDS.contains(&word) {
            out.push(false);
        } else if cols.kind_explicit {
            return Err(ParseError::new(
                Position {
                    line: Some(*line),
                    field: Some(format!("column {}", cols.label(i))),
                },
                format!(
                    "\"{value}\" {NOT_DEBIT_OR_CREDIT} (expected one of {} or {})",
                    DEBIT_WORDS.join("/"),
                    CREDIT_WORDS.join("/")
                ),
            ));
        } else {
            return Ok(None);
        }
    }
    if !cols.kind_explicit {
        notes.push(format!(
            "the sign of each amount comes from column {} (debit is money out, credit money in)",
            cols.label(i)
        ));
    }
    Ok(Some(out))
}
