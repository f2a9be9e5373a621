//! Decimal marks in CSV statements: a decimal comma is never read as a grouping mark (`100,00`
//! was stored as 10000.00), the mark is the one that reads every amount of the file, and a file
//! whose amounts read both ways as different values is refused.

use purse::import::messages::TWO_DECIMAL_MARKS;
use purse::import::{ColumnRef, CsvMapping, ParsedFile, parse};

use super::cli::Home;
use super::{bytes, options};

fn read(text: &str, mapping: CsvMapping) -> Result<ParsedFile, String> {
    parse(text.as_bytes(), &options(mapping)).map_err(|e| e.to_string())
}

fn amounts(f: &ParsedFile) -> Vec<String> {
    f.statements[0]
        .transactions
        .iter()
        .map(|t| t.amount.amount_string())
        .collect()
}

#[test]
fn a_decimal_comma_is_read_as_the_decimal_mark_never_as_grouping() {
    let text = "Date;Payee;Amount;Currency\n2/20/19;Jane;100,00;EUR\n2/8/19;Shell;-63,89;EUR\n1/5/19;Big;-1.234,50;EUR\n";
    let f = read(text, CsvMapping::default()).unwrap();
    assert_eq!(amounts(&f), ["100.00", "-63.89", "-1234.50"]);
    assert!(
        f.notes.iter().any(|n| n.contains("decimal comma")),
        "{:?}",
        f.notes
    );
    // Split debit/credit columns and a grouping point (Austrian ING-DiBa).
    let text =
        "Datum;Text;Soll;Haben\n31.12.2013;Zinsen;0,00;12,23\n23.12.2013;Miete;1.100,00;0,00\n";
    let mapping = CsvMapping {
        date: ColumnRef::parse("Datum"),
        debit: ColumnRef::parse("Soll"),
        credit: ColumnRef::parse("Haben"),
        payee: ColumnRef::parse("Text"),
        ..CsvMapping::default()
    };
    assert_eq!(
        amounts(&read(text, mapping).unwrap()),
        ["12.23", "-1100.00"]
    );
}

#[test]
fn a_decimal_point_file_is_unchanged_and_groups_only_in_threes() {
    let text = "Date,Payee,Amount\n2024-01-02,A,\"1,000.00\"\n2024-01-03,B,-12.5\n2024-01-04,C,\"11'373.94\"\n";
    let f = read(text, CsvMapping::default()).unwrap();
    assert_eq!(amounts(&f), ["1000.00", "-12.50", "11373.94"]);
    assert!(f.notes.is_empty(), "{:?}", f.notes);
}

#[test]
fn a_given_mark_that_misreads_an_amount_is_an_error_naming_it() {
    let text = "Date;Payee;Amount\n2024-01-02;A;12.50\n2024-01-03;B;-3,10\n";
    let comma = CsvMapping {
        decimal_comma: true,
        ..CsvMapping::default()
    };
    let err = read(text, comma).unwrap_err();
    assert!(err.contains("line 2") && err.contains("\"12.50\""), "{err}");
    // Detected: neither mark reads both amounts, so the point is used and "-3,10" is refused.
    let err = read(text, CsvMapping::default()).unwrap_err();
    assert!(err.contains("line 3") && err.contains("\"-3,10\""), "{err}");
}

#[test]
fn amounts_that_read_both_ways_as_different_values_are_refused() {
    // Kuwaiti dinars have three decimals: "1,250" is 1250 or 1.250.
    let text =
        "Date,Payee,Amount,Currency\n2024-01-02,A,\"1,250\",KWD\n2024-01-03,B,\"2,500\",KWD\n";
    let err = read(text, CsvMapping::default()).unwrap_err();
    assert!(
        err.contains(TWO_DECIMAL_MARKS) && err.contains("--decimal-comma"),
        "{err}"
    );
    let comma = CsvMapping {
        decimal_comma: true,
        ..CsvMapping::default()
    };
    assert_eq!(amounts(&read(text, comma).unwrap()), ["1.250", "2.500"]);
}

#[test]
fn the_binary_stores_a_decimal_comma_statement_at_its_real_amounts() {
    let home = Home::new();
    let path = super::fixture("public/csv/csv2ofx/outbank.csv");
    assert!(!bytes("public/csv/csv2ofx/outbank.csv").is_empty());
    let out = home.ok(&[
        "import",
        &path.display().to_string(),
        "--account",
        "Outbank",
    ]);
    assert!(
        out.contains("4 new") && out.contains("decimal comma"),
        "{out}"
    );
    let accounts = home.json(&["accounts", "--json"]);
    let outbank = accounts.iter().find(|a| a["name"] == "Outbank").unwrap();
    assert_eq!(
        (outbank["currency"].as_str(), outbank["balance"].as_str()),
        (Some("EUR"), Some("-35.89"))
    );
}

#[test]
fn the_statement_currency_written_with_each_amount_is_read_another_is_refused() {
    let eur = CsvMapping {
        currency: Some(purse::domain::Currency::new("EUR").unwrap()),
        ..CsvMapping::default()
    };
    let text = "Date;Payee;Amount\n02.01.2024;A;12,50 EUR\n03.01.2024;B;EUR -3,00\n";
    let f = read(text, eur.clone()).unwrap();
    assert_eq!(amounts(&f), ["12.50", "-3.00"]);
    let text = "Date;Payee;Amount\n02.01.2024;A;12,50 EUR\n03.01.2024;B;-3,00 USD\n";
    let err = read(text, eur).unwrap_err();
    assert!(
        err.contains("line 3") && err.contains("\"-3,00 USD\""),
        "{err}"
    );
}
