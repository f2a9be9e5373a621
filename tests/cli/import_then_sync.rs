//! A statement imported before the live sync brings the same transactions: after the sync the
//! account holds each transaction once, under the bank's ids, and importing the statement again
//! adds nothing.

use purse::provider::demo::{DEMO_SEED, DemoBank};

use super::{Env, date, demo_context, expected_demo_ids, stored_ids};

const FIRST: &str = "2026-11-12";
const SECOND: &str = "2026-11-21";

/// A CSV statement of the posted card rows the demo bank sends on `SECOND` after a sync on
/// `FIRST`, dated 13–18 November, written the way a bank's export words them (its description
/// as the payee), and the card's name.
fn statement() -> (String, String, usize) {
    let bank = DemoBank::new(DEMO_SEED);
    let first = bank.fetch(None, &demo_context(FIRST)).unwrap();
    let second = bank
        .fetch(first.cursor.as_deref(), &demo_context(SECOND))
        .unwrap();
    let card = second
        .accounts
        .iter()
        .find(|a| a.name == "Visa Signature")
        .expect("the demo bank has a Visa Signature card");
    let mut csv = String::from("Date,Description,Amount\n");
    let mut rows = 0;
    for t in second.upserts.iter().filter(|t| {
        !t.pending
            && t.provider_account_id == card.provider_account_id
            && (date("2026-11-13")..=date("2026-11-18")).contains(&t.date)
    }) {
        csv.push_str(&format!(
            "{},{},{}\n",
            t.date,
            t.description.replace(',', " "),
            t.amount.amount
        ));
        rows += 1;
    }
    (csv, card.name.clone(), rows)
}

#[test]
fn a_sync_after_an_import_replaces_the_imported_rows_and_a_reimport_adds_nothing() {
    let env = Env::new();
    env.ok_on(FIRST, &["--demo", "sync"]);
    let (csv, card, rows) = statement();
    assert!(rows >= 20, "only {rows} statement rows");
    let file = env.path("visa.csv");
    std::fs::write(&file, csv).unwrap();
    let file = file.to_str().unwrap();

    let imported = env.ok_on(FIRST, &["--demo", "import", file, "--account", &card]);
    assert!(imported.contains(&format!("{rows} new")), "{imported}");

    env.ok_on(SECOND, &["--demo", "sync"]);
    // Exactly what syncing on both days brings: no `csv:` row is left beside its synced twin.
    let stored = stored_ids(&env.data_dir().join("demo.db"));
    let expected = expected_demo_ids(&[FIRST, SECOND]);
    let extra: Vec<_> = stored.difference(&expected).collect();
    let missing: Vec<_> = expected.difference(&stored).collect();
    assert!(
        extra.is_empty() && missing.is_empty(),
        "extra {extra:?}\nmissing {missing:?}"
    );

    let again = env.ok_on(SECOND, &["--demo", "import", file, "--account", &card]);
    assert!(again.contains("0 new"), "{again}");
    assert!(
        again.contains(&format!("{rows} already there from another source")),
        "{again}"
    );
    assert_eq!(stored_ids(&env.data_dir().join("demo.db")), stored);
}
