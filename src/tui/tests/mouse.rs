//! `update` without a terminal: mouse clicks and the wheel, and rebound keys.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::harness::*;
use crate::tui::action::{Action, Command};
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::keys::Keymap;
use crate::tui::update;

fn mouse(app: &mut App, kind: MouseEventKind, (column, row): (u16, u16)) -> Vec<Command> {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    update(app, Action::Mouse(event))
}

fn click(app: &mut App, at: (u16, u16)) -> Vec<Command> {
    mouse(app, MouseEventKind::Down(MouseButton::Left), at)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

#[test]
fn a_click_focuses_the_pane_and_selects_the_row() {
    let mut app = sample(120, 36);
    let at = find(&app, "Groceries ");
    click(&mut app, at);
    assert_eq!(app.focus, Pane::Budgets);
    assert_eq!(app.budgets.cursor.selected, 1);

    let at = find(&app, "Chipotle");
    click(&mut app, at);
    assert_eq!(app.focus, Pane::Transactions);
    assert_eq!(
        app.transactions.selected().map(|t| t.payee.as_str()),
        Some("Chipotle")
    );

    let at = find(&app, "Low balance");
    click(&mut app, at);
    assert_eq!(app.focus, Pane::Alerts);
    assert_eq!(app.alerts.cursor.selected, 1);

    let at = find(&app, "Visa Signature  ");
    click(&mut app, at);
    assert_eq!(app.focus, Pane::Accounts);
    assert_eq!(
        app.accounts.selected().map(|a| a.name.as_str()),
        Some("Visa Signature")
    );
    // A kind heading is not an account: the selection stays.
    let at = find(&app, "Savings ");
    click(&mut app, at);
    assert_eq!(
        app.accounts.selected().map(|a| a.name.as_str()),
        Some("Visa Signature")
    );
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = sample(120, 36);
    let at = find(&app, "Trader Joe's");
    mouse(&mut app, MouseEventKind::ScrollDown, at);
    assert_eq!(app.focus, Pane::Transactions);
    assert_eq!(app.transactions.cursor.selected, 3);
    mouse(&mut app, MouseEventKind::ScrollUp, at);
    mouse(&mut app, MouseEventKind::ScrollUp, at);
    assert_eq!(app.transactions.cursor.selected, 0);
    // Outside every pane (the header) nothing happens.
    click(&mut app, (1, 0));
    assert_eq!(app.focus, Pane::Transactions);
}

#[test]
fn the_wheel_scrolls_an_open_overlay_and_clicks_leave_it_alone() {
    let mut app = sample(120, 20);
    press(&mut app, KeyCode::Char('?'));
    mouse(&mut app, MouseEventKind::ScrollDown, (60, 10));
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 3 }));
    click(&mut app, (2, 3));
    assert_eq!(app.focus, Pane::Accounts);
    assert!(app.overlay.is_some());
}

#[test]
fn the_mouse_does_nothing_while_typing() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('/'));
    let at = find(&app, "Groceries ");
    assert!(click(&mut app, at).is_empty());
    assert_eq!(app.focus, Pane::Transactions);
}

#[test]
fn rebound_keys_act_and_show_in_help_and_hints() {
    let mut app = sample(120, 36);
    let overrides = BTreeMap::from([
        ("quit".to_string(), "ctrl-q".to_string()),
        ("search".to_string(), "s".to_string()),
    ]);
    app.keymap = Keymap::from_config(&overrides).unwrap_or_default();
    assert!(
        press(&mut app, KeyCode::Char('q')).is_empty(),
        "q is free now"
    );
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(update(&mut app, Action::Key(ctrl_q)), vec![Command::Quit]);
    press(&mut app, KeyCode::Char('s'));
    assert!(app.searching(), "s searches instead of syncing");
    press(&mut app, KeyCode::Esc);
    let hints = super::screen(&app);
    assert!(hints.contains("Ctrl-q quit"), "{hints}");
    press(&mut app, KeyCode::Char('?'));
    let help = super::screen(&app);
    let sync_line = help
        .lines()
        .find(|l| l.contains("sync now"))
        .unwrap_or_default();
    assert!(sync_line.contains('—'), "sync lost its key: {sync_line}");
}
