//! Journals read back: per-account sums, declared accounts and balance assertions, compared with
//! Purse's balances; and the real tools, when installed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::process::Command;

use rust_decimal::Decimal;

use super::{Home, fixture};

/// What a journal says: the sum per account, each Purse account's journal name, the declared
/// accounts, and the balance assertions.
#[derive(Debug, Default)]
struct Read {
    sums: HashMap<String, Decimal>,
    ids: HashMap<i64, String>,
    declared: HashSet<String>,
    asserted: HashMap<String, Decimal>,
}

fn amount(text: &str) -> Decimal {
    let number = text.split_whitespace().next().unwrap();
    Decimal::from_str_exact(number).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn read_ledger(text: &str) -> Read {
    let mut r = Read::default();
    let mut last_declared = String::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("account ") {
            r.declared.insert(name.to_string());
            last_declared = name.to_string();
        } else if let Some(rest) = line.strip_prefix("    ; purse-account-id: ") {
            let id = rest.split(',').next().unwrap().parse().unwrap();
            r.ids.insert(id, last_declared.clone());
        } else if let Some(posting) = line.strip_prefix("    ").filter(|l| !l.starts_with(';')) {
            let (account, value) = posting.split_once("  ").unwrap();
            let (delta, assertion) = match value.split_once(" = ") {
                Some((d, a)) => (d, Some(a)),
                None => (value, None),
            };
            *r.sums.entry(account.to_string()).or_default() += amount(delta);
            if let Some(a) = assertion {
                r.asserted.insert(account.to_string(), amount(a));
            }
        }
    }
    r
}

fn read_beancount(text: &str) -> Read {
    let mut r = Read::default();
    let mut last_opened = String::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [_, "open", name, ..] => {
                r.declared.insert(name.to_string());
                last_opened = name.to_string();
            }
            ["purse_account_id:", id] => {
                r.ids.insert(id.parse().unwrap(), last_opened.clone());
            }
            [_, "balance", name, value, _] => {
                r.asserted.insert(name.to_string(), amount(value));
            }
            [account, value, _]
                if line.starts_with("  ") && account.contains(':') && !account.ends_with(':') =>
            {
                *r.sums.entry(account.to_string()).or_default() += amount(value);
            }
            _ => {}
        }
    }
    r
}

/// Purse's balance per account id, less the transactions dated after `until`.
fn expected(home: &Home, until: Option<&str>) -> BTreeMap<i64, Decimal> {
    let mut out: BTreeMap<i64, Decimal> = home
        .json(&["--demo", "accounts", "--json"])
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap(),
                amount(a["balance"].as_str().unwrap()),
            )
        })
        .collect();
    if let Some(until) = until {
        for t in home.json(&["--demo", "transactions", "--json", "--since", until]) {
            if t["date"].as_str().unwrap() > until {
                *out.get_mut(&t["account_id"].as_i64().unwrap()).unwrap() -=
                    amount(t["amount"].as_str().unwrap());
            }
        }
    }
    out
}

fn check(read: &Read, want: &BTreeMap<i64, Decimal>, what: &str) {
    for (id, balance) in want {
        let name = read
            .ids
            .get(id)
            .unwrap_or_else(|| panic!("{what}: account {id} not declared"));
        assert_eq!(
            read.sums.get(name).copied().unwrap_or_default(),
            *balance,
            "{what}: {name}"
        );
        assert_eq!(
            read.asserted.get(name),
            Some(balance),
            "{what}: assertion for {name}"
        );
    }
    for account in read.sums.keys() {
        assert!(
            read.declared.contains(account),
            "{what}: {account} used but not declared"
        );
    }
}

#[test]
fn journals_balance_to_purse_for_every_range() {
    let home = Home::new();
    for (since, until) in [
        (None, None),
        (Some("2026-03-01"), None),
        (None, Some("2026-06-30")),
        (Some("2026-02-01"), Some("2026-09-15")),
    ] {
        let mut flags = Vec::new();
        if let Some(s) = since {
            flags.extend(["--since", s]);
        }
        if let Some(u) = until {
            flags.extend(["--until", u]);
        }
        let want = expected(&home, until);
        let ledger = home.ok(&[&["--demo", "export", "--format", "ledger"], &flags[..]].concat());
        check(&read_ledger(&ledger), &want, &format!("ledger {flags:?}"));
        let bean = home.ok(&[&["--demo", "export", "--format", "beancount"], &flags[..]].concat());
        check(
            &read_beancount(&bean),
            &want,
            &format!("beancount {flags:?}"),
        );
    }
}

#[test]
fn one_account_alone_and_without_assertions() {
    let home = Home::new();
    let ledger = home.ok(&[
        "--demo",
        "export",
        "--format",
        "ledger",
        "--account",
        "Visa Signature",
    ]);
    let read = read_ledger(&ledger);
    let want: BTreeMap<i64, Decimal> = expected(&home, None)
        .into_iter()
        .filter(|(id, _)| read.ids.contains_key(id))
        .collect();
    assert_eq!(want.len(), 1, "only the card is declared");
    check(&read, &want, "ledger --account");
    assert!(
        read.sums.keys().all(|a| !a.starts_with("Assets:")),
        "no other account's postings"
    );
    let bare = home.ok(&[
        "--demo",
        "export",
        "--format",
        "beancount",
        "--no-assertions",
    ]);
    assert!(read_beancount(&bare).asserted.is_empty());
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn imported_accounts_open_with_their_statement_balance_and_awkward_names_survive() {
    let home = Home::new();
    home.ok(&[
        "import",
        &fixture("ofx/bank_sgml.ofx"),
        &fixture("ofx/card_mixed.qfx"),
    ]);
    home.ok(&[
        "import",
        &fixture("csv/checking.csv"),
        "--account",
        "Joe's \"Café\"; Visa | 2",
    ]);
    let ledger_path = home.path("books.journal");
    let bean_path = home.path("books.beancount");
    home.ok(&[
        "export",
        "--format",
        "ledger",
        "-o",
        ledger_path.to_str().unwrap(),
    ]);
    home.ok(&[
        "export",
        "--format",
        "beancount",
        "-o",
        bean_path.to_str().unwrap(),
    ]);
    let ledger = std::fs::read_to_string(&ledger_path).unwrap();
    assert!(
        ledger.contains("Assets:Import:Joe-S-Caf-Visa-2"),
        "{ledger}"
    );
    assert!(
        ledger.contains("    Assets:Import:First-Example-Bank-Checking-4567  939.90 USD\n"),
        "opening = 3141.59 − 2201.69"
    );
    let bean = std::fs::read_to_string(&bean_path).unwrap();
    assert!(
        bean.contains("purse_account: \"Joe's \\\"Café\\\"; Visa | 2\""),
        "{bean}"
    );
    for (read, what) in [
        (read_ledger(&ledger), "ledger"),
        (read_beancount(&bean), "beancount"),
    ] {
        let balances: BTreeMap<i64, Decimal> = home
            .json(&["accounts", "--json"])
            .iter()
            .map(|a| {
                (
                    a["id"].as_i64().unwrap(),
                    amount(a["balance"].as_str().unwrap()),
                )
            })
            .collect();
        check(&read, &balances, what);
    }
    if tool("hledger") {
        let out = Command::new("hledger")
            .args(["-f", ledger_path.to_str().unwrap(), "check", "--strict"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "hledger: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if tool("bean-check") {
        let out = Command::new("bean-check").arg(&bean_path).output().unwrap();
        assert!(
            out.status.success(),
            "bean-check: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
