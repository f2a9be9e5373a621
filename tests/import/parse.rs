//! Each fixture read field by field.

use purse::domain::{AccountKind, Currency, Money};
use purse::import::{ColumnRef, CsvMapping, Format, SignConvention, parse};

use super::{bytes, day, options, read, usd};

#[test]
fn ofx1_sgml_with_unclosed_tags_ampersands_and_zoned_dates() {
    let f = read("ofx/bank_sgml.ofx");
    assert_eq!(f.format, Format::OfxSgml);
    let [s] = f.statements.as_slice() else {
        panic!("one statement expected")
    };
    assert_eq!(s.account_key.as_deref(), Some("ofx:121000248:0001234567"));
    assert_eq!(s.display_name(), "First Example Bank Checking …4567");
    assert_eq!((s.kind, s.currency), (AccountKind::Checking, Currency::USD));
    assert_eq!(s.period, Some((day(2023, 10, 1), day(2023, 10, 31))));
    let ledger = s.ledger.unwrap();
    assert_eq!(
        (ledger.amount, ledger.as_of),
        (usd("3141.59"), day(2023, 10, 31))
    );
    assert_eq!(s.available.unwrap().amount, usd("3100.00"));
    let t = &s.transactions;
    assert_eq!(t.len(), 5);
    // 12:00 and 23:30 EST on the 15th are both the 15th: never shifted through UTC.
    assert_eq!(
        (t[0].date, t[1].date),
        (day(2023, 10, 15), day(2023, 10, 15))
    );
    assert_eq!(t[0].amount, usd("-42.50"));
    assert_eq!(t[0].id.as_deref(), Some("2023101501"));
    assert_eq!(
        t[0].description,
        "TRADER JOE'S #552 OAKLAND CA / POS PURCHASE"
    );
    assert_eq!(t[1].payee, "AT&T WIRELESS");
    assert_eq!(t[1].description, "AT&T WIRELESS / Bill payment & autopay");
    assert_eq!(
        t[2].payee,
        "ACME CORP PAYROLL DIRECT DEPOSIT PPD ID 9876543210"
    );
    assert_eq!(t[3].category.as_deref(), Some("Interest"));
    assert_eq!(t[4].payee, "Check 1043");
    assert!(t[0].raw.contains("\"TRNTYPE\":\"DEBIT\""), "{}", t[0].raw);
}

#[test]
fn ofx2_xml_decodes_entities() {
    let f = read("ofx/bank_xml.ofx");
    assert_eq!(f.format, Format::OfxXml);
    let s = &f.statements[0];
    assert_eq!(s.kind, AccountKind::Savings);
    assert_eq!(s.transactions[1].payee, "Interest & dividends");
    assert_eq!(s.transactions[0].date, day(2023, 10, 2));
    assert_eq!(s.ledger.unwrap().amount, usd("10503.17"));
}

#[test]
fn qfx_card_with_mixed_closed_and_unclosed_leaves() {
    let f = read("ofx/card_mixed.qfx");
    assert_eq!(f.format, Format::Qfx);
    let s = &f.statements[0];
    assert_eq!(s.kind, AccountKind::CreditCard);
    assert_eq!(s.account_key.as_deref(), Some("ofx:cc:4111111111110004"));
    assert_eq!(
        s.ledger.unwrap().amount,
        usd("-1234.56"),
        "owed is negative"
    );
    let amounts: Vec<Money> = s.transactions.iter().map(|t| t.amount).collect();
    assert_eq!(
        amounts,
        [usd("-5.50"), usd("-5.50"), usd("-64.99"), usd("500.00")]
    );
    assert_eq!(
        s.transactions[2].description,
        "AMAZON MKTPLACE PMTS AMZN.COM/BILLWA / Order 113-0000000-1111111"
    );
}

#[test]
fn comma_decimals_are_exact() {
    let s = &read("ofx/comma_decimal.ofx").statements[0];
    let eur = |t: &str| Money::parse(t, Currency::EUR).unwrap();
    assert_eq!(s.currency, Currency::EUR);
    assert_eq!(s.transactions[0].amount, eur("-12.34"));
    assert_eq!(s.transactions[1].amount, eur("1234.50"));
    assert_eq!(s.ledger.unwrap().amount, eur("4321.09"));
}

#[test]
fn cp1252_text_is_decoded() {
    let s = &read("ofx/cp1252.ofx").statements[0];
    assert_eq!(s.transactions[0].payee, "Café Müller – Frühstück");
    assert!(
        s.transactions[0]
            .description
            .ends_with("Kartenzahlung €4,80 “Danke”")
    );
}

#[test]
fn several_statements_in_one_file_and_a_failed_one_noted() {
    let f = read("ofx/multi_statement.ofx");
    let keys: Vec<&str> = f
        .statements
        .iter()
        .filter_map(|s| s.account_key.as_deref())
        .collect();
    assert_eq!(
        keys,
        [
            "ofx:322271627:1111",
            "ofx:322271627:2222",
            "ofx:cc:5500000000000004"
        ]
    );
    assert!(
        f.notes
            .iter()
            .any(|n| n.contains("status 2003") && n.contains("Account not found")),
        "{:?}",
        f.notes
    );
}

#[test]
fn an_empty_statement_with_an_error_status_is_an_error_quoting_it() {
    let err = parse(
        &bytes("ofx/status_error_empty.ofx"),
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("status 2000") && text.contains("statement not available"),
        "{text}"
    );
}

#[test]
fn broken_files_name_the_line_and_tag() {
    let err = parse(
        &bytes("ofx/bad_amount.ofx"),
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 54: <TRNAMT> \"-86.2x3\" is not an amount (expected a decimal amount like -12.34 or -12,34)"
    );
    let err = parse(&bytes("ofx/truncated.ofx"), &options(CsvMapping::default())).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("line 51: <STMTTRN> is never closed"),
        "{err}"
    );
    let err = parse(
        b"<OFX><STMTTRN></BANKTRANLIST>",
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    assert!(err.to_string().contains("</BANKTRANLIST>"), "{err}");
    let err = parse(
        b"!Type:Bank\nD10/1/23\nT-1.00\n^",
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    assert!(err.to_string().contains("QIF"), "{err}");
}

#[test]
fn csv_with_guessed_columns_quotes_and_thousands() {
    let f = read("csv/checking.csv");
    assert_eq!(f.format, Format::Csv);
    let s = &f.statements[0];
    assert_eq!(s.account_key, None);
    let t = &s.transactions;
    assert_eq!(t.len(), 4);
    assert_eq!(t[0].payee, "TRADER JOE'S #552, OAKLAND");
    assert_eq!(t[3].amount, usd("1250.00"));
    assert_eq!(t[1].date, day(2023, 10, 3));
    assert_eq!(t[1].line, 3);
}

#[test]
fn csv_debit_and_credit_columns_and_us_dates() {
    let s = &read("csv/card_debit_credit.csv").statements[0];
    let got: Vec<(chrono::NaiveDate, Money)> =
        s.transactions.iter().map(|t| (t.date, t.amount)).collect();
    assert_eq!(
        got,
        [
            (day(2023, 10, 28), usd("-23.17")),
            (day(2023, 10, 29), usd("-15.49")),
            (day(2023, 11, 2), usd("500.00")),
            (day(2023, 11, 13), usd("-88.02")),
        ]
    );
    assert_eq!(s.transactions[0].payee, "UBER *TRIP");
}

#[test]
fn csv_mapped_by_flags_decimal_comma_preamble_and_cp1252() {
    let col = |s: &str| ColumnRef::parse(s);
    let mapping = CsvMapping {
        date: col("Buchungstag"),
        amount: col("Betrag (EUR)"),
        payee: col("3"),
        description: col("Verwendungszweck"),
        decimal_comma: true,
        skip_rows: 2,
        currency: Some(Currency::EUR),
        ..CsvMapping::default()
    };
    let f = parse(&bytes("csv/eu_semicolon_cp1252.csv"), &options(mapping)).unwrap();
    let t = &f.statements[0].transactions;
    let eur = |s: &str| Money::parse(s, Currency::EUR).unwrap();
    assert_eq!(t[0].payee, "Bäckerei Schäfer");
    assert_eq!(t[0].description, "Brötchen & Kaffee");
    assert_eq!((t[0].date, t[0].amount), (day(2023, 10, 2), eur("-7.45")));
    assert_eq!(t[1].amount, eur("2345.67"));
    assert_eq!(t[2].amount, eur("-1030.00"));
    assert_eq!(t[2].line, 6);
}

#[test]
fn csv_ids_and_money_out_written_positive() {
    let mapping = CsvMapping {
        id: ColumnRef::parse("Reference"),
        sign: SignConvention::OutPositive,
        ..CsvMapping::default()
    };
    let f = parse(&bytes("csv/out_positive_with_ids.csv"), &options(mapping)).unwrap();
    let t = &f.statements[0].transactions;
    assert_eq!(t[0].id.as_deref(), Some("TX-1001"));
    assert_eq!(
        (t[0].payee.as_str(), t[0].amount),
        ("Shell Oil", usd("-40.00"))
    );
    assert_eq!(t[1].amount, usd("15.00"));
}

#[test]
fn csv_errors_name_line_and_column() {
    let err = parse(
        &bytes("csv/bad_amount.csv"),
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3: column \"Amount\" \"12.3.4\" is not an amount (expected a decimal amount like -12.34 or -12,34)"
    );
    let err = parse(
        &bytes("csv/ambiguous_dates.csv"),
        &options(CsvMapping::default()),
    )
    .unwrap_err();
    assert!(err.to_string().contains("--date-format"), "{err}");
    let mapping = CsvMapping {
        amount: ColumnRef::parse("Betrag"),
        ..CsvMapping::default()
    };
    let err = parse(&bytes("csv/checking.csv"), &options(mapping)).unwrap_err();
    assert!(
        err.to_string()
            .contains("no column \"Betrag\" (its columns are: Date, Description, Amount, Balance)"),
        "{err}"
    );
    let err = parse(b"Date,Amount\n", &options(CsvMapping::default())).unwrap_err();
    assert!(err.to_string().contains("no transactions"), "{err}");
}
