//! Defect 9 of issue 12: OFX files as sloppy as real banks write them are read as ofxparse and
//! libofx read them, and nothing is ever skipped silently.

use purse::import::messages::{EMPTY_BALANCE, INVESTMENT_ONLY, NO_ACCOUNT_OFX, STRAY_STMTTRN};
use purse::import::{CsvMapping, parse};

use super::cli::Home;
use super::{bytes, day, fixture, options, read};

const NUBANK: &str = "public/ofx/ofxtools/br_nubank_cc.ofx";

#[test]
fn a_missing_banktranlist_end_tag_loses_no_transaction() {
    let f = read(NUBANK);
    let [s] = f.statements.as_slice() else {
        panic!("one statement expected")
    };
    assert_eq!(s.transactions.len(), 6);
    assert_eq!(s.currency.code(), "BRL");
    assert_eq!(s.period, Some((day(2024, 2, 24), day(2024, 3, 26))));
    let ledger = s.ledger.unwrap();
    assert_eq!(ledger.amount.amount_string(), "-1280.91");
    assert_eq!(ledger.as_of, day(2024, 3, 25));
    let sum: rust_decimal::Decimal = s.transactions.iter().map(|t| t.amount.amount).sum();
    assert_eq!(sum.to_string(), "-1280.91");
}

#[test]
fn the_nubank_file_imports_all_six_through_the_binary() {
    let home = Home::new();
    let file = fixture(NUBANK).display().to_string();
    let out = home.ok(&["import", &file]);
    assert!(out.contains("(ofx1): 6 new"), "{out}");
    assert_eq!(home.json(&["transactions", "--json"]).len(), 6);
}

#[test]
fn an_empty_ledger_balance_is_skipped_with_a_note() {
    let f = read("ofx/empty_ledgerbal.ofx");
    let s = &f.statements[0];
    assert_eq!(s.transactions.len(), 2);
    assert_eq!((s.ledger, s.available), (None, None));
    assert_eq!(f.notes.len(), 2, "{:?}", f.notes);
    assert!(
        f.notes[0].contains(&format!("<LEDGERBAL> at line 42 {EMPTY_BALANCE}")),
        "{:?}",
        f.notes
    );
    assert!(
        f.notes[1].contains("<AVAILBAL> at line 44"),
        "{:?}",
        f.notes
    );

    let home = Home::new();
    let out = home.ok(&[
        "import",
        &fixture("ofx/empty_ledgerbal.ofx").display().to_string(),
    ]);
    assert!(out.contains("2 new"), "{out}");
    assert!(out.contains(EMPTY_BALANCE), "{out}");
}

#[test]
fn a_statement_without_its_account_needs_and_takes_account() {
    let f = read("ofx/no_acctfrom.ofx");
    assert_eq!(f.statements[0].account_key, None);
    assert_eq!(f.statements[0].transactions.len(), 2);

    let home = Home::new();
    let file = fixture("ofx/no_acctfrom.ofx").display().to_string();
    let out = home.run(&["import", &file]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(NO_ACCOUNT_OFX), "{err}");

    let out = home.ok(&["import", &file, "--account", "Everyday"]);
    assert!(out.contains("2 new"), "{out}");
    let accounts = home.json(&["accounts", "--json"]);
    assert_eq!(accounts.len(), 1, "the failed import stored nothing");
    assert_eq!(accounts[0]["name"], "Everyday");
    assert_eq!(accounts[0]["balance"], "488.00");
}

#[test]
fn a_transaction_outside_any_statement_stops_the_import_at_its_line() {
    let err = parse(
        &bytes("ofx/stray_stmttrn.ofx"),
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    assert_eq!(err.at.line, Some(17));
    assert_eq!(err.message, STRAY_STMTTRN);

    let home = Home::new();
    let out = home.run(&[
        "import",
        &fixture("ofx/stray_stmttrn.ofx").display().to_string(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 17") && err.contains("nothing from this file was stored"),
        "{err}"
    );
}

#[test]
fn investment_only_files_say_they_are_not_supported_yet() {
    let err = parse(
        &bytes("ofx/investment_only.ofx"),
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    assert_eq!(err.message, INVESTMENT_ONLY);
    let home = Home::new();
    let out = home.run(&[
        "import",
        &fixture("ofx/investment_only.ofx").display().to_string(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not supported yet"));
}

#[test]
fn several_statements_in_one_response_are_all_read() {
    // csv2ofx writes both accounts' <STMTRS> inside one <STMTTRNRS>.
    let f = super::read("public/ofx/csv2ofx/default.ofx");
    let counts: Vec<usize> = f.statements.iter().map(|s| s.transactions.len()).collect();
    assert_eq!(counts, [2, 6]);
}
