//! `update` without a terminal: the transaction detail popup, recategorising (with "always for
//! this payee"), notes, and deleting a budget. Alert details, zoom and charts: `views.rs`.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use crate::tui::action::{Action, Command, Data, Saved};
use crate::tui::app::{App, Overlay, Raw};
use crate::tui::update;

fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

fn typed(app: &mut App, s: &str) -> Vec<Command> {
    s.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

/// Transactions focused with the Blue Bottle Coffee row (id 120) selected.
fn on_coffee() -> App {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.transactions.selected().map(|t| t.id), Some(120));
    app
}

#[test]
fn enter_opens_the_detail_and_loads_the_raw_payload() {
    let mut app = on_coffee();
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Command::LoadRawPayload(120)]
    );
    let raw = |app: &App| match &app.overlay {
        Some(Overlay::Transaction(d)) => Some(d.raw.clone()),
        _ => None,
    };
    assert_eq!(raw(&app), Some(Raw::Loading));
    // Another transaction's payload (a stale answer) is not shown.
    load(
        &mut app,
        Data::RawPayload {
            id: 7,
            raw: Some("{}".into()),
        },
    );
    assert_eq!(raw(&app), Some(Raw::Loading));
    load(&mut app, Data::RawPayload { id: 120, raw: None });
    assert_eq!(raw(&app), Some(Raw::Missing));
    // j scrolls the popup, not the table; Esc closes it.
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.transactions.cursor.selected, 0);
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}

#[test]
fn c_recategorises_the_selected_transaction() {
    let mut app = on_coffee();
    assert!(press(&mut app, KeyCode::Char('c')).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Picker(_))));
    typed(&mut app, "coff");
    let commands = press(&mut app, KeyCode::Enter);
    assert_eq!(
        commands,
        vec![
            Command::SetCategory {
                id: 120,
                category: "Coffee".into()
            },
            Command::LoadBudgets(nov()),
        ]
    );
    assert!(app.overlay.is_none());
    assert_eq!(
        app.transactions.selected().map(|t| t.category.as_str()),
        Some("Coffee"),
        "shown at once"
    );
    // Choosing the category it already has does nothing.
    press(&mut app, KeyCode::Char('c'));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
}

#[test]
fn always_for_this_payee_creates_a_rule_after_setting_this_one() {
    let mut app = on_coffee();
    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "coffee");
    press(&mut app, KeyCode::Tab);
    let commands = press(&mut app, KeyCode::Enter);
    assert_eq!(
        commands,
        vec![
            Command::SetCategory {
                id: 120,
                category: "Coffee".into()
            },
            Command::AlwaysCategorize {
                payee: "Blue Bottle Coffee".into(),
                category: "Coffee".into()
            },
            Command::LoadBudgets(nov()),
        ]
    );
    update(
        &mut app,
        Action::Saved(Saved::Rule {
            payee: "Blue Bottle Coffee".into(),
            category: "Coffee".into(),
            changed: 4,
        }),
    );
    let notice = app.notice.clone().map(|n| n.text).unwrap_or_default();
    assert!(notice.contains("4 past transactions changed"), "{notice}");
}

#[test]
fn the_picker_filters_moves_and_cancels() {
    let mut app = on_coffee();
    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "zzz");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no picker")
    };
    assert!(p.choices(&app.categories).is_empty());
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "nothing to choose"
    );
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "dining");
    press(&mut app, KeyCode::Down); // Dining → Coffee (its child)
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no picker")
    };
    let chosen = p
        .chosen(&app.categories)
        .map(|c| format!("{c:?}"))
        .unwrap_or_default();
    assert!(chosen.contains("Coffee"), "{chosen}");
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(
        app.transactions.selected().map(|t| t.category.as_str()),
        Some("Dining")
    );
}

#[test]
fn n_edits_the_note_and_empty_removes_it() {
    let mut app = on_coffee();
    press(&mut app, KeyCode::Char('n'));
    typed(&mut app, "with Sam");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Command::SetNote {
            id: 120,
            note: Some("with Sam".into())
        }]
    );
    assert_eq!(
        app.transactions
            .selected()
            .and_then(|t| t.notes.clone())
            .as_deref(),
        Some("with Sam")
    );
    press(&mut app, KeyCode::Char('n'));
    for _ in 0.."with Sam".len() {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Command::SetNote {
            id: 120,
            note: None
        }]
    );
    // From the detail popup too.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.overlay, Some(Overlay::Note(_))));
}

#[test]
fn d_asks_then_deletes_the_budget_from_the_month_it_was_set() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('3'));
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    assert!(
        press(&mut app, KeyCode::Char('n')).is_empty(),
        "no deletes nothing"
    );
    assert!(app.overlay.is_none());
    press(&mut app, KeyCode::Char('d'));
    assert!(
        press(&mut app, KeyCode::Char('q')).is_empty(),
        "q does not quit a question"
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        vec![
            Command::DeleteBudget {
                category: "Dining".into(),
                from: nov()
            },
            Command::LoadBudgets(nov()),
        ]
    );
    // Elsewhere d does nothing.
    press(&mut app, KeyCode::Char('1'));
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
    assert!(app.overlay.is_none());
}
