//! Noticing writes by other processes (the daemon, a CLI sync, an import, `purse budget set`):
//! a task checks the store's data version once a second on a connection of its own and sends
//! [`Action::StoreChanged`] when it moved. Nothing else happens while the store is idle, so an
//! open dashboard stays near zero CPU and redraws only after a change.

use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

use crate::store::Store;
use crate::tui::action::Action;

/// How often the store is checked: another process's write shows within about this long.
pub const WATCH_TICK: Duration = Duration::from_secs(1);

/// Starts watching `store`; `None` when there is nothing to watch (a store in memory) or the
/// watch cannot be set up (then the dashboard still works, refreshed by `r` and its own syncs).
pub(super) async fn spawn(
    store: &Store,
    actions: UnboundedSender<Action>,
) -> Option<JoinHandle<()>> {
    let mut watch = match store.watch().await {
        Ok(watch) => watch?,
        Err(e) => {
            tracing::warn!(error = %e, "cannot watch the store for other processes' writes");
            return None;
        }
    };
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval(WATCH_TICK);
        tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
        loop {
            tick.tick().await;
            match watch.changed().await {
                Ok(false) => {}
                Ok(true) => {
                    if actions.send(Action::StoreChanged).is_err() {
                        return;
                    }
                }
                Err(e) => tracing::warn!(error = %e, "cannot check the store for changes"),
            }
        }
    }))
}
