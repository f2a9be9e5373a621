//! The decimal mark of a CSV file's amounts when `--decimal-comma` is not given: the one mark
//! that reads every amount in the file as an amount of its currency (`1.234,56` and `-63,89` only
//! read with a comma; `1,234.56` and `12.50` only with a point). A file whose amounts read both
//! ways with different values is refused: Purse never guesses a decimal mark.

use super::super::values::{Radix, parse_amount, without_code};
use super::super::{ParseError, messages::TWO_DECIMAL_MARKS};
use super::columns::{Amounts, Columns};
use super::rows::Row;
use crate::domain::{Currency, Money};

/// The mark, and a note when it is the comma (so the user sees what was decided).
pub fn detect(
    rows: &[Row],
    cols: &Columns,
    currency: Currency,
) -> Result<(Radix, Option<String>), ParseError> {
    let columns: Vec<usize> = match cols.amounts {
        Amounts::Signed(i) => vec![i],
        Amounts::Split { debit, credit } => debit.into_iter().chain(credit).collect(),
    };
    let cells: Vec<&str> = rows
        .iter()
        .flat_map(|(_, r)| columns.iter().map(|i| r.get(*i).unwrap_or("")))
        .filter(|c| !c.is_empty() && *c != "-")
        .collect();
    let value = |c: &str, radix: Radix| -> Option<rust_decimal::Decimal> {
        let value = parse_amount(without_code(c, currency.code()), radix)?.normalize();
        Money::new(value, currency).to_minor().ok().map(|_| value)
    };
    let read = |radix: Radix| -> Option<Vec<rust_decimal::Decimal>> {
        cells.iter().map(|c| value(c, radix)).collect()
    };
    match (read(Radix::Point), read(Radix::Comma)) {
        (Some(point), Some(comma)) if point != comma => {
            let at = point.iter().zip(&comma).position(|(p, c)| p != c);
            let sample = at.and_then(|i| cells.get(i)).copied().unwrap_or("");
            Err(ParseError::file(format!(
                "{TWO_DECIMAL_MARKS}: \"{sample}\" is {} with a decimal point and {} with a decimal comma; pass --decimal-comma if the comma is the decimal mark",
                at.map_or_else(String::new, |i| point[i].to_string()),
                at.map_or_else(String::new, |i| comma[i].to_string()),
            )))
        }
        (Some(_), _) => Ok((Radix::Point, None)),
        (None, Some(_)) => Ok((Radix::Comma, Some(COMMA_NOTE.to_string()))),
        (None, None) => {
            // Some amount reads with neither: the mark that reads the most, so that the error
            // names the odd amount, not its neighbours.
            let count = |radix| cells.iter().filter(|c| value(c, radix).is_some()).count();
            let radix = if count(Radix::Comma) > count(Radix::Point) {
                Radix::Comma
            } else {
                Radix::Point
            };
            Ok((radix, None))
        }
    }
}

const COMMA_NOTE: &str = "amounts are read with a decimal comma (1.234,56): that is how every amount in the file is written";
