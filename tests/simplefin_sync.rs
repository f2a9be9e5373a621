//! Whole SimpleFIN syncs through the real provider and store against a fake Bridge (wiremock on
//! 127.0.0.1): the daily request quota, account keys across connections and stores written by
//! older versions, and the protocol's own example bodies served verbatim.
//!
//! Map: `harness` the store, clock and fake Bridge · `quota` · `keys` · `corpus` (the protocol's examples), `corpus_more` (other projects' bodies).
#![allow(clippy::unwrap_used)]

#[path = "simplefin_sync/corpus.rs"]
mod corpus;
#[path = "simplefin_sync/corpus_more.rs"]
mod corpus_more;
#[path = "simplefin_sync/harness.rs"]
mod harness;
#[path = "simplefin_sync/keys.rs"]
mod keys;
#[path = "simplefin_sync/quota.rs"]
mod quota;
