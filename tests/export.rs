//! `purse export` on the real binary: CSV and JSON carry exactly what `purse transactions --json`
//! carries (same fields, same rows, same filters); ledger and beancount journals balance to
//! Purse's own account balances (with and without `--since`/`--until`/`--account`), checked by
//! reading the journals back; and, where `hledger`/`bean-check` are installed, accepted by them.
#![allow(clippy::unwrap_used)]

#[path = "export/journal.rs"]
mod journal;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-21";

pub struct Home(TempDir);

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "data", "config", "state", "cache"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Home(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_purse"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("PURSE_TODAY", TODAY)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "purse {args:?} failed\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Vec<Value> {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A CSV cell as the JSON value it stands for.
fn cell_matches(cell: &str, value: &Value) -> bool {
    match value {
        Value::Null => cell.is_empty(),
        Value::String(s) => s == cell,
        other => serde_json::to_string(other).is_ok_and(|text| text == cell),
    }
}

#[test]
fn csv_and_json_exports_carry_exactly_the_transactions_json() {
    let home = Home::new();
    for filters in [
        &[][..],
        &["--account", "Visa Signature"][..],
        &["--since", "2026-06-01", "--until", "2026-06-30"][..],
    ] {
        let listed = home.json(&[&["--demo", "transactions", "--json"], filters].concat());
        assert!(!listed.is_empty());
        let exported = home.json(&[&["--demo", "export", "--format", "json"], filters].concat());
        assert_eq!(exported, listed, "{filters:?}");

        let csv_text = home.ok(&[&["--demo", "export", "--format", "csv"], filters].concat());
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let keys: Vec<String> = listed[0].as_object().unwrap().keys().cloned().collect();
        let (mut h, mut k) = (header.clone(), keys);
        h.sort();
        k.sort();
        assert_eq!(h, k, "CSV columns are the JSON fields");
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), listed.len());
        for (record, json) in records.iter().zip(&listed) {
            for (name, cell) in header.iter().zip(record.iter()) {
                assert!(
                    cell_matches(cell, &json[name]),
                    "{name}: {cell:?} vs {}",
                    json[name]
                );
            }
        }
    }
}

#[test]
fn an_empty_csv_export_still_names_its_columns() {
    let home = Home::new();
    let text = home.ok(&[
        "--demo",
        "export",
        "--format",
        "csv",
        "--since",
        "2099-01-01",
    ]);
    assert_eq!(
        text.trim(),
        "id,account_id,account,date,amount,currency,payee,description,category,pending,notes"
    );
    assert_eq!(
        home.ok(&[
            "--demo",
            "export",
            "--format",
            "json",
            "--since",
            "2099-01-01"
        ]),
        "[]\n"
    );
}

#[test]
fn output_files_appear_whole_or_not_at_all() {
    let home = Home::new();
    let out = home.path("out.journal");
    home.ok(&[
        "--demo",
        "export",
        "--format",
        "ledger",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Opening balance")
    );
    assert!(!home.path("out.journal.partial").exists());
    let bad = home.path("missing-dir/out.csv");
    let result = home.run(&[
        "--demo",
        "export",
        "--format",
        "csv",
        "-o",
        bad.to_str().unwrap(),
    ]);
    assert!(!result.status.success());
    assert!(String::from_utf8_lossy(&result.stderr).contains("missing-dir/out.csv.partial"));
    let result = home.run(&["--demo", "export", "--format", "xml"]);
    assert!(!result.status.success());
}
