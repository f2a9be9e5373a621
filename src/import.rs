//! Statement import: OFX 1.x (SGML), OFX 2.x (XML), QFX and CSV files turned into [`Delta`]s and
//! applied through [`Store::apply_delta`](crate::store::Store::apply_delta), one transaction per
//! file.
//!
//! The format is read from the content, never from the file name. Parsing is pure (bytes in,
//! [`Statement`]s out, errors naming the line or tag); deciding what each statement adds is pure
//! too (`import/plan.rs`); only `import/run.rs` touches the store.
//!
//! Submodules: `text` (BOM, UTF-8 or cp1252), `values` (amounts with `.` or `,` radix, OFX
//! dates), `sgml` (a tolerant tag tokenizer for OFX 1.x and 2.x), `ofx` (statements out of the
//! tag tree), `csv` and `csv_map` (CSV with a column mapping), `statement` (the parsed types),
//! `plan` (ids, FITID collisions, corrections, matching synced rows), `run` (accounts, the
//! store), `watch` (the `[import] watch_dir` folder).

mod csv;
pub mod csv_map;
pub mod messages;
mod ofx;
pub mod plan;
mod run;
mod sgml;
mod statement;
mod text;
mod values;
pub mod watch;

use std::fmt;

pub use csv_map::{ColumnRef, CsvMapping, SignConvention};
pub use run::{FileReport, ImportError, ImportOptions, StatementReport, import_bytes, import_file};
pub use statement::{CorrectAction, Correction, Statement, StatementBalance, StatementTxn};

use crate::domain::Currency;
#[cfg(doc)]
use crate::domain::Delta;

/// The name of the connection that holds accounts created from statements.
pub const IMPORT_CONNECTION: &str = "Import";
/// The provider name stored for [`IMPORT_CONNECTION`].
pub const IMPORT_PROVIDER: &str = "import";

/// What kind of file a statement came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// OFX 1.x: SGML, leaf tags may be left unclosed.
    OfxSgml,
    /// OFX 2.x: XML.
    OfxXml,
    /// Quicken's OFX with `INTU.*` tags (which are ignored).
    Qfx,
    Csv,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::OfxSgml => "ofx1",
            Format::OfxXml => "ofx2",
            Format::Qfx => "qfx",
            Format::Csv => "csv",
        }
    }

    /// True for OFX in any form (their transactions are identified by FITID).
    pub fn is_ofx(&self) -> bool {
        !matches!(self, Format::Csv)
    }
}

/// Where in a file something went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub line: Option<usize>,
    /// The OFX tag (`TRNAMT`) or CSV column (`"Amount"`) involved.
    pub field: Option<String>,
}

impl Position {
    pub fn line(line: usize) -> Self {
        Position {
            line: Some(line),
            field: None,
        }
    }

    pub fn tag(tag: &str, line: usize) -> Self {
        Position {
            line: Some(line),
            field: Some(format!("<{tag}>")),
        }
    }
}

/// A file that cannot be read as a statement: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub at: Position,
    pub message: String,
}

impl ParseError {
    pub fn new(at: Position, message: impl Into<String>) -> Self {
        ParseError {
            at,
            message: message.into(),
        }
    }

    /// An error about the whole file.
    pub fn file(message: impl Into<String>) -> Self {
        ParseError::new(Position::default(), message)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.at.line, &self.at.field) {
            (Some(line), Some(field)) => write!(f, "line {line}: {field} {}", self.message),
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            (None, Some(field)) => write!(f, "{field} {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// Everything read out of one file, before any account is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    pub format: Format,
    pub statements: Vec<Statement>,
    /// Things the user should know that did not stop the import (a statement the bank marked
    /// as failed, an investment statement skipped).
    pub notes: Vec<String>,
}

/// How to read a file: the CSV mapping (ignored for OFX) and the currency to assume when a
/// statement names none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    pub csv: CsvMapping,
    pub default_currency: Currency,
}

/// Reads a statement file from its bytes, detecting the format from the content.
pub fn parse(bytes: &[u8], options: &ParseOptions) -> Result<ParsedFile, ParseError> {
    let text = text::decode(bytes);
    if ofx::looks_like_ofx(&text) {
        ofx::parse(&text, options.default_currency)
    } else {
        let trimmed = text.trim_start();
        if trimmed.starts_with("!Type:") || trimmed.starts_with("!Account") {
            return Err(ParseError::file(
                "this is a QIF file, which Purse does not read; download the statement as OFX, QFX or CSV",
            ));
        }
        if text.contains('\0') {
            return Err(ParseError::file(
                "this is not a statement Purse can read (expected OFX, QFX or CSV text)",
            ));
        }
        csv::parse(&text, &options.csv, options.default_currency)
    }
}
