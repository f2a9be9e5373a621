//! Issue 12, defect 1, in the dashboard: the budget editor and the bills and rules forms read
//! amounts with the one typed-amount parser and the `[input] decimal_separator` setting — an
//! ambiguous or too precise amount is refused in place, quoting the value, and nothing is sent.

use ratatui::crossterm::event::KeyCode;

use super::fixture::*;
use super::harness::sample;
use super::lists::{form_error, press, typed, with_bills};
use crate::domain::{DecimalMark, NewRule};
use crate::tui::action::{Action, Command, Data};
use crate::tui::app::App;
use crate::tui::update;

fn editor_error(app: &App) -> String {
    app.budgets
        .editor
        .as_ref()
        .and_then(|e| e.error.clone())
        .unwrap_or_default()
}

/// Budgets pane, the Dining line's editor open, its pre-filled value replaced by `amount`.
fn edit_dining(app: &mut App, amount: &str) -> Vec<Command> {
    press(app, KeyCode::Char('3'));
    press(app, KeyCode::Char('e'));
    typed(app, amount);
    press(app, KeyCode::Enter)
}

#[test]
fn the_budget_editor_refuses_ambiguous_and_too_precise_amounts() {
    let mut app = sample(120, 36);
    let before = app.budgets.report.clone();
    assert!(edit_dining(&mut app, "1,50").is_empty(), "nothing sent");
    assert_eq!(
        editor_error(&app),
        "\"1,50\" is ambiguous: write 1.50 (decimal point) — or set [input] decimal_separator = \",\""
    );
    press(&mut app, KeyCode::Esc);
    assert!(edit_dining(&mut app, "12.345").is_empty(), "never rounded");
    assert_eq!(
        editor_error(&app),
        "\"12.345\" has 3 decimal places, but USD allows 2 (or write 12,345 for the whole number)"
    );
    assert_eq!(app.budgets.report, before);
    press(&mut app, KeyCode::Esc);
    let commands = edit_dining(&mut app, "1,234.5");
    assert!(
        matches!(&commands[0], Command::SetBudget { amount, .. } if *amount == usd(123_450)),
        "{commands:?}"
    );
}

#[test]
fn with_a_decimal_comma_the_editor_pre_fills_and_reads_1_50() {
    let mut app = sample(120, 36);
    app.decimal_mark = DecimalMark::Comma;
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('e'));
    let input = app.budgets.editor.as_ref().map(|e| e.input.clone());
    assert_eq!(
        input.as_deref(),
        Some("300,00"),
        "pre-filled in the user's form"
    );
    let commands = press(&mut app, KeyCode::Enter);
    assert!(
        matches!(&commands[0], Command::SetBudget { amount, .. } if *amount == usd(30_000)),
        "Enter on the pre-filled value keeps it: {commands:?}"
    );
    let commands = edit_dining(&mut app, "1,50");
    assert!(
        matches!(&commands[0], Command::SetBudget { amount, .. } if *amount == usd(150)),
        "{commands:?}"
    );
    assert!(edit_dining(&mut app, "1.50").is_empty());
    assert!(
        editor_error(&app).starts_with("\"1.50\" is ambiguous: write 1,50 (decimal comma)"),
        "{}",
        editor_error(&app)
    );
}

#[test]
fn the_bill_form_shows_the_parser_s_reason() {
    let mut app = with_bills();
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "Gym");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "1.000,00");
    assert!(press(&mut app, KeyCode::Enter).is_empty(), "nothing stored");
    assert_eq!(
        form_error(&app).as_deref(),
        Some(
            "\"1.000,00\" is ambiguous: write 1,000.00 (decimal point) — or set [input] \
             decimal_separator = \",\""
        )
    );
    for _ in 0.."1.000,00".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "10.555");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let error = form_error(&app).unwrap_or_default();
    assert!(error.contains("USD allows 2"), "{error}");
}

#[test]
fn the_rule_form_reads_min_with_the_user_s_mark() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('R'));
    update(&mut app, Action::Loaded(Data::Rules(Vec::new())));
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "cafe");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Dining");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "2,50");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let error = form_error(&app).unwrap_or_default();
    assert!(
        error.starts_with("\"2,50\" is ambiguous: write 2.50"),
        "{error}"
    );

    app.decimal_mark = DecimalMark::Comma;
    let commands = press(&mut app, KeyCode::Enter);
    let rule = NewRule {
        category: "Dining".into(),
        payee_contains: Some("cafe".into()),
        min: Some(usd(250)),
        ..NewRule::default()
    };
    assert_eq!(commands, [Command::AddRule(rule), Command::LoadRules]);
}
