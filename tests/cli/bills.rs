//! `purse bills` on the demo bank: listing (the JSON contract unchanged), adding, marking paid,
//! deleting, refusals with the reason, and a config `[[bills]]` entry raising its alert once.

use super::{Env, TODAY, s};

fn bill_named<'a>(bills: &'a [serde_json::Value], name: &str) -> Vec<&'a serde_json::Value> {
    bills.iter().filter(|b| b["name"] == name).collect()
}

#[test]
fn bills_add_paid_and_delete() {
    let env = Env::new();
    let before = env.json(&["--demo", "bills", "--json"]);
    assert!(!before.is_empty());
    for b in &before {
        super::assert_keys(
            b,
            &[
                "id",
                "name",
                "account_id",
                "amount",
                "minimum",
                "currency",
                "due",
                "source",
                "paid",
            ],
        );
        assert!(
            b.get("every").is_none(),
            "bank and predicted bills: as before {b}"
        );
    }

    let out = env.ok(&[
        "--demo",
        "bills",
        "add",
        "Piano lessons",
        "120",
        "--due",
        "2026-11-28",
        "--every",
        "weekly",
        "--account",
        "checking",
    ]);
    assert!(
        out.contains("Added Piano lessons: $120.00 due 2026-11-28, weekly."),
        "{out}"
    );
    let bills = env.json(&["--demo", "bills", "--json"]);
    let piano = bill_named(&bills, "Piano lessons");
    assert_eq!(piano.len(), 1, "{bills:?}");
    let p = piano[0];
    assert_eq!(
        (s(p, "source"), s(p, "every"), s(p, "origin")),
        ("manual", "weekly", "user")
    );
    assert_eq!((s(p, "amount"), s(p, "due")), ("120.00", "2026-11-28"));
    assert_eq!(p["account_id"], 1);
    let table = env.ok(&["--demo", "bills"]);
    assert!(table.contains("manual (user, weekly)"), "{table}");

    let id = p["id"].as_i64().unwrap().to_string();
    let paid = env.ok(&["--demo", "bills", "paid", &id]);
    assert!(
        paid.contains("marked paid") && paid.contains("Next:"),
        "{paid}"
    );
    let bills = env.json(&["--demo", "bills", "--json"]);
    let dues: Vec<(&str, bool)> = bill_named(&bills, "Piano lessons")
        .iter()
        .map(|b| (s(b, "due"), b["paid"].as_bool().unwrap()))
        .collect();
    assert_eq!(dues, [("2026-11-28", true), ("2026-12-05", false)]);

    let dup = env.fails(&[
        "--demo",
        "bills",
        "add",
        "PIANO LESSONS",
        "5",
        "--due",
        TODAY,
    ]);
    assert!(dup.contains("already exists"), "{dup}");
    let deleted = env.ok(&["--demo", "bills", "delete", &id]);
    assert!(deleted.contains("deleted"), "{deleted}");
    let bills = env.json(&["--demo", "bills", "--json"]);
    assert!(bill_named(&bills, "Piano lessons").is_empty(), "{bills:?}");

    // The bank's statement cannot be deleted; say why.
    let statement = bills.iter().find(|b| b["source"] == "liability").unwrap();
    let id = statement["id"].as_i64().unwrap().to_string();
    let err = env.fails(&["--demo", "bills", "delete", &id]);
    assert!(
        err.contains("card statement") && err.contains("only bills you added"),
        "{err}"
    );
    assert_eq!(env.json(&["--demo", "bills", "--json"]).len(), bills.len());
}

#[test]
fn bad_bill_input_is_refused_quoting_the_value() {
    let env = Env::new();
    let add = |extra: &[&str]| {
        let mut args = vec!["--demo", "bills", "add", "Gym"];
        args.extend_from_slice(extra);
        env.fails(&args)
    };
    let err = add(&["abc", "--due", "2026-12-01"]);
    assert!(err.contains("\"abc\"") && err.contains("1,234.56"), "{err}");
    let err = add(&["0", "--due", "2026-12-01"]);
    assert!(err.contains("above zero"), "{err}");
    let err = add(&["40", "--due", "12/01/2026"]);
    assert!(err.contains("--due \"12/01/2026\""), "{err}");
    let err = add(&["40", "--due", "2026-12-01", "--every", "fortnightly"]);
    assert!(
        err.contains("\"fortnightly\"") && err.contains("biweekly"),
        "{err}"
    );
    let err = add(&["40", "--due", "2026-12-01", "--account", "nowhere"]);
    assert!(err.contains("\"nowhere\""), "{err}");
    let err = env.fails(&["--demo", "bills", "paid", "4242"]);
    assert!(err.contains("no bill with id 4242"), "{err}");
}

#[test]
fn a_config_bill_due_in_two_days_alerts_after_sync_once() {
    let env = Env::new();
    let config = env.path("config").join("bills.toml");
    std::fs::write(
        &config,
        "[notifications]\ndesktop = false\n\n[[bills]]\nname = \"Car insurance\"\n\
         amount = \"640.00\"\ndue = \"2026-11-23\"\nevery = \"annually\"\naccount = \"Everyday Checking\"\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let sync = |env: &Env| -> Vec<String> {
        let out = env.ok(&["--config", config, "--demo", "sync", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["kind"] == "bill_due")
            .map(|a| s(a, "message").to_string())
            .filter(|m| m.starts_with("Car insurance"))
            .collect()
    };
    assert_eq!(
        sync(&env),
        ["Car insurance of $640.00 is due 2026-11-23 (in 2 days)"]
    );
    assert!(sync(&env).is_empty(), "raised once");
    let bills = env.json(&["--config", config, "--demo", "bills", "--json"]);
    let car = bill_named(&bills, "Car insurance");
    assert_eq!(car.len(), 1);
    assert_eq!(
        (s(car[0], "origin"), car[0]["account_id"].as_i64()),
        ("config", Some(1))
    );
}
