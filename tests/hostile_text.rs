//! Untrusted text (payees from a statement, an account name, a value in an error) through the real
//! `purse` binary: tables and errors show control characters and bidi overrides visibly and never
//! emit them; `--json` keeps the exact bytes; CSV exports never start a text cell with a formula
//! character; ledger and beancount journals stay one transaction per payee with two postings.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2JEvil Cafe";
const EVIL_SHOWN: &str = "␛]0;pwned␇␛[2JEvil Cafe";

struct Home(TempDir);

impl Home {
    /// A fresh home with `tests/fixtures/hostile/payees.csv` imported into account "Hostile".
    fn with_hostile_import() -> Home {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "data", "config", "state", "cache"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        let home = Home(dir);
        let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/payees.csv");
        let csv = csv.display().to_string();
        home.ok(&["import", &csv, "--account", "Hostile"]);
        home
    }

    fn run(&self, args: &[&str]) -> Output {
        let p = |s: &str| self.0.path().join(s);
        Command::new(env!("CARGO_BIN_EXE_purse"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", p("home"))
            .env("XDG_DATA_HOME", p("data"))
            .env("XDG_CONFIG_HOME", p("config"))
            .env("XDG_STATE_HOME", p("state"))
            .env("XDG_CACHE_HOME", p("cache"))
            .env("PURSE_TODAY", "2023-12-20")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "purse {args:?} failed\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

/// Nothing a terminal would act on: C0/C1 controls (newlines aside), DEL, bidi controls.
fn assert_inert(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && purse::domain::text::is_unsafe(c))
        .collect();
    assert!(bad.is_empty(), "emitted {bad:?} in:\n{text}");
}

#[test]
fn the_transactions_table_shows_escapes_visibly_and_json_keeps_the_bytes() {
    let home = Home::with_hostile_import();
    let table = home.ok(&["transactions"]);
    assert_inert(&table);
    assert!(table.contains(EVIL_SHOWN), "{table}");
    assert!(
        table.contains("Joe \\u{202e}RLO\\u{202c} \\u{9b}31m"),
        "{table}"
    );

    let json: Vec<Value> = serde_json::from_str(&home.ok(&["transactions", "--json"])).unwrap();
    let payees: Vec<&str> = json.iter().map(|t| t["payee"].as_str().unwrap()).collect();
    assert!(payees.contains(&EVIL), "{payees:?}");
    assert!(payees.contains(&"Joe \u{202e}RLO\u{202c} \u{9b}31m\"Deli\" | tab here"));
}

#[test]
fn account_names_and_error_messages_are_shown_visibly() {
    let home = Home::with_hostile_import();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/payees.csv");
    home.ok(&["import", &csv.display().to_string(), "--account", EVIL]);
    let accounts = home.ok(&["accounts"]);
    assert_inert(&accounts);
    assert!(accounts.contains(EVIL_SHOWN), "{accounts}");

    let out = home.run(&["transactions", "--account", "\u{1b}[2Jnope"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_inert(&err);
    assert!(err.contains("␛[2Jnope"), "{err}");
}

#[test]
fn csv_exports_neutralise_formulas_in_text_cells_and_keep_amounts_numeric() {
    let home = Home::with_hostile_import();
    let csv = home.ok(&["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (payee, description, amount) = (col("payee"), col("description"), col("amount"));
    let mut payees = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        for i in [
            payee,
            description,
            col("notes"),
            col("account"),
            col("category"),
        ] {
            let cell = &record[i];
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {cell:?} would be read as a formula"
            );
        }
        assert!(
            record[amount].parse::<rust_decimal::Decimal>().is_ok(),
            "amount {:?} must stay a plain number",
            &record[amount]
        );
        payees.push(record[payee].to_string());
    }
    assert!(payees.contains(&"'=HYPERLINK(\"http://x.test\";\"click\")".to_string()));
    assert!(payees.contains(&"'@SUM(1+1)".to_string()));
    assert!(payees.contains(&"'-2+3 Market".to_string()));
    assert!(
        payees.contains(&EVIL.to_string()),
        "the exact bytes otherwise"
    );
    let amounts: Vec<&str> = csv.lines().filter(|l| l.contains(",-1.00,")).collect();
    assert_eq!(amounts.len(), 1, "a negative amount stays bare: {csv}");

    let json: Vec<Value> = serde_json::from_str(&home.ok(&["export", "--format", "json"])).unwrap();
    assert!(
        json.iter()
            .any(|t| t["payee"] == "=HYPERLINK(\"http://x.test\";\"click\")")
    );
}

#[test]
fn journals_keep_each_hostile_payee_to_one_transaction_with_two_postings() {
    let home = Home::with_hostile_import();
    for format in ["ledger", "beancount"] {
        let journal = home.ok(&["export", "--format", format]);
        // Exports keep the text (bidi characters included) except what the syntax forbids.
        assert!(
            !journal.chars().any(|c| c.is_control() && c != '\n'),
            "{journal}"
        );
        // Every transaction (a blank-line separated block under a dated `*`/`!` header) holds
        // metadata, comments and exactly two postings.
        let mut postings = Vec::new();
        for block in journal.split("\n\n") {
            let mut lines = block.lines();
            let header = lines.next().unwrap_or("");
            let is_txn =
                header.starts_with("20") && (header.contains(" * ") || header.contains(" ! "));
            if !is_txn || header.contains("Balances in Purse") {
                continue;
            }
            let n = lines
                .filter(|l| {
                    let t = l.trim_start();
                    l.starts_with("  ") && !t.starts_with(';') && !t.starts_with("purse_")
                })
                .count();
            postings.push(n);
        }
        assert!(postings.len() >= 6, "{format}: {postings:?}\n{journal}");
        assert!(
            postings.iter().all(|&n| n == 2),
            "{format}: {postings:?}\n{journal}"
        );
        assert!(!journal.contains("\n    Expenses:Hack"), "{journal}");
        assert!(!journal.contains("\n  Expenses:Hack"), "{journal}");
    }
}
