//! Issue 12, defect 1: amounts typed on the command line (`budget set`, `bills add`, `rules add
//! --min/--max`) are read one way, never guessed: ambiguous text and too many decimals are
//! refused quoting the value, nothing is stored, and `[input] decimal_separator = ","` lets a
//! European user type `1,50`.

use super::{Env, s};

fn budgeted(env: &Env, config: &[&str], category: &str) -> String {
    let args = [config, &["--demo", "budgets", "--json"]].concat();
    let lines = env.json(&args);
    let line = lines
        .iter()
        .find(|l| s(l, "category") == category)
        .unwrap_or_else(|| panic!("no {category} line in {lines:?}"));
    s(line, "budgeted").to_string()
}

#[test]
fn budget_set_refuses_ambiguous_and_too_precise_amounts() {
    let env = Env::new();
    let before = budgeted(&env, &[], "Travel");
    let err = env.fails(&["--demo", "budget", "set", "Travel", "1,50"]);
    assert!(
        err.contains("budget amount: \"1,50\" is ambiguous: write 1.50 (decimal point)")
            && err.contains("[input] decimal_separator = \",\""),
        "{err}"
    );
    let err = env.fails(&["--demo", "budget", "set", "Travel", "1.000,00"]);
    assert!(
        err.contains("\"1.000,00\" is ambiguous: write 1,000.00"),
        "{err}"
    );
    let err = env.fails(&["--demo", "budget", "set", "Travel", "12.345"]);
    assert!(
        err.contains("\"12.345\" has 3 decimal places, but USD allows 2"),
        "{err}"
    );
    assert_eq!(
        budgeted(&env, &[], "Travel"),
        before,
        "a refused amount was stored"
    );

    env.ok(&["--demo", "budget", "set", "Travel", "1,234.50"]);
    assert_eq!(budgeted(&env, &[], "Travel"), "1234.50");
}

#[test]
fn a_decimal_comma_config_reads_european_amounts() {
    let env = Env::new();
    let config = env.path("comma.toml");
    std::fs::write(&config, "[input]\ndecimal_separator = \",\"\n").unwrap();
    let config = ["--config", config.to_str().unwrap()];
    fn with<'a>(config: &[&'a str], args: &[&'a str]) -> Vec<&'a str> {
        [config, &["--demo"], args].concat()
    }
    let run = |args: &[&'static str]| with(&config, args);

    env.ok(&run(&["budget", "set", "Travel", "1,50"]));
    assert_eq!(budgeted(&env, &config, "Travel"), "1.50");
    env.ok(&run(&["budget", "set", "Travel", "1.234,56"]));
    assert_eq!(budgeted(&env, &config, "Travel"), "1234.56");
    let err = env.fails(&run(&["budget", "set", "Travel", "2.50"]));
    assert!(
        err.contains("\"2.50\" is ambiguous: write 2,50 (decimal comma)")
            && err.contains("[input] decimal_separator = \".\""),
        "{err}"
    );
    assert_eq!(budgeted(&env, &config, "Travel"), "1234.56");

    env.ok(&run(&[
        "bills",
        "add",
        "Piano",
        "1.850,5",
        "--due",
        "2026-12-01",
    ]));
    let bills = env.json(&run(&["bills", "--json"]));
    let piano = bills.iter().find(|b| b["name"] == "Piano").unwrap();
    assert_eq!(s(piano, "amount"), "1850.50");

    let out = env.ok(&run(&[
        "rules",
        "add",
        "--category",
        "Dining",
        "--payee-contains",
        "cafe",
        "--min",
        "2,5",
        "--json",
    ]));
    assert!(out.contains("\"2.50\""), "{out}");
}

#[test]
fn bills_and_rules_refuse_what_could_be_read_two_ways() {
    let env = Env::new();
    let bills = env.json(&["--demo", "bills", "--json"]);
    let err = env.fails(&[
        "--demo",
        "bills",
        "add",
        "Rent",
        "1,50",
        "--due",
        "2026-12-01",
    ]);
    assert!(
        err.contains("bill amount: \"1,50\" is ambiguous: write 1.50"),
        "{err}"
    );
    let err = env.fails(&[
        "--demo",
        "bills",
        "add",
        "Rent",
        "10.555",
        "--due",
        "2026-12-01",
    ]);
    assert!(
        err.contains("\"10.555\" has 3 decimal places, but USD allows 2"),
        "{err}"
    );
    assert_eq!(env.json(&["--demo", "bills", "--json"]), bills);

    let rules = env.json(&["--demo", "rules", "--json"]);
    for (flag, value, says) in [
        ("--min", "1,50", "--min: \"1,50\" is ambiguous: write 1.50"),
        (
            "--max",
            "1.000,00",
            "--max: \"1.000,00\" is ambiguous: write 1,000.00",
        ),
        (
            "--min",
            "0.125",
            "\"0.125\" has 3 decimal places, but USD allows 2",
        ),
    ] {
        let err = env.fails(&[
            "--demo",
            "rules",
            "add",
            "--category",
            "Dining",
            "--payee-contains",
            "cafe",
            flag,
            value,
        ]);
        assert!(err.contains(says), "{flag} {value}: {err}");
    }
    assert_eq!(env.json(&["--demo", "rules", "--json"]), rules);
}
