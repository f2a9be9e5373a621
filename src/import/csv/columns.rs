//! Finding the mapped columns in a CSV header (by name, any case, or by position) and guessing
//! the unmapped ones from common header names.

use csv::StringRecord;

use super::super::ParseError;
use super::super::csv_map::{
    AMOUNT_NAMES, CREDIT_NAMES, CURRENCY_NAMES, ColumnRef, CsvMapping, DATE_NAMES, DEBIT_NAMES,
    DESCRIPTION_NAMES, ID_NAMES, PAYEE_NAMES, TRANSACTION_DATE_WORDS, TYPE_NAMES,
};
use crate::import::messages::{DATE_COLUMN_FLAG, TWO_DATE_COLUMNS};

/// Where the amount is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amounts {
    Signed(usize),
    Split {
        debit: Option<usize>,
        credit: Option<usize>,
    },
}

/// Column positions for one file.
#[derive(Debug, Clone)]
pub struct Columns {
    pub date: usize,
    pub amounts: Amounts,
    pub payee: Option<usize>,
    pub description: Option<usize>,
    pub id: Option<usize>,
    /// The currency column, given or found by name.
    pub currency: Option<usize>,
    /// The debit/credit column: given (`explicit`), or a candidate found by name that is used
    /// only if every row holds a debit or credit word.
    pub kind: Option<usize>,
    pub kind_explicit: bool,
    /// The other date columns, when the date column was chosen among several.
    pub other_dates: Vec<usize>,
    headers: Vec<String>,
}

impl Columns {
    pub fn resolve(
        mapping: &CsvMapping,
        header: Option<&StringRecord>,
    ) -> Result<Columns, ParseError> {
        let headers: Vec<String> = header
            .map(|h| h.iter().map(str::to_string).collect())
            .unwrap_or_default();
        let find = |r: &ColumnRef| -> Result<usize, ParseError> {
            match r {
                ColumnRef::Index(i) => Ok(*i),
                ColumnRef::Name(name) => headers
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
                    .ok_or_else(|| no_column(r, &headers)),
            }
        };
        let normal: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
        let guess = |names: &[&str]| -> Option<usize> {
            names
                .iter()
                .find_map(|n| normal.iter().position(|h| h == n))
        };
        let pick = |set: &Option<ColumnRef>, names: &[&str]| -> Result<Option<usize>, ParseError> {
            match set {
                Some(r) => find(r).map(Some),
                None => Ok(guess(names)),
            }
        };
        let date = match &mapping.date {
            Some(r) => find(r)?,
            None => date_column(&normal, &headers)?,
        };
        let other_dates = if mapping.date.is_some() {
            Vec::new()
        } else {
            (0..normal.len())
                .filter(|i| *i != date && normal[*i].contains("date"))
                .collect()
        };
        let explicit_split = mapping.debit.is_some() || mapping.credit.is_some();
        let amounts = match (&mapping.amount, explicit_split) {
            (Some(r), _) => Amounts::Signed(find(r)?),
            (None, true) => Amounts::Split {
                debit: mapping.debit.as_ref().map(&find).transpose()?,
                credit: mapping.credit.as_ref().map(&find).transpose()?,
            },
            (None, false) => match (guess(AMOUNT_NAMES), guess(DEBIT_NAMES), guess(CREDIT_NAMES)) {
                (Some(a), _, _) => Amounts::Signed(a),
                (None, None, None) => {
                    return Err(missing(
                        "amount",
                        "--amount-column (or --debit-column and --credit-column)",
                        &headers,
                    ));
                }
                (None, debit, credit) => Amounts::Split { debit, credit },
            },
        };
        let description = pick(&mapping.description, DESCRIPTION_NAMES)?;
        let payee = match pick(&mapping.payee, PAYEE_NAMES)? {
            Some(p) => Some(p),
            None => description,
        };
        if payee.is_none() && description.is_none() {
            return Err(missing("payee or description", "--payee-column", &headers));
        }
        let kind_explicit = mapping.type_column.is_some();
        let kind = match (&mapping.type_column, amounts) {
            (Some(r), _) => Some(find(r)?),
            (None, Amounts::Signed(_)) => guess(TYPE_NAMES),
            (None, Amounts::Split { .. }) => None,
        };
        Ok(Columns {
            date,
            amounts,
            payee,
            description,
            id: pick(&mapping.id, ID_NAMES)?,
            currency: pick(&mapping.currency_column, CURRENCY_NAMES)?,
            kind,
            kind_explicit,
            other_dates,
            headers,
        })
    }

    /// `"Amount"` (with its header) or `3` (position, 1-based), for messages.
    pub fn label(&self, i: usize) -> String {
        match self.headers.get(i) {
            Some(h) if !h.is_empty() => format!("\"{h}\""),
            _ => (i + 1).to_string(),
        }
    }

    /// The header of column `i`, or its position, as a key in the raw payload.
    pub fn name(&self, i: usize) -> String {
        match self.headers.get(i) {
            Some(h) if !h.is_empty() => h.clone(),
            _ => (i + 1).to_string(),
        }
    }
}

/// A header in lower case, `_`, `-` and `.` read as spaces, runs of spaces collapsed.
fn normalize(header: &str) -> String {
    header
        .to_lowercase()
        .replace(['_', '-', '.'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The date column when none is given: a header that is one of [`DATE_NAMES`] (first in that
/// list wins); else the one date column named like the transaction's date; else the only date
/// column. Two that remain is an error naming them and the flag.
fn date_column(normal: &[String], headers: &[String]) -> Result<usize, ParseError> {
    if let Some(i) = DATE_NAMES
        .iter()
        .find_map(|n| normal.iter().position(|h| h == n))
    {
        return Ok(i);
    }
    let dates: Vec<usize> = (0..normal.len())
        .filter(|i| normal[*i].contains("date"))
        .collect();
    let preferred: Vec<usize> = dates
        .iter()
        .copied()
        .filter(|i| {
            normal[*i]
                .split(' ')
                .any(|w| TRANSACTION_DATE_WORDS.contains(&w))
        })
        .collect();
    let remaining = if preferred.is_empty() {
        dates
    } else {
        preferred
    };
    match remaining.as_slice() {
        [] => Err(missing("date", DATE_COLUMN_FLAG, headers)),
        [one] => Ok(*one),
        several => Err(ParseError::file(format!(
            "{TWO_DATE_COLUMNS}: {}; choose one with {DATE_COLUMN_FLAG}",
            several
                .iter()
                .map(|i| format!("\"{}\"", headers[*i]))
                .collect::<Vec<_>>()
                .join(" and ")
        ))),
    }
}

fn no_column(r: &ColumnRef, headers: &[String]) -> ParseError {
    ParseError::file(format!(
        "has no column {r} (its columns are: {})",
        if headers.is_empty() {
            "unnamed: the file has no header, so give columns by position".to_string()
        } else {
            headers.join(", ")
        }
    ))
}

fn missing(what: &str, flag: &str, headers: &[String]) -> ParseError {
    ParseError::file(format!(
        "has no column Purse recognises as the {what} (columns: {}); name it with {flag} or a preset",
        if headers.is_empty() {
            "none named".to_string()
        } else {
            headers.join(", ")
        }
    ))
}
