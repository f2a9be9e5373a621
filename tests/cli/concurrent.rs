//! Concurrent writers on one store: rounds of three `purse --demo sync` at once, each round with a
//! `budget set` and a statement import beside them, all of the real binary. Every process must
//! succeed (no "database is locked"), and the store must hold each transaction once: what one
//! sync of the demo bank stores, plus the imported rows.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Stdio};

use purse::store::{Store, TxnCursor, TxnFilter};

use super::{Env, expected_demo_ids, runtime};

const ROUNDS: usize = 10;
const SYNCS: usize = 3;
const WALLET: &str = "Cash wallet";
const STATEMENT: &str = "Date,Description,Amount\n\
    2026-11-10,Corner shop,-12.50\n\
    2026-11-11,Bakery,-4.20\n\
    2026-11-12,Refund from a friend,30.00\n";
const STATEMENT_ROWS: usize = 3;

/// Every stored transaction as (account, provider id), and how many rows there are in all.
fn stored(db: &Path) -> (BTreeSet<(String, String)>, usize) {
    runtime().block_on(async {
        let store = Store::open(db).await.unwrap();
        let (mut ids, mut rows) = (BTreeSet::new(), 0);
        let mut after: Option<TxnCursor> = None;
        loop {
            let page = store
                .transactions(&TxnFilter::default(), after, 1000)
                .await
                .unwrap();
            let Some(last) = page.last() else { break };
            after = Some(TxnCursor::of(last));
            rows += page.len();
            ids.extend(page.into_iter().map(|t| (t.account, t.provider_id)));
        }
        store.close().await;
        (ids, rows)
    })
}

fn spawn(env: &Env, args: &[&str]) -> Child {
    env.command_on(super::TODAY, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn concurrent_syncs_imports_and_edits_never_fail_or_duplicate() {
    let env = Env::new();
    let statement = env.path("home").join("wallet.csv");
    std::fs::write(&statement, STATEMENT).unwrap();
    let statement = statement.to_str().unwrap().to_string();

    let mut failures = Vec::new();
    for round in 0..ROUNDS {
        let amount = format!("{}", 400 + round);
        let mut children: Vec<(String, Child)> = (0..SYNCS)
            .map(|_| ("sync".to_string(), spawn(&env, &["--demo", "sync"])))
            .collect();
        children.push((
            "budget set".to_string(),
            spawn(&env, &["--demo", "budget", "set", "Groceries", &amount]),
        ));
        children.push((
            "import".to_string(),
            spawn(&env, &["--demo", "import", &statement, "--account", WALLET]),
        ));
        for (what, child) in children {
            let out = child.wait_with_output().unwrap();
            if !out.status.success() {
                failures.push(format!(
                    "round {round}, {what}: {:?}\n{}{}",
                    out.status,
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} processes failed:\n{}",
        failures.len(),
        ROUNDS * (SYNCS + 2),
        failures.join("\n")
    );

    let (ids, rows) = stored(&env.data_dir().join("demo.db"));
    assert_eq!(rows, ids.len(), "some transaction is stored twice");
    let imported: BTreeSet<_> = ids.iter().filter(|(a, _)| a == WALLET).cloned().collect();
    assert_eq!(imported.len(), STATEMENT_ROWS, "{imported:?}");
    let synced: BTreeSet<_> = ids.difference(&imported).cloned().collect();
    assert_eq!(
        synced,
        expected_demo_ids(&[super::TODAY]),
        "the store differs from one sync of the demo bank"
    );
    let budgets = env.json(&["--demo", "budgets", "--json"]);
    assert!(
        budgets
            .iter()
            .any(|b| b["category"] == "Groceries"
                && b["budgeted"] == format!("{}.00", 400 + ROUNDS - 1)),
        "the last round's budget is kept: {budgets:?}"
    );
}
