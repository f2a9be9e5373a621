//! A store in memory, a stopped clock and a fake Bridge, and the sync that joins them.

use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use purse::config::Secret;
use purse::domain::{FixedClock, Transaction};
use purse::store::{ApplyStats, Store, TxnCursor, TxnFilter};
use purse::sync::{Connection, ProviderSpec, SyncError, SyncOptions, sync_one};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const NAME: &str = "Bridge";

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 15, 12, 0, 0).unwrap()
}

pub fn opts() -> SyncOptions {
    SyncOptions {
        timeout: Duration::from_secs(5),
        retry_base: Duration::from_millis(1),
        ..SyncOptions::DEFAULT
    }
}

/// The connection `NAME` served by a Bridge at `base` (`http://127.0.0.1:port`).
pub fn connection(base: &str) -> Connection {
    let url = base.replacen("http://", "http://purse-user:hunter2-secret@", 1);
    Connection {
        name: NAME.into(),
        provider: ProviderSpec::SimpleFin {
            access_url: Secret::new(format!("{url}/simplefin")),
        },
    }
}

/// A Bridge answering every `/accounts` request with `body`, verbatim.
pub async fn bridge(body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/simplefin/accounts"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_string(), "application/json"))
        .mount(&server)
        .await;
    server
}

pub async fn sync_at(
    store: &Store,
    server: &MockServer,
    at: DateTime<Utc>,
) -> Result<ApplyStats, SyncError> {
    sync_one(
        store,
        &connection(&server.uri()),
        &FixedClock { now: at },
        opts(),
    )
    .await
}

pub async fn transactions(store: &Store) -> Vec<Transaction> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .transactions(&TxnFilter::default(), after, 1000)
            .await
            .unwrap();
        let Some(last) = page.last() else { break };
        after = Some(TxnCursor::of(last));
        out.extend(page);
    }
    out
}

pub async fn connection_id(store: &Store) -> i64 {
    store
        .ensure_connection(NAME, "simplefin", now())
        .await
        .unwrap()
}
