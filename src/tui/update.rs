//! `update`: the only place the App changes. Pure: takes an [`Action`], mutates the model, and
//! returns the [`Command`]s the runtime should run. Navigation lives here; data arriving and sync
//! progress in `update/data.rs`; Transactions' search, filters, details, picker and note in
//! `update/txn.rs`; text inputs in `update/input.rs`; overlays and Budgets/Alerts edits in
//! `update/panes.rs`; the bills and rules lists in `update/lists.rs`; the mouse in
//! `update/mouse.rs`.

mod data;
mod forms;
mod input;
mod lists;
mod mouse;
mod panes;
mod txn;

pub use txn::SEARCH_DEBOUNCE;

use super::action::{Action, Command};
use super::app::{App, ListCursor, Overlay, Pane};
use super::{layout, text};

/// Applies `action` to `app` and returns the work the runtime must do, in order.
pub fn update(app: &mut App, action: Action) -> Vec<Command> {
    match action {
        Action::Key(key) => {
            app.notice = None;
            match super::keys::action_for(app, key) {
                Some(next) => update(app, next),
                None => Vec::new(),
            }
        }
        Action::Mouse(event) => mouse::mouse(app, event),
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
        Action::Saved(saved) => data::saved(app, saved),
        Action::Timer(timer) => txn::timer(app, timer),
        Action::Sync(event) => data::sync_event(app, event),
        Action::Refresh => data::refresh_all(app),
        Action::StoreChanged => data::store_changed(app),
        Action::Quit => vec![Command::Quit],
        Action::FocusNext => focus(app, app.focus.next()),
        Action::FocusPrev => focus(app, app.focus.prev()),
        Action::Focus(pane) => focus(app, pane),
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => step(app, -page(app)),
        Action::PageDown => step(app, page(app)),
        Action::Top => step(app, isize::MIN / 2),
        Action::Bottom => step(app, isize::MAX / 2),
        Action::PrevMonth => change_month(app, -1),
        Action::NextMonth => change_month(app, 1),
        Action::Activate => match app.focus {
            Pane::Accounts => txn::toggle_account_filter(app),
            Pane::Transactions => txn::open_detail(app),
            Pane::Budgets => update(app, Action::EditBudget),
            Pane::Alerts => panes::open_alert(app),
        },
        Action::Zoom => {
            app.zoomed = !app.zoomed;
            resize(app)
        }
        Action::Back => back(app),
        Action::EditBudget => {
            app.focus = Pane::Budgets;
            if !app.budgets.edit_selected(app.decimal_mark) {
                app.error(text::NO_LINE_SELECTED);
            }
            Vec::new()
        }
        Action::AddBudget => {
            app.focus = Pane::Budgets;
            app.budgets.add();
            Vec::new()
        }
        Action::DeleteBudget => panes::ask_delete_budget(app),
        Action::ToggleCharts => panes::toggle_charts(app),
        Action::Search => txn::start_search(app),
        Action::FilterCategory => txn::open_filter_picker(app),
        Action::FilterMonth => txn::toggle_month_filter(app),
        Action::Recategorize => txn::open_recategorize(app),
        Action::EditNote => txn::open_note(app),
        Action::Acknowledge => panes::acknowledge(app),
        Action::OpenBills => lists::open_bills(app),
        Action::OpenRules => lists::open_rules(app),
        Action::ListAdd => lists::add(app),
        Action::ListDelete => lists::ask_delete(app),
        Action::MarkPaid => lists::mark_paid(app),
        Action::ApplyRule => lists::apply_rule(app),
        Action::Editor(key) => input::editor(app, key),
        Action::Confirm(yes) => panes::confirm(app, yes),
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
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
    if app.zoomed {
        resize(app);
    }
    Vec::new()
}

/// Re-clamps every cursor to the (possibly new) pane sizes.
fn resize(app: &mut App) -> Vec<Command> {
    let (width, height) = app.size;
    update(app, Action::Resize { width, height })
}

/// Esc: close what is open, else clear the Transactions filters, else leave zoom.
fn back(app: &mut App) -> Vec<Command> {
    if app.overlay.take().is_some() {
        return Vec::new();
    }
    if app.transactions.filter != Default::default() {
        return vec![app.transactions.reload(Default::default())];
    }
    if app.zoomed {
        app.zoomed = false;
        return resize(app);
    }
    Vec::new()
}

fn page(app: &App) -> isize {
    match app.overlay {
        Some(_) => isize::from(i16::try_from(app.size.1 / 2).unwrap_or(10)),
        None => layout::body_rows(app, app.focus) as isize,
    }
}

pub(super) fn list_len(app: &App, pane: Pane) -> usize {
    match pane {
        Pane::Accounts => app.accounts.accounts.len(),
        Pane::Transactions => app.transactions.rows.len(),
        Pane::Budgets => app.budgets.lines_len(),
        Pane::Alerts => app.alerts.alerts.len(),
    }
}

pub(super) fn cursor_of(app: &mut App, pane: Pane) -> &mut ListCursor {
    match pane {
        Pane::Accounts => &mut app.accounts.cursor,
        Pane::Transactions => &mut app.transactions.cursor,
        Pane::Budgets => &mut app.budgets.cursor,
        Pane::Alerts => &mut app.alerts.cursor,
    }
}

/// Moves the selection of the focused pane (or scrolls the open overlay) by `delta` rows.
pub(super) fn step(app: &mut App, delta: isize) -> Vec<Command> {
    if app.overlay.is_some() {
        if !lists::step(app, delta) {
            panes::scroll_overlay(app, delta);
        }
        return Vec::new();
    }
    step_pane(app, app.focus, delta)
}

pub(super) fn step_pane(app: &mut App, pane: Pane, delta: isize) -> Vec<Command> {
    let (len, rows) = (list_len(app, pane), layout::body_rows(app, pane));
    cursor_of(app, pane).move_by(delta, len, rows);
    if pane == Pane::Transactions {
        app.transactions.maybe_fetch().into_iter().collect()
    } else {
        Vec::new()
    }
}

fn change_month(app: &mut App, delta: i32) -> Vec<Command> {
    app.month = app.month.plus(delta);
    app.budgets.report = None;
    app.budgets.cursor.top();
    let mut commands = vec![Command::LoadBudgets(app.month)];
    commands.extend(panes::refresh_charts(app));
    commands.extend(txn::follow_month(app));
    commands
}
