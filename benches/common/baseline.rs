//! Plain bulk inserts of the same rows Purse stored, to compare its ingest with, into two tables:
//! - [`Schema::Purse`]: every migration, so the same indexes and search-index triggers;
//! - [`Schema::Bare`]: a table with the same columns and nothing else (no index, no trigger).
//!
//! Each by rusqlite on the very SQLite build Purse links (one transaction; either one prepared
//! statement executed per row, or multi-row INSERTs of 1,000 rows like Purse's) and by Python's
//! sqlite3 `executemany` (`benches/common/baseline.py`, the system SQLite; skipped without
//! `python3`). Only the inserting transaction is timed.
// Shared by several benchmarks, each of which uses a part.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;

use crate::timing::{Span, time};

const COLUMNS: &str = "account_id, provider_id, date, amount_minor, currency, payee, description, category_id, pending, raw";
const BARE_TABLE: &str = "CREATE TABLE transactions (
    id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, provider_id TEXT NOT NULL, date TEXT NOT NULL,
    amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, payee TEXT NOT NULL, description TEXT NOT NULL,
    category_id INTEGER NOT NULL, category_locked INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0, notes TEXT, raw TEXT)";
/// Rows per multi-row INSERT (as in Purse's upsert).
const MULTI: usize = 1_000;

/// Which table the rows go into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    Purse,
    Bare,
}

/// How rusqlite inserts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    PerRow,
    MultiRow,
}

/// One row as the store writes it.
#[derive(Debug, Clone)]
pub struct Row {
    pub account: i64,
    pub provider_id: String,
    pub date: String,
    pub minor: i64,
    pub currency: String,
    pub payee: String,
    pub description: String,
    pub category: i64,
    pub pending: i64,
    pub raw: Option<String>,
}

fn migrations() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations")
}

/// Creates the schema and the parent rows the transactions refer to.
fn prepare(rows: &[Row], db: &Path, schema: Schema) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        .unwrap();
    if schema == Schema::Bare {
        conn.execute_batch(BARE_TABLE).unwrap();
        return conn;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(migrations())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    for file in files {
        conn.execute_batch(&std::fs::read_to_string(file).unwrap())
            .unwrap();
    }
    conn.execute(
        "INSERT INTO connections (id, name, provider, created) VALUES (1, 'Bench', 'plaid', 'x')",
        [],
    )
    .unwrap();
    let top = |f: fn(&Row) -> i64| rows.iter().map(f).max().unwrap_or(0);
    for id in 1..=top(|r| r.account) {
        conn.execute(
            "INSERT INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor, updated)
             VALUES (?1, 1, ?2, ?2, 'checking', 'USD', 0, 'x')",
            rusqlite::params![id, format!("Account {id}")],
        )
        .unwrap();
    }
    for id in 1..=top(|r| r.category) {
        conn.execute(
            "INSERT INTO categories (id, name, kind) VALUES (?1, ?2, 'expense')",
            rusqlite::params![id, format!("Category {id}")],
        )
        .unwrap();
    }
    conn
}

fn params(r: &Row) -> [&dyn rusqlite::ToSql; 10] {
    [
        &r.account,
        &r.provider_id,
        &r.date,
        &r.minor,
        &r.currency,
        &r.payee,
        &r.description,
        &r.category,
        &r.pending,
        &r.raw,
    ]
}

/// rusqlite: `rows` into a fresh `db` with `schema`, in one transaction.
pub fn rusqlite(rows: &[Row], db: &Path, schema: Schema, method: Method) -> Span {
    let conn = prepare(rows, db, schema);
    let (_, span) = time(|| {
        let tx = conn.unchecked_transaction().unwrap();
        match method {
            Method::PerRow => {
                let sql = format!(
                    "INSERT INTO transactions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                );
                let mut insert = tx.prepare(&sql).unwrap();
                for r in rows {
                    insert.execute(params(r).as_slice()).unwrap();
                }
            }
            Method::MultiRow => {
                let statement = |n: usize| {
                    let values = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; n].join(", ");
                    format!("INSERT INTO transactions ({COLUMNS}) VALUES {values}")
                };
                let mut full = tx.prepare(&statement(MULTI)).unwrap();
                for chunk in rows.chunks(MULTI) {
                    let args: Vec<&dyn rusqlite::ToSql> = chunk.iter().flat_map(params).collect();
                    if chunk.len() == MULTI {
                        full.execute(args.as_slice()).unwrap();
                    } else {
                        tx.execute(&statement(chunk.len()), args.as_slice())
                            .unwrap();
                    }
                }
            }
        }
        tx.commit().unwrap();
    });
    span
}

/// Python's `executemany` (its own timing, printed by the script), or None without python3.
pub fn python(rows: &[Row], dir: &Path, db: &Path, schema: Schema) -> Option<Span> {
    let rows_path = dir.join("rows.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&rows_path).unwrap());
    for r in rows {
        let row = json!([
            r.account,
            r.provider_id,
            r.date,
            r.minor,
            r.currency,
            r.payee,
            r.description,
            r.category,
            r.pending,
            r.raw
        ]);
        writeln!(out, "{row}").unwrap();
    }
    out.flush().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/common/baseline.py");
    let mut command = std::process::Command::new("python3");
    command
        .arg(script)
        .arg(migrations())
        .arg(&rows_path)
        .arg(db);
    if schema == Schema::Bare {
        command.arg("--bare");
    }
    let output = command.output().ok()?;
    if !output.status.success() {
        eprintln!(
            "python baseline failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut secs = text
        .split_whitespace()
        .filter_map(|s| s.parse::<f64>().ok());
    let (wall, cpu) = (secs.next()?, secs.next()?);
    Some(Span {
        wall: Duration::from_secs_f64(wall),
        cpu: Duration::from_secs_f64(cpu),
    })
}
