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
