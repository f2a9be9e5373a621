//! Data arriving from the store, saved edits, and progress from the sync task: stores what
//! arrived (ignoring stale answers) and decides what to reload.

use crate::tui::action::{Command, Data, Saved, SyncEvent};
use crate::tui::app::{App, Overlay, Pane, Raw, SyncFailure, picker};
use crate::tui::{layout, text};

/// Every load the dashboard needs, for start-up and the `r` key (the charts only when shown).
pub(super) fn refresh_all(app: &mut App) -> Vec<Command> {
    let mut commands = vec![
        Command::LoadAccounts,
        Command::LoadConnections,
        app.transactions.reload(app.transactions.filter.clone()),
        Command::LoadBudgets(app.month),
        Command::LoadAlerts,
        Command::LoadBills,
        Command::LoadCategories,
    ];
    commands.extend(super::panes::refresh_charts(app));
    commands.extend(super::lists::reloads(app));
    commands
}

/// Another process wrote to the store: reload, or, while this dashboard's own sync pass runs,
/// once the pass is over (it reloads then anyway).
pub(super) fn store_changed(app: &mut App) -> Vec<Command> {
    if app.sync.running.is_empty() {
        refresh_all(app)
    } else {
        app.sync.dirty = true;
        Vec::new()
    }
}

pub(super) fn loaded(app: &mut App, data: Data) -> Vec<Command> {
    match data {
        Data::Accounts(accounts) => app.accounts.set_accounts(accounts),
        Data::Connections(connections) => {
            // The store is the record of which connections last failed; live events refine it.
            // A failure this dashboard saw stays until the store shows a later success: one the
            // sync could not record (the store failing too) must not turn into "Synced".
            for c in &connections {
                match &c.last_error {
                    Some(e) if !app.sync.running.contains(&c.name) => {
                        let at = c.last_attempt.unwrap_or(app.now);
                        app.sync.failed.insert(
                            c.name.clone(),
                            SyncFailure {
                                error: e.clone(),
                                at,
                            },
                        );
                    }
                    Some(_) => {}
                    None => {
                        let newer = |f: &SyncFailure| c.last_success.is_some_and(|t| t > f.at);
                        if app.sync.failed.get(&c.name).is_some_and(newer) {
                            app.sync.failed.remove(&c.name);
                        }
                    }
                }
            }
            let latest = connections.iter().filter_map(|c| c.last_success).max();
            app.sync.last_completed = app.sync.last_completed.max(latest);
            app.accounts.connections = connections;
        }
        Data::Transactions {
            filter,
            after,
            rows,
        } => {
            let height = layout::body_rows(app, Pane::Transactions);
            app.transactions.receive(&filter, after, rows, height);
            return app.transactions.maybe_fetch().into_iter().collect();
        }
        Data::Budgets(report) => {
            if report.month == app.month {
                let height = layout::body_rows(app, Pane::Budgets);
                app.budgets.cursor.clamp(report.lines.len(), height);
                app.budgets.report = Some(report);
            }
        }
        Data::Alerts(alerts) => app.alerts.set_alerts(alerts),
        Data::Bills(bills) => app.alerts.set_bills(bills),
        Data::Categories(categories) => app.categories = picker::tree_order(categories),
        Data::RawPayload { id, raw } => {
            if let Some(Overlay::Transaction(detail)) = &mut app.overlay
                && detail.txn.id == id
            {
                detail.raw = raw.map_or(Raw::Missing, Raw::Text);
            }
        }
        Data::Spending { month, rows } => app.budgets.spending = Some((month, rows)),
        Data::Flows { last, rows } => app.budgets.flows = Some((last, rows)),
        Data::BillList(rows) => super::lists::loaded_bills(app, rows),
        Data::Rules(rules) => super::lists::loaded_rules(app, rules),
    }
    Vec::new()
}

/// A write succeeded: say so (the commands that reload after it were sent with it).
pub(super) fn saved(app: &mut App, saved: Saved) -> Vec<Command> {
    match saved {
        Saved::Budget {
            category,
            month,
            amount,
        } => app.info(text::budget_saved(
            &category,
            &amount.display(),
            &month.label(),
        )),
        Saved::BudgetDeleted { category, from } => {
            app.info(text::budget_deleted(&category, &from.label()));
        }
        Saved::Category { category, .. } => app.info(text::category_set(&category)),
        Saved::Rule {
            payee,
            category,
            changed,
        } => app.info(text::rule_created(&payee, &category, changed)),
        Saved::Note { .. } => app.info(text::NOTE_SAVED),
        other => super::lists::saved(app, other),
    }
    Vec::new()
}

pub(super) fn sync_event(app: &mut App, event: SyncEvent) -> Vec<Command> {
    match event {
        SyncEvent::PassStarted { total } => {
            app.sync.progress = Some((0, total));
            Vec::new()
        }
        SyncEvent::Started {
            connection,
            index,
            total,
        } => {
            app.sync.progress = Some((index, total));
            if !app.sync.running.contains(&connection) {
                app.sync.running.push(connection);
            }
            Vec::new()
        }
        SyncEvent::Completed {
            connection,
            added,
            updated,
            removed,
        } => {
            app.sync.running.retain(|c| *c != connection);
            app.sync.failed.remove(&connection);
            app.sync.last_completed = Some(app.now);
            app.sync.dirty |= added + updated + removed > 0;
            Vec::new()
        }
        SyncEvent::Failed { connection, error } => {
            app.sync.running.retain(|c| *c != connection);
            let at = app.now;
            app.sync
                .failed
                .insert(connection, SyncFailure { error, at });
            Vec::new()
        }
        SyncEvent::Alerts(raised) => {
            app.info(text::new_alerts(raised.len()));
            vec![Command::LoadAlerts]
        }
        SyncEvent::NotifyFailed { warning } => {
            app.error(warning);
            Vec::new()
        }
        SyncEvent::PassFinished { .. } => {
            app.sync.running.clear();
            app.sync.progress = None;
            if std::mem::take(&mut app.sync.dirty) {
                refresh_all(app)
            } else {
                let mut commands = vec![
                    Command::LoadConnections,
                    Command::LoadAlerts,
                    Command::LoadBills,
                ];
                commands.extend(super::lists::reloads(app));
                commands
            }
        }
    }
}
