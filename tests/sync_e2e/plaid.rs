//! Plaid through the binary: sandbox linking, multi-page syncs, pending→posted across pages with
//! the user's edits kept, restarts after a mutation during pagination, retries after 429 and 500,
//! a revoked login that stops all requests until re-linked, and a malformed answer that changes
//! nothing.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::fake_plaid::*;
use crate::harness::Env;

const SECRETS: &[&str] = &[SECRET, TOKEN, NEW_TOKEN];

/// The JSON transaction whose description is `Shop {id}`.
fn by_id<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    let name = format!("Shop {id}");
    let found: Vec<&Value> = rows.iter().filter(|t| t["description"] == name).collect();
    assert_eq!(found.len(), 1, "exactly one {id} in {rows:#?}");
    found[0]
}

async fn linked(env: &Env, server: &MockServer, token: &str) {
    let uri = server.uri();
    let out = env.ok(&link_args(&uri, "Platypus", token)).await;
    assert!(out.contains("Linked \"Platypus\""), "{out}");
}

#[tokio::test(flavor = "multi_thread")]
async fn sandbox_link_then_paged_syncs_settle_pending_without_duplicates() {
    let server = MockServer::start().await;
    basics(&server).await;
    Mock::given(method("POST"))
        .and(path("/sandbox/public_token/create"))
        .respond_with(ok(json!({"public_token": PUBLIC_TOKEN, "request_id": "r"})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/item/public_token/exchange"))
        .respond_with(ok(
            json!({"access_token": TOKEN, "item_id": "item-e2e", "request_id": "r"}),
        ))
        .mount(&server)
        .await;
    // First sync: two pages.
    let first = vec![
        txn("t1", "chk", "12.34", false, None),
        txn("dep", "chk", "-90071992547409.93", false, None),
        txn("p1", "card", "45", true, None),
    ];
    on_sync(&server, None, ok(page(first, vec![], vec![], "c1", true))).await;
    let t2 = vec![txn("t2", "card", "5.5", false, None)];
    on_sync(
        &server,
        Some("c1"),
        ok(page(t2, vec![], vec![], "c2", false)),
    )
    .await;
    // Second sync: the pending charge is removed on one page and posts (with a tip) on the next.
    let modified = vec![txn("t1", "chk", "13", false, None)];
    let gone = vec![removed("p1", "card")];
    on_sync(
        &server,
        Some("c2"),
        ok(page(vec![], modified, gone, "c3", true)),
    )
    .await;
    let posted = vec![txn("t3", "card", "47.5", false, Some("p1"))];
    on_sync(
        &server,
        Some("c3"),
        ok(page(posted, vec![], vec![], "c4", false)),
    )
    .await;
    on_sync(
        &server,
        Some("c4"),
        ok(page(vec![], vec![], vec![], "c4", false)),
    )
    .await;

    let uri = server.uri();
    let link = [
        "link",
        "plaid",
        "--sandbox",
        "--name",
        "Platypus",
        "--base-url",
        &uri,
        "--client-id",
        CLIENT_ID,
        "--secret",
        SECRET,
    ];
    let env = Env::new();
    env.ok(&link).await;
    let exchange: Vec<Value> = requests(&server)
        .await
        .into_iter()
        .filter(|(p, _)| p == "/item/public_token/exchange")
        .map(|(_, b)| b)
        .collect();
    assert_eq!(exchange.len(), 1);
    assert_eq!(exchange[0]["public_token"], PUBLIC_TOKEN);

    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 4 new, 0 updated, 0 removed"),
        "{out}"
    );
    assert_eq!(sync_cursors(&server).await, [None, Some("c1".into())]);

    let accounts = env.json(&["accounts"]).await;
    let balance = |name: &str| {
        let a = accounts
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name);
        a.unwrap_or_else(|| panic!("{name} in {accounts:#}"))["balance"].clone()
    };
    assert_eq!(
        balance("Plaid Credit Card ••3333"),
        "-410.50",
        "card balance owed"
    );
    assert_eq!(balance("Plaid Checking ••0000"), "110.00");

    let rows = env.transactions().await;
    assert_eq!(rows.len(), 4);
    assert_eq!(
        by_id(&rows, "t1")["amount"],
        "-12.34",
        "money out is negative"
    );
    assert_eq!(
        by_id(&rows, "dep")["amount"],
        "90071992547409.93",
        "exact, never via f64"
    );
    assert_eq!(by_id(&rows, "t2")["amount"], "-5.50");
    let pending = by_id(&rows, "p1");
    assert_eq!(
        (pending["amount"].as_str(), pending["pending"].as_bool()),
        (Some("-45.00"), Some(true))
    );

    // The user annotates the pending charge (through the library, on the same database).
    let store = env.store().await;
    let id = pending["id"].as_i64().unwrap();
    store.set_note(id, Some("birthday dinner")).await.unwrap();
    store.set_category(id, "Entertainment").await.unwrap();
    store.close().await;

    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 1 new, 1 updated, 1 removed"),
        "{out}"
    );
    let rows = env.transactions().await;
    assert_eq!(env.provider_ids().await, ["dep", "t1", "t2", "t3"]);
    let settled = by_id(&rows, "t3");
    assert_eq!(settled["pending"], false);
    assert_eq!(settled["amount"], "-47.50");
    assert_eq!(
        settled["notes"], "birthday dinner",
        "the note follows the posted row"
    );
    assert_eq!(settled["category"], "Entertainment", "so does the category");
    assert_eq!(by_id(&rows, "t1")["amount"], "-13.00", "modified");

    // A re-sync with nothing new duplicates nothing.
    let out = env.ok(&["sync"]).await;
    assert!(
        out.contains("Platypus: 0 new, 0 updated, 0 removed"),
        "{out}"
    );
    assert_eq!(env.transactions().await, rows);
    let status = env.status().await;
    assert_eq!(
        (status["health"].as_str(), status["needs_relink"].as_bool()),
        (Some("ok"), Some(false))
    );
    assert!(status["last_error"].is_null(), "{status}");
    env.assert_secrets_kept(SECRETS);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mutation_during_pagination_restarts_from_the_stored_cursor() {
    let server = MockServer::start().await;
    basics(&server).await;
    let a1 = vec![txn("a1", "chk", "1", false, None)];
    on_sync(&server, None, ok(page(a1, vec![], vec![], "c1", true))).await;
    let mutation = plaid_error(
        400,
        "TRANSACTIONS_ERROR",
        "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
    );
    once_on_sync(&server, Some("c1"), mutation).await;
    let a2 = vec![txn("a2", "chk", "2", false, None)];
    on_sync(
        &server,
        Some("c1"),
        ok(page(a2, vec![], vec![], "c2", false)),
    )
    .await;

    let env = Env::new();
    linked(&env, &server, TOKEN).await;
    env.ok(&["sync"]).await;
    let c1 = Some("c1".to_string());
    assert_eq!(sync_cursors(&server).await, [None, c1.clone(), None, c1]);
    assert_eq!(
        env.provider_ids().await,
        ["a1", "a2"],
        "page 1 read twice, stored once"
    );
    let store = env.store().await;
    let id = store.connections().await.unwrap()[0].id;
    assert_eq!(store.cursor(id).await.unwrap().as_deref(), Some("c2"));
    store.close().await;
    env.assert_secrets_kept(SECRETS);
}

async fn retried_within_one_sync(failure: ResponseTemplate) -> (Env, Duration) {
    let server = MockServer::start().await;
    basics(&server).await;
    once_on_sync(&server, None, failure).await;
    let r1 = vec![txn("r1", "chk", "3.21", false, None)];
    on_sync(&server, None, ok(page(r1, vec![], vec![], "c1", false))).await;
    let env = Env::new();
    linked(&env, &server, TOKEN).await;
    let started = Instant::now();
    let out = env.ok(&["sync"]).await;
    let took = started.elapsed();
    assert!(out.contains("Platypus: 1 new"), "{out}");
    assert_eq!(
        sync_cursors(&server).await,
        [None, None],
        "one failure, one success"
    );
    assert_eq!(env.provider_ids().await, ["r1"]);
    let status = env.status().await;
    assert!(
        status["last_error"].is_null() && status["health"] == "ok",
        "{status}"
    );
    env.assert_secrets_kept(SECRETS);
    (env, took)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rate_limit_is_retried_within_one_sync() {
    let limited = plaid_error(429, "RATE_LIMIT_EXCEEDED", "TRANSACTIONS_SYNC_LIMIT")
        .insert_header("Retry-After", "1");
    let (_env, took) = retried_within_one_sync(limited).await;
    assert!(
        took >= Duration::from_secs(1),
        "waited at least Retry-After: {took:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_error_is_retried_within_one_sync() {
    retried_within_one_sync(plaid_error(500, "API_ERROR", "INTERNAL_SERVER_ERROR")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_login_stops_requests_until_linked_again() {
    let server = MockServer::start().await;
    basics(&server).await;
    on_token(
        &server,
        "/accounts/get",
        TOKEN,
        plaid_error(400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED"),
    )
    .await;
    let n1 = vec![txn("n1", "chk", "7", false, None)];
    on_sync(&server, None, ok(page(n1, vec![], vec![], "c1", false))).await;
    let env = Env::new();
    linked(&env, &server, TOKEN).await;

    let err = env.fails(&["sync"]).await;
    assert!(
        err.contains("Platypus: sync failed") && err.contains("ITEM_LOGIN_REQUIRED"),
        "{err}"
    );
    let status = env.status().await;
    assert_eq!(status["needs_relink"], true, "{status}");
    assert_eq!(status["health"], "needs_relink", "{status}");
    let asked = requests(&server).await.len();
    assert_eq!(asked, 1, "no retries of a revoked login");

    let err = env.fails(&["sync"]).await;
    assert!(
        err.contains("purse link"),
        "tells the user what to do: {err}"
    );
    assert_eq!(
        requests(&server).await.len(),
        asked,
        "no request until re-linked"
    );

    linked(&env, &server, NEW_TOKEN).await;
    let status = env.status().await;
    assert_eq!(status["needs_relink"], false, "{status}");
    let out = env.ok(&["sync"]).await;
    assert!(out.contains("Platypus: 1 new"), "{out}");
    let after = requests(&server).await;
    assert!(after.len() > asked);
    for (p, body) in &after[asked..] {
        assert_eq!(body["access_token"], NEW_TOKEN, "{p} uses the new token");
    }
    assert_eq!(env.provider_ids().await, ["n1"]);
    env.assert_secrets_kept(SECRETS);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_answer_fails_clearly_and_changes_nothing() {
    let server = MockServer::start().await;
    let env = Env::new();
    linked(&env, &server, TOKEN).await;
    let mount_first_sync = || async {
        basics(&server).await;
        let m = vec![
            txn("m1", "chk", "1", false, None),
            txn("m2", "card", "2", true, None),
        ];
        on_sync(&server, None, ok(page(m, vec![], vec![], "c1", false))).await;
        // The next sync's first page is fine (and would change rows); its second is not.
        let m3 = vec![txn("m3", "chk", "3", false, None)];
        let gone = vec![removed("m1", "chk"), removed("m2", "card")];
        on_sync(&server, Some("c1"), ok(page(m3, vec![], gone, "c2", true))).await;
    };
    mount_first_sync().await;
    env.ok(&["sync"]).await;
    let before = env.transactions().await;
    assert_eq!(before.len(), 2);

    let bad_amount = json!({"transaction_id": "m9", "account_id": "chk", "amount": "twelve",
                            "date": "2026-11-20", "pending": false});
    let answers = [
        (
            ResponseTemplate::new(200).set_body_string("<html>maintenance</html>"),
            "not JSON",
        ),
        (
            ok(page(vec![bad_amount], vec![], vec![], "c3", false)),
            "m9",
        ),
        (
            ok(json!({"added": [], "modified": [], "removed": []})),
            "has_more",
        ),
    ];
    for (answer, named) in answers {
        server.reset().await;
        mount_first_sync().await;
        on_sync(&server, Some("c2"), answer).await;
        let err = env.fails(&["sync"]).await;
        assert!(
            err.contains("/transactions/sync") && err.contains(named),
            "names the problem: {err}"
        );
        assert_eq!(env.transactions().await, before, "store unchanged");
        let store = env.store().await;
        let id = store.connections().await.unwrap()[0].id;
        assert_eq!(
            store.cursor(id).await.unwrap().as_deref(),
            Some("c1"),
            "cursor unchanged"
        );
        store.close().await;
    }
    env.assert_secrets_kept(SECRETS);
}
