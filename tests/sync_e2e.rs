//! Live sync end to end: the real `purse` binary (`link`, `sync`, `status`, `accounts`,
//! `transactions`) against fake Plaid and SimpleFIN servers on 127.0.0.1, in an isolated home.
//!
//! Every test ends by proving that the client secret, access tokens and the SimpleFIN password
//! never appeared in any command's output nor in the trace log, and that `credentials.toml` is
//! private.
//!
//! Map: `harness` the isolated binary · `fake_plaid` / `fake_simplefin` the scripted servers ·
//! `plaid` / `simplefin` the stories.
#![allow(clippy::unwrap_used)]

#[path = "sync_e2e/fake_plaid.rs"]
mod fake_plaid;
#[path = "sync_e2e/fake_simplefin.rs"]
mod fake_simplefin;
#[path = "sync_e2e/harness.rs"]
mod harness;
#[path = "sync_e2e/plaid.rs"]
mod plaid;
#[path = "sync_e2e/plaid_corpus.rs"]
mod plaid_corpus;
#[path = "sync_e2e/plaid_corpus_more.rs"]
mod plaid_corpus_more;
#[path = "sync_e2e/plaid_trust.rs"]
mod plaid_trust;
#[path = "sync_e2e/simplefin.rs"]
mod simplefin;
