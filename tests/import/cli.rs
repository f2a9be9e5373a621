//! The real `purse import` binary in an isolated home.

use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

use super::fixture;

pub struct Home(TempDir);

impl Home {
    pub fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "data", "config", "state", "cache"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Home(dir)
    }

    pub fn run(&self, args: &[&str]) -> Output {
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

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "purse {args:?} failed\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Vec<Value> {
        serde_json::from_str::<Vec<Value>>(&self.ok(args)).unwrap()
    }
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn import_fills_the_real_store_and_a_second_run_adds_nothing() {
    let home = Home::new();
    let out = home.ok(&[
        "import",
        &path("ofx/bank_sgml.ofx"),
        &path("ofx/card_mixed.qfx"),
    ]);
    assert!(out.contains("bank_sgml.ofx (ofx1): 5 new"), "{out}");
    assert!(out.contains("card_mixed.qfx (qfx): 4 new"), "{out}");
    assert!(out.contains("(new account)"), "{out}");
    let accounts = home.json(&["accounts", "--json"]);
    let names: Vec<&str> = accounts
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["First Example Bank Checking …4567", "B1 Credit card …0004"]
    );
    assert!(
        accounts.iter().all(|a| a["connection"] == "Import"),
        "not the demo bank"
    );
    assert_eq!(accounts[1]["balance"], "-1234.56");
    assert_eq!(home.json(&["transactions", "--json"]).len(), 9);

    let reports = home.json(&["import", "--json", &path("ofx/bank_sgml.ofx")]);
    assert_eq!(reports[0]["added"], 0);
    assert_eq!(reports[0]["statements"][0]["already_imported"], 5);
}

#[test]
fn a_bad_file_fails_alone_with_its_name_and_line() {
    let home = Home::new();
    let out = home.run(&[
        "import",
        &path("ofx/bad_amount.ofx"),
        &path("csv/checking.csv"),
        "--account",
        "Everyday",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad_amount.ofx: line 54: <TRNAMT> \"-86.2x3\" is not an amount"),
        "{err}"
    );
    assert!(err.contains("nothing from this file was stored"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("checking.csv (csv): 4 new"),
        "the other file is imported: {stdout}"
    );
    let accounts = home.json(&["accounts", "--json"]);
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0]["name"], "Everyday");
}

#[test]
fn csv_flags_map_the_columns() {
    let home = Home::new();
    home.ok(&[
        "import",
        &path("csv/eu_semicolon_cp1252.csv"),
        "--account",
        "Girokonto",
        "--skip-rows",
        "2",
        "--date-column",
        "Buchungstag",
        "--amount-column",
        "Betrag (EUR)",
        "--payee-column",
        "Empfänger",
        "--description-column",
        "Verwendungszweck",
        "--decimal-comma",
        "--currency",
        "EUR",
    ]);
    let accounts = home.json(&["accounts", "--json"]);
    assert_eq!(
        (
            accounts[0]["currency"].as_str(),
            accounts[0]["balance"].as_str()
        ),
        (Some("EUR"), Some("1308.22"))
    );
    let out = home.run(&[
        "import",
        &path("csv/checking.csv"),
        "--account",
        "x",
        "--preset",
        "nope",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no CSV preset named \"nope\""));
    let out = home.run(&[
        "import",
        &path("csv/checking.csv"),
        "--account",
        "x",
        "--date-format",
        "%Q",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date-format \"%Q\""));
}
