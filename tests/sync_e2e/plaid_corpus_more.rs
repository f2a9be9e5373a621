//! More official Plaid bodies (`tests/fixtures/public/plaid/`, see its README), served verbatim:
//! the `/accounts/balance/get` and `/investments/holdings/get` examples as the `/accounts/get`
//! answer (same `accounts` schema: credit, loan, money market, IRA, 401k and crypto exchange
//! accounts, null `available` and `limit`, four-decimal balances, extra fields Purse does not read),
//! and the error bodies of Plaid's error reference that mean "try again later".

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use crate::fake_plaid::*;
use crate::harness::Env;
use crate::plaid_corpus::{examples, serve, verbatim};

const SECRETS: &[&str] = &[SECRET, TOKEN];

/// (name, kind, balance, available, limit) of every account, sorted; `-` for null.
async fn accounts(env: &Env) -> Vec<[String; 5]> {
    let all = env.json(&["accounts"]).await;
    let text = |a: &Value, k: &str| a[k].as_str().unwrap_or("-").to_string();
    let mut rows: Vec<[String; 5]> = all
        .as_array()
        .unwrap()
        .iter()
        .inspect(|a| assert_eq!(a["currency"], "USD", "{a}"))
        .map(|a| ["name", "kind", "balance", "available", "limit"].map(|k| text(a, k)))
        .collect();
    rows.sort();
    rows
}

fn rows(v: &[[&str; 5]]) -> Vec<[String; 5]> {
    v.iter().map(|r| r.map(str::to_string)).collect()
}

/// Payee and amount of every transaction, sorted.
async fn payments(env: &Env) -> Vec<(String, String)> {
    let mut got: Vec<(String, String)> = env
        .transactions()
        .await
        .iter()
        .map(|t| {
            let f = |k: &str| t[k].as_str().unwrap_or_default().to_string();
            (f("payee"), f("amount"))
        })
        .collect();
    got.sort();
    got
}

fn walmart_and_burger_king() -> Vec<(String, String)> {
    vec![
        ("Burger King".into(), "-28.34".into()),
        ("Walmart".into(), "-72.10".into()),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn the_balance_example_gives_a_card_owed_and_a_loan_owed() {
    let server = MockServer::start().await;
    examples(&server).await;
    serve(
        &server,
        "/accounts/get",
        verbatim(200, "accounts_balance_get.json"),
        1,
    )
    .await;
    let env = Env::new();
    env.ok(&link_args(&server.uri(), "Chase", TOKEN)).await;
    let out = env.ok(&["sync"]).await;
    assert!(out.contains("Chase: 2 new, 0 updated, 0 removed"), "{out}");

    // The checking account `BxBX…` is the one the /transactions/sync example's rows belong to,
    // so the page's own copy (110.94) does not replace the balance this answer gives.
    let want = rows(&[
        ["Plaid Checking ••0000", "checking", "110.00", "100.00", "-"],
        [
            "Plaid Credit Card ••3333",
            "credit_card",
            "-410.00",
            "-",
            "2000.00",
        ],
        ["Plaid Student Loan ••7777", "loan", "-65262.00", "-", "-"],
    ]);
    assert_eq!(accounts(&env).await, want);
    assert_eq!(payments(&env).await, walmart_and_burger_king());

    // The liabilities example's card statement belongs to the card this answer lists, and is
    // named after it.
    let bills = env.json(&["bills"]).await;
    let statement = bills
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["name"] == "Plaid Credit Card ••3333 statement")
        .unwrap_or_else(|| panic!("{bills}"));
    assert_eq!(statement["amount"], "1708.77", "{statement}");
    let all = env.json(&["accounts"]).await;
    let card = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Plaid Credit Card ••3333")
        .unwrap();
    assert_eq!(statement["account_id"], card["id"], "{statement}");

    let out = env.ok(&["sync"]).await;
    assert!(out.contains("Chase: 0 new, 0 updated, 0 removed"), "{out}");
    assert_eq!(accounts(&env).await, want);
    env.assert_secrets_kept(SECRETS);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_holdings_example_gives_investment_accounts_to_the_cent() {
    let server = MockServer::start().await;
    examples(&server).await;
    serve(
        &server,
        "/accounts/get",
        verbatim(200, "investments_holdings_get.json"),
        1,
    )
    .await;
    let env = Env::new();
    env.ok(&link_args(&server.uri(), "Vanguard", TOKEN)).await;
    env.ok(&["sync"]).await;

    // Holdings and securities are not read; the 401k's 24580.0605 is shown to the cent; the
    // transactions' account is not in this answer and comes from the sync page's `accounts`.
    let want = rows(&[
        ["Plaid 401k ••6666", "investment", "24580.06", "-", "-"],
        ["Plaid Checking ••0000", "checking", "110.94", "110.94", "-"],
        [
            "Plaid Crypto Exchange Account ••4092",
            "investment",
            "48200.03",
            "48200.03",
            "-",
        ],
        ["Plaid IRA ••5555", "investment", "110.01", "-", "-"],
        [
            "Plaid Money Market ••4444",
            "savings",
            "43200.00",
            "43200.00",
            "-",
        ],
    ]);
    assert_eq!(accounts(&env).await, want);
    assert_eq!(payments(&env).await, walmart_and_burger_king());
    env.assert_secrets_kept(SECRETS);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mutation_during_pagination_restarts_and_keeps_everything() {
    let server = MockServer::start().await;
    examples(&server).await;
    Mock::given(method("POST"))
        .and(path("/transactions/sync"))
        .respond_with(verbatim(
            400,
            "error_transactions_sync_mutation_during_pagination.json",
        ))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    let env = Env::new();
    env.ok(&link_args(&server.uri(), "Platypus", TOKEN)).await;
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 2 new, 0 updated, 0 removed"),
        "{out}"
    );
    // Both requests started from the beginning (no cursor): the loop restarted.
    assert_eq!(sync_cursors(&server).await, vec![None, None]);
    assert_eq!(payments(&env).await, walmart_and_burger_king());
    env.assert_secrets_kept(SECRETS);
}

#[tokio::test(flavor = "multi_thread")]
async fn not_ready_down_and_rate_limited_are_temporary_and_change_nothing() {
    let server = MockServer::start().await;
    examples(&server).await;
    let env = Env::new();
    env.ok(&link_args(&server.uri(), "Platypus", TOKEN)).await;
    env.ok(&["sync"]).await;
    let before = env.transactions().await;

    for (endpoint, status, file, said) in [
        (
            "/transactions/sync",
            400,
            "error_product_not_ready.json",
            "PRODUCT_NOT_READY",
        ),
        (
            "/accounts/get",
            400,
            "error_institution_down.json",
            "not currently responding",
        ),
        (
            "/transactions/sync",
            429,
            "error_transactions_sync_limit.json",
            "rate limited",
        ),
    ] {
        server.reset().await;
        examples(&server).await;
        serve(&server, endpoint, verbatim(status, file), 1).await;
        let err = env.fails(&["sync"]).await;
        assert!(err.contains(said), "{file}: {err}");
        assert!(
            !err.contains("the provider reported an error"),
            "{file}: Plaid says to try again later, so it is not a rejection: {err}"
        );
        let status = env.status().await;
        assert_eq!(status["needs_relink"], false, "{file}: {status}");
        assert_eq!(env.transactions().await, before, "{file}");
    }
    env.assert_secrets_kept(SECRETS);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_whose_account_nobody_lists_saves_nothing_and_keeps_the_cursor() {
    // The /processor/transactions/sync example: the same rows as the /transactions/sync example,
    // but their account is given as `account` (one processor account), not in `accounts`; the
    // /accounts/get example does not list it either.
    let server = MockServer::start().await;
    examples(&server).await;
    serve(
        &server,
        "/transactions/sync",
        verbatim(200, "processor_transactions_sync.json"),
        1,
    )
    .await;
    let env = Env::new();
    env.ok(&link_args(&server.uri(), "Platypus", TOKEN)).await;
    let err = env.fails(&["sync"]).await;
    assert!(
        err.contains("BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp") && err.contains("nothing was saved"),
        "{err}"
    );
    assert!(env.transactions().await.is_empty());

    // Once the page lists its account, the same rows arrive, asked for from the start again.
    server.reset().await;
    examples(&server).await;
    env.ok(&["sync"]).await;
    assert_eq!(payments(&env).await, walmart_and_burger_king());
    assert_eq!(sync_cursors(&server).await, vec![None]);
    env.assert_secrets_kept(SECRETS);
}
