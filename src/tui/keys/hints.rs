//! The status bar's list of the keys that work right now, from the App's context and its
//! [`Keymap`](super::Keymap) (so rebinding shows there too).

use super::KeyAction;
use crate::tui::app::{App, EditStage, ListMode, Overlay, Pane};

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
        Some(overlay @ (Overlay::Bills(_) | Overlay::Rules(_))) => {
            return match overlay.list_mode() {
                Some(ListMode::Form(_)) => fixed(&[
                    ("type", "text"),
                    ("Tab ↓ ↑", "field"),
                    ("Enter", "save"),
                    ("Esc", "cancel"),
                ]),
                Some(ListMode::Confirm { .. }) => fixed(&[("y", "yes"), ("n Esc", "no")]),
                _ => {
                    let mut keys = vec![
                        (
                            format!("{}/{}", k(KeyAction::Down), k(KeyAction::Up)),
                            "move",
                        ),
                        (k(KeyAction::Add), "add"),
                        (k(KeyAction::Delete), "delete"),
                    ];
                    keys.push(match overlay {
                        Overlay::Bills(_) => (k(KeyAction::Paid), "mark paid"),
                        _ => (k(KeyAction::Apply), "apply to past"),
                    });
                    keys.push(("Esc".into(), "close"));
                    keys
                }
            };
        }
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
            (k(KeyAction::Rules), "rules"),
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
            (k(KeyAction::Bills), "bills"),
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
