//! Statement import, outside in: every OFX/QFX/CSV fixture (one per pitfall in
//! `shared/PROTOCOLS.md`) read field by field; imports into an in-memory store (idempotence,
//! reused FITIDs, corrections, multi-statement files, bad files writing nothing, rows a live sync
//! already brought in); the watched folder; the real `purse import` binary; and bounded fuzzing
//! of both parsers (no panics, only errors).
#![allow(clippy::unwrap_used)]

#[path = "import/cli.rs"]
mod cli;
#[path = "import/csv_columns.rs"]
mod csv_columns;
#[path = "import/csv_marks.rs"]
mod csv_marks;
#[path = "import/fuzz.rs"]
mod fuzz;
#[path = "import/parse.rs"]
mod parse;
#[path = "import/store.rs"]
mod store;
#[path = "import/tolerant.rs"]
mod tolerant;
#[path = "import/watch.rs"]
mod watch;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use purse::domain::{Currency, Money};
use purse::import::{CsvMapping, ParseOptions, ParsedFile};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

pub fn options(csv: CsvMapping) -> ParseOptions {
    ParseOptions {
        csv,
        default_currency: Currency::USD,
    }
}

pub fn read(name: &str) -> ParsedFile {
    purse::import::parse(&bytes(name), &options(CsvMapping::default()))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn usd(text: &str) -> Money {
    Money::parse(text, Currency::USD).unwrap()
}
