//! `/accounts` bodies from another SimpleFIN client's test suite (simplefin4py; see the README in
//! tests/fixtures/public/simplefin), served verbatim by a fake Bridge and synced through the real
//! provider and store: `errors` strings, `holdings`, `extra`, `payee`/`memo`, `transacted_at`,
//! accounts in EUR, a card owed, and the Bridge's 402 answer. Expected values are read off the
//! bodies.

use chrono::NaiveDate;
use purse::store::Store;
use rust_decimal::Decimal;

use super::harness::{bridge, connection_id, now, sync_at, transactions};

/// The file names of this corpus start with this.
pub const PREFIX: &str = "simplefin4py-";

fn body(file: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/public/simplefin/{PREFIX}{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// (key, name, kind, currency, balance, available) of every account, sorted by key.
async fn accounts(store: &Store) -> Vec<[String; 6]> {
    let mut rows: Vec<[String; 6]> = store
        .accounts()
        .await
        .unwrap()
        .iter()
        .map(|a| {
            [
                a.provider_account_id.clone(),
                a.name.clone(),
                a.kind.as_str().to_string(),
                a.currency.code().to_string(),
                a.balance.amount.to_string(),
                a.available
                    .map(|m| m.amount.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    rows.sort();
    rows
}

fn rows(v: &[[&str; 6]]) -> Vec<[String; 6]> {
    v.iter().map(|r| r.map(str::to_string)).collect()
}

/// (date, amount, payee, description) of every transaction.
async fn txns(store: &Store) -> Vec<(NaiveDate, Decimal, String, String)> {
    transactions(store)
        .await
        .iter()
        .map(|t| {
            (
                t.date,
                t.amount.amount,
                t.payee.clone(),
                t.description.clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_account_set_with_payee_memo_transacted_at_and_extra() {
    let server = bridge(&body("account_set.json")).await;
    let store = Store::open_in_memory().await.unwrap();
    let first = sync_at(&store, &server, now()).await.unwrap();
    assert_eq!((first.accounts, first.added), (1, 1));
    let want = rows(&[[
        "mybank.com/2930002",
        "mybank.com — Savings",
        "savings",
        "USD",
        "100.23",
        "75.23",
    ]]);
    assert_eq!(accounts(&store).await, want);
    // transacted_at 793080572 and posted 793090572 are both 1995-02-18 (UTC).
    let want_txns = vec![(
        NaiveDate::from_ymd_opt(1995, 2, 18).unwrap(),
        dec("-33293.43"),
        "Uncle Frank".to_string(),
        "Uncle Frank's Bait Shop".to_string(),
    )];
    assert_eq!(txns(&store).await, want_txns);
    let id = connection_id(&store).await;
    assert_eq!(store.messages(id).await.unwrap(), None, "`errors` is empty");

    let second = sync_at(&store, &server, now() + chrono::Duration::days(1))
        .await
        .unwrap();
    assert_eq!((second.added, second.removed), (0, 0));
    assert_eq!(accounts(&store).await, want);
    assert_eq!(txns(&store).await, want_txns);
}

#[tokio::test]
async fn eight_accounts_with_holdings_errors_and_two_currencies() {
    let server = bridge(&body("200-with-errors.json")).await;
    let store = Store::open_in_memory().await.unwrap();
    let first = sync_at(&store, &server, now()).await.unwrap();
    assert_eq!((first.accounts, first.added), (8, 1));

    // Accounts are keyed by their organization's domain (no `org.id` is given). The two accounts
    // holding securities are investment accounts, whatever their names say.
    let want = rows(&[
        [
            "www.newfidelity.com/ACT-1k2l3m4n-5o6p-7q8r-9s0t",
            "Investments — My Checking",
            "checking",
            "USD",
            "12345.67",
            "5432.10",
        ],
        [
            "www.newfidelity.com/ACT-4k5l6m7n-8o9p-1q2r-3s4t",
            "Investments — Dr Evil",
            "investment",
            "USD",
            "1000000.00",
            "13579.24",
        ],
        [
            "www.newfidelity.com/ACT-5k6l7m8n-9o0p-1q2r-3s4t",
            "Investments — NerdCorp Series B",
            "investment",
            "EUR",
            "13579.24",
            "9876.54",
        ],
        [
            "www.newhfcu.org/ACT-2a3b4c5d-6e7f-8g9h-0i1j",
            "The Bank of Go — PRIME SAVINGS",
            "savings",
            "EUR",
            "9876.54",
            "8765.43",
        ],
        [
            "www.newwealthfront.com/ACT-1a2b3c4d-5e6f-7g8h-9i0j",
            "The Bank of Go — The Bank",
            "checking",
            "USD",
            "7777.77",
            "7777.77",
        ],
        [
            "www.randombank2.com/ACT-3a4b5c6d-7e8f-9g0h-1i2j",
            "Random Bank — Costco Anywhere Visa® Card",
            "credit_card",
            "USD",
            "-532.69",
            "4321.98",
        ],
        [
            "www.randombank2.com/ACT-6a7b8c9d-0e1f-2g3h-4i5j",
            "Mythical RandomSavings — Unicorn Pot",
            "checking",
            "USD",
            "10000.00",
            "7500.00",
        ],
        [
            "www.randombank2.com/ACT-7a8b9c0d-1e2f-3g4h-5i6j",
            "Mythical RandomSavings — Castle Mortgage",
            "loan",
            "USD",
            "7500.00",
            "5000.00",
        ],
    ]);
    assert_eq!(accounts(&store).await, want);
    let want_txns = vec![(
        NaiveDate::from_ymd_opt(1995, 2, 18).unwrap(),
        dec("-1234.56"),
        "Uncle Frank".to_string(),
        "Enchanted Bait Shop".to_string(),
    )];
    assert_eq!(txns(&store).await, want_txns);

    // Both `errors` strings reach the user.
    let id = connection_id(&store).await;
    let messages = store.messages(id).await.unwrap().unwrap_or_default();
    for said in [
        "Connection to Investments may need attention",
        "Connection to The Bank of Go may need attention",
    ] {
        assert!(messages.contains(said), "{messages}");
    }

    let second = sync_at(&store, &server, now() + chrono::Duration::days(1))
        .await
        .unwrap();
    assert_eq!((second.added, second.removed), (0, 0));
    assert_eq!(accounts(&store).await, want);
    assert_eq!(txns(&store).await, want_txns);
}

#[tokio::test]
async fn the_bridges_payment_required_answer_changes_nothing() {
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path("/simplefin/accounts"))
        .respond_with(
            wiremock::ResponseTemplate::new(402).set_body_raw(body("402.json"), "application/json"),
        )
        .mount(&server)
        .await;
    let store = Store::open_in_memory().await.unwrap();
    let err = sync_at(&store, &server, now())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(purse::provider::simplefin::messages::PAYMENT_REQUIRED),
        "{err}"
    );
    assert!(!err.contains("hunter2-secret"), "{err}");
    assert!(store.accounts().await.unwrap().is_empty());
}
