//! Keys for whichever text input is open: the budget editor, the search line, the category
//! picker, the note editor or a bills/rules add form (`update/forms.rs`).

use crate::tui::action::{Command, EditorInput};
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::text;

use super::{step_pane, txn};

/// Most characters a note takes.
pub const NOTE_MAX_CHARS: usize = 200;

pub(super) fn editor(app: &mut App, input: EditorInput) -> Vec<Command> {
    if app.budgets.editor.is_some() {
        return budget(app, input);
    }
    if app.transactions.search.is_some() {
        return search(app, input);
    }
    if let Some(commands) = super::forms::editor(app, input) {
        return commands;
    }
    match app.overlay.take() {
        Some(Overlay::Picker(picker)) => picker_key(app, picker, input),
        Some(Overlay::Note(editor)) => note(app, editor, input),
        other => {
            app.overlay = other;
            Vec::new()
        }
    }
}

fn budget(app: &mut App, input: EditorInput) -> Vec<Command> {
    match input {
        EditorInput::Char(c) => app.budgets.type_char(c),
        EditorInput::Backspace => app.budgets.backspace(),
        EditorInput::Cancel => app.budgets.cancel(),
        EditorInput::Submit => {
            return app
                .budgets
                .submit(app.month, app.currency, app.decimal_mark);
        }
        EditorInput::Move(_) | EditorInput::Toggle => {}
    }
    Vec::new()
}

fn search(app: &mut App, input: EditorInput) -> Vec<Command> {
    let Some(typed) = app.transactions.search.as_mut() else {
        return Vec::new();
    };
    match input {
        EditorInput::Char(c) => {
            if typed.chars().count() < text::EDITOR_MAX_CHARS {
                typed.push(c);
            }
            txn::search_edited(app)
        }
        EditorInput::Backspace => {
            typed.pop();
            txn::search_edited(app)
        }
        EditorInput::Submit => {
            let commands = txn::apply_search(app);
            app.transactions.search = None;
            commands
        }
        EditorInput::Cancel => {
            typed.clear();
            let commands = txn::apply_search(app);
            app.transactions.search = None;
            commands
        }
        EditorInput::Move(delta) => step_pane(app, Pane::Transactions, delta),
        EditorInput::Toggle => Vec::new(),
    }
}

fn picker_key(
    app: &mut App,
    mut picker: crate::tui::app::CategoryPicker,
    input: EditorInput,
) -> Vec<Command> {
    match input {
        EditorInput::Char(c) => picker.type_char(c, &app.categories),
        EditorInput::Backspace => picker.backspace(&app.categories),
        EditorInput::Move(delta) => picker.move_by(delta, &app.categories),
        EditorInput::Toggle => picker.always = !picker.always && picker.rule_payee().is_some(),
        EditorInput::Cancel => return Vec::new(),
        EditorInput::Submit => return txn::choose(app, picker),
    }
    app.overlay = Some(Overlay::Picker(picker));
    Vec::new()
}

fn note(
    app: &mut App,
    mut editor: crate::tui::app::NoteEditor,
    input: EditorInput,
) -> Vec<Command> {
    match input {
        EditorInput::Char(c) => {
            if editor.input.chars().count() < NOTE_MAX_CHARS {
                editor.input.push(c);
            }
        }
        EditorInput::Backspace => {
            editor.input.pop();
        }
        EditorInput::Cancel => return Vec::new(),
        EditorInput::Submit => return txn::save_note(app, editor),
        EditorInput::Move(_) | EditorInput::Toggle => {}
    }
    app.overlay = Some(Overlay::Note(editor));
    Vec::new()
}
