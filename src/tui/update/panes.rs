//! Budgets and Alerts edits and the overlays: deleting a budget (after a yes/no question), the
//! table/charts switch, alert details and acknowledging, and scrolling an open overlay.

use crate::tui::action::Command;
use crate::tui::app::{App, BudgetView, Confirm, Overlay, Pane};
use crate::tui::{text, view};

pub(super) fn ask_delete_budget(app: &mut App) -> Vec<Command> {
    if app.focus != Pane::Budgets {
        return Vec::new();
    }
    let Some(line) = app.budgets.selected_line() else {
        app.error(text::NO_LINE_SELECTED);
        return Vec::new();
    };
    app.overlay = Some(Overlay::Confirm(Confirm::DeleteBudget {
        category: line.category.clone(),
        from: line.set_in,
        amount: line.budgeted,
    }));
    Vec::new()
}

pub(super) fn confirm(app: &mut App, yes: bool) -> Vec<Command> {
    if let Some(commands) = super::lists::confirm(app, yes) {
        return commands;
    }
    let Some(Overlay::Confirm(question)) = app.overlay.take() else {
        return Vec::new();
    };
    if !yes {
        return Vec::new();
    }
    match question {
        Confirm::DeleteBudget { category, from, .. } => vec![
            Command::DeleteBudget { category, from },
            Command::LoadBudgets(app.month),
        ],
    }
}

pub(super) fn toggle_charts(app: &mut App) -> Vec<Command> {
    app.focus = Pane::Budgets;
    app.budgets.view = match app.budgets.view {
        BudgetView::Table => BudgetView::Charts,
        BudgetView::Charts => BudgetView::Table,
    };
    let loaded = app
        .budgets
        .spending
        .as_ref()
        .is_some_and(|(m, _)| *m == app.month);
    if app.budgets.view == BudgetView::Charts && !loaded {
        return vec![Command::LoadCharts(app.month)];
    }
    Vec::new()
}

/// The charts' data changed (month, categories, a sync): reload it when the charts are on screen,
/// else drop it so the next `v` loads it fresh. Kept off start-up, where nobody sees it.
pub(super) fn refresh_charts(app: &mut App) -> Vec<Command> {
    if app.budgets.view == BudgetView::Charts {
        vec![Command::LoadCharts(app.month)]
    } else {
        app.budgets.spending = None;
        app.budgets.flows = None;
        Vec::new()
    }
}

pub(super) fn open_alert(app: &mut App) -> Vec<Command> {
    if let Some(alert) = app.alerts.alerts.get(app.alerts.cursor.selected) {
        app.overlay = Some(Overlay::Alert {
            id: alert.id,
            scroll: 0,
        });
    }
    Vec::new()
}

/// Marks the alert in the open detail, or the selected one, read (shown at once, saved by the
/// runtime).
pub(super) fn acknowledge(app: &mut App) -> Vec<Command> {
    let id = match &app.overlay {
        Some(Overlay::Alert { id, .. }) => Some(*id),
        None if app.focus == Pane::Alerts => app
            .alerts
            .alerts
            .get(app.alerts.cursor.selected)
            .map(|a| a.id),
        _ => None,
    };
    match app.alerts.alerts.iter_mut().find(|a| Some(a.id) == id) {
        Some(alert) if !alert.acknowledged => {
            alert.acknowledged = true;
            vec![Command::AckAlert(alert.id), Command::LoadAlerts]
        }
        _ => Vec::new(),
    }
}

/// Scrolls the open overlay by `delta` lines, within its content.
pub(super) fn scroll_overlay(app: &mut App, delta: isize) {
    let max = view::overlay_max_scroll(app);
    if let Some(scroll) = app.overlay.as_mut().and_then(Overlay::scroll_mut) {
        let next = usize::from(*scroll).saturating_add_signed(delta).min(max);
        *scroll = u16::try_from(next).unwrap_or(u16::MAX);
    }
}
