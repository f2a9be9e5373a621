//! `update` without a terminal, and snapshots, of the rules overlay (`R`): the rules loaded when
//! opened, the add form with inline errors (unknown category, both patterns, a bad regular
//! expression, an empty range), deleting after y/n and applying a rule to past transactions; and
//! both list overlays drawn at any size.

use ratatui::crossterm::event::KeyCode;

use super::fixture::*;
use super::harness::*;
use super::lists::{form_error, press, typed, with_bills};
use super::snap;
use crate::domain::{NewRule, PayeePattern, Rule};
use crate::tui::action::{Action, Command, Data, Saved};
use crate::tui::app::{App, Overlay};
use crate::tui::update;

fn rules() -> Vec<Rule> {
    let rule = |id: i64, contains: &str, category: &str, priority: i64| Rule {
        id,
        category: category.into(),
        payee: PayeePattern::contains(contains).ok(),
        min: None,
        max: None,
        account: None,
        account_name: None,
        priority,
        created: now(),
    };
    vec![
        rule(2, "blue bottle", "Coffee", 10),
        Rule {
            min: Some(usd(50_000)),
            account: Some(1),
            account_name: Some("Everyday Checking".into()),
            ..rule(1, "parkside", "Rent", 0)
        },
    ]
}

fn with_rules() -> App {
    let mut app = sample(120, 36);
    assert_eq!(press(&mut app, KeyCode::Char('R')), [Command::LoadRules]);
    load(&mut app, Data::Rules(rules()));
    app
}

#[test]
fn rules_list_add_delete_and_apply() {
    let mut app = with_rules();
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "uber");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "^uber(");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Taxis");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let error = form_error(&app).unwrap_or_default();
    assert!(error.contains("No category “Taxis”"), "{error}");
    for _ in 0.."Taxis".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "rideshare");
    press(&mut app, KeyCode::Enter);
    let error = form_error(&app).unwrap_or_default();
    assert!(error.contains("not both"), "{error}");
    // The refusal focused the regex field; back to "contains" to leave the regex alone.
    assert_eq!(
        app.overlay
            .as_ref()
            .and_then(Overlay::form)
            .map(|f| f.focus),
        Some(1)
    );
    press(&mut app, KeyCode::BackTab);
    for _ in 0.."uber".len() {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    let error = form_error(&app).unwrap_or_default();
    assert!(error.contains("not a valid regular expression"), "{error}");
    typed(&mut app, " eats)?");
    let commands = press(&mut app, KeyCode::Enter);
    let rule = NewRule {
        category: "Rideshare".into(),
        payee_regex: Some("^uber( eats)?".into()),
        ..NewRule::default()
    };
    assert_eq!(commands, [Command::AddRule(rule), Command::LoadRules]);
    update(
        &mut app,
        Action::Saved(Saved::RuleAdded {
            id: 3,
            rule: "payee matches \"^uber( eats)?\" → Rideshare".into(),
        }),
    );
    let mut reloaded = rules();
    reloaded.insert(
        0,
        Rule {
            id: 3,
            category: "Rideshare".into(),
            payee: PayeePattern::regex("^uber( eats)?").ok(),
            ..rules()[0].clone()
        },
    );
    load(&mut app, Data::Rules(reloaded.clone()));
    let selected = |app: &App| match &app.overlay {
        Some(Overlay::Rules(r)) => r.selected_rule().map(|r| r.id),
        _ => None,
    };
    assert_eq!(selected(&app), Some(3), "the new rule is selected");
    load(&mut app, Data::Rules(rules()));
    assert_eq!(
        selected(&app),
        Some(2),
        "and once it is gone, the row in its place"
    );

    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Command::DeleteRule(1), Command::LoadRules]
    );
    press(&mut app, KeyCode::Char('k'));
    let applied = press(&mut app, KeyCode::Char('A'));
    assert_eq!(applied.first(), Some(&Command::ApplyRule(2)));
    assert!(
        applied.contains(&Command::LoadBudgets(nov())),
        "{applied:?}"
    );
    assert!(
        applied
            .iter()
            .any(|c| matches!(c, Command::LoadTransactions { .. })),
        "{applied:?}"
    );
    assert_eq!(
        press(&mut app, KeyCode::Enter).first(),
        Some(&Command::ApplyRule(2))
    );
    update(
        &mut app,
        Action::Saved(Saved::RuleApplied { id: 2, changed: 4 }),
    );
    let notice = app.notice.clone().map(|n| n.text).unwrap_or_default();
    assert_eq!(notice, "Rule 2 re-categorised 4 past transactions");
}

#[test]
fn snapshot_rules_overlay_and_form() {
    let mut app = with_rules();
    snap("rules_overlay", &app);
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "blue bottle");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Coffee");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "20");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    snap("rule_form_with_error", &app);
}

#[test]
fn the_overlays_and_forms_draw_at_any_size() {
    for (w, h) in [(1, 1), (20, 8), (60, 16), (61, 17), (90, 24), (200, 60)] {
        let mut app = with_bills();
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        draw(&app);
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Enter);
        draw(&app);
        let mut app = with_rules();
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        press(&mut app, KeyCode::Char('d'));
        draw(&app);
    }
}
