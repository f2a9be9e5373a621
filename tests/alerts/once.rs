//! Each alert once: a failing connection is reported once per episode, and evaluating twice
//! raises nothing new.

use chrono::Days;
use proptest::prelude::*;
use purse::alerts;
use purse::domain::FixedClock;
use purse::store::Store;

use super::harness::{Demo, date};

#[tokio::test]
async fn a_connection_failing_repeatedly_is_reported_once_per_episode() {
    let store = Store::open_in_memory().await.unwrap();
    let settings = purse::config::Settings::default();
    let clock = FixedClock::on(date("2026-11-21"));
    let id = store
        .ensure_connection("Chase", "plaid", clock.now)
        .await
        .unwrap();
    let mut raised = Vec::new();
    for _ in 0..5 {
        store
            .record_failure(id, "temporary failure: HTTP 503", false, None, clock.now)
            .await
            .unwrap();
        raised.push(
            alerts::evaluate(&store, &settings, &clock)
                .await
                .unwrap()
                .len(),
        );
    }
    assert_eq!(raised, [0, 0, 1, 0, 0]);
    store
        .record_failure(
            id,
            "the connection needs to be linked again: ITEM_LOGIN_REQUIRED",
            true,
            None,
            clock.now,
        )
        .await
        .unwrap();
    let relink = alerts::evaluate(&store, &settings, &clock).await.unwrap();
    assert_eq!(relink.len(), 1);
    assert!(
        relink[0].message.contains("Chase needs to be linked again"),
        "{}",
        relink[0].message
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn evaluating_twice_raises_nothing_new(seed in 0u64..10_000, offset in 0u64..700, later in 0u64..40) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let anchor = date("2025-01-01") + Days::new(offset);
            let demo = Demo::first_sync(seed, anchor).await;
            let first = demo.evaluate_on(anchor).await;
            prop_assert!(!first.is_empty(), "the planted trouble is raised on the first sync");
            prop_assert!(demo.evaluate_on(anchor).await.is_empty());
            let day = anchor + Days::new(later);
            demo.sync_on(day).await;
            let raised = demo.evaluate_on(day).await;
            prop_assert!(demo.evaluate_on(day).await.is_empty());
            let stored = demo.store.alerts().await.unwrap();
            prop_assert_eq!(stored.len(), first.len() + raised.len());
            Ok(())
        })?;
    }
}
