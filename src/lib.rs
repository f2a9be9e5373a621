//! Purse: a keyboard-driven terminal budgeting dashboard.
//!
//! Module map:
//! - [`domain`]: pure money, accounts, transactions, categories, budgets, bills, alerts, clock.
//! - [`config`]: layered settings (defaults → file → `PURSE__…` environment), `env:` secrets.
//! - [`credentials`]: the 0600 file of linked connections and their secrets.
//! - [`store`]: the SQLite store (sqlx, WAL, embedded migrations); every query the UI and CLI run.
//! - [`provider`]: bank and card adapters that turn wire data into domain [`domain::Delta`]s,
//!   including the built-in demo bank.
//! - [`sync`]: one sync pass over the configured connections, applying each in one transaction.
//! - [`import`]: OFX/QFX/CSV statements into the store, one transaction per file.
//! - [`export`]: transactions out as CSV, JSON, a ledger/hledger journal or beancount.
//! - [`alerts`]: runs the pure alert rules over the store and records new alerts once.
//! - [`notify`]: the `Notifier` trait and its desktop implementation.
//! - [`tui`]: the dashboard (Elm-style: app state, actions, pure update, render).
//! - [`cli`]: the scriptable command line (`purse accounts --json`, …).

pub mod alerts;
pub mod cli;
pub mod config;
pub mod credentials;
pub mod domain;
pub mod export;
pub mod import;
pub mod notify;
pub mod provider;
pub mod store;
pub mod sync;
pub mod tui;
