//! Categorisation rules: the store (rules meet incoming transactions, apply to past ones, never
//! touch hand-set categories) on in-memory SQLite, and `purse rules` on the real binary.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use chrono::{DateTime, NaiveDate, Utc};
use purse::domain::{
    AccountKind, AccountSnapshot, Currency, Delta, IncomingTransaction, Money, NewRule, RuleError,
};
use purse::store::{Store, StoreError, TxnFilter};
use rust_decimal::dec;
use serde_json::Value;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn usd(cents: i64) -> Money {
    Money::from_minor(cents, Currency::USD)
}

fn account(id: &str, name: &str, kind: AccountKind) -> AccountSnapshot {
    AccountSnapshot {
        provider_account_id: id.into(),
        name: name.into(),
        kind,
        currency: Currency::USD,
        balance: usd(100_000),
        available: None,
        limit: None,
        as_of: now(),
    }
}

fn txn(acct: &str, id: &str, cents: i64, payee: &str, hint: &str) -> IncomingTransaction {
    IncomingTransaction {
        provider_account_id: acct.into(),
        provider_id: id.into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
        amount: usd(cents),
        payee: payee.into(),
        description: format!("POS {}", payee.to_uppercase()),
        category: Some(hint.into()),
        pending: false,
        pending_provider_id: None,
        raw: None,
    }
}

fn delta() -> Delta {
    Delta {
        accounts: vec![
            account("chk", "Everyday Checking", AccountKind::Checking),
            account("card", "Visa Signature", AccountKind::CreditCard),
        ],
        upserts: vec![
            txn("card", "t1", -520, "Blue Bottle Coffee", "Restaurants"),
            txn("card", "t2", -610, "BLUE BOTTLE #4", "Restaurants"),
            txn("chk", "t3", -480, "Blue Bottle Coffee", "Restaurants"),
            txn("card", "t4", -15_000, "Amazon Mktp", "Shopping"),
            txn("card", "t5", -1_299, "Amazon Mktp", "Shopping"),
            txn("card", "t6", -4_000, "Shell Oil", "Fuel"),
        ],
        ..Delta::default()
    }
}

async fn synced() -> (Store, i64) {
    let store = Store::open_in_memory().await.unwrap();
    let conn = store
        .ensure_connection("Bank", "demo", now())
        .await
        .unwrap();
    store.apply_delta(conn, &delta(), now()).await.unwrap();
    (store, conn)
}

async fn category_of(store: &Store, provider_id: &str) -> String {
    let rows = store
        .transactions(&TxnFilter::default(), None, 100)
        .await
        .unwrap();
    rows.into_iter()
        .find(|t| t.provider_id == provider_id)
        .map(|t| t.category)
        .unwrap_or_default()
}

async fn id_of(store: &Store, provider_id: &str) -> i64 {
    let rows = store
        .transactions(&TxnFilter::default(), None, 100)
        .await
        .unwrap();
    rows.iter()
        .find(|t| t.provider_id == provider_id)
        .unwrap()
        .id
}

async fn card_id(store: &Store) -> i64 {
    store.find_account("Visa Signature").await.unwrap().id
}

#[tokio::test]
async fn a_rule_beats_the_providers_hint_on_incoming_transactions_but_never_a_hand_set_one() {
    let store = Store::open_in_memory().await.unwrap();
    let conn = store
        .ensure_connection("Bank", "demo", now())
        .await
        .unwrap();
    store
        .add_rule(&NewRule::for_payee("blue bottle", "coffee"))
        .await
        .unwrap();
    store.apply_delta(conn, &delta(), now()).await.unwrap();
    for id in ["t1", "t2", "t3"] {
        assert_eq!(category_of(&store, id).await, "Coffee", "{id}");
    }
    assert_eq!(
        category_of(&store, "t6").await,
        "Fuel",
        "no rule: the hint stays"
    );

    // The user sets one by hand; a higher-priority rule arrives; the same rows sync again.
    store
        .set_category(id_of(&store, "t1").await, "Entertainment")
        .await
        .unwrap();
    let mut card_only = NewRule::for_payee("blue bottle", "Groceries");
    card_only.account = Some(card_id(&store).await);
    card_only.priority = 5;
    store.add_rule(&card_only).await.unwrap();
    store.apply_delta(conn, &delta(), now()).await.unwrap();
    assert_eq!(category_of(&store, "t1").await, "Entertainment", "locked");
    assert_eq!(category_of(&store, "t2").await, "Groceries", "priority 5");
    assert_eq!(
        category_of(&store, "t3").await,
        "Coffee",
        "other account: the priority-0 rule"
    );
}

#[tokio::test]
async fn applying_a_rule_recategorises_past_unlocked_matches_and_counts_them() {
    let (store, _) = synced().await;
    store
        .set_category(id_of(&store, "t4").await, "Entertainment")
        .await
        .unwrap();
    let big = NewRule {
        category: "Travel".into(),
        payee_regex: Some(r"^amazon\b".into()),
        min: Some(Money::new(dec!(100), Currency::USD)),
        ..NewRule::default()
    };
    let rule = store.add_rule(&big).await.unwrap();
    assert_eq!(
        category_of(&store, "t5").await,
        "Shopping",
        "adding alone changes nothing past"
    );
    assert_eq!(
        store.apply_rule(rule.id).await.unwrap(),
        0,
        "the only big Amazon charge is locked"
    );
    assert_eq!(category_of(&store, "t4").await, "Entertainment");

    let all_amazon = store
        .add_rule(&NewRule::for_payee("amazon", "Housing"))
        .await
        .unwrap();
    assert_eq!(store.apply_rule(all_amazon.id).await.unwrap(), 1, "t5 only");
    assert_eq!(category_of(&store, "t5").await, "Housing");
    assert_eq!(
        store.apply_rule(all_amazon.id).await.unwrap(),
        0,
        "nothing left to change"
    );

    // A rule outranked on a row does not take it when applied.
    let mut low = NewRule::for_payee("amazon", "Fees");
    low.priority = -1;
    let low = store.add_rule(&low).await.unwrap();
    assert_eq!(store.apply_rule(low.id).await.unwrap(), 0);
    assert!(matches!(
        store.apply_rule(9_999).await,
        Err(StoreError::UnknownRule(9_999))
    ));
}

#[tokio::test]
async fn applying_finds_every_row_the_engine_matches_whatever_the_characters() {
    let store = Store::open_in_memory().await.unwrap();
    let conn = store
        .ensure_connection("Bank", "demo", now())
        .await
        .unwrap();
    let mut upserts = vec![
        txn("chk", "ascii", -900, "KFC #12", "Restaurants"),
        txn("chk", "kelvin", -900, "\u{212A}FC Drive", "Restaurants"),
        txn("chk", "other", -900, "Chick-fil-A", "Restaurants"),
        txn("chk", "percent", -900, "100% Juice", "Restaurants"),
        txn("chk", "wild", -900, "100X Juice", "Restaurants"),
    ];
    upserts[2].description = "via kfc app".into();
    let d = Delta { upserts, ..delta() };
    store.apply_delta(conn, &d, now()).await.unwrap();
    let kfc = store
        .add_rule(&NewRule::for_payee("kfc", "Fees"))
        .await
        .unwrap();
    assert_eq!(store.apply_rule(kfc.id).await.unwrap(), 3);
    for id in ["ascii", "kelvin", "other"] {
        assert_eq!(category_of(&store, id).await, "Fees", "{id}");
    }
    let juice = store
        .add_rule(&NewRule::for_payee("100% juice", "Groceries"))
        .await
        .unwrap();
    assert_eq!(store.apply_rule(juice.id).await.unwrap(), 1, "% is literal");
    assert_eq!(category_of(&store, "wild").await, "Restaurants");
}

#[tokio::test]
async fn always_for_this_payee_creates_a_rule_and_applies_it() {
    let (store, conn) = synced().await;
    let (rule, changed) = store
        .always_categorize_payee("Blue Bottle Coffee", "Coffee")
        .await
        .unwrap();
    assert_eq!(changed, 2, "t1 and t3 (t2's payee differs)");
    assert_eq!(rule.category, "Coffee");
    assert_eq!(
        rule.payee.as_ref().map(|p| p.text()),
        Some("Blue Bottle Coffee")
    );
    // It applies to what syncs later too.
    let later = Delta {
        upserts: vec![txn("chk", "t9", -450, "Blue Bottle Coffee", "Restaurants")],
        ..delta()
    };
    store.apply_delta(conn, &later, now()).await.unwrap();
    assert_eq!(category_of(&store, "t9").await, "Coffee");
}

#[tokio::test]
async fn rules_list_in_precedence_order_and_delete_by_id() {
    let (store, _) = synced().await;
    let a = store
        .add_rule(&NewRule::for_payee("a", "Fees"))
        .await
        .unwrap();
    let mut high = NewRule::for_payee("b", "Fees");
    high.priority = 3;
    let b = store.add_rule(&high).await.unwrap();
    let c = store
        .add_rule(&NewRule::for_payee("c", "Fees"))
        .await
        .unwrap();
    let order: Vec<i64> = store.rules().await.unwrap().iter().map(|r| r.id).collect();
    assert_eq!(order, vec![b.id, c.id, a.id]);
    assert!(store.delete_rule(c.id).await.unwrap());
    assert!(!store.delete_rule(c.id).await.unwrap());
    assert_eq!(store.rules().await.unwrap().len(), 2);
}

#[tokio::test]
async fn bad_rules_are_refused_and_nothing_is_stored() {
    let (store, _) = synced().await;
    let bad_regex = NewRule {
        category: "Fees".into(),
        payee_regex: Some("([a-z".into()),
        ..NewRule::default()
    };
    let e = store.add_rule(&bad_regex).await.unwrap_err();
    assert!(matches!(e, StoreError::Rule(RuleError::BadRegex { .. })));
    assert!(e.to_string().contains("\"([a-z\""), "{e}");

    let e = store
        .add_rule(&NewRule::for_payee("x", "Snacks"))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("\"Snacks\""), "{e}");

    let mut ghost = NewRule::for_payee("x", "Fees");
    ghost.account = Some(4242);
    let e = store.add_rule(&ghost).await.unwrap_err();
    assert!(e.to_string().contains("4242"), "{e}");

    let e = store
        .add_rule(&NewRule {
            category: "Fees".into(),
            ..NewRule::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Rule(RuleError::NoCondition)));
    assert!(store.rules().await.unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// `purse rules` on the real binary, against the demo bank.

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_purse"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("PURSE_TODAY", "2026-11-21")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "purse {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "purse {args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    }
}

#[test]
fn purse_rules_add_list_apply_delete() {
    let env = Env::new();
    let added = env.json(&[
        "--demo",
        "rules",
        "add",
        "--payee-contains",
        "blue bottle",
        "--category",
        "groceries",
        "--max",
        "50",
        "--priority",
        "2",
        "--apply",
        "--json",
    ]);
    assert_eq!(added["category"], "Groceries");
    assert_eq!(added["payee_contains"], "blue bottle");
    assert_eq!(added["max"], "50.00");
    assert_eq!(added["priority"], 2);
    assert!(added["changed"].as_u64().unwrap() > 0, "{added}");
    let id = added["id"].as_i64().unwrap().to_string();

    let listed = env.json(&["--demo", "rules", "--json"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert_eq!(listed[0]["id"].as_i64().unwrap().to_string(), id);
    let rows = env.json(&[
        "--demo",
        "transactions",
        "--search",
        "blue bottle",
        "--json",
    ]);
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for t in rows {
        let size = t["amount"].as_str().unwrap().trim_start_matches('-');
        let under_50 = size.parse::<rust_decimal::Decimal>().unwrap() <= dec!(50);
        assert_eq!(
            t["category"] == "Groceries",
            under_50,
            "Blue Bottle charges up to $50, and only those, re-categorised: {t}"
        );
    }

    let deleted = env.json(&["--demo", "rules", "delete", &id, "--json"]);
    assert_eq!(deleted["deleted"].as_i64().unwrap().to_string(), id);
    let stderr = env.fails(&["--demo", "rules", "delete", &id]);
    assert!(
        stderr.contains(&format!("no rule with id {id}")),
        "{stderr}"
    );
}

#[test]
fn purse_rules_add_names_the_bad_value() {
    let env = Env::new();
    let add = |extra: &[&str]| {
        let mut args = vec!["--demo", "rules", "add"];
        args.extend_from_slice(extra);
        env.fails(&args)
    };
    let e = add(&["--category", "Coffee", "--payee-regex", "(blue"]);
    assert!(
        e.contains("\"(blue\"") && e.contains("regular expression"),
        "{e}"
    );
    let e = add(&["--category", "Snacks", "--payee-contains", "x"]);
    assert!(e.contains("\"Snacks\""), "{e}");
    let e = add(&["--category", "Coffee", "--min", "ten"]);
    assert!(e.contains("--min: \"ten\" is not an amount"), "{e}");
    let e = add(&["--category", "Coffee", "--max", "-5"]);
    assert!(e.contains("-$5.00") && e.contains("negative"), "{e}");
    let e = add(&["--category", "Coffee", "--account", "Nowhere Bank"]);
    assert!(e.contains("\"Nowhere Bank\""), "{e}");
    assert_eq!(
        env.json(&["--demo", "rules", "--json"]),
        Value::Array(vec![])
    );
}
