//! Imports into an in-memory store.

use chrono::{DateTime, TimeZone, Utc};
use purse::domain::{
    AccountKind, AccountSnapshot, Currency, Delta, IncomingBill, IncomingTransaction,
};
use purse::import::{CsvMapping, IMPORT_CONNECTION, ImportOptions, import_file};
use purse::store::{Store, TxnFilter};

use super::{day, fixture, options, usd};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 12, 20, 9, 0, 0).unwrap()
}

fn opts(account: Option<&str>) -> ImportOptions {
    ImportOptions {
        account: account.map(str::to_string),
        parse: options(CsvMapping::default()),
    }
}

async fn import(store: &Store, name: &str, account: Option<&str>) -> purse::import::FileReport {
    import_file(store, &fixture(name), &opts(account), now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn rows(store: &Store) -> Vec<purse::domain::Transaction> {
    store
        .transactions(&TxnFilter::default(), None, 1000)
        .await
        .unwrap()
}

#[tokio::test]
async fn importing_twice_adds_nothing_and_records_the_ledger_balance() {
    let store = Store::open_in_memory().await.unwrap();
    let first = import(&store, "ofx/bank_sgml.ofx", None).await;
    assert_eq!(
        (first.added, first.statements[0].account_created),
        (5, true)
    );
    let accounts = store.accounts().await.unwrap();
    let [a] = accounts.as_slice() else {
        panic!("{accounts:?}")
    };
    assert_eq!(a.connection, IMPORT_CONNECTION);
    assert_eq!(a.name, "First Example Bank Checking …4567");
    assert_eq!(a.balance, usd("3141.59"));
    assert_eq!(a.available, Some(usd("3100.00")));
    let again = import(&store, "ofx/bank_sgml.ofx", None).await;
    assert_eq!((again.added, again.statements[0].already_imported), (0, 5));
    assert_eq!(rows(&store).await.len(), 5);
    let interest = rows(&store)
        .await
        .into_iter()
        .find(|t| t.payee == "INTEREST PAID")
        .unwrap();
    assert_eq!(
        interest.category, "Interest",
        "categorised like synced rows"
    );
}

#[tokio::test]
async fn reused_fitids_stay_apart_and_an_older_statement_keeps_the_newer_balance() {
    let store = Store::open_in_memory().await.unwrap();
    import(&store, "ofx/reused_fitid_oct.ofx", None).await;
    let nov = import(&store, "ofx/reused_fitid_nov.ofx", None).await;
    assert_eq!(
        nov.added, 3,
        "FITIDs 1 and 2 again, with other dates and amounts"
    );
    for name in ["ofx/reused_fitid_oct.ofx", "ofx/reused_fitid_nov.ofx"] {
        assert_eq!(import(&store, name, None).await.added, 0);
    }
    let all = rows(&store).await;
    assert_eq!(all.len(), 5);
    let groceries: Vec<_> = all.iter().filter(|t| t.payee == "GROCERY OUTLET").collect();
    assert_eq!(
        groceries.len(),
        2,
        "same FITID, same amount, different dates: two purchases"
    );
    assert_eq!(store.accounts().await.unwrap()[0].balance, usd("935.01"));
}

#[tokio::test]
async fn corrections_replace_delete_keep_user_edits_and_stay_done() {
    let store = Store::open_in_memory().await.unwrap();
    import(&store, "ofx/correction_base.ofx", None).await;
    let hardware = rows(&store)
        .await
        .into_iter()
        .find(|t| t.provider_id == "ofx:A1")
        .unwrap();
    store.set_category(hardware.id, "Shopping").await.unwrap();
    store
        .set_note(hardware.id, Some("new drill"))
        .await
        .unwrap();
    let fix = import(&store, "ofx/correction_fix.ofx", None).await;
    assert_eq!(fix.statements[0].corrections, 2);
    let after = rows(&store).await;
    let mut ids: Vec<&str> = after.iter().map(|t| t.provider_id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["ofx:A1R", "ofx:A3", "ofx:A4"]);
    let replaced = after.iter().find(|t| t.provider_id == "ofx:A1R").unwrap();
    assert_eq!(replaced.amount, usd("-54.00"));
    assert_eq!(
        (replaced.category.as_str(), replaced.notes.as_deref()),
        ("Shopping", Some("new drill"))
    );
    import(&store, "ofx/correction_base.ofx", None).await;
    assert_eq!(
        rows(&store).await.len(),
        3,
        "corrected rows do not come back"
    );
}

#[tokio::test]
async fn several_statements_land_in_their_own_accounts() {
    let store = Store::open_in_memory().await.unwrap();
    let report = import(&store, "ofx/multi_statement.ofx", None).await;
    assert_eq!(report.statements.len(), 3);
    assert!(report.notes.iter().any(|n| n.contains("2003")));
    let accounts = store.accounts().await.unwrap();
    let card = accounts
        .iter()
        .find(|a| a.kind == AccountKind::CreditCard)
        .unwrap();
    assert_eq!(card.balance, usd("-410.75"));
    assert_eq!(
        accounts
            .iter()
            .find(|a| a.kind == AccountKind::Savings)
            .unwrap()
            .balance,
        usd("5300.00")
    );
    // FITID M1 appears in all three statements: scoped to each account, all three are kept.
    assert_eq!(rows(&store).await.len(), 5);
}

#[tokio::test]
async fn a_bad_file_writes_nothing_and_says_where() {
    let store = Store::open_in_memory().await.unwrap();
    for (name, wanted) in [
        (
            "ofx/bad_amount.ofx",
            "bad_amount.ofx: line 54: <TRNAMT> \"-86.2x3\"",
        ),
        (
            "ofx/truncated.ofx",
            "truncated.ofx: line 51: <STMTTRN> is never closed",
        ),
        ("ofx/status_error_empty.ofx", "status 2000"),
        ("csv/checking.csv", "pass --account NAME"),
    ] {
        let err = import_file(&store, &fixture(name), &opts(None), now())
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains(wanted), "{name}: {err}");
    }
    assert!(
        store.is_empty().await.unwrap(),
        "no connection, no account, no row"
    );
}

#[tokio::test]
async fn csv_goes_to_the_named_account_and_keeps_identical_purchases() {
    let store = Store::open_in_memory().await.unwrap();
    let first = import(&store, "csv/checking.csv", Some("Everyday")).await;
    assert_eq!(
        (first.added, first.statements[0].account_created),
        (4, true)
    );
    let again = import(&store, "csv/checking.csv", Some("everyday")).await;
    assert_eq!(again.added, 0);
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(
        (accounts[0].name.as_str(), accounts[0].balance),
        ("Everyday", usd("1196.50"))
    );
    let coffees = rows(&store)
        .await
        .into_iter()
        .filter(|t| t.payee == "BLUE BOTTLE COFFEE")
        .count();
    assert_eq!(coffees, 2);
}

/// A posted October 2023 row of the synced checking account, as the sync brings it.
fn row(id: &str, d: u32, amount: &str, payee: &str) -> IncomingTransaction {
    IncomingTransaction {
        provider_account_id: "chk".into(),
        provider_id: id.into(),
        date: day(2023, 10, d),
        amount: usd(amount),
        payee: payee.into(),
        description: payee.into(),
        category: None,
        pending: false,
        pending_provider_id: None,
        raw: None,
    }
}

/// A synced connection ("Bank", SimpleFIN) whose checking account already holds two of the
/// statement's transactions, a card bill, and a sync failure waiting for a re-link.
async fn synced_bank(store: &Store) -> i64 {
    let conn = store
        .ensure_connection("Bank", "simplefin", now())
        .await
        .unwrap();
    let delta = Delta {
        accounts: vec![AccountSnapshot {
            provider_account_id: "chk".into(),
            name: "Everyday Checking".into(),
            kind: AccountKind::Checking,
            currency: Currency::USD,
            balance: usd("5000.00"),
            available: None,
            limit: None,
            as_of: now(),
        }],
        upserts: vec![
            row("sf-1", 16, "-42.50", "Trader Joe's"),
            row("sf-2", 31, "2450.00", "Acme Corp"),
        ],
        bills: vec![IncomingBill {
            provider_account_id: "chk".into(),
            name: "Overdraft line".into(),
            amount: usd("100.00"),
            minimum: None,
            due: day(2023, 12, 28),
        }],
        ..Delta::default()
    };
    let earlier = Utc.with_ymd_and_hms(2023, 12, 1, 9, 0, 0).unwrap();
    store.apply_delta(conn, &delta, earlier).await.unwrap();
    store
        .record_failure(conn, "login expired", true, None, earlier)
        .await
        .unwrap();
    conn
}

#[tokio::test]
async fn importing_into_a_synced_account_skips_its_rows_and_leaves_the_sync_alone() {
    let store = Store::open_in_memory().await.unwrap();
    let conn = synced_bank(&store).await;
    let before = store.connections().await.unwrap();
    let report = import(&store, "ofx/bank_sgml.ofx", Some("Everyday Checking")).await;
    let s = &report.statements[0];
    assert_eq!((s.matched_synced, s.new, s.account_created), (2, 3, false));
    assert_eq!(rows(&store).await.len(), 5);
    assert_eq!(
        store.connections().await.unwrap(),
        before,
        "an import is not a sync"
    );
    let account = &store.accounts().await.unwrap()[0];
    assert_eq!(
        account.balance,
        usd("5000.00"),
        "the live sync owns the balance"
    );
    let bills = store.bills().await.unwrap();
    assert!(bills.iter().all(|b| !b.paid), "{bills:?}");
    // The statement's account id is remembered: the next file finds the account by itself.
    let again = import(&store, "ofx/bank_sgml.ofx", None).await;
    assert_eq!(
        (again.added, again.statements[0].account.as_str()),
        (0, "Everyday Checking")
    );
    assert!(
        store
            .connections()
            .await
            .unwrap()
            .iter()
            .all(|c| c.id == conn)
    );
}

#[tokio::test]
async fn a_later_sync_replaces_imported_rows_and_reimporting_adds_nothing() {
    let store = Store::open_in_memory().await.unwrap();
    let conn = synced_bank(&store).await;
    import(&store, "ofx/bank_sgml.ofx", Some("Everyday Checking")).await;
    let phone = rows(&store)
        .await
        .into_iter()
        .find(|t| t.provider_id == "ofx:2023101502")
        .unwrap();
    store.set_category(phone.id, "Shopping").await.unwrap();
    store.set_note(phone.id, Some("family plan")).await.unwrap();

    // The sync now reaches back to October: the statement's other three rows under its own ids,
    // a day later for the phone bill, and one purchase the statement does not have.
    let sync = Delta {
        upserts: vec![
            row("sf-1", 16, "-42.50", "Trader Joe's"),
            row("sf-2", 31, "2450.00", "Acme Corp"),
            row("sf-3", 16, "-86.23", "AT&T Wireless"),
            row("sf-4", 31, "0.42", "Interest"),
            row("sf-5", 20, "-120.00", "Check 1043"),
            row("sf-6", 22, "-9.99", "Netflix"),
        ],
        ..Delta::default()
    };
    let applied = store.apply_delta(conn, &sync, now()).await.unwrap();
    assert_eq!(
        (applied.added, applied.removed),
        (1, 0),
        "only Netflix is new to the account"
    );
    let after = rows(&store).await;
    let mut ids: Vec<&str> = after.iter().map(|t| t.provider_id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["sf-1", "sf-2", "sf-3", "sf-4", "sf-5", "sf-6"]);
    let phone = after.iter().find(|t| t.provider_id == "sf-3").unwrap();
    assert_eq!(
        (phone.category.as_str(), phone.notes.as_deref()),
        ("Shopping", Some("family plan"))
    );

    // The statement again: every row is matched to its synced row, none comes back.
    let again = import(&store, "ofx/bank_sgml.ofx", None).await;
    let s = &again.statements[0];
    assert_eq!((again.added, s.new, s.matched_synced), (0, 0, 5));
    assert_eq!(rows(&store).await.len(), 6);
}
