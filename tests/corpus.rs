//! The public statement corpus (`tests/fixtures/public/`, see its README): every OFX/QFX and CSV
//! file copied from other projects' test suites is imported through `import_bytes` (what
//! `purse import` runs) into a fresh store and compared with `NAME.expected.json`, written by an
//! independent reader (ofxparse, Python's csv module; `expected.py`). Each file is imported twice:
//! the second import adds and changes nothing. Files Purse does not support (investment-only,
//! sign-on failures, fuzzing cases) must fail with the error the expected file names, storing
//! nothing.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{NaiveDate, TimeZone, Utc};
use purse::domain::Currency;
use purse::import::{
    ColumnRef, CsvMapping, ImportOptions, ParseOptions, SignConvention, import_bytes, parse,
};
use purse::store::{Store, TxnFilter};
use rust_decimal::Decimal;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/public")
}

/// Every statement file with an expected file beside it.
fn corpus() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for kind in ["ofx", "csv"] {
        let mut dirs = vec![root().join(kind)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if !path.to_string_lossy().ends_with(".expected.json") {
                    let rel = path
                        .strip_prefix(root())
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    out.push((rel, path));
                }
            }
        }
    }
    out.sort();
    out
}

/// The `purse import` CSV flags written in the expected file, as a mapping.
fn mapping(flags: &serde_json::Map<String, Value>) -> CsvMapping {
    let mut m = CsvMapping::default();
    for (flag, value) in flags {
        let text = value.as_str().unwrap_or("");
        let column = || ColumnRef::parse(text);
        match flag.as_str() {
            "--date-column" => m.date = column(),
            "--date-format" => m.date_format = Some(text.to_string()),
            "--amount-column" => m.amount = column(),
            "--debit-column" => m.debit = column(),
            "--credit-column" => m.credit = column(),
            "--payee-column" => m.payee = column(),
            "--id-column" => m.id = column(),
            "--type-column" => m.type_column = column(),
            "--currency-column" => m.currency_column = column(),
            "--out-positive" => m.sign = SignConvention::OutPositive,
            "--decimal-comma" => m.decimal_comma = true,
            "--skip-rows" => m.skip_rows = text.parse().unwrap(),
            "--no-header" => m.no_header = true,
            "--currency" => m.currency = Some(Currency::new(text).unwrap()),
            other => panic!("the corpus test does not know the flag {other}"),
        }
    }
    m
}

fn decimal(v: &Value) -> Option<Decimal> {
    v.as_str().map(|s| Decimal::from_str(s).unwrap())
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str().map(|s| NaiveDate::from_str(s).unwrap())
}

async fn check(rel: &str, path: &Path) -> Result<(), String> {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}.expected.json", path.display())).unwrap(),
    )
    .unwrap();
    let bytes = std::fs::read(path).unwrap();
    let flags = expected["purse"].as_object().cloned().unwrap_or_default();
    let account = match expected["account"].as_str() {
        Some(a) => Some(a.to_string()),
        None if rel.starts_with("csv/") => Some(format!("Corpus {rel}")),
        None => None,
    };
    let options = ImportOptions {
        account,
        parse: ParseOptions {
            csv: mapping(&flags),
            default_currency: Currency::USD,
        },
    };
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
    let store = Store::open_in_memory().await.unwrap();
    let first = import_bytes(&store, rel, &bytes, &options, now).await;

    if expected["outcome"] == "error" {
        let want = expected["error"].as_str().unwrap();
        let err = match first {
            Ok(r) => {
                return Err(format!(
                    "imported ({} new) but should fail with {want:?}",
                    r.added
                ));
            }
            Err(e) => e.to_string(),
        };
        if !err.contains(want) {
            return Err(format!("fails with {err:?}, expected {want:?}"));
        }
        let rows = store
            .transactions(&TxnFilter::default(), None, 10)
            .await
            .unwrap();
        if !store.accounts().await.unwrap().is_empty() || !rows.is_empty() {
            return Err("a failed import stored something".into());
        }
        return Ok(());
    }

    let report = first.map_err(|e| format!("fails: {e}"))?;
    let parsed = parse(&bytes, &options.parse).unwrap();
    let wanted = expected["statements"].as_array().unwrap();
    if parsed.statements.len() != wanted.len() {
        return Err(format!(
            "{} statements, expected {}",
            parsed.statements.len(),
            wanted.len()
        ));
    }
    for (statement, outcome) in parsed.statements.iter().zip(&report.statements) {
        let want = wanted
            .iter()
            .find(|w| w["account_id"].as_str() == statement.account_number.as_deref())
            .or_else(|| (wanted.len() == 1).then(|| &wanted[0]))
            .ok_or_else(|| format!("no expected statement for {:?}", statement.account_number))?;
        let name = &outcome.account;
        let account = store.find_account(name).await.unwrap();
        let rows = store
            .transactions(
                &TxnFilter {
                    account_id: Some(account.id),
                    ..TxnFilter::default()
                },
                None,
                100_000,
            )
            .await
            .unwrap();
        let sum: Decimal = rows.iter().map(|t| t.amount.amount).sum();
        let first_date = rows.iter().map(|t| t.date).min();
        let last_date = rows.iter().map(|t| t.date).max();
        let ledger = statement.ledger.map(|b| b.amount.amount);
        let got = (
            outcome.transactions,
            rows.len(),
            sum,
            first_date,
            last_date,
            statement.currency.code().to_string(),
            ledger,
            statement.ledger.map(|b| b.as_of),
        );
        let count = want["transactions"].as_u64().unwrap() as usize;
        let wanted_values = (
            count,
            count,
            decimal(&want["sum"]).unwrap(),
            date(&want["first_date"]),
            date(&want["last_date"]),
            want["currency"].as_str().unwrap().to_string(),
            decimal(&want["ledger_balance"]),
            date(&want["ledger_date"]),
        );
        if got != wanted_values {
            return Err(format!(
                "{name}: (listed, stored, sum, first, last, currency, ledger, ledger date) = {got:?}, expected {wanted_values:?}"
            ));
        }
    }

    let before = store
        .transactions(&TxnFilter::default(), None, 100_000)
        .await
        .unwrap();
    let accounts_before = store.accounts().await.unwrap();
    let again = import_bytes(&store, rel, &bytes, &options, now)
        .await
        .map_err(|e| format!("the second import fails: {e}"))?;
    let known: usize = again.statements.iter().map(|s| s.already_imported).sum();
    let stored: usize = report.statements.iter().map(|s| s.new).sum();
    if (again.added, again.removed, known) != (0, 0, stored) {
        return Err(format!(
            "the second import added {}, removed {}, knew {known} of {stored}",
            again.added, again.removed
        ));
    }
    let after = store
        .transactions(&TxnFilter::default(), None, 100_000)
        .await
        .unwrap();
    if before != after || accounts_before != store.accounts().await.unwrap() {
        return Err("the second import changed the store".into());
    }
    Ok(())
}

#[tokio::test]
async fn every_public_statement_matches_its_independent_reading() {
    let files = corpus();
    assert!(files.len() >= 90, "the corpus lost files: {}", files.len());
    let mut failures = Vec::new();
    let (mut imported, mut refused) = (0, 0);
    for (rel, path) in &files {
        match check(rel, path).await {
            Ok(()) => {
                let text =
                    std::fs::read_to_string(format!("{}.expected.json", path.display())).unwrap();
                if text.contains("\"outcome\": \"error\"") {
                    refused += 1;
                } else {
                    imported += 1;
                }
            }
            Err(e) => failures.push(format!("{rel}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    assert!(
        imported >= 45 && refused >= 30,
        "{imported} imported, {refused} refused"
    );
}
