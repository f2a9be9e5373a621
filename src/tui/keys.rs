//! The key map: which [`Action`] a key press means in the App's current context, the full list the
//! help overlay shows, and the short list of keys that work right now for the status bar.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, EditorInput};
use super::app::{App, EditStage, Overlay, Pane};

/// Every key, as the help overlay lists them: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("Tab / Shift-Tab", "next / previous pane"),
    ("1 2 3 4", "Accounts, Transactions, Budgets, Alerts & bills"),
    ("j k  ↓ ↑", "move the selection"),
    ("PgDn PgUp", "move a page"),
    ("g G  Home End", "first / last row"),
    ("[ ]", "previous / next month"),
    (
        "Enter",
        "Accounts: show only this account's transactions (again: all)",
    ),
    ("Enter", "Alerts: mark the selected alert read"),
    ("Esc", "close the help or editor; clear the account filter"),
    ("e  or Enter", "Budgets: edit the selected budget"),
    ("a", "Budgets: add a budget (category, then amount)"),
    ("s", "sync now"),
    ("r", "reload from the database"),
    ("?", "toggle this help"),
    ("q  Ctrl-C", "quit"),
];

/// Maps a key press to an action given what is on screen. `None`: the key does nothing here.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C')) {
        return Some(Action::Quit);
    }
    if app.editing() {
        return match key.code {
            KeyCode::Enter => Some(Action::Editor(EditorInput::Submit)),
            KeyCode::Esc => Some(Action::Editor(EditorInput::Cancel)),
            KeyCode::Backspace => Some(Action::Editor(EditorInput::Backspace)),
            KeyCode::Char(c) if !ctrl => Some(Action::Editor(EditorInput::Char(c))),
            _ => None,
        };
    }
    if app.overlay == Some(Overlay::Help) {
        return match key.code {
            KeyCode::Esc | KeyCode::Char('?') => Some(Action::CloseOverlay),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        };
    }
    let action = match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Char(c @ '1'..='4') => Action::Focus(Pane::from_number(c.to_digit(10)?)?),
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Char('[') => Action::PrevMonth,
        KeyCode::Char(']') => Action::NextMonth,
        KeyCode::Enter => Action::Activate,
        KeyCode::Char('e') if app.focus == Pane::Budgets => Action::EditBudget,
        KeyCode::Char('a') if app.focus == Pane::Budgets => Action::AddBudget,
        KeyCode::Esc if app.transactions.filter.account_id.is_some() => Action::ClearFilter,
        KeyCode::Char('s') => Action::SyncNow,
        KeyCode::Char('r') => Action::Refresh,
        _ => return None,
    };
    Some(action)
}

/// The keys that work right now, for the status bar: (key, what).
pub fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    if let Some(ed) = &app.budgets.editor {
        let typing = match ed.stage {
            EditStage::Category => ("type", "category name"),
            EditStage::Amount { .. } => ("0-9 .", "amount"),
        };
        return vec![
            typing,
            ("Bksp", "delete"),
            ("Enter", "ok"),
            ("Esc", "cancel"),
        ];
    }
    if app.overlay.is_some() {
        return vec![("Esc", "close help"), ("q", "quit")];
    }
    let mut keys = vec![("Tab", "pane"), ("j/k", "move")];
    match app.focus {
        Pane::Accounts if app.transactions.filter.account_id.is_some() => {
            keys.push(("Enter", "toggle filter"));
        }
        Pane::Accounts => keys.push(("Enter", "filter")),
        Pane::Budgets => keys.extend([("e", "edit"), ("a", "add")]),
        Pane::Alerts => keys.push(("Enter", "mark read")),
        Pane::Transactions => keys.push(("g/G", "top/end")),
    }
    if app.transactions.filter.account_id.is_some() {
        keys.push(("Esc", "all accounts"));
    }
    keys.extend([
        ("[ ]", "month"),
        ("s", "sync"),
        ("?", "help"),
        ("q", "quit"),
    ]);
    keys
}
