//! The official Plaid OpenAPI examples (`tests/fixtures/public/plaid/`, see its README), served
//! verbatim by the fake and synced through the binary: accounts and balances (Plaid's amounts owed
//! and money out are positive; Purse shows them negative), the transactions' count, sum and
//! dates, statement and recurring bills, a second sync that adds and changes nothing, and Plaid's
//! own error bodies.

use std::path::PathBuf;

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::fake_plaid::*;
use crate::harness::Env;

const SECRETS: &[&str] = &[SECRET, TOKEN];

pub(crate) fn fixture(name: &str) -> Vec<u8> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/public/plaid")
        .join(name);
    std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The file's bytes as the answer, unchanged.
pub(crate) fn verbatim(status: u16, name: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(fixture(name), "application/json")
}

pub(crate) async fn serve(
    server: &MockServer,
    endpoint: &str,
    answer: ResponseTemplate,
    priority: u8,
) {
    Mock::given(method("POST"))
        .and(path(endpoint))
        .respond_with(answer)
        .with_priority(priority)
        .mount(server)
        .await;
}

/// Every endpoint answers with its official example, whatever the cursor.
pub(crate) async fn examples(server: &MockServer) {
    for (endpoint, file) in [
        ("/accounts/get", "accounts_get.json"),
        ("/transactions/sync", "transactions_sync.json"),
        ("/liabilities/get", "liabilities_get.json"),
        (
            "/transactions/recurring/get",
            "transactions_recurring_get.json",
        ),
    ] {
        serve(server, endpoint, verbatim(200, file), 10).await;
    }
}

/// (name, kind, balance, available, currency) of every account, sorted.
async fn accounts(env: &Env) -> Vec<[String; 5]> {
    let all = env.json(&["accounts"]).await;
    let text = |a: &Value, k: &str| a[k].as_str().unwrap_or("-").to_string();
    let mut rows: Vec<[String; 5]> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| ["name", "kind", "balance", "available", "currency"].map(|k| text(a, k)))
        .collect();
    rows.sort();
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn the_official_examples_sync_exactly_and_a_second_sync_changes_nothing() {
    let server = MockServer::start().await;
    examples(&server).await;
    let env = Env::new();
    env.ok(&link_args(&server.uri(), "Platypus", TOKEN)).await;

    // added: Walmart (posted, names a pending id Purse never saw); modified: Burger King
    // (pending, new here); removed: an id Purse never saw.
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 2 new, 0 updated, 0 removed"),
        "{out}"
    );

    // /accounts/get lists three accounts; the /transactions/sync example's transactions belong
    // to a fourth (`BxBXxLj1…`), listed only in that page's own `accounts`.
    let s = |v: [&str; 5]| v.map(str::to_string);
    let expected = vec![
        s(["Plaid 401k ••6666", "investment", "23631.98", "-", "USD"]),
        s([
            "Plaid Checking ••0000",
            "checking",
            "110.00",
            "100.00",
            "USD",
        ]),
        s([
            "Plaid Checking ••0000",
            "checking",
            "110.94",
            "110.94",
            "USD",
        ]),
        s(["Plaid Student Loan ••7777", "loan", "-65262.00", "-", "USD"]),
    ];
    assert_eq!(accounts(&env).await, expected);

    let rows = env.transactions().await;
    let mut got: Vec<(String, String, String, bool, String)> = rows
        .iter()
        .map(|t| {
            let f = |k: &str| t[k].as_str().unwrap_or_default().to_string();
            (
                f("date"),
                f("payee"),
                f("amount"),
                t["pending"] == true,
                f("category"),
            )
        })
        .collect();
    got.sort();
    let want = [
        ("2023-09-24", "Walmart", "-72.10", false, "Shopping"),
        ("2023-09-28", "Burger King", "-28.34", true, "Dining"),
    ]
    .map(|(d, p, a, pending, c)| (d.into(), p.into(), a.into(), pending, c.into()));
    assert_eq!(got, want);
    let sum: rust_decimal::Decimal = rows
        .iter()
        .map(|t| {
            t["amount"]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    assert_eq!(sum.to_string(), "-100.44", "money out is negative in Purse");
    assert!(rows.iter().all(|t| t["account"] == "Plaid Checking ••0000"));

    let bills = env.json(&["bills"]).await;
    let mut bills: Vec<(String, String, String)> = bills
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let f = |k: &str| b[k].as_str().unwrap_or_default().to_string();
            (f("due"), f("name"), f("amount"))
        })
        .collect();
    bills.sort();
    let want = [
        ("2020-05-28", "Credit card statement", "1708.77"),
        ("2022-06-02", "ConEd Bill Payment", "85.00"),
        ("2024-01-22", "Costco Annual Membership", "120.00"),
    ]
    .map(|(d, n, a)| (d.into(), n.into(), a.into()));
    assert_eq!(bills, want);

    // The next sync starts from the example's next_cursor and gets the same page again.
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 0 new, 0 updated, 0 removed"),
        "{out}"
    );
    let cursors = sync_cursors(&server).await;
    assert_eq!(cursors.len(), 2);
    assert!(
        cursors[1]
            .as_deref()
            .is_some_and(|c| c.starts_with("tVUUL15lYQN5"))
    );
    assert_eq!(env.transactions().await, rows);
    assert_eq!(accounts(&env).await, expected);
    env.assert_secrets_kept(SECRETS);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_official_error_bodies_are_understood() {
    let server = MockServer::start().await;
    examples(&server).await;
    let env = Env::new();
    env.ok(&link_args(&server.uri(), "Platypus", TOKEN)).await;

    // A product the institution does not support: the item syncs without statement bills.
    serve(
        &server,
        "/liabilities/get",
        verbatim(400, "error_products_not_supported.json"),
        1,
    )
    .await;
    env.ok(&["sync"]).await;
    let bills = env.json(&["bills"]).await;
    assert!(
        bills
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["name"] != "Credit card statement"),
        "{bills}"
    );

    // A rejected request: the sync fails naming the code; nothing changes.
    let before = env.transactions().await;
    server.reset().await;
    examples(&server).await;
    serve(
        &server,
        "/transactions/sync",
        verbatim(400, "error_invalid_field.json"),
        1,
    )
    .await;
    let err = env.fails(&["sync"]).await;
    assert!(
        err.contains("INVALID_FIELD") && err.contains("too many transactions"),
        "{err}"
    );
    assert_eq!(env.transactions().await, before);

    // A login that changed: the connection needs relinking and says why.
    server.reset().await;
    examples(&server).await;
    serve(
        &server,
        "/accounts/get",
        verbatim(400, "error_item_login_required.json"),
        1,
    )
    .await;
    let err = env.fails(&["sync"]).await;
    assert!(err.contains("login credentials"), "{err}");
    let status = env.status().await;
    assert_eq!(status["needs_relink"], true, "{status}");
    env.assert_secrets_kept(SECRETS);
}
