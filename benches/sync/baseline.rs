//! Plain bulk inserts of the same rows into the same schema (every migration, so the same indexes
//! and search triggers), to compare Purse's ingest with: rusqlite (the very SQLite build Purse
//! links, one prepared statement executed per row in one transaction) and Python's sqlite3
//! `executemany` (`benches/sync_baseline.py`, the system SQLite; skipped without `python3`).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use purse::domain::Delta;
use serde_json::json;

use crate::{Span, cpu_now};

const INSERT: &str = "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency,
    payee, description, category_id, pending, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/// One row as the store writes it.
struct Row {
    account: i64,
    provider_id: String,
    date: String,
    minor: i64,
    currency: String,
    payee: String,
    description: String,
    category: i64,
    pending: i64,
    raw: Option<String>,
}

/// The delta's rows, with account ids 1 (checking) and 2 (card) and categories numbered 1…
fn rows(delta: &Delta) -> Vec<Row> {
    let mut categories: HashMap<String, i64> = HashMap::new();
    delta
        .upserts
        .iter()
        .map(|t| {
            let next = categories.len() as i64 + 1;
            let category = t.category.clone().unwrap_or_default();
            Row {
                account: if t.provider_account_id == "card" {
                    2
                } else {
                    1
                },
                provider_id: t.provider_id.clone(),
                date: t.date.to_string(),
                minor: t.amount.to_minor().unwrap(),
                currency: t.amount.currency.code().to_string(),
                payee: t.payee.clone(),
                description: t.description.clone(),
                category: *categories.entry(category).or_insert(next),
                pending: i64::from(t.pending),
                raw: t.raw.clone(),
            }
        })
        .collect()
}

fn migrations() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations")
}

/// rusqlite: schema, parent rows, then one transaction of prepared-statement executions.
pub fn rusqlite(delta: &Delta, db: &Path) -> Span {
    let rows = rows(delta);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        .unwrap();
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
    conn.execute_batch(
        "INSERT INTO connections (id, name, provider, created) VALUES (1, 'Bench', 'plaid', 'x');
         INSERT INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor, updated)
         VALUES (1, 1, 'chk', 'Checking', 'checking', 'USD', 0, 'x'), (2, 1, 'card', 'Card', 'credit_card', 'USD', 0, 'x');",
    )
    .unwrap();
    let top = rows.iter().map(|r| r.category).max().unwrap_or(0);
    for id in 1..=top {
        conn.execute(
            "INSERT INTO categories (id, name, kind) VALUES (?1, ?2, 'expense')",
            rusqlite::params![id, format!("Category {id}")],
        )
        .unwrap();
    }
    let (wall, cpu) = (Instant::now(), cpu_now());
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut insert = tx.prepare(INSERT).unwrap();
        for r in &rows {
            insert
                .execute(rusqlite::params![
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
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    Span {
        wall: wall.elapsed(),
        cpu: cpu_now().saturating_sub(cpu),
    }
}

/// Python's `executemany` (its own timing, printed by the script), or None without python3.
pub fn python(delta: &Delta, dir: &Path, db: &Path) -> Option<Span> {
    let rows_path = dir.join("rows.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&rows_path).unwrap());
    for r in rows(delta) {
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
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/sync_baseline.py");
    let output = std::process::Command::new("python3")
        .arg(script)
        .arg(migrations())
        .arg(&rows_path)
        .arg(db)
        .output()
        .ok()?;
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
