//! The SimpleFIN protocol's own example `/accounts` bodies (tests/fixtures/public/simplefin, see
//! its README), served verbatim by a fake Bridge and synced through the real provider and store.
//! Each must give the accounts, balances and transactions written below, and a second sync must
//! add and change nothing.

use chrono::NaiveDate;
use purse::store::Store;
use rust_decimal::Decimal;

use super::corpus_more::PREFIX as MORE;
use super::harness::{bridge, connection_id, now, sync_at, transactions};

struct Expected {
    file: &'static str,
    key: &'static str,
    name: &'static str,
    balance: &'static str,
    available: &'static str,
    /// (date, amount, payee) of each transaction.
    txns: &'static [(&'static str, &'static str, &'static str)],
    /// The Bridge's messages as stored for the user.
    messages: Option<&'static str>,
}

const BAIT_SHOP: &[(&str, &str, &str)] = &[("1995-02-18", "-33293.43", "Uncle Frank's Bait Shop")];

const CORPUS: &[Expected] = &[
    Expected {
        file: "v1-quickstart-accounts.json",
        key: "mybank.com/2930002",
        name: "mybank.com — Savings",
        balance: "100.23",
        available: "75.23",
        txns: &[],
        messages: Some("You must reauthenticate."),
    },
    Expected {
        file: "v1-account-set.json",
        key: "mybank.com/2930002",
        name: "mybank.com — Savings",
        balance: "100.23",
        available: "75.23",
        txns: BAIT_SHOP,
        messages: None,
    },
    Expected {
        file: "v1-get-accounts.json",
        key: "mybank.com/2930002",
        name: "mybank.com — Savings",
        balance: "100.23",
        available: "75.23",
        txns: &[],
        messages: None,
    },
    Expected {
        file: "v2-quickstart-accounts.json",
        key: "CON-10829309823094234/2930002",
        name: "My Bank - James — Savings",
        balance: "100.23",
        available: "75.23",
        txns: &[],
        messages: Some("Authentication required [con.auth]"),
    },
    Expected {
        file: "v2-account-set.json",
        key: "CON-1122121298398234234/2930002",
        name: "My Bank - Jill — Savings",
        balance: "100.23",
        available: "75.23",
        txns: BAIT_SHOP,
        messages: None,
    },
    Expected {
        file: "v2-get-accounts.json",
        key: "10829309823094234/2930002",
        name: "My Bank - Jeff — Savings",
        balance: "100.23",
        available: "75.23",
        txns: &[],
        messages: None,
    },
];

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

async fn check(e: &Expected) {
    let path = format!(
        "{}/tests/fixtures/public/simplefin/{}",
        env!("CARGO_MANIFEST_DIR"),
        e.file
    );
    let body = std::fs::read_to_string(&path).unwrap();
    let server = bridge(&body).await;
    let store = Store::open_in_memory().await.unwrap();
    let first = sync_at(&store, &server, now())
        .await
        .unwrap_or_else(|err| panic!("{}: {err}", e.file));
    assert_eq!(
        (first.accounts, first.added),
        (1, e.txns.len()),
        "{}",
        e.file
    );

    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 1, "{}", e.file);
    let a = &accounts[0];
    assert_eq!(
        (
            a.provider_account_id.as_str(),
            a.name.as_str(),
            a.currency.code()
        ),
        (e.key, e.name, "USD"),
        "{}",
        e.file
    );
    assert_eq!(a.balance.amount, dec(e.balance), "{}", e.file);
    assert_eq!(
        a.available.map(|m| m.amount),
        Some(dec(e.available)),
        "{}",
        e.file
    );

    let txns = transactions(&store).await;
    let got: Vec<(NaiveDate, Decimal, String)> = txns
        .iter()
        .map(|t| (t.date, t.amount.amount, t.payee.clone()))
        .collect();
    let want: Vec<(NaiveDate, Decimal, String)> = e
        .txns
        .iter()
        .map(|(d, amount, payee)| (d.parse().unwrap(), dec(amount), (*payee).to_string()))
        .collect();
    assert_eq!(got, want, "{}", e.file);
    let sum: Decimal = txns.iter().map(|t| t.amount.amount).sum();
    assert_eq!(
        sum,
        e.txns.iter().map(|t| dec(t.1)).sum::<Decimal>(),
        "{}",
        e.file
    );
    let id = connection_id(&store).await;
    assert_eq!(
        store.messages(id).await.unwrap().as_deref(),
        e.messages,
        "{}",
        e.file
    );

    // The same answer a day later adds and changes nothing.
    let second = sync_at(&store, &server, now() + chrono::Duration::days(1))
        .await
        .unwrap();
    // (`updated` counts every row seen again, changed or not; the data below shows none changed.)
    assert_eq!((second.added, second.removed), (0, 0), "{}", e.file);
    assert_eq!(store.accounts().await.unwrap(), accounts, "{}", e.file);
    let again: Vec<_> = transactions(&store).await;
    assert_eq!(again, txns, "{}", e.file);
}

#[tokio::test]
async fn the_protocols_example_bodies_sync_exactly_and_only_once() {
    for e in CORPUS {
        check(e).await;
    }
    let listed = std::fs::read_dir(format!(
        "{}/tests/fixtures/public/simplefin",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .filter(|f| {
        f.as_ref()
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "json")
            && !f
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(MORE)
    })
    .count();
    assert_eq!(
        listed,
        CORPUS.len(),
        "every fixture has its expected values here"
    );
}
