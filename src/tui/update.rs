//! `update`: the only place the App changes. Pure: takes an [`Action`], mutates the model, and
//! returns the [`Command`]s the runtime should run. Keys, navigation and editing live here; data
//! arriving and sync progress live in `update/data.rs`.

mod data;

use super::action::{Action, Command, EditorInput};
use super::app::{App, Overlay, Pane, TxnFilter};
use super::{keys, layout, text};

/// Applies `action` to `app` and returns the work the runtime must do, in order.
pub fn update(app: &mut App, action: Action) -> Vec<Command> {
    match action {
        Action::Key(key) => {
            app.notice = None;
            match keys::action_for(app, key) {
                Some(next) => update(app, next),
                None => Vec::new(),
            }
        }
        Action::Resize { width, height } => {
            app.size = (width, height);
            for pane in Pane::ALL {
                let (len, rows) = (list_len(app, pane), layout::body_rows(app, pane));
                cursor_of(app, pane).clamp(len, rows);
            }
            Vec::new()
        }
        Action::Clock { now, today } => {
            app.now = now;
            app.today = today;
            Vec::new()
        }
        Action::Loaded(d) => data::loaded(app, d),
        Action::Failed { command, error } => {
            if matches!(command, Command::LoadTransactions { .. }) {
                app.transactions.failed();
            }
            app.error(text::failed(command.describe(), &error));
            Vec::new()
        }
        Action::BudgetSaved {
            category,
            month,
            amount,
        } => {
            app.info(text::budget_saved(
                &category,
                &amount.display(),
                &month.label(),
            ));
            Vec::new()
        }
        Action::Sync(event) => data::sync_event(app, event),
        Action::Refresh => data::refresh_all(app),
        Action::Quit => vec![Command::Quit],
        Action::FocusNext => focus(app, app.focus.next()),
        Action::FocusPrev => focus(app, app.focus.prev()),
        Action::Focus(pane) => focus(app, pane),
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => step(app, -(layout::body_rows(app, app.focus) as isize)),
        Action::PageDown => step(app, layout::body_rows(app, app.focus) as isize),
        Action::Top => {
            cursor_of(app, app.focus).top();
            after_move(app)
        }
        Action::Bottom => {
            let (len, rows) = (list_len(app, app.focus), layout::body_rows(app, app.focus));
            cursor_of(app, app.focus).bottom(len, rows);
            after_move(app)
        }
        Action::PrevMonth => change_month(app, -1),
        Action::NextMonth => change_month(app, 1),
        Action::Activate => match app.focus {
            Pane::Accounts => toggle_account_filter(app),
            Pane::Budgets => update(app, Action::EditBudget),
            Pane::Alerts => acknowledge(app),
            Pane::Transactions => Vec::new(),
        },
        Action::EditBudget => {
            app.focus = Pane::Budgets;
            if !app.budgets.edit_selected() {
                app.error(text::NO_LINE_SELECTED);
            }
            Vec::new()
        }
        Action::AddBudget => {
            app.focus = Pane::Budgets;
            app.budgets.add();
            Vec::new()
        }
        Action::Editor(input) => edit(app, input),
        Action::ClearFilter => {
            if app.transactions.filter == TxnFilter::default() {
                return Vec::new();
            }
            vec![app.transactions.reload(TxnFilter::default())]
        }
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help) => None,
                None => Some(Overlay::Help),
            };
            Vec::new()
        }
        Action::CloseOverlay => {
            app.overlay = None;
            Vec::new()
        }
        Action::SyncNow => {
            if app.sync.available {
                app.info(text::SYNC_REQUESTED);
                vec![Command::SyncNow]
            } else {
                app.error(text::SYNC_UNAVAILABLE);
                Vec::new()
            }
        }
    }
}

fn focus(app: &mut App, pane: Pane) -> Vec<Command> {
    app.focus = pane;
    Vec::new()
}

fn list_len(app: &App, pane: Pane) -> usize {
    match pane {
        Pane::Accounts => app.accounts.accounts.len(),
        Pane::Transactions => app.transactions.rows.len(),
        Pane::Budgets => app.budgets.lines_len(),
        Pane::Alerts => app.alerts.alerts.len(),
    }
}

fn cursor_of(app: &mut App, pane: Pane) -> &mut super::app::ListCursor {
    match pane {
        Pane::Accounts => &mut app.accounts.cursor,
        Pane::Transactions => &mut app.transactions.cursor,
        Pane::Budgets => &mut app.budgets.cursor,
        Pane::Alerts => &mut app.alerts.cursor,
    }
}

fn step(app: &mut App, delta: isize) -> Vec<Command> {
    let (len, rows) = (list_len(app, app.focus), layout::body_rows(app, app.focus));
    cursor_of(app, app.focus).move_by(delta, len, rows);
    after_move(app)
}

/// Moving in Transactions may need the neighbouring page.
fn after_move(app: &mut App) -> Vec<Command> {
    if app.focus == Pane::Transactions {
        app.transactions.maybe_fetch().into_iter().collect()
    } else {
        Vec::new()
    }
}

fn change_month(app: &mut App, delta: i32) -> Vec<Command> {
    app.month = app.month.plus(delta);
    app.budgets.report = None;
    app.budgets.cursor.top();
    vec![Command::LoadBudgets(app.month)]
}

fn toggle_account_filter(app: &mut App) -> Vec<Command> {
    let Some(id) = app.accounts.selected().map(|a| a.id) else {
        return Vec::new();
    };
    let filter = if app.transactions.filter.account_id == Some(id) {
        TxnFilter::default()
    } else {
        TxnFilter {
            account_id: Some(id),
            ..TxnFilter::default()
        }
    };
    vec![app.transactions.reload(filter)]
}

/// Marks the selected alert read (shown at once, saved by the runtime).
fn acknowledge(app: &mut App) -> Vec<Command> {
    match app.alerts.alerts.get_mut(app.alerts.cursor.selected) {
        Some(alert) if !alert.acknowledged => {
            alert.acknowledged = true;
            vec![Command::AckAlert(alert.id), Command::LoadAlerts]
        }
        _ => Vec::new(),
    }
}

fn edit(app: &mut App, input: EditorInput) -> Vec<Command> {
    match input {
        EditorInput::Char(c) => app.budgets.type_char(c),
        EditorInput::Backspace => app.budgets.backspace(),
        EditorInput::Cancel => app.budgets.cancel(),
        EditorInput::Submit => return app.budgets.submit(app.month, app.currency),
    }
    Vec::new()
}
