//! Only requests the Bridge answered count against its 24 a day.

use purse::provider::ProviderError;
use purse::store::Store;
use purse::sync::{SIMPLEFIN_DAILY_REQUESTS, SyncError, sync_one};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::harness::{bridge, connection, connection_id, now, opts, sync_at};
use purse::domain::FixedClock;

/// A loopback address where nothing listens: every connection is refused.
fn refused_base() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

#[tokio::test]
async fn an_unreachable_bridge_spends_none_of_the_days_requests() {
    let store = Store::open_in_memory().await.unwrap();
    let clock = FixedClock { now: now() };
    let down = connection(&refused_base());
    for _ in 0..3 {
        let err = sync_one(&store, &down, &clock, opts()).await.unwrap_err();
        assert!(
            matches!(err, SyncError::Provider(ProviderError::Transient(_))),
            "a refused connection is a network failure to retry, not a spent quota: {err}"
        );
    }
    let status = store.connections().await.unwrap().remove(0);
    let next = status.next_attempt.unwrap();
    assert!(
        next < now() + chrono::Duration::hours(1),
        "backs off and retries soon, not tomorrow: {next}"
    );

    // The Bridge is back: the first sync's 9 requests are all still available today.
    let up = bridge(r#"{"errors":[],"accounts":[]}"#).await;
    sync_at(&store, &up, now()).await.unwrap();
    assert_eq!(up.received_requests().await.unwrap().len(), 9);
    let id = connection_id(&store).await;
    assert!(
        store
            .take_quota(
                id,
                now().date_naive(),
                SIMPLEFIN_DAILY_REQUESTS - 9,
                SIMPLEFIN_DAILY_REQUESTS
            )
            .await
            .unwrap(),
        "exactly the 9 answered requests were counted"
    );
    assert!(
        !store
            .take_quota(id, now().date_naive(), 1, SIMPLEFIN_DAILY_REQUESTS)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn answered_failures_count_and_unmade_requests_do_not() {
    let store = Store::open_in_memory().await.unwrap();
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let err = sync_at(&store, &server, now()).await.unwrap_err();
    assert!(
        matches!(err, SyncError::Provider(ProviderError::Transient(_))),
        "{err}"
    );
    // Three attempts, each stopped by its first (answered) request.
    let answered = u32::try_from(server.received_requests().await.unwrap().len()).unwrap();
    assert_eq!(answered, opts().max_attempts);
    let id = connection_id(&store).await;
    let day = now().date_naive();
    let left = SIMPLEFIN_DAILY_REQUESTS - answered;
    assert!(
        store
            .take_quota(id, day, left, SIMPLEFIN_DAILY_REQUESTS)
            .await
            .unwrap()
    );
    assert!(
        !store
            .take_quota(id, day, 1, SIMPLEFIN_DAILY_REQUESTS)
            .await
            .unwrap()
    );
}
