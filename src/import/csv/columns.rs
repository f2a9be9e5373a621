//! Finding the mapped columns in a CSV header (by name, any case, or by position) and guessing
//! the unmapped ones from common header names.

use csv::StringRecord;

use super::super::ParseError;
use super::super::csv_map::{
    AMOUNT_NAMES, CREDIT_NAMES, ColumnRef, CsvMapping, DATE_NAMES, DEBIT_NAMES, DESCRIPTION_NAMES,
    ID_NAMES, PAYEE_NAMES,
};

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
        let guess = |names: &[&str]| -> Option<usize> {
            names.iter().find_map(|n| {
                headers
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case(n))
            })
        };
        let pick = |set: &Option<ColumnRef>, names: &[&str]| -> Result<Option<usize>, ParseError> {
            match set {
                Some(r) => find(r).map(Some),
                None => Ok(guess(names)),
            }
        };
        let date = match &mapping.date {
            Some(r) => find(r)?,
            None => guess(DATE_NAMES)
                .or_else(|| {
                    headers
                        .iter()
                        .position(|h| h.to_ascii_lowercase().contains("date"))
                })
                .ok_or_else(|| missing("date", "--date-column", &headers))?,
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
        Ok(Columns {
            date,
            amounts,
            payee,
            description,
            id: pick(&mapping.id, ID_NAMES)?,
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
