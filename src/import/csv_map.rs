//! How a CSV file's columns map to a transaction: set by `purse import` flags, by a named
//! `[[import.csv]]` preset in the config, or guessed from common header names. Columns are named
//! by header (any case) or by 1-based position.

use std::fmt;

use crate::domain::{AccountKind, Currency};

mod names;

pub(super) use names::{
    AMOUNT_NAMES, CREDIT_NAMES, CURRENCY_NAMES, DATE_NAMES, DEBIT_NAMES, DESCRIPTION_NAMES,
    ID_NAMES, PAYEE_NAMES, TRANSACTION_DATE_WORDS, TYPE_NAMES,
};
pub use names::{CREDIT_WORDS, DEBIT_WORDS};

/// A column, by header name or by position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    Name(String),
    /// 0-based position (written 1-based: `--amount-column 3`).
    Index(usize),
}

impl ColumnRef {
    /// `"3"` is the third column; anything else is a header name.
    pub fn parse(text: &str) -> Option<ColumnRef> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        match text.parse::<usize>() {
            Ok(n) if n >= 1 => Some(ColumnRef::Index(n - 1)),
            Ok(_) => None,
            Err(_) => Some(ColumnRef::Name(text.to_string())),
        }
    }
}

impl fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnRef::Name(n) => write!(f, "\"{n}\""),
            ColumnRef::Index(i) => write!(f, "{}", i + 1),
        }
    }
}

/// Which sign money leaving the account has in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignConvention {
    /// Money out is negative (Purse's own convention).
    #[default]
    OutNegative,
    /// Money out is positive (many card exports): amounts are negated.
    OutPositive,
}

impl SignConvention {
    pub const HINT: &str = "expected out-negative (money out is negative) or out-positive";

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "out-negative" | "normal" => Some(SignConvention::OutNegative),
            "out-positive" | "inverted" => Some(SignConvention::OutPositive),
            _ => None,
        }
    }
}

/// A CSV column mapping. Unset columns are guessed from the header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CsvMapping {
    pub date: Option<ColumnRef>,
    /// A chrono format like `%d/%m/%Y`; unset: detected from the file's dates.
    pub date_format: Option<String>,
    /// One signed amount column…
    pub amount: Option<ColumnRef>,
    /// …or money out and money in in two columns.
    pub debit: Option<ColumnRef>,
    pub credit: Option<ColumnRef>,
    pub payee: Option<ColumnRef>,
    pub description: Option<ColumnRef>,
    /// The bank's transaction id, if the file has one.
    pub id: Option<ColumnRef>,
    /// A debit/credit column (`DEBIT`, `CR`, …) that decides the amount's sign.
    pub type_column: Option<ColumnRef>,
    /// A column holding each row's currency code.
    pub currency_column: Option<ColumnRef>,
    pub sign: SignConvention,
    /// Amounts are written `1.234,56`.
    pub decimal_comma: bool,
    /// Field separator; unset: the most frequent of `,` `;` tab `|` in the header line.
    pub delimiter: Option<u8>,
    /// Lines before the header (a bank's preamble).
    pub skip_rows: usize,
    /// Records after the last transaction (a bank's footer or totals).
    pub skip_footer: usize,
    /// The file has no header line (columns must then be given by position).
    pub no_header: bool,
    pub currency: Option<Currency>,
    /// The kind of account a new account from this file gets.
    pub kind: Option<AccountKind>,
    /// The account the file belongs to (name or id), unless `--account` says otherwise.
    pub account: Option<String>,
}

impl CsvMapping {
    /// `self` with every setting that `over` sets taken from `over` (flags over a preset).
    pub fn overlaid(self, over: CsvMapping) -> CsvMapping {
        CsvMapping {
            date: over.date.or(self.date),
            date_format: over.date_format.or(self.date_format),
            amount: over.amount.or(self.amount),
            debit: over.debit.or(self.debit),
            credit: over.credit.or(self.credit),
            payee: over.payee.or(self.payee),
            description: over.description.or(self.description),
            id: over.id.or(self.id),
            type_column: over.type_column.or(self.type_column),
            currency_column: over.currency_column.or(self.currency_column),
            sign: if over.sign == SignConvention::default() {
                self.sign
            } else {
                over.sign
            },
            decimal_comma: over.decimal_comma || self.decimal_comma,
            delimiter: over.delimiter.or(self.delimiter),
            skip_rows: if over.skip_rows > 0 {
                over.skip_rows
            } else {
                self.skip_rows
            },
            skip_footer: if over.skip_footer > 0 {
                over.skip_footer
            } else {
                self.skip_footer
            },
            no_header: over.no_header || self.no_header,
            currency: over.currency.or(self.currency),
            kind: over.kind.or(self.kind),
            account: over.account.or(self.account),
        }
    }
}

/// Parses a delimiter setting: one character, or `tab`.
pub fn parse_delimiter(text: &str) -> Option<u8> {
    match text {
        "tab" | "\\t" | "\t" => Some(b'\t'),
        s if s.len() == 1 && s.is_ascii() => s.bytes().next(),
        _ => None,
    }
}

/// True when `format` is a chrono date format that reads back what it writes.
pub fn valid_date_format(format: &str) -> bool {
    use std::fmt::Write;
    let Some(sample) = chrono::NaiveDate::from_ymd_opt(2024, 11, 28) else {
        return false;
    };
    let mut written = String::new();
    write!(written, "{}", sample.format(format)).is_ok()
        && super::values::formatted_date(&written, format) == Some(sample)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_name_or_position() {
        assert_eq!(ColumnRef::parse("3"), Some(ColumnRef::Index(2)));
        assert_eq!(
            ColumnRef::parse(" Amount "),
            Some(ColumnRef::Name("Amount".into()))
        );
        assert_eq!(ColumnRef::parse("0"), None);
        assert_eq!(ColumnRef::parse(""), None);
    }

    #[test]
    fn flags_override_a_preset() {
        let preset = CsvMapping {
            amount: ColumnRef::parse("Amount"),
            sign: SignConvention::OutPositive,
            skip_rows: 2,
            ..CsvMapping::default()
        };
        let flags = CsvMapping {
            amount: ColumnRef::parse("4"),
            decimal_comma: true,
            ..CsvMapping::default()
        };
        let m = preset.overlaid(flags);
        assert_eq!(m.amount, Some(ColumnRef::Index(3)));
        assert_eq!(m.sign, SignConvention::OutPositive);
        assert_eq!((m.skip_rows, m.decimal_comma), (2, true));
    }

    #[test]
    fn date_formats_are_checked() {
        assert!(valid_date_format("%d/%m/%Y"));
        assert!(valid_date_format("%Y-%m-%d"));
        assert!(!valid_date_format("%d/%m"));
        assert!(!valid_date_format("%Q"));
        assert!(!valid_date_format("banana"));
    }

    #[test]
    fn delimiters_and_signs_parse() {
        assert_eq!(parse_delimiter(";"), Some(b';'));
        assert_eq!(parse_delimiter("tab"), Some(b'\t'));
        assert_eq!(parse_delimiter(";;"), None);
        assert_eq!(
            SignConvention::parse("out-positive"),
            Some(SignConvention::OutPositive)
        );
        assert_eq!(SignConvention::parse("sideways"), None);
    }
}
