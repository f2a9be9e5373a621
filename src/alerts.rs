//! The alerts engine's I/O shell: gathers what the pure rules need from the store (see
//! `snapshot`), keeps derived data up to date (transfer categories, the config's `[[bills]]` and
//! the due occurrences of the user's bills, bills predicted from recurring streams and bills
//! paid), runs every rule and stores what they raise, each stable key once. It runs after every
//! sync and on the sync task's timer.
//!
//! The rules (all pure, in [`crate::domain`]): bill due ([`bill_alerts`] over
//! [`alerting_bills`]), low balance ([`low_balance_alerts`] and the projected low of
//! [`forecast`](crate::domain::forecast)), unusual spend ([`unusual`](crate::domain::unusual), off
//! with `alerts.unusual_spend = false`), over budget ([`over_budget`](crate::domain::over_budget))
//! and sync failed ([`sync_alerts`](crate::domain::sync_alerts)).

mod snapshot;

use rust_decimal::Decimal;

use crate::config::Settings;
use crate::domain::forecast::{ForecastSettings, projected_low_alerts};
use crate::domain::over_budget::over_budget_alerts;
use crate::domain::recurring::bills::{alerting_bills, plan_bills};
use crate::domain::rules::{RuleSettings, bill_alerts, low_balance_alerts};
use crate::domain::sync_alerts::sync_failed_alerts;
use crate::domain::unusual::{is_repeat, unusual_spend_alerts};
use crate::domain::{Account, Alert, AlertKind, Bill, Clock, NewAlert};
use crate::store::{Result, Store};
use snapshot::Snapshot;

/// Evaluates every rule and returns the alerts raised for the first time.
pub async fn evaluate(store: &Store, settings: &Settings, clock: &dyn Clock) -> Result<Vec<Alert>> {
    let today = clock.today();
    store.sync_config_bills(&settings.bills).await?;
    store.refresh_manual_bills(today).await?;
    let snap = Snapshot::load(store, settings, today).await?;
    let plan = plan_bills(
        &snap.streams,
        &store.bills().await?,
        &snap.history,
        &snap.tree,
    );
    if plan != Default::default() {
        store.apply_bill_plan(&plan).await?;
    }
    if !plan.paid.is_empty() {
        // A paid bill of the user's that repeats gets its next occurrence.
        store.refresh_manual_bills(today).await?;
    }
    let bills = store.bills().await?;
    let existing: Vec<String> = store
        .alerts()
        .await?
        .into_iter()
        .filter(|a| a.kind == AlertKind::UnusualSpend)
        .map(|a| a.key)
        .collect();
    let wanted = wanted(&snap, &bills, settings);
    let mut raised = Vec::new();
    for alert in wanted {
        if is_repeat(&alert.key, existing.iter().map(String::as_str))
            && !existing.contains(&alert.key)
        {
            continue;
        }
        if let Some(new) = store.raise_alert(&alert, clock.now()).await? {
            tracing::info!(key = %new.key, "alert raised");
            raised.push(new);
        }
    }
    Ok(raised)
}

/// Every alert the rules call for now (the store drops the ones already raised).
fn wanted(snap: &Snapshot, bills: &[Bill], settings: &Settings) -> Vec<NewAlert> {
    let today = snap.today;
    // No threshold for the account's currency: a balance is never below `Decimal::MIN`.
    let threshold = |a: &Account| {
        settings
            .low_balance_in(&a.name, &a.id.to_string(), a.currency)
            .unwrap_or(Decimal::MIN)
    };
    let rule_settings = RuleSettings {
        today,
        bill_due_days: settings.alerts.bill_due_days,
        low_balance: &threshold,
    };
    let forecast = ForecastSettings {
        today,
        low_balance: &threshold,
        payers: &snap.payers,
    };
    let mut wanted = bill_alerts(
        &alerting_bills(bills, &snap.accounts, today),
        &rule_settings,
    );
    wanted.extend(low_balance_alerts(&snap.accounts, &rule_settings));
    wanted.extend(projected_low_alerts(
        &snap.accounts,
        bills,
        &snap.streams,
        &forecast,
    ));
    wanted.extend(over_budget_alerts(&snap.report));
    wanted.extend(sync_failed_alerts(&snap.connections));
    if settings.alerts.unusual_spend {
        wanted.extend(unusual_spend_alerts(&snap.unusual_input()));
    }
    wanted
}
