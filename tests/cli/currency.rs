//! Currency codes typed on the command line: unknown codes (`XYZ`) are refused quoting the value,
//! ISO 4217 and known provider codes (BTC, with its eight decimals) are taken.

use super::{Env, s};

#[test]
fn unknown_currency_codes_are_refused_and_known_ones_keep_their_precision() {
    let env = Env::new();
    let bills = env.json(&["--demo", "bills", "--json"]).len();
    let args = ["--demo", "bills", "add", "Gym", "40", "--due", "2026-12-01"];
    let err = env.fails(&[&args[..], &["--currency", "XYZ"]].concat());
    assert!(
        err.contains("--currency") && err.contains("\"XYZ\"") && err.contains("ISO 4217"),
        "{err}"
    );
    assert_eq!(env.json(&["--demo", "bills", "--json"]).len(), bills);

    let err = env.fails(&["--demo", "import", "nowhere.csv", "--currency", "XYZ"]);
    assert!(err.contains("\"XYZ\""), "{err}");

    let args = [
        "--demo",
        "bills",
        "add",
        "Node",
        "0.00012345",
        "--due",
        "2026-12-01",
    ];
    env.ok(&[&args[..], &["--currency", "btc"]].concat());
    let bills = env.json(&["--demo", "bills", "--json"]);
    let node = bills.iter().find(|b| b["name"] == "Node").unwrap();
    assert_eq!(
        (s(node, "amount"), s(node, "currency")),
        ("0.00012345", "BTC")
    );
}

/// A statement's unreadable `CURDEF` is refused with the same wording as a typed code.
#[test]
fn an_ofx_currency_that_is_not_a_code_is_refused_with_the_shared_wording() {
    let env = Env::new();
    let file = env.path("bad-currency.ofx");
    std::fs::write(
        &file,
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n\
         <CURDEF>DOLLARS1\n<BANKACCTFROM><BANKID>1<ACCTID>42<ACCTTYPE>CHECKING</BANKACCTFROM>\n\
         <BANKTRANLIST><DTSTART>20261101<DTEND>20261130\n\
         <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261105<TRNAMT>-12.50<FITID>1<NAME>Cafe</STMTTRN>\n\
         </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n",
    )
    .unwrap();
    let err = env.fails(&["import", file.to_str().unwrap()]);
    let expected = purse::domain::MoneyError::UnknownCurrency("DOLLARS1".into()).to_string();
    assert!(err.contains(&expected), "{err}");
    assert!(
        err.contains("CURDEF") && !err.contains("three letters"),
        "{err}"
    );
}
