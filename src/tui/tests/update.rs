//! `update` without a terminal: keys, panes, selection, months, the budget editor, filters.
//! Paging and sync are in `paging.rs`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::fixture::*;
use super::harness::*;
use crate::tui::action::{Action, Command, Data};
use crate::tui::app::{App, Pane};
use crate::tui::update;

fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

fn typed(app: &mut App, s: &str) -> Vec<Command> {
    s.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

#[test]
fn tab_backtab_and_numbers_switch_panes() {
    let mut app = sample(120, 36);
    assert_eq!(app.focus, Pane::Accounts);
    let order: Vec<Pane> = (0..4)
        .map(|_| {
            press(&mut app, KeyCode::Tab);
            app.focus
        })
        .collect();
    assert_eq!(
        order,
        [
            Pane::Transactions,
            Pane::Budgets,
            Pane::Alerts,
            Pane::Accounts
        ]
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Alerts);
    for (c, pane) in [
        ('2', Pane::Transactions),
        ('3', Pane::Budgets),
        ('1', Pane::Accounts),
        ('4', Pane::Alerts),
    ] {
        assert!(press(&mut app, KeyCode::Char(c)).is_empty());
        assert_eq!(app.focus, pane);
    }
}

#[test]
fn selection_moves_and_clamps_in_the_focused_pane() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.accounts.cursor.selected, 2);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.accounts.cursor.selected, 2,
        "clamped at the last account"
    );
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        app.accounts.selected().map(|a| a.name.as_str()),
        Some("Rainy Day Savings")
    );
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.budgets.cursor.selected, 4);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.budgets.cursor.selected, 3);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.budgets.cursor.selected, 0);
    assert_eq!(
        app.accounts.cursor.selected, 1,
        "other panes keep their selection"
    );
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(
        app.transactions.cursor.selected, 19,
        "20 rows: PageDown stops at the last"
    );
    load_transactions(&mut app, many_transactions(1_000, 50));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::PageDown);
    let page = crate::tui::layout::body_rows(&app, Pane::Transactions);
    assert!(page > 10, "{page}");
    assert_eq!(app.transactions.cursor.selected, page);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.transactions.cursor.selected, 0);
}

#[test]
fn month_keys_change_month_and_load_budgets() {
    let mut app = sample(120, 36);
    let dec = nov().next();
    assert_eq!(
        press(&mut app, KeyCode::Char(']')),
        vec![Command::LoadBudgets(dec)]
    );
    assert_eq!(app.month, dec);
    assert!(
        app.budgets.report.is_none(),
        "November's report is not shown as December's"
    );
    // A late answer for November is ignored.
    load(&mut app, Data::Budgets(report(nov())));
    assert!(app.budgets.report.is_none());
    let oct = nov().prev();
    press(&mut app, KeyCode::Char('['));
    assert_eq!(
        press(&mut app, KeyCode::Char('[')),
        vec![Command::LoadBudgets(oct)]
    );
    assert_eq!(app.month, oct);
}

#[test]
fn editing_a_budget_emits_set_budget_then_reload() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Enter);
    let ed = app.budgets.editor.as_ref().map(|e| e.input.clone());
    assert_eq!(
        ed.as_deref(),
        Some("300.00"),
        "pre-filled with the current budget"
    );
    // Typing replaces the pre-filled value.
    assert!(typed(&mut app, "352.5").is_empty());
    let commands = press(&mut app, KeyCode::Enter);
    assert_eq!(
        commands,
        vec![
            Command::SetBudget {
                category: "Dining".into(),
                month: nov(),
                amount: usd(35_250)
            },
            Command::LoadBudgets(nov()),
        ]
    );
    assert!(app.budgets.editor.is_none());
}

#[test]
fn an_invalid_amount_shows_an_error_and_changes_nothing() {
    let mut app = sample(120, 36);
    let before = app.budgets.report.clone();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('e'));
    typed(&mut app, "12.3.4");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let error = app
        .budgets
        .editor
        .as_ref()
        .and_then(|e| e.error.clone())
        .unwrap_or_default();
    assert!(
        error.contains("\"12.3.4\""),
        "the error quotes the bad value: {error}"
    );
    assert_eq!(app.budgets.report, before);
    // Negative budgets are refused too.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    typed(&mut app, "-5");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(
        app.budgets
            .editor
            .as_ref()
            .is_some_and(|e| e.error.is_some())
    );
}

#[test]
fn escape_cancels_the_editor() {
    let mut app = sample(120, 36);
    let before = app.budgets.report.clone();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('e'));
    typed(&mut app, "999");
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(app.budgets.editor.is_none());
    assert_eq!(app.budgets.report, before);
    assert_eq!(
        press(&mut app, KeyCode::Char('q')),
        vec![Command::Quit],
        "keys are back to normal"
    );
}

#[test]
fn adding_a_budget_asks_category_then_amount() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('a'));
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "an empty category is refused"
    );
    assert!(
        app.budgets
            .editor
            .as_ref()
            .is_some_and(|e| e.error.is_some())
    );
    typed(&mut app, "Health");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    typed(&mut app, "75");
    let commands = press(&mut app, KeyCode::Enter);
    assert_eq!(
        commands[0],
        Command::SetBudget {
            category: "Health".into(),
            month: nov(),
            amount: usd(7_500)
        }
    );
}

#[test]
fn q_quits_but_types_inside_the_editor() {
    let mut app = sample(120, 36);
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Command::Quit]);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('a'));
    assert!(typed(&mut app, "q?1[").is_empty());
    assert_eq!(
        app.budgets.editor.as_ref().map(|e| e.input.as_str()),
        Some("q?1[")
    );
    assert_eq!(app.focus, Pane::Budgets);
    assert!(app.overlay.is_none());
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(update(&mut app, Action::Key(ctrl_c)), vec![Command::Quit]);
}

#[test]
fn help_toggles_and_escape_closes_it() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.overlay.is_some());
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.accounts.cursor.selected, 0,
        "keys under the overlay do nothing"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('?'));
    assert!(app.overlay.is_none());
}
