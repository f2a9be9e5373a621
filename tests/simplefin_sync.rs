//! Whole SimpleFIN syncs through the real provider and store against a fake Bridge (wiremock on
//! 127.0.0.1): the daily request quota.
//!
//! Map: `harness` the store, clock and fake Bridge · `quota`.
#![allow(clippy::unwrap_used)]

#[path = "simplefin_sync/harness.rs"]
mod harness;
#[path = "simplefin_sync/quota.rs"]
mod quota;
