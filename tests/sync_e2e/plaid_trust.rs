//! Plaid data that used to be lost or misread, through the binary: accounts and transactions in
//! Plaid's unofficial currencies (BTC, DOGE, USDT; eight decimals kept), an account whose
//! currency cannot be read (left out with a note, the others synced, the cursor kept so nothing is
//! lost), transactions of accounts `/accounts/get` does not list (kept through the page's
//! `accounts`, or the sync fails with the cursor unsaved), and sync counts that only count rows
//! actually written.

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use crate::fake_plaid::*;
use crate::harness::Env;

const SECRETS: &[&str] = &[SECRET, TOKEN];

async fn linked(env: &Env, server: &MockServer) {
    let out = env.ok(&link_args(&server.uri(), "Platypus", TOKEN)).await;
    assert!(out.contains("Linked \"Platypus\""), "{out}");
}

/// A Plaid account snapshot whose balance is in `iso` or else the `unofficial` code.
fn account(id: &str, name: &str, current: &str, iso: Option<&str>, unofficial: &str) -> Value {
    json!({"account_id": id, "name": name, "official_name": null, "mask": null,
           "type": "other", "subtype": "other",
           "balances": {"available": null, "current": num(current), "limit": null,
                        "iso_currency_code": iso, "unofficial_currency_code": unofficial}})
}

/// [`txn`] in an unofficial currency (`iso_currency_code: null`).
fn coin_txn(id: &str, account: &str, amount: &str, code: &str) -> Value {
    let mut t = txn(id, account, amount, false, None);
    t["iso_currency_code"] = Value::Null;
    t["unofficial_currency_code"] = json!(code);
    t
}

/// `/accounts/get` answers the fake's checking and card plus `extra`.
async fn accounts_with(server: &MockServer, extra: Vec<Value>) {
    let mut body = accounts();
    body["accounts"].as_array_mut().unwrap().extend(extra);
    Mock::given(method("POST"))
        .and(path("/accounts/get"))
        .respond_with(ok(body))
        .with_priority(1)
        .mount(server)
        .await;
}

async fn stored_cursor(env: &Env) -> Option<String> {
    let store = env.store().await;
    let id = store.connections().await.unwrap()[0].id;
    let cursor = store.cursor(id).await.unwrap();
    store.close().await;
    cursor
}

fn find<'a>(rows: &'a Value, key: &str, value: &str) -> &'a Value {
    let found = rows.as_array().unwrap().iter().find(|r| r[key] == value);
    found.unwrap_or_else(|| panic!("{key} = {value} in {rows:#}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn unofficial_currencies_keep_their_precision_and_an_odd_one_fails_no_other_account() {
    let server = MockServer::start().await;
    let env = Env::new();
    linked(&env, &server).await;
    let mount = |odd_code: &'static str| {
        let server = &server;
        async move {
            server.reset().await;
            basics(server).await;
            accounts_with(
                server,
                vec![
                    account("btc", "BTC Wallet", "0.00012345", None, "BTC"),
                    account("doge", "Doge Wallet", "1234.56789012", None, "DOGE"),
                    account("odd", "Odd Wallet", "5", None, odd_code),
                ],
            )
            .await;
            let added = vec![
                txn("t1", "chk", "12.34", false, None),
                coin_txn("b1", "btc", "-0.00012345", "BTC"),
                coin_txn("d1", "doge", "100.12345678", "DOGE"),
                coin_txn("o1", "odd", "1", odd_code),
            ];
            on_sync(server, None, ok(page(added, vec![], vec![], "c1", false))).await;
            on_sync(
                server,
                Some("c1"),
                ok(page(vec![], vec![], vec![], "c1", false)),
            )
            .await;
        }
    };

    // "₿" is not a currency code: that account (and its transaction) is left out, with a note;
    // every other account syncs, and the cursor stays so the odd data is asked for again.
    mount("₿").await;
    let out = env.run(&["sync"]).await;
    assert!(
        out.stdout.contains("Platypus: 3 new, 0 updated, 0 removed"),
        "{out:#?}"
    );
    assert!(
        out.stderr.contains("\"odd\"")
            && out.stderr.contains("\"₿\"")
            && out.stderr.contains("left out"),
        "the note names the account and the code: {out:#?}"
    );
    assert!(
        !out.stdout.contains("is low"),
        "the $100 low-balance default is not a BTC or DOGE threshold: {out:#?}"
    );
    assert_eq!(
        stored_cursor(&env).await,
        None,
        "cursor not advanced past left-out data"
    );
    let accounts = env.json(&["accounts"]).await;
    let btc = find(&accounts, "name", "BTC Wallet");
    assert_eq!(
        (btc["balance"].as_str(), btc["currency"].as_str()),
        (Some("0.00012345"), Some("BTC"))
    );
    let doge = find(&accounts, "name", "Doge Wallet");
    assert_eq!(
        (doge["balance"].as_str(), doge["currency"].as_str()),
        (Some("1234.56789012"), Some("DOGE"))
    );
    assert_eq!(
        find(&accounts, "name", "Plaid Checking ••0000")["balance"],
        "110.00"
    );
    assert!(
        accounts
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["name"] != "Odd Wallet")
    );
    let rows = Value::Array(env.transactions().await);
    let b1 = find(&rows, "description", "Shop b1");
    assert_eq!(
        (b1["amount"].as_str(), b1["currency"].as_str()),
        (Some("0.00012345"), Some("BTC"))
    );
    assert_eq!(
        find(&rows, "description", "Shop d1")["amount"],
        "-100.12345678"
    );
    assert_eq!(find(&rows, "description", "Shop t1")["amount"], "-12.34");

    // Once the code is readable (Plaid's USDT), the same pages bring the rest, with no duplicates.
    mount("USDT").await;
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 1 new, 0 updated, 0 removed"),
        "{out}"
    );
    assert_eq!(stored_cursor(&env).await.as_deref(), Some("c1"));
    let rows = Value::Array(env.transactions().await);
    assert_eq!(rows.as_array().unwrap().len(), 4, "{rows:#}");
    let o1 = find(&rows, "description", "Shop o1");
    assert_eq!(
        (o1["amount"].as_str(), o1["currency"].as_str()),
        (Some("-1.00000000"), Some("USDT"))
    );
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 0 new, 0 updated, 0 removed"),
        "{out}"
    );
    journals_keep_eight_decimals(&env).await;
    env.assert_secrets_kept(SECRETS);
}

/// Ledger and beancount exports carry the crypto amounts exactly, under valid commodity names,
/// and the real tools accept them where installed.
async fn journals_keep_eight_decimals(env: &Env) {
    let dir = tempfile::tempdir().unwrap();
    for (format, file, tool, args) in [
        (
            "ledger",
            "books.journal",
            "hledger",
            &["check", "--strict", "-f"][..],
        ),
        ("beancount", "books.beancount", "bean-check", &[][..]),
    ] {
        let path = dir.path().join(file);
        let path_text = path.to_str().unwrap();
        env.ok(&["export", "--format", format, "-o", path_text])
            .await;
        let text = std::fs::read_to_string(&path).unwrap();
        for amount in [
            "0.00012345 BTC",
            "-100.12345678 DOGE",
            "-1.00000000 USDT",
            "-12.34 USD",
        ] {
            assert!(text.contains(amount), "{format} has {amount}:\n{text}");
        }
        let installed = std::process::Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if installed {
            let out = std::process::Command::new(tool)
                .args(args)
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{tool}: {}{}\n{text}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn transactions_of_accounts_missing_from_accounts_get_are_never_lost() {
    let server = MockServer::start().await;
    let env = Env::new();
    linked(&env, &server).await;
    basics(&server).await;
    // `hidden` is only in the page's own `accounts` list.
    let mut first = page(
        vec![
            txn("t1", "chk", "12.34", false, None),
            txn("h1", "hidden", "7.5", false, None),
        ],
        vec![],
        vec![],
        "c1",
        false,
    );
    first["accounts"] = json!([account("hidden", "Hidden Savings", "250", Some("USD"), "")]);
    on_sync(&server, None, ok(first)).await;
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 2 new, 0 updated, 0 removed"),
        "{out}"
    );
    let accounts = env.json(&["accounts"]).await;
    assert_eq!(
        find(&accounts, "name", "Hidden Savings")["balance"],
        "250.00"
    );
    let rows = Value::Array(env.transactions().await);
    let h1 = find(&rows, "description", "Shop h1");
    assert_eq!(
        (h1["amount"].as_str(), h1["account"].as_str()),
        (Some("-7.50"), Some("Hidden Savings"))
    );

    // A transaction of an account no list names: the sync fails, nothing is saved, the cursor
    // stays (so it is not skipped for good).
    let ghost = vec![txn("g1", "ghost", "3", false, None)];
    on_sync(
        &server,
        Some("c1"),
        ok(page(ghost, vec![], vec![], "c2", false)),
    )
    .await;
    let err = env.fails(&["sync"]).await;
    assert!(err.contains("\"g1\"") && err.contains("\"ghost\""), "{err}");
    assert_eq!(stored_cursor(&env).await.as_deref(), Some("c1"));
    assert_eq!(Value::Array(env.transactions().await), rows);

    // Rows sent again unchanged are not written, and not counted as updated.
    server.reset().await;
    basics(&server).await;
    let same = vec![txn("t1", "chk", "12.34", false, None)];
    on_sync(
        &server,
        Some("c1"),
        ok(page(vec![], same, vec![], "c2", false)),
    )
    .await;
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 0 new, 0 updated, 0 removed"),
        "{out}"
    );
    assert_eq!(stored_cursor(&env).await.as_deref(), Some("c2"));
    env.assert_secrets_kept(SECRETS);
}
