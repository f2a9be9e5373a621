//! Bounded fuzzing of both parsers with proptest-generated input: OFX tag soup built from real
//! OFX tokens, mutated fixtures, random CSV under random mappings, and raw bytes. The parsers
//! must return a value or an error, never panic; what they return must be storable (amounts exact
//! to the currency's minor unit, dates in range). A few hundred cases each, well under a second.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use purse::import::{ColumnRef, CsvMapping, ParsedFile, SignConvention, parse};

use super::{bytes, options};

const OFX_TOKENS: &[&str] = &[
    "OFXHEADER:100\nDATA:OFXSGML\nCHARSET:1252\n\n",
    "<?xml version=\"1.0\"?><?OFX OFXHEADER=\"200\"?>",
    "<OFX>",
    "</OFX>",
    "<BANKMSGSRSV1>",
    "<STMTTRNRS>",
    "</STMTTRNRS>",
    "<STMTRS>",
    "</STMTRS>",
    "<CCSTMTTRNRS>",
    "<CCSTMTRS>",
    "</CCSTMTRS>",
    "<CURDEF>",
    "USD",
    "EUR",
    "X1",
    "<BANKACCTFROM>",
    "</BANKACCTFROM>",
    "<CCACCTFROM>",
    "<ACCTID>",
    "<BANKID>",
    "<ACCTTYPE>",
    "SAVINGS",
    "<BANKTRANLIST>",
    "</BANKTRANLIST>",
    "<STMTTRN>",
    "</STMTTRN>",
    "<TRNAMT>",
    "-12.34",
    "1,5",
    "9999999999999999999999999999",
    "-0,001",
    "<DTPOSTED>",
    "<DTSTART>",
    "<DTEND>",
    "20231015120000.000[-5:EST]",
    "20231301",
    "99991231",
    "<FITID>",
    "<NAME>",
    "AT&T",
    "&amp;",
    "&#x0;",
    "&#99999999;",
    "<MEMO>",
    "<CORRECTFITID>",
    "<CORRECTACTION>",
    "REPLACE",
    "DELETE",
    "<CURRENCY>",
    "<CURRATE>",
    "<CURSYM>",
    "<LEDGERBAL>",
    "</LEDGERBAL>",
    "<BALAMT>",
    "<DTASOF>",
    "<STATUS>",
    "</STATUS>",
    "<CODE>",
    "2000",
    "0",
    "<INTU.BID>",
    "<!-- x",
    "-->",
    "<?",
    "?>",
    "<",
    ">",
    "</",
    "/>",
    "<A/>",
    "\n",
    " ",
    "é",
    "\u{0}",
];

fn assert_storable(parsed: &ParsedFile) {
    for s in &parsed.statements {
        for t in &s.transactions {
            assert!(t.amount.to_minor().is_ok(), "{:?}", t.amount);
            assert_eq!(t.amount.currency, s.currency);
        }
        if let Some(l) = s.ledger {
            assert!(l.amount.to_minor().is_ok());
        }
    }
}

/// Field values: valid ones, and broken ones picked about one time in ten.
const CURRENCIES: (&[&str], &[&str]) = (&["USD", "EUR", "JPY", "KWD"], &["XX", ""]);
const DATES: (&[&str], &[&str]) = (
    &[
        "20231015",
        "20231015233000.000[-5:EST]",
        "20231031",
        "19991231",
        "20240229120000",
    ],
    &["20230230", "2023-10-15", ""],
);
const AMOUNTS: (&[&str], &[&str]) = (
    &["-12.34", "12,5", "0", "1.234,56", "100", "-7", "+3.10"],
    &["-0.001", "1e3", "abc", "99999999999999999999999999999"],
);
const TEXTS: (&[&str], &[&str]) = (
    &["Shop", "A&B", "&lt;x&gt;", "Caf\u{e9}", "  padded   name  "],
    &[""],
);
const FITIDS: (&[&str], &[&str]) = (&["F1", "F1", "F2", "F3"], &[""]);

fn value(
    values: (&'static [&'static str], &'static [&'static str]),
) -> impl Strategy<Value = &'static str> {
    prop_oneof![9 => select(values.0), 1 => select(values.1)]
}

/// A leaf, closed or not, absent one time in `absent_one_in` (never when 0).
fn leaf(
    tag: &'static str,
    values: (&'static [&'static str], &'static [&'static str]),
    absent_one_in: u8,
) -> impl Strategy<Value = String> {
    (0u8..=absent_one_in.max(1), any::<bool>(), value(values)).prop_map(move |(roll, closed, v)| {
        if absent_one_in > 0 && roll == 0 {
            String::new()
        } else if closed {
            format!("<{tag}>{v}</{tag}>")
        } else {
            format!("<{tag}>{v}\n")
        }
    })
}

/// One `<STMTTRN>`: leaves closed or unclosed, optional ones sometimes absent, values sometimes
/// broken, sometimes a correction or a foreign-currency amount.
fn stmttrn() -> impl Strategy<Value = String> {
    let correction = prop_oneof![
        16 => Just(String::new()),
        3 => (select(FITIDS.0), select(&["REPLACE", "DELETE"][..]))
            .prop_map(|(f, a)| format!("<CORRECTFITID>{f}<CORRECTACTION>{a}\n")),
        1 => Just("<CORRECTACTION>UNDO\n".to_string()),
    ];
    let currency = prop_oneof![
        6 => Just(String::new()),
        1 => Just("<CURRENCY><CURRATE>1.1<CURSYM>EUR</CURRENCY>".to_string()),
    ];
    (
        leaf("DTPOSTED", DATES, 0),
        leaf("TRNAMT", AMOUNTS, 0),
        leaf("FITID", FITIDS, 8),
        leaf("NAME", TEXTS, 3),
        leaf("MEMO", TEXTS, 2),
        correction,
        currency,
    )
        .prop_map(|(d, a, f, n, m, c, cur)| {
            format!("<STMTTRN><TRNTYPE>DEBIT\n{d}{a}{f}{n}{m}{c}{cur}</STMTTRN>\n")
        })
}

/// A whole OFX file: bank or card statements with well-formed structure and random values.
fn ofx_document() -> impl Strategy<Value = String> {
    let statement = (
        any::<bool>(),
        value(CURRENCIES),
        value(DATES),
        vec(stmttrn(), 0..5),
        value(AMOUNTS),
        0u8..8,
    );
    (any::<bool>(), vec(statement, 1..4)).prop_map(|(xml, statements)| {
        let mut out = if xml {
            String::from("<?xml version=\"1.0\"?><?OFX OFXHEADER=\"200\"?>\n<OFX>")
        } else {
            String::from("OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>")
        };
        for (card, currency, date, trns, balance, code) in statements {
            let (rs, from) = if card { ("CCSTMT", "CCACCTFROM") } else { ("STMT", "BANKACCTFROM") };
            let code = if code == 0 { 2000 } else { 0 };
            out += &format!("<{rs}TRNRS><STATUS><CODE>{code}</STATUS><{rs}RS><CURDEF>{currency}<{from}><ACCTID>1</{from}>");
            out += &format!("<BANKTRANLIST><DTSTART>{date}<DTEND>20231031{}</BANKTRANLIST>", trns.concat());
            out += &format!("<LEDGERBAL><BALAMT>{balance}<DTASOF>{date}</LEDGERBAL></{rs}RS></{rs}TRNRS>");
        }
        out + "</OFX>"
    })
}

const CSV_CELLS: &[&str] = &[
    "x", "", "\"", "\"a,b\"", ";", "\t", "\u{e9}", "-", "12,3.4", "0",
];
const CSV_DATES: (&[&str], &[&str]) = (
    &["2023-10-15", "2023-10-16", "2023-11-01 08:00"],
    &["2023-02-30", "15/10/2023", "x", ""],
);
const CSV_AMOUNTS: &[&str] = &[
    "-12.34",
    "12.00",
    "1,234.56",
    "(5.00)",
    "",
    "-",
    "0.001",
    "1.234,56",
    "9999999999999999999999",
    "x",
];

/// A mapping that fits the generated columns (Date, Description, Amount, Debit, Credit), by
/// name when there is a header, else by position.
fn mapping(header: bool) -> impl Strategy<Value = CsvMapping> {
    (
        any::<bool>(),
        any::<bool>(),
        prop_oneof![3 => Just(None), 1 => select(vec![Some(b','), Some(b';'), Some(b'\t')])],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            move |(comma, out_positive, delimiter, split, by_position)| {
                let col = |name: &str, pos: &str| {
                    ColumnRef::parse(if header && !by_position { name } else { pos })
                };
                CsvMapping {
                    decimal_comma: comma,
                    sign: if out_positive {
                        SignConvention::OutPositive
                    } else {
                        SignConvention::OutNegative
                    },
                    delimiter,
                    no_header: !header,
                    date: col("Date", "1"),
                    payee: col("Description", "2"),
                    amount: if split { None } else { col("Amount", "3") },
                    debit: if split { col("Debit", "4") } else { None },
                    credit: if split { col("Credit", "5") } else { None },
                    ..CsvMapping::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn ofx_tag_soup_never_panics(tokens in vec(select(OFX_TOKENS), 0..160)) {
        let text: String = tokens.concat();
        if let Ok(parsed) = parse(text.as_bytes(), &options(CsvMapping::default())) {
            assert_storable(&parsed);
        }
    }

    #[test]
    fn generated_ofx_documents_parse_or_fail_cleanly(text in ofx_document()) {
        if let Ok(parsed) = parse(text.as_bytes(), &options(CsvMapping::default())) {
            assert_storable(&parsed);
        }
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in select(vec!["ofx/bank_sgml.ofx", "ofx/card_mixed.qfx", "ofx/bank_xml.ofx", "ofx/multi_statement.ofx", "csv/card_debit_credit.csv"]),
        edits in vec((any::<prop::sample::Index>(), 0usize..40, vec(any::<u8>(), 0..8)), 1..6),
    ) {
        let mut data = bytes(which);
        for (at, len, insert) in edits {
            let start = at.index(data.len().max(1)).min(data.len());
            let end = (start + len).min(data.len());
            data.splice(start..end, insert);
        }
        if let Ok(parsed) = parse(&data, &options(CsvMapping::default())) {
            assert_storable(&parsed);
        }
    }

    #[test]
    fn random_csv_under_random_mappings_never_panics(
        (header, mapping) in any::<bool>().prop_flat_map(|h| (Just(h), mapping(h))),
        rows in vec((prop_oneof![30 => select(CSV_DATES.0), 1 => select(CSV_DATES.1)], select(CSV_CELLS), select(CSV_AMOUNTS), select(CSV_AMOUNTS), select(CSV_AMOUNTS)), 0..12),
        junk in vec(vec(select(CSV_CELLS), 0..6), 0..2),
        delimiter in select(vec![",", ";", "\t"]),
    ) {
        let mut lines: Vec<String> = Vec::new();
        if header {
            lines.push(["Date", "Description", "Amount", "Debit", "Credit"].join(delimiter));
        }
        lines.extend(rows.iter().map(|(d, p, a, db, cr)| [*d, *p, *a, *db, *cr].join(delimiter)));
        lines.extend(junk.iter().map(|r| r.join(delimiter)));
        let text = lines.join("\n");
        if let Ok(parsed) = parse(text.as_bytes(), &options(mapping)) {
            assert_storable(&parsed);
        }
    }

    #[test]
    fn raw_bytes_never_panic(data in vec(any::<u8>(), 0..2048)) {
        let _ = parse(&data, &options(CsvMapping::default()));
        let mut ofx = b"OFXHEADER:100\n<OFX>".to_vec();
        ofx.extend_from_slice(&data);
        let _ = parse(&ofx, &options(CsvMapping::default()));
    }
}
