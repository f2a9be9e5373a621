//! Transactions' flows: the account, category and month filters, `/` search (applied once typing
//! pauses for [`SEARCH_DEBOUNCE`]; older answers are dropped), the detail popup, and opening the
//! category picker and the note editor (their input is in `input.rs`; saving in `choose` and
//! `save_note`).

use std::time::Duration;

use crate::tui::action::{Command, Timer};
use crate::tui::app::{
    App, CategoryPicker, Choice, NoteEditor, Overlay, Pane, PickerPurpose, Raw, TxnDetail,
    TxnFilter,
};
use crate::tui::text;

/// How long typing must pause before the search runs.
pub const SEARCH_DEBOUNCE: Duration = Duration::from_millis(20);

/// Reloads Transactions with `filter` (no request when nothing changed).
fn refilter(app: &mut App, filter: TxnFilter) -> Vec<Command> {
    if filter == app.transactions.filter {
        return Vec::new();
    }
    vec![app.transactions.reload(filter)]
}

pub(super) fn toggle_account_filter(app: &mut App) -> Vec<Command> {
    let Some(id) = app.accounts.selected().map(|a| a.id) else {
        return Vec::new();
    };
    let mut filter = app.transactions.filter.clone();
    filter.account_id = if filter.account_id == Some(id) {
        None
    } else {
        Some(id)
    };
    refilter(app, filter)
}

pub(super) fn toggle_month_filter(app: &mut App) -> Vec<Command> {
    app.focus = Pane::Transactions;
    let mut filter = app.transactions.filter.clone();
    if filter.since.is_some() || filter.until.is_some() {
        filter.since = None;
        filter.until = None;
    } else {
        filter.since = Some(app.month.first_day());
        filter.until = Some(app.month.last_day());
    }
    refilter(app, filter)
}

/// A month filter follows `[` / `]`.
pub(super) fn follow_month(app: &mut App) -> Vec<Command> {
    let mut filter = app.transactions.filter.clone();
    if filter.since.is_none() && filter.until.is_none() {
        return Vec::new();
    }
    filter.since = Some(app.month.first_day());
    filter.until = Some(app.month.last_day());
    refilter(app, filter)
}

pub(super) fn start_search(app: &mut App) -> Vec<Command> {
    app.focus = Pane::Transactions;
    app.transactions.search = Some(app.transactions.filter.search.clone().unwrap_or_default());
    Vec::new()
}

/// The search text changed: run it once typing pauses.
pub(super) fn search_edited(app: &mut App) -> Vec<Command> {
    app.transactions.search_gen += 1;
    vec![Command::Later {
        delay: SEARCH_DEBOUNCE,
        timer: Timer::Search(app.transactions.search_gen),
    }]
}

/// Runs the typed search now (Enter, or the pause after the latest edit).
pub(super) fn apply_search(app: &mut App) -> Vec<Command> {
    let Some(typed) = app.transactions.search.clone() else {
        return Vec::new();
    };
    let mut filter = app.transactions.filter.clone();
    filter.search = Some(typed.trim().to_string()).filter(|s| !s.is_empty());
    refilter(app, filter)
}

pub(super) fn timer(app: &mut App, timer: Timer) -> Vec<Command> {
    match timer {
        Timer::Search(generation) if generation == app.transactions.search_gen => apply_search(app),
        Timer::Search(_) => Vec::new(),
    }
}

pub(super) fn open_detail(app: &mut App) -> Vec<Command> {
    let Some(txn) = app.transactions.selected().cloned() else {
        return Vec::new();
    };
    let account = app.accounts.by_id(txn.account_id);
    let id = txn.id;
    app.overlay = Some(Overlay::Transaction(Box::new(TxnDetail {
        provider_account: account.map(|a| a.provider_account_id.clone()),
        connection: account.map(|a| a.connection.clone()),
        txn,
        raw: Raw::Loading,
        scroll: 0,
    })));
    vec![Command::LoadRawPayload(id)]
}

/// The transaction `c` and `n` act on: the one in the open detail popup, else the selected one.
fn target(app: &App) -> Option<crate::domain::Transaction> {
    match &app.overlay {
        Some(Overlay::Transaction(d)) => Some(d.txn.clone()),
        _ if app.focus == Pane::Transactions => app.transactions.selected().cloned(),
        _ => None,
    }
}

fn load_categories(app: &App) -> Vec<Command> {
    if app.categories.is_empty() {
        vec![Command::LoadCategories]
    } else {
        Vec::new()
    }
}

pub(super) fn open_recategorize(app: &mut App) -> Vec<Command> {
    let Some(txn) = target(app) else {
        return Vec::new();
    };
    let purpose = PickerPurpose::Recategorize {
        id: txn.id,
        payee: txn.payee.clone(),
        current: txn.category.clone(),
    };
    app.overlay = Some(Overlay::Picker(CategoryPicker::new(
        purpose,
        &app.categories,
    )));
    load_categories(app)
}

pub(super) fn open_filter_picker(app: &mut App) -> Vec<Command> {
    app.focus = Pane::Transactions;
    let purpose = PickerPurpose::Filter {
        current: app.transactions.filter.category.clone(),
    };
    app.overlay = Some(Overlay::Picker(CategoryPicker::new(
        purpose,
        &app.categories,
    )));
    load_categories(app)
}

pub(super) fn open_note(app: &mut App) -> Vec<Command> {
    let Some(txn) = target(app) else {
        return Vec::new();
    };
    app.overlay = Some(Overlay::Note(NoteEditor {
        id: txn.id,
        payee: txn.payee.clone(),
        input: txn.notes.clone().unwrap_or_default(),
    }));
    Vec::new()
}

/// Enter in the picker: recategorise (and maybe make a rule), or filter by the category.
pub(super) fn choose(app: &mut App, picker: CategoryPicker) -> Vec<Command> {
    let Some(choice) = picker.chosen(&app.categories) else {
        // Nothing matches what was typed: stay open.
        app.overlay = Some(Overlay::Picker(picker));
        return Vec::new();
    };
    let category = match choice {
        Choice::All => None,
        Choice::Category(c) => Some(c.name.clone()),
    };
    match (&picker.purpose, category) {
        (PickerPurpose::Filter { .. }, category) => {
            let mut filter = app.transactions.filter.clone();
            filter.category = category;
            refilter(app, filter)
        }
        (PickerPurpose::Recategorize { .. }, None) => Vec::new(),
        (PickerPurpose::Recategorize { id, current, .. }, Some(category)) => {
            let id = *id;
            let rule = picker.rule_payee().filter(|_| picker.always);
            if rule.is_none() && *current == category {
                return Vec::new();
            }
            // This one first (set by hand, so locked), then the rule for the payee's others.
            app.transactions
                .patch_id(id, |t| t.category.clone_from(&category));
            let mut commands = vec![Command::SetCategory {
                id,
                category: category.clone(),
            }];
            if let Some(payee) = rule {
                // As the rule matches: the payee or description contains it, ignoring case.
                let needle = payee.to_lowercase();
                app.transactions.patch(
                    |t| {
                        t.payee.to_lowercase().contains(&needle)
                            || t.description.to_lowercase().contains(&needle)
                    },
                    |t| t.category.clone_from(&category),
                );
                commands.push(Command::AlwaysCategorize {
                    payee: payee.to_string(),
                    category,
                });
            }
            commands.push(Command::LoadBudgets(app.month));
            commands.extend(super::panes::refresh_charts(app));
            commands
        }
    }
}

/// Enter in the note editor: saves the note (empty clears it).
pub(super) fn save_note(app: &mut App, editor: NoteEditor) -> Vec<Command> {
    let note = Some(editor.input.trim().to_string()).filter(|n| !n.is_empty());
    app.transactions
        .patch_id(editor.id, |t| t.notes.clone_from(&note));
    if note.is_none() {
        app.info(text::NOTE_CLEARED);
    }
    vec![Command::SetNote {
        id: editor.id,
        note,
    }]
}
