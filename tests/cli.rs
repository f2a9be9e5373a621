//! The real `purse` binary as a script would use it, in an isolated environment with the clock
//! pinned by `PURSE_TODAY`.
#![allow(clippy::unwrap_used)]

#[path = "cli/bills.rs"]
mod bills;
#[path = "cli/concurrent.rs"]
mod concurrent;
#[path = "cli/currency.rs"]
mod currency;
#[path = "cli/filters.rs"]
mod filters;
#[path = "cli/import_then_sync.rs"]
mod import_then_sync;
#[path = "cli/sync_status.rs"]
mod sync_status;
#[path = "cli/trust.rs"]
mod trust;
#[path = "cli/typed_amounts.rs"]
mod typed_amounts;

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{DateTime, NaiveDate, Utc};
use purse::domain::Delta;
use purse::provider::FetchContext;
use purse::provider::demo::{DEMO_BUDGETS, DEMO_SEED, DemoBank};
use purse::store::{Store, TxnCursor, TxnFilter};
use rust_decimal::Decimal;
use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-21";

// ---------------------------------------------------------------------------------------------
// Harness

/// One isolated home: every directory purse might touch lives in a temp dir.
struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "data", "config", "state", "cache"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Env { dir }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    /// `$XDG_DATA_HOME/purse`, where the default database lives.
    fn data_dir(&self) -> PathBuf {
        self.path("data").join("purse")
    }

    fn command_on(&self, today: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_purse"));
        // Nothing from the caller's environment leaks in (no PURSE__* overrides, no PURSE_LOG).
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("PURSE_TODAY", today)
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    fn run_on(&self, today: &str, args: &[&str]) -> Output {
        self.command_on(today, args).output().unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_on(TODAY, args)
    }

    /// Runs and expects success; returns stdout.
    fn ok_on(&self, today: &str, args: &[&str]) -> String {
        let out = self.run_on(today, args);
        assert!(
            out.status.success(),
            "purse {args:?} failed ({:?})\nstdout:\n{}\nstderr:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_on(TODAY, args)
    }

    /// Runs and expects failure; returns stderr.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            !out.status.success(),
            "purse {args:?} should have failed\nstdout:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    fn json_on(&self, today: &str, args: &[&str]) -> Vec<Value> {
        let text = self.ok_on(today, args);
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::Array(items)) => items,
            other => panic!("purse {args:?}: expected a JSON array, got {other:?}\n{text}"),
        }
    }

    fn json(&self, args: &[&str]) -> Vec<Value> {
        self.json_on(TODAY, args)
    }
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v}"))
}

/// A JSON amount: a string (never a number) holding a plain decimal with exactly two places.
fn amount(v: &Value, key: &str) -> Decimal {
    let text = v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` must be a JSON string in {v}"));
    let digits = text.strip_prefix('-').unwrap_or(text);
    let well_formed = digits.split_once('.').is_some_and(|(int, frac)| {
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.len() == 2
            && frac.bytes().all(|b| b.is_ascii_digit())
    });
    assert!(well_formed, "`{key}` = {text:?} is not like \"-12.34\"");
    Decimal::from_str_exact(text).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("{text:?} is not YYYY-MM-DD: {e}"))
}

fn assert_keys(v: &Value, keys: &[&str]) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"));
    for k in keys {
        assert!(obj.contains_key(*k), "missing key `{k}` in {v}");
    }
}

const TXN_KEYS: &[&str] = &[
    "id",
    "account_id",
    "account",
    "date",
    "amount",
    "currency",
    "payee",
    "description",
    "category",
    "pending",
];

fn check_transaction(t: &Value) {
    assert_keys(t, TXN_KEYS);
    assert!(t["id"].is_i64() && t["account_id"].is_i64(), "{t}");
    let d = s(t, "date");
    assert_eq!(d.len(), 10, "{d}");
    date(d);
    amount(t, "amount");
    assert_eq!(s(t, "currency"), "USD");
    for k in ["account", "payee", "description", "category"] {
        assert!(!s(t, k).is_empty(), "empty `{k}` in {t}");
    }
    assert!(t["pending"].is_boolean(), "{t}");
}

fn txn_dates(rows: &[Value]) -> Vec<NaiveDate> {
    rows.iter().map(|t| date(s(t, "date"))).collect()
}

// ---------------------------------------------------------------------------------------------
// Reading the demo bank: accounts, transactions, status, alerts, isolation, pipes

#[test]
fn demo_reads_accounts_transactions_status_and_alerts() {
    let env = Env::new();

    // Demo isolation: no config and no real data, so even without --demo the first run is the
    // demo, kept in demo.db beside the default database.
    let accounts = env.json(&["accounts", "--json"]);
    let demo_db = env.data_dir().join("demo.db");
    let real_db = env.data_dir().join("purse.db");
    assert!(demo_db.is_file(), "{} missing", demo_db.display());
    assert!(
        !real_db.exists() || real_store_is_empty(&real_db),
        "the real database got demo data"
    );
    assert_eq!(
        env.json(&["--demo", "accounts", "--json"]),
        accounts,
        "--demo uses the same demo.db"
    );
    assert!(!real_db.exists() || real_store_is_empty(&real_db));

    // Accounts: at least three, one a credit card, amounts as decimal strings.
    assert!(accounts.len() >= 3, "{accounts:?}");
    for a in &accounts {
        assert_keys(
            a,
            &[
                "id",
                "name",
                "kind",
                "connection",
                "currency",
                "balance",
                "available",
                "limit",
            ],
        );
        assert!(a["id"].is_i64());
        assert_eq!(s(a, "connection"), "Demo Bank");
        assert_eq!(s(a, "currency"), "USD");
        amount(a, "balance");
        for k in ["available", "limit"] {
            if !a[k].is_null() {
                amount(a, k);
            }
        }
    }
    let card = accounts
        .iter()
        .find(|a| a["kind"] == "credit_card")
        .expect("a credit card");
    assert!(amount(card, "limit") > Decimal::ZERO);
    assert!(accounts.iter().any(|a| a["kind"] == "checking"));
    assert!(accounts.iter().any(|a| a["kind"] == "savings"));

    // Transactions: two years of history, every row well formed, newest first.
    let all = env.json(&["--demo", "transactions", "--json"]);
    assert!(all.len() > 1000, "only {} transactions", all.len());
    all.iter().for_each(check_transaction);
    let months: BTreeSet<&str> = all.iter().map(|t| &s(t, "date")[..7]).collect();
    assert!(
        months.len() >= 12,
        "only {} months: {months:?}",
        months.len()
    );
    let dates = txn_dates(&all);
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "not newest first");
    assert!(dates[0] <= date(TODAY));
    let ids: BTreeSet<i64> = all.iter().map(|t| t["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate ids");
    let account_names: BTreeSet<&str> = accounts.iter().map(|a| s(a, "name")).collect();
    assert!(all.iter().all(|t| account_names.contains(s(t, "account"))));

    // The text listing streams page by page: one line per transaction after the header, the
    // newest first, with the columns of the first page.
    let text = env.ok(&["--demo", "transactions"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), all.len() + 1, "header plus one line each");
    assert!(lines[0].trim_start().starts_with("Date"));
    assert!(lines[1].trim_start().starts_with(s(&all[0], "date")));
    assert!(
        lines
            .last()
            .unwrap()
            .trim_start()
            .starts_with(s(all.last().unwrap(), "date"))
    );
    let payee_at = lines[0].find("Payee").unwrap();
    assert!(
        lines[1001..]
            .iter()
            .all(|l| l.get(payee_at - 1..payee_at) == Some(" "))
    );

    // --limit
    let five = env.json(&["--demo", "transactions", "--json", "--limit", "5"]);
    assert_eq!(five.len(), 5);
    assert_eq!(five[..], all[..5]);

    // --account by name: only that account, all of its rows.
    let card_name = s(card, "name");
    let on_card = env.json(&["--demo", "transactions", "--json", "--account", card_name]);
    assert!(!on_card.is_empty());
    assert!(
        on_card
            .iter()
            .all(|t| s(t, "account") == card_name && t["account_id"] == card["id"])
    );
    assert_eq!(
        on_card.len(),
        all.iter().filter(|t| s(t, "account") == card_name).count()
    );

    // --since / --until, both inclusive.
    let october = env.json(&[
        "--demo",
        "transactions",
        "--json",
        "--since",
        "2026-10-01",
        "--until",
        "2026-10-31",
    ]);
    assert!(!october.is_empty());
    assert!(
        txn_dates(&october)
            .iter()
            .all(|d| (date("2026-10-01")..=date("2026-10-31")).contains(d))
    );
    let expected = all
        .iter()
        .filter(|t| s(t, "date").starts_with("2026-10"))
        .count();
    assert_eq!(october.len(), expected);
    let since = env.json(&["--demo", "transactions", "--json", "--since", "2026-11-14"]);
    assert_eq!(
        since.len(),
        all.iter()
            .filter(|t| date(s(t, "date")) >= date("2026-11-14"))
            .count()
    );

    // --search: only matching rows, and every matching row; includes the planted catering order.
    let blue = env.json(&[
        "--demo",
        "transactions",
        "--json",
        "--search",
        "Blue Bottle",
    ]);
    let matches = |t: &Value| {
        ["payee", "description", "category"]
            .iter()
            .any(|k| s(t, k).to_lowercase().contains("blue bottle"))
    };
    assert!(!blue.is_empty());
    assert!(
        blue.iter().all(matches),
        "non-matching rows in --search output"
    );
    assert_eq!(blue.len(), all.iter().filter(|t| matches(t)).count());
    assert!(
        blue.iter()
            .any(|t| s(t, "amount") == "-182.40" && s(t, "date") == "2026-11-17"),
        "the planted $182.40 Blue Bottle catering charge is missing"
    );

    // A bad date names the flag and the value.
    let err = env.fails(&["--demo", "transactions", "--json", "--since", "2026-13-01"]);
    assert!(
        err.contains("--since") && err.contains("2026-13-01"),
        "{err}"
    );
    let err = env.fails(&["--demo", "transactions", "--until", "yesterday"]);
    assert!(
        err.contains("--until") && err.contains("yesterday"),
        "{err}"
    );

    // Status: the demo connection, healthy.
    let status = env.json(&["--demo", "status", "--json"]);
    let demo = status
        .iter()
        .find(|c| c["connection"] == "Demo Bank")
        .expect("Demo Bank in status");
    assert_eq!(s(demo, "health"), "ok");
    assert_eq!(s(demo, "provider"), "demo");
    assert!(demo["last_error"].is_null());

    // Alerts: an array (maybe empty) of well-formed objects.
    let alerts = env.json(&["--demo", "alerts", "--json"]);
    for a in &alerts {
        assert_keys(
            a,
            &[
                "id",
                "kind",
                "key",
                "title",
                "message",
                "created",
                "acknowledged",
            ],
        );
        assert!(a["acknowledged"].is_boolean() && a["id"].is_i64());
        DateTime::parse_from_rfc3339(s(a, "created")).unwrap();
        // The heading a notification shows: an 80% warning is not titled "Over budget".
        let warning = s(a, "kind") == "over_budget" && s(a, "message").ends_with(" left");
        if warning {
            assert_eq!(s(a, "title"), "80% of budget used", "{a}");
        } else {
            assert!(!s(a, "title").is_empty(), "{a}");
        }
    }
    assert!(
        alerts.iter().any(|a| s(a, "title") == "80% of budget used"),
        "the demo raises an 80% budget warning: {alerts:?}"
    );

    // Reading again never syncs a second time on the same day: nothing changes.
    assert_eq!(
        env.json(&["--demo", "transactions", "--json"]).len(),
        all.len()
    );

    // Output closed early (`| head -c 100`): no "Broken pipe" complaint.
    let mut child = env
        .command_on(TODAY, &["--demo", "transactions", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    assert!(head.starts_with(b"["));
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "stderr after an early close: {stderr}");
    assert!(out.status.success(), "{:?}", out.status);

    // Closed before anything was written: still quiet.
    let out = closed_stdout(&env, &["--demo", "transactions", "--json"]);
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
}

fn real_store_is_empty(path: &Path) -> bool {
    runtime().block_on(async {
        let store = Store::open(path).await.unwrap();
        let empty = store.is_empty().await.unwrap();
        store.close().await;
        empty
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Runs with stdout a pipe whose reading end is closed at once.
fn closed_stdout(env: &Env, args: &[&str]) -> Output {
    let mut child = env
        .command_on(TODAY, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn json_lists_written_with_print_json_are_quiet_on_a_closed_pipe() {
    let env = Env::new();
    env.ok(&["--demo", "sync"]);
    for args in [
        &["--demo", "accounts", "--json"][..],
        &["--demo", "status", "--json"][..],
        &["--demo", "categories", "--json"][..],
    ] {
        let out = closed_stdout(&env, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "purse {args:?}: stderr {stderr}");
        assert!(out.status.success(), "purse {args:?}: {:?}", out.status);
    }
}

// ---------------------------------------------------------------------------------------------
// Budgets

#[test]
fn budgets_set_and_report() {
    let env = Env::new();
    // A new demo store comes with the household's budgets.
    let seeded = env.json(&["--demo", "budgets", "--json"]);
    let names: BTreeSet<&str> = seeded.iter().map(|l| s(l, "category")).collect();
    let expected: BTreeSet<&str> = DEMO_BUDGETS.iter().map(|(c, _)| *c).collect();
    assert_eq!(names, expected);

    let out = env.ok(&["--demo", "budget", "set", "Groceries", "450"]);
    assert!(out.contains("Groceries"), "{out}");

    let lines = env.json(&["--demo", "budgets", "--json"]);
    let groceries = lines
        .iter()
        .find(|l| l["category"] == "Groceries")
        .expect("Groceries line");
    assert_keys(
        groceries,
        &["month", "category", "budgeted", "spent", "remaining"],
    );
    assert_eq!(s(groceries, "month"), "2026-11");
    assert_eq!(s(groceries, "budgeted"), "450.00");
    let (budgeted, spent, remaining) = (
        amount(groceries, "budgeted"),
        amount(groceries, "spent"),
        amount(groceries, "remaining"),
    );
    // Remaining includes what earlier months left unspent (or overspent): the rollover.
    assert_eq!(remaining, budgeted + amount(groceries, "rollover") - spent);

    // Spent is the negated net of November's Groceries rows (refunds reduce it).
    let rows = env.json(&[
        "--demo",
        "transactions",
        "--json",
        "--category",
        "Groceries",
        "--since",
        "2026-11-01",
        "--until",
        "2026-11-30",
    ]);
    assert!(rows.iter().all(|t| s(t, "category") == "Groceries"));
    let net: Decimal = rows.iter().map(|t| amount(t, "amount")).sum();
    assert_eq!(spent, -net);
    assert!(
        spent > Decimal::ZERO,
        "the demo household buys groceries in November"
    );

    // Another month; the category name is matched ignoring case and printed canonically.
    env.ok(&[
        "--demo", "budget", "set", "dining", "300", "--month", "2026-10",
    ]);
    let october = env.json(&["--demo", "budgets", "--json", "--month", "2026-10"]);
    let dining = october
        .iter()
        .find(|l| l["category"] == "Dining")
        .expect("Dining in October");
    assert_eq!(s(dining, "month"), "2026-10");
    assert_eq!(s(dining, "budgeted"), "300.00");
    assert_eq!(
        amount(dining, "remaining"),
        amount(dining, "budgeted") + amount(dining, "rollover") - amount(dining, "spent")
    );
    assert!(
        october.iter().all(|l| l["category"] != "Groceries"),
        "November's budgets (seeded or set) leak into October"
    );
    // November keeps its own (seeded) Dining budget, and inherits October's budget for a
    // category it has none of.
    env.ok(&[
        "--demo", "budget", "set", "fees", "25", "--month", "2026-10",
    ]);
    let november = env.json(&["--demo", "budgets", "--json"]);
    let line = |name: &str| {
        november
            .iter()
            .find(|l| l["category"] == name)
            .map(|l| (s(l, "month").to_string(), s(l, "budgeted").to_string()))
    };
    assert_eq!(line("Dining"), Some(("2026-11".into(), "1000.00".into())));
    assert_eq!(
        line("Fees"),
        Some(("2026-11".into(), "25.00".into())),
        "inherited from October"
    );
    assert_eq!(november.len(), DEMO_BUDGETS.len() + 1);

    // Errors name the bad value.
    let err = env.fails(&["--demo", "budget", "set", "Groceries", "abc"]);
    assert!(err.contains("abc"), "{err}");
    let err = env.fails(&["--demo", "budget", "set", "Yachts", "100"]);
    assert!(err.contains("Yachts"), "{err}");
    let err = env.fails(&["--demo", "budgets", "--month", "2026-13"]);
    assert!(err.contains("2026-13"), "{err}");
    // Failed commands changed nothing.
    assert_eq!(env.json(&["--demo", "budgets", "--json"]), november);
}

// ---------------------------------------------------------------------------------------------
// Sync

const LATER: &str = "2026-11-23";
const LATEST: &str = "2026-11-26";

#[test]
fn sync_is_idempotent_and_later_days_bring_new_transactions_without_duplicates() {
    let env = Env::new();
    let first = env.ok(&["--demo", "sync"]);
    assert!(first.contains("Demo Bank"), "{first}");
    let count = env.json(&["--demo", "transactions", "--json"]).len();
    assert!(count > 1000);

    // Same day again: nothing new, nothing duplicated.
    env.ok(&["--demo", "sync"]);
    assert_eq!(env.json(&["--demo", "transactions", "--json"]).len(), count);

    // Two days later: new transactions arrive.
    env.ok_on(LATER, &["--demo", "sync"]);
    let later = env.json_on(LATER, &["--demo", "transactions", "--json"]);
    assert!(
        later.len() > count,
        "no new transactions ({} vs {count})",
        later.len()
    );
    env.ok_on(LATER, &["--demo", "sync"]);
    assert_eq!(
        env.json_on(LATER, &["--demo", "transactions", "--json"])
            .len(),
        later.len()
    );

    // The next paycheck (anchor + 1) is there.
    assert!(
        later
            .iter()
            .any(|t| s(t, "date") == "2026-11-22" && s(t, "amount") == "2451.38")
    );
    // The dinner pending at the anchor ($40.00) has posted with its tip, once.
    let dinner: Vec<&Value> = later
        .iter()
        .filter(|t| s(t, "payee") == "Nopalito" && s(t, "date") == "2026-11-20")
        .collect();
    assert_eq!(dinner.len(), 1, "{dinner:?}");
    assert_eq!(
        (s(dinner[0], "amount"), dinner[0]["pending"].as_bool()),
        ("-47.20", Some(false))
    );
    // Pending rows are at most two days old (the demo's longest hold).
    for t in later.iter().filter(|t| t["pending"] == true) {
        assert!(
            date(s(t, "date")) >= date("2026-11-21"),
            "stale pending row {t}"
        );
    }

    // Exactly the rows the demo bank delivered: every posted row it sent, plus its current
    // pending set, and never a pending row beside its posted replacement.
    let stored = stored_ids(&env.data_dir().join("demo.db"));
    let expected = expected_demo_ids(&[TODAY, TODAY, LATER, LATER]);
    let missing: Vec<_> = expected.difference(&stored).collect();
    let extra: Vec<_> = stored.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}\nextra {extra:?}"
    );
    for (account, id) in &stored {
        if let Some(rest) = id.strip_prefix("demo-p-") {
            assert!(
                !stored.contains(&(account.clone(), format!("demo-{rest}"))),
                "{id} beside its posted row"
            );
        }
    }
    assert_eq!(stored.len(), later.len());

    // Reading on a later day brings the demo bank up to date first (no explicit sync).
    let after_refresh = env.json_on(LATEST, &["--demo", "transactions", "--json"]);
    assert!(after_refresh.len() > later.len());
    assert!(txn_dates(&after_refresh).iter().any(|d| *d > date(LATER)));
    assert_eq!(
        stored_ids(&env.data_dir().join("demo.db")),
        expected_demo_ids(&[TODAY, TODAY, LATER, LATER, LATEST])
    );
}

/// (account name, provider id) of every stored transaction.
fn stored_ids(db: &Path) -> BTreeSet<(String, String)> {
    runtime().block_on(async {
        let store = Store::open(db).await.unwrap();
        let mut out = BTreeSet::new();
        let mut after: Option<TxnCursor> = None;
        loop {
            let page = store
                .transactions(&TxnFilter::default(), after, 1000)
                .await
                .unwrap();
            let Some(last) = page.last() else { break };
            after = Some(TxnCursor::of(last));
            out.extend(page.into_iter().map(|t| (t.account, t.provider_id)));
        }
        store.close().await;
        out
    })
}

/// What a `purse --demo sync` on `day` asks the demo bank for (noon, two years of history).
fn demo_context(day: &str) -> FetchContext {
    let today = date(day);
    FetchContext {
        today,
        now: DateTime::<Utc>::from_naive_utc_and_offset(today.and_hms_opt(12, 0, 0).unwrap(), Utc),
        history_days: 730,
    }
}

/// What a store should hold after syncing the demo bank on each of `days` in turn.
fn expected_demo_ids(days: &[&str]) -> BTreeSet<(String, String)> {
    let bank = DemoBank::new(DEMO_SEED);
    let mut cursor: Option<String> = None;
    let mut posted = BTreeSet::new();
    let mut last: Option<Delta> = None;
    let mut names = HashMap::new();
    for day in days {
        let delta = bank.fetch(cursor.as_deref(), &demo_context(day)).unwrap();
        assert!(delta.pending_is_complete && delta.removed.is_empty());
        for a in &delta.accounts {
            names.insert(a.provider_account_id.clone(), a.name.clone());
        }
        posted.extend(
            delta
                .upserts
                .iter()
                .filter(|t| !t.pending)
                .map(|t| (t.provider_account_id.clone(), t.provider_id.clone())),
        );
        cursor = delta.cursor.clone();
        last = Some(delta);
    }
    let pending = last.iter().flat_map(|d| &d.upserts).filter(|t| t.pending);
    posted
        .into_iter()
        .chain(pending.map(|t| (t.provider_account_id.clone(), t.provider_id.clone())))
        .map(|(acct, id)| (names[&acct].clone(), id))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Config errors

#[test]
fn bad_config_files_are_named_with_key_and_value() {
    let env = Env::new();
    let bad = env.path("bad.toml");
    std::fs::write(&bad, "[alerts]\nlow_balance = \"abc\"\n").unwrap();
    let bad_arg = bad.to_str().unwrap();
    let err = env.fails(&["--config", bad_arg, "--demo", "accounts", "--json"]);
    assert!(err.contains(bad_arg), "file not named: {err}");
    assert!(err.contains("alerts.low_balance"), "key not named: {err}");
    assert!(err.contains("abc"), "value not named: {err}");

    let unknown = env.path("unknown.toml");
    std::fs::write(
        &unknown,
        "[alerts]\nlow_balance = \"100.00\"\nlow_balanse = \"50\"\n",
    )
    .unwrap();
    let unknown_arg = unknown.to_str().unwrap();
    let err = env.fails(&["--config", unknown_arg, "--demo", "accounts"]);
    assert!(err.contains(unknown_arg), "file not named: {err}");
    assert!(
        err.contains("alerts.low_balanse"),
        "unknown key not named: {err}"
    );

    let missing = env.path("missing.toml");
    let err = env.fails(&["--config", missing.to_str().unwrap(), "accounts"]);
    assert!(err.contains(missing.to_str().unwrap()), "{err}");

    // The default config location is read too.
    let default = env.path("config").join("purse").join("config.toml");
    std::fs::create_dir_all(default.parent().unwrap()).unwrap();
    std::fs::write(&default, "[sync]\ninterval_minutes = \"often\"\n").unwrap();
    let err = env.fails(&["--demo", "status"]);
    assert!(
        err.contains("sync.interval_minutes") && err.contains("often"),
        "{err}"
    );
    assert!(err.contains(default.to_str().unwrap()), "{err}");

    // Nothing was opened or synced by the failed runs.
    assert!(!env.data_dir().join("demo.db").exists());
}
