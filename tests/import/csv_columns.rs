//! Defect 10 of issue 12: CSV date and currency columns, footers, debit/credit columns, and date
//! errors at their own line.

use purse::import::messages::{
    DATE_COLUMN_FLAG, FOOTER_SKIPPED, MIXED_CURRENCIES, NO_DATE_SKIPPED, NOT_DEBIT_OR_CREDIT,
    TWO_DATE_COLUMNS,
};
use purse::import::{ColumnRef, CsvMapping, ParseError, ParsedFile, parse};

use super::cli::Home;
use super::{bytes, day, fixture, options, usd};

fn csv(name: &str, mapping: CsvMapping) -> Result<ParsedFile, ParseError> {
    parse(&bytes(&format!("csv/{name}")), &options(mapping))
}

fn amounts(f: &ParsedFile) -> Vec<String> {
    f.statements[0]
        .transactions
        .iter()
        .map(|t| t.amount.amount_string())
        .collect()
}

#[test]
fn the_transaction_date_wins_over_another_date_column_and_says_so() {
    let f = csv("two_date_columns.csv", CsvMapping::default()).unwrap();
    let dates: Vec<_> = f.statements[0]
        .transactions
        .iter()
        .map(|t| t.date)
        .collect();
    assert_eq!(
        dates,
        [day(2023, 10, 3), day(2023, 10, 7), day(2023, 10, 16)]
    );
    assert!(
        f.notes.iter().any(|n| n.contains("\"transaction_date\"")
            && n.contains("\"initial_date\"")
            && n.contains(DATE_COLUMN_FLAG)),
        "{:?}",
        f.notes
    );
}

#[test]
fn two_date_columns_that_could_be_it_stop_the_import_and_name_the_flag() {
    let err = csv("ambiguous_date_columns.csv", CsvMapping::default()).unwrap_err();
    assert!(err.message.starts_with(TWO_DATE_COLUMNS), "{err}");
    assert!(
        err.message.contains("\"start_date\" and \"end_date\"")
            && err.message.contains(DATE_COLUMN_FLAG),
        "{err}"
    );
    let chosen = CsvMapping {
        date: ColumnRef::parse("end_date"),
        ..CsvMapping::default()
    };
    let f = csv("ambiguous_date_columns.csv", chosen).unwrap();
    assert_eq!(f.statements[0].transactions[1].date, day(2023, 10, 7));
}

#[test]
fn a_currency_column_sets_the_currency() {
    let f = csv("currency_column.csv", CsvMapping::default()).unwrap();
    assert_eq!(f.statements[0].currency.code(), "EUR");
    assert_eq!(
        f.statements[0].transactions[0].amount.currency.code(),
        "EUR"
    );
    let err = csv("mixed_currencies.csv", CsvMapping::default()).unwrap_err();
    assert_eq!(err.at.line, Some(3));
    assert!(err.message.contains(MIXED_CURRENCIES), "{err}");
}

#[test]
fn footer_and_total_lines_are_skipped_with_a_note() {
    let f = csv("footer.csv", CsvMapping::default()).unwrap();
    assert_eq!(amounts(&f), ["-4.50", "-20.00", "3.00"]);
    assert_eq!(f.notes.len(), 2, "{:?}", f.notes);
    assert!(
        f.notes[0].starts_with("line 4 (\",Total,-24.50\")"),
        "{:?}",
        f.notes
    );
    assert!(f.notes[0].ends_with(NO_DATE_SKIPPED));
    assert!(
        f.notes[1].starts_with("line 6 (\"***END OF FILE***\")"),
        "{:?}",
        f.notes
    );
    assert!(f.notes[1].ends_with(FOOTER_SKIPPED));

    let err = csv("footer_totals.csv", CsvMapping::default()).unwrap_err();
    assert_eq!(err.at.line, Some(4), "{err}");
    let skip = CsvMapping {
        skip_footer: 1,
        ..CsvMapping::default()
    };
    assert_eq!(
        amounts(&csv("footer_totals.csv", skip).unwrap()),
        ["-4.50", "-20.00"]
    );
}

#[test]
fn a_bad_date_is_reported_at_its_own_line_with_its_own_value() {
    let err = csv("bad_date_line3.csv", CsvMapping::default()).unwrap_err();
    assert_eq!(err.at.line, Some(3), "{err}");
    assert!(err.message.starts_with("\"2023-13-45\""), "{err}");
    assert!(err.message.contains("%Y-%m-%d"), "{err}");
}

#[test]
fn a_debit_credit_column_decides_the_sign() {
    let f = csv("type_guessed.csv", CsvMapping::default()).unwrap();
    assert_eq!(amounts(&f), ["-4.50", "1500.00", "-20.00"]);
    assert_eq!(f.statements[0].transactions[0].amount, usd("-4.50"));
    assert!(
        f.notes.iter().any(|n| n.contains("\"Type\"")),
        "{:?}",
        f.notes
    );

    let given = CsvMapping {
        type_column: ColumnRef::parse("D/C"),
        ..CsvMapping::default()
    };
    let err = csv("type_column_bad.csv", given).unwrap_err();
    assert_eq!(err.at.line, Some(4));
    assert!(
        err.message
            .contains(&format!("\"X\" {NOT_DEBIT_OR_CREDIT}")),
        "{err}"
    );
}

#[test]
fn the_new_csv_flags_reach_the_binary() {
    let home = Home::new();
    let path = |n: &str| fixture(&format!("csv/{n}")).display().to_string();
    let out = home.ok(&[
        "import",
        &path("footer_totals.csv"),
        "--account",
        "A",
        "--skip-footer",
        "1",
    ]);
    assert!(out.contains("2 new"), "{out}");
    let out = home.ok(&["import", &path("footer.csv"), "--account", "B"]);
    assert!(
        out.contains("3 new") && out.contains(FOOTER_SKIPPED),
        "{out}"
    );
    let out = home.run(&[
        "import",
        &path("type_column_bad.csv"),
        "--account",
        "C",
        "--type-column",
        "D/C",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 4"));
    let out = home.ok(&[
        "import",
        &path("currency_column.csv"),
        "--account",
        "Girokonto",
    ]);
    assert!(out.contains("3 new"), "{out}");
    let accounts = home.json(&["accounts", "--json"]);
    let giro = accounts.iter().find(|a| a["name"] == "Girokonto").unwrap();
    assert_eq!(
        (giro["currency"].as_str(), giro["balance"].as_str()),
        (Some("EUR"), Some("2082.85"))
    );
    let out = home.run(&[
        "import",
        &path("ambiguous_date_columns.csv"),
        "--account",
        "D",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains(DATE_COLUMN_FLAG));
    home.ok(&[
        "import",
        &path("ambiguous_date_columns.csv"),
        "--account",
        "D",
        "--date-column",
        "end_date",
    ]);
}

#[test]
fn a_title_line_above_the_header_is_skipped_with_a_note() {
    let f = parse(
        &bytes("public/csv/beancount-import/creditcard.csv"),
        &options(CsvMapping::default()),
    )
    .unwrap();
    assert_eq!(amounts(&f), ["-15.50", "30.00"]);
    assert!(
        f.notes[0].starts_with("line 1 (\"Credit Card Number: 1234XXXXXXXX7890\")"),
        "{:?}",
        f.notes
    );
}

#[test]
fn dutch_debit_credit_columns_decide_the_sign_when_only_the_amount_is_named() {
    // ING Netherlands: "Af Bij" (Af = out, Bij = in) beside an unsigned "Bedrag (EUR)". Naming
    // the amount column used to store every amount as money in.
    let mapping = CsvMapping {
        date: ColumnRef::parse("Datum"),
        amount: ColumnRef::parse("Bedrag (EUR)"),
        payee: ColumnRef::parse("Naam / Omschrijving"),
        ..CsvMapping::default()
    };
    let f = parse(
        &bytes("public/csv/ofxstatement-dutch/ing_ok.csv"),
        &options(mapping),
    )
    .unwrap();
    assert_eq!(
        amounts(&f),
        ["-1.25", "1.25", "0.00", "20.00", "-0.31", "-0.31"]
    );
    assert!(
        f.notes.iter().any(|n| n.contains("\"Af Bij\"")),
        "{:?}",
        f.notes
    );
    // Knab: "CreditDebet" holding D/C, and its "Valutacode" column gives the currency.
    let mapping = CsvMapping {
        date: ColumnRef::parse("Transactiedatum"),
        amount: ColumnRef::parse("Bedrag"),
        payee: ColumnRef::parse("Tegenrekeninghouder"),
        ..CsvMapping::default()
    };
    let f = parse(
        &bytes("public/csv/ofxstatement-dutch/Knab_transactieoverzicht_ok.csv"),
        &options(mapping),
    )
    .unwrap();
    assert_eq!(f.statements[0].currency.code(), "EUR");
    assert_eq!(&amounts(&f)[..2], ["-827.75", "827.75"]);
}
