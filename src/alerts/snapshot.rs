//! What one evaluation reads from the store, gathered once: accounts, connections, categories,
//! the history window (with detected transfers put in their categories first), the recurring
//! streams and card payers found in it, merchants paid before it, and this month's budget report
//! with rollover.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use crate::config::Settings;
use crate::domain::recurring::{Stream, detect_streams};
use crate::domain::transfers::{card_payers, detect_transfers, recategorisations};
use crate::domain::unusual::{UnusualInput, new_merchant_candidates};
use crate::domain::{
    Account, AccountId, BudgetReport, CategoryTree, ConnectionStatus, Month, Transaction,
};
use crate::store::{Result, Store};

/// Days of history the rules read: a year and a month, enough for yearly streams and for six
/// full months of usual spending.
pub const WINDOW_DAYS: u64 = 400;

pub(super) struct Snapshot {
    pub today: NaiveDate,
    pub accounts: Vec<Account>,
    pub connections: Vec<ConnectionStatus>,
    pub tree: CategoryTree,
    pub history: Vec<Transaction>,
    pub streams: Vec<Stream>,
    /// Card account → the account that pays it.
    pub payers: HashMap<AccountId, AccountId>,
    /// Recent new-looking merchants that were in fact paid before the window.
    pub known: HashSet<String>,
    /// The first day the history is complete from.
    pub covered_from: NaiveDate,
    pub report: BudgetReport,
}

impl Snapshot {
    pub async fn load(store: &Store, settings: &Settings, today: NaiveDate) -> Result<Snapshot> {
        let accounts = store.accounts().await?;
        let tree = store.categories().await?;
        let window = today - Days::new(WINDOW_DAYS);
        let mut history = store.history_since(window).await?;
        let pairs = detect_transfers(&history, &accounts, &tree);
        let changes = recategorisations(&pairs, &history);
        if !changes.is_empty() && store.categorise_transfers(&changes).await? > 0 {
            tracing::info!(legs = changes.len(), "detected transfers categorised");
            history = store.history_since(window).await?;
        }
        let payers = card_payers(&pairs, &history);
        let streams = detect_streams(&history, &tree, today);
        let covered_from = store
            .first_transaction_date()
            .await?
            .map_or(today, |first| first.max(window));
        let mut snap = Snapshot {
            today,
            accounts,
            connections: store.connections().await?,
            tree,
            history,
            streams,
            payers,
            known: HashSet::new(),
            covered_from,
            report: store
                .budget_report_with_rollover(Month::of(today), settings.general.currency)
                .await?,
        };
        let candidates = new_merchant_candidates(&snap.unusual_input());
        snap.known = store.merchants_seen_before(&candidates, window).await?;
        Ok(snap)
    }

    pub fn unusual_input(&self) -> UnusualInput<'_> {
        UnusualInput {
            today: self.today,
            history: &self.history,
            tree: &self.tree,
            accounts: &self.accounts,
            streams: &self.streams,
            known_merchants: &self.known,
            covered_from: self.covered_from,
        }
    }
}
