//! Keys: which [`Action`] a key press means in the App's current context (an open input takes
//! typed text; an overlay takes its few keys; otherwise the rebindable [`Keymap`]). The short
//! list of keys that work right now for the status bar is in `keys/hints.rs`, the bindings table
//! in `keys/bindings.rs`, the `[keys]` syntax in `keys/parse.rs`, the map in `keys/keymap.rs`.

pub mod bindings;
mod hints;
pub mod keymap;
pub mod parse;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, EditorInput};
use super::app::{App, ListMode, Overlay, Pane};

pub use bindings::{BINDINGS, KeyAction};
pub use hints::hints;
pub use keymap::{Keymap, KeymapError};

/// Maps a key press to an action given what is on screen. `None`: the key does nothing here.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C')) {
        return Some(Action::Quit);
    }
    if app.editing() || app.searching() || app.overlay.as_ref().is_some_and(Overlay::takes_text) {
        return text_input(key).map(Action::Editor);
    }
    let bound = app.keymap.action(key);
    let asking = app
        .overlay
        .as_ref()
        .and_then(Overlay::list_mode)
        .is_some_and(|m| matches!(m, ListMode::Confirm { .. }));
    match &app.overlay {
        Some(Overlay::Confirm(_)) => yes_no(key),
        Some(_) if asking => yes_no(key),
        Some(overlay) => {
            if key.code == KeyCode::Esc {
                return Some(Action::CloseOverlay);
            }
            let list = overlay.list_mode().is_some();
            let bills = matches!(overlay, Overlay::Bills(_));
            let rules = matches!(overlay, Overlay::Rules(_));
            let action = match bound? {
                KeyAction::Add if list => Action::ListAdd,
                KeyAction::Delete if list => Action::ListDelete,
                KeyAction::Paid if bills => Action::MarkPaid,
                KeyAction::Apply | KeyAction::Select if rules => Action::ApplyRule,
                KeyAction::Bills if bills => Action::CloseOverlay,
                KeyAction::Rules if rules => Action::CloseOverlay,
                KeyAction::Quit => Action::Quit,
                KeyAction::Back | KeyAction::Help | KeyAction::Select => Action::CloseOverlay,
                KeyAction::Down => Action::Down,
                KeyAction::Up => Action::Up,
                KeyAction::PageDown => Action::PageDown,
                KeyAction::PageUp => Action::PageUp,
                KeyAction::Top => Action::Top,
                KeyAction::Bottom => Action::Bottom,
                KeyAction::Recategorize if matches!(overlay, Overlay::Transaction(_)) => {
                    Action::Recategorize
                }
                KeyAction::Note if matches!(overlay, Overlay::Transaction(_)) => Action::EditNote,
                KeyAction::Acknowledge if matches!(overlay, Overlay::Alert { .. }) => {
                    Action::Acknowledge
                }
                _ => return None,
            };
            Some(action)
        }
        None => bound.map(action_of),
    }
}

/// Keys for a yes/no question.
fn yes_no(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char('y' | 'Y') | KeyCode::Enter => Some(Action::Confirm(true)),
        KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
        _ => None,
    }
}

/// Keys for an open text input.
fn text_input(key: KeyEvent) -> Option<EditorInput> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Enter => EditorInput::Submit,
        KeyCode::Esc => EditorInput::Cancel,
        KeyCode::Backspace => EditorInput::Backspace,
        KeyCode::Up => EditorInput::Move(-1),
        KeyCode::Down => EditorInput::Move(1),
        KeyCode::Char('p') if ctrl => EditorInput::Move(-1),
        KeyCode::Char('n') if ctrl => EditorInput::Move(1),
        KeyCode::PageUp => EditorInput::Move(-10),
        KeyCode::PageDown => EditorInput::Move(10),
        KeyCode::Tab => EditorInput::Toggle,
        KeyCode::BackTab => EditorInput::Move(-1),
        KeyCode::Char(c) if !ctrl => EditorInput::Char(c),
        _ => return None,
    })
}

/// What a bound key does on the dashboard (pane-specific ones check the focus in `update`).
pub fn action_of(bound: KeyAction) -> Action {
    match bound {
        KeyAction::Quit => Action::Quit,
        KeyAction::Help => Action::ToggleHelp,
        KeyAction::NextPane => Action::FocusNext,
        KeyAction::PrevPane => Action::FocusPrev,
        KeyAction::Accounts => Action::Focus(Pane::Accounts),
        KeyAction::Transactions => Action::Focus(Pane::Transactions),
        KeyAction::Budgets => Action::Focus(Pane::Budgets),
        KeyAction::Alerts => Action::Focus(Pane::Alerts),
        KeyAction::Down => Action::Down,
        KeyAction::Up => Action::Up,
        KeyAction::PageDown => Action::PageDown,
        KeyAction::PageUp => Action::PageUp,
        KeyAction::Top => Action::Top,
        KeyAction::Bottom => Action::Bottom,
        KeyAction::PrevMonth => Action::PrevMonth,
        KeyAction::NextMonth => Action::NextMonth,
        KeyAction::Select => Action::Activate,
        KeyAction::Zoom => Action::Zoom,
        KeyAction::Back => Action::Back,
        KeyAction::Search => Action::Search,
        KeyAction::FilterCategory => Action::FilterCategory,
        KeyAction::FilterMonth => Action::FilterMonth,
        KeyAction::Recategorize => Action::Recategorize,
        KeyAction::Note => Action::EditNote,
        KeyAction::Edit => Action::EditBudget,
        KeyAction::Add => Action::AddBudget,
        KeyAction::Delete => Action::DeleteBudget,
        KeyAction::Charts => Action::ToggleCharts,
        KeyAction::Acknowledge => Action::Acknowledge,
        KeyAction::Bills => Action::OpenBills,
        KeyAction::Rules => Action::OpenRules,
        KeyAction::Paid => Action::MarkPaid,
        KeyAction::Apply => Action::ApplyRule,
        KeyAction::Sync => Action::SyncNow,
        KeyAction::Refresh => Action::Refresh,
    }
}
