//! Keys: which [`Action`] a key press means in the App's current context (an open input takes
//! typed text; an overlay takes its few keys; otherwise the rebindable [`Keymap`]), and the short
//! list of keys that work right now for the status bar. The bindings table is in
//! `keys/bindings.rs`, the `[keys]` syntax in `keys/parse.rs`, the map in `keys/keymap.rs`.

pub mod bindings;
pub mod keymap;
pub mod parse;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, EditorInput};
use super::app::{App, EditStage, Overlay, Pane};

pub use bindings::{BINDINGS, KeyAction};
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
    match &app.overlay {
        Some(Overlay::Confirm(_)) => match key.code {
            KeyCode::Char('y' | 'Y') | KeyCode::Enter => Some(Action::Confirm(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
            _ => None,
        },
        Some(overlay) => {
            if key.code == KeyCode::Esc {
                return Some(Action::CloseOverlay);
            }
            let action = match bound? {
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
        KeyAction::Sync => Action::SyncNow,
        KeyAction::Refresh => Action::Refresh,
    }
}

/// The keys that work right now, for the status bar: (key, what).
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    let fixed = |pairs: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
        pairs.iter().map(|(k, w)| (k.to_string(), *w)).collect()
    };
    if let Some(ed) = &app.budgets.editor {
        let typing = match ed.stage {
            EditStage::Category => ("type", "category name"),
            EditStage::Amount { .. } => ("0-9 .", "amount"),
        };
        return fixed(&[
            typing,
            ("Bksp", "delete"),
            ("Enter", "ok"),
            ("Esc", "cancel"),
        ]);
    }
    if app.searching() {
        return fixed(&[
            ("type", "search"),
            ("↓ ↑", "move"),
            ("Enter", "keep"),
            ("Esc", "clear"),
        ]);
    }
    let k = |a: KeyAction| app.keymap.short(a);
    match &app.overlay {
        Some(Overlay::Picker(p)) => {
            let mut keys = fixed(&[("type", "filter"), ("↓ ↑", "move"), ("Enter", "choose")]);
            if p.rule_payee().is_some() {
                keys.push(("Tab".into(), "always for this payee"));
            }
            keys.push(("Esc".into(), "cancel"));
            return keys;
        }
        Some(Overlay::Note(_)) => {
            return fixed(&[("type", "note"), ("Enter", "save"), ("Esc", "cancel")]);
        }
        Some(Overlay::Confirm(_)) => return fixed(&[("y", "yes"), ("n Esc", "no")]),
        Some(Overlay::Transaction(_)) => {
            return vec![
                (k(KeyAction::Down), "scroll"),
                (k(KeyAction::Recategorize), "category"),
                (k(KeyAction::Note), "note"),
                ("Esc".into(), "close"),
            ];
        }
        Some(Overlay::Alert { .. }) => {
            return vec![
                (k(KeyAction::Acknowledge), "mark read"),
                ("Esc".into(), "close"),
            ];
        }
        Some(Overlay::Help { .. }) => {
            return vec![
                (k(KeyAction::Down), "scroll"),
                ("Esc".into(), "close help"),
                (k(KeyAction::Quit), "quit"),
            ];
        }
        None => {}
    }
    let mut keys = vec![
        (k(KeyAction::NextPane), "pane"),
        (
            format!("{}/{}", k(KeyAction::Down), k(KeyAction::Up)),
            "move",
        ),
    ];
    let filtered = app.transactions.filter != Default::default();
    match app.focus {
        Pane::Accounts if app.transactions.filter.account_id.is_some() => {
            keys.push((k(KeyAction::Select), "toggle filter"));
        }
        Pane::Accounts => keys.push((k(KeyAction::Select), "filter")),
        Pane::Transactions => keys.extend([
            (k(KeyAction::Search), "search"),
            (k(KeyAction::Select), "details"),
            (k(KeyAction::Recategorize), "category"),
            (k(KeyAction::Note), "note"),
            (k(KeyAction::FilterCategory), "by category"),
            (k(KeyAction::FilterMonth), "by month"),
        ]),
        Pane::Budgets => keys.extend([
            (k(KeyAction::Edit), "edit"),
            (k(KeyAction::Add), "add"),
            (k(KeyAction::Delete), "delete"),
            (k(KeyAction::Charts), "charts"),
        ]),
        Pane::Alerts => keys.extend([
            (k(KeyAction::Select), "details"),
            (k(KeyAction::Acknowledge), "mark read"),
        ]),
    }
    if filtered {
        keys.push((k(KeyAction::Back), "clear filters"));
    }
    keys.extend([
        (
            k(KeyAction::Zoom),
            if app.zoomed { "unzoom" } else { "zoom" },
        ),
        (
            k(KeyAction::PrevMonth) + " " + &k(KeyAction::NextMonth),
            "month",
        ),
        (k(KeyAction::Sync), "sync"),
        (k(KeyAction::Help), "help"),
        (k(KeyAction::Quit), "quit"),
    ]);
    // An action rebound away to nothing has no key to show.
    keys.retain(|(key, _)| key != "—");
    keys
}
