//! The alerts engine's I/O shell: reads accounts and bills from the store, runs the pure rules in
//! [`crate::domain::rules`] and stores what they raise (each stable key once).

use crate::config::Settings;
use crate::domain::rules::{RuleSettings, bill_alerts, low_balance_alerts};
use crate::domain::{Alert, Clock, NewAlert};
use crate::store::{Result, Store};

/// Evaluates every rule and returns the alerts raised for the first time.
pub async fn evaluate(store: &Store, settings: &Settings, clock: &dyn Clock) -> Result<Vec<Alert>> {
    let accounts = store.accounts().await?;
    let bills = store.bills().await?;
    let wanted: Vec<NewAlert> = {
        let threshold =
            |a: &crate::domain::Account| settings.low_balance_for(&a.name, &a.id.to_string());
        let rules = RuleSettings {
            today: clock.today(),
            bill_due_days: settings.alerts.bill_due_days,
            low_balance: &threshold,
        };
        bill_alerts(&bills, &rules)
            .into_iter()
            .chain(low_balance_alerts(&accounts, &rules))
            .collect()
    };
    let mut raised = Vec::new();
    for alert in wanted {
        if let Some(new) = store.raise_alert(&alert, clock.now()).await? {
            tracing::info!(key = %new.key, "alert raised");
            raised.push(new);
        }
    }
    Ok(raised)
}
