//! Delivering alert notifications: reads the alerts that await one from the store, plans (see
//! [`plan`](super::plan)), shows them through a [`Notifier`] and records each delivered alert, so
//! every alert is notified once, across passes and restarts. Held or undelivered alerts stay
//! waiting for the next pass. A notifier that fails is reported in the [`Delivery`], never raised.

use chrono::{DateTime, FixedOffset, Local, Utc};

use super::plan::{Plan, Policy, plan};
use super::{DesktopNotifier, Notifier, NotifyError};
use crate::config::Settings;
use crate::domain::Clock;
use crate::store::{Result, Store};

/// What one delivery did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Notifications shown.
    pub shown: usize,
    /// Alerts those notifications covered.
    pub delivered: usize,
    /// Alerts held for later (quiet hours, or not shown because the notifier failed).
    pub held: usize,
    /// Alerts settled without a notification because desktop notifications are off.
    pub silenced: usize,
    /// Why notifications could not be shown (no notification server, a timeout…).
    pub error: Option<String>,
}

impl Delivery {
    /// A one-line warning for the terminal or the status bar, when notifications failed.
    pub fn warning(&self) -> Option<String> {
        self.error.as_ref().map(|e| {
            format!(
                "desktop notifications unavailable ({e}); {} alert(s) kept for later — see `purse alerts`",
                self.held
            )
        })
    }
}

/// Delivers what awaits through the desktop, as `settings` say (`purse sync`).
pub async fn deliver_to_desktop(
    store: &Store,
    settings: &Settings,
    clock: &dyn Clock,
) -> Result<Delivery> {
    let notifier = DesktopNotifier::for_settings(settings);
    deliver_pending(store, &Policy::from_settings(settings), clock, &notifier).await
}

/// Delivers what awaits, at the clock's time in the local time zone.
pub async fn deliver_pending<N: Notifier>(
    store: &Store,
    policy: &Policy,
    clock: &dyn Clock,
    notifier: &N,
) -> Result<Delivery> {
    let now = clock.now();
    deliver_at(
        store,
        policy,
        now,
        now.with_timezone(&Local).fixed_offset(),
        notifier,
    )
    .await
}

/// Delivers what awaits at `now`, whose local time (for quiet hours) is `local`.
pub async fn deliver_at<N: Notifier>(
    store: &Store,
    policy: &Policy,
    now: DateTime<Utc>,
    local: DateTime<FixedOffset>,
    notifier: &N,
) -> Result<Delivery> {
    let pending = store.alerts_to_notify().await?;
    let mut delivery = Delivery::default();
    match plan(&pending, policy, local) {
        Plan::Idle => {}
        Plan::Off(ids) => {
            store.mark_notified(&ids, now).await?;
            delivery.silenced = ids.len();
        }
        Plan::Hold(n) => {
            tracing::info!(alerts = n, "quiet hours: notifications held");
            delivery.held = n;
        }
        Plan::Show(batches) => {
            for batch in batches {
                if delivery.error.is_some() {
                    delivery.held += batch.alerts.len();
                    continue;
                }
                match notifier.notify(&batch.note).await {
                    Ok(()) => {
                        store.mark_notified(&batch.alerts, now).await?;
                        delivery.shown += 1;
                        delivery.delivered += batch.alerts.len();
                    }
                    Err(NotifyError(e)) => {
                        tracing::warn!(error = %e, "desktop notification failed; alerts kept for later");
                        delivery.held += batch.alerts.len();
                        delivery.error = Some(e);
                    }
                }
            }
        }
    }
    Ok(delivery)
}
