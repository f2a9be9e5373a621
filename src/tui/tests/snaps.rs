//! Snapshots of the features beyond the first dashboard: each pane zoomed, search, the detail
//! popups, the picker, the note editor, the delete question, the charts, sync progress and a
//! narrow terminal. Saved through [`super::snap`] into `src/tui/snapshots/`.

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use super::snap;
use crate::domain::{Alert, AlertKind};
use crate::tui::action::{Action, Data, SyncEvent};
use crate::tui::app::{App, TxnFilter};
use crate::tui::update;

fn press(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::from(code)));
}

fn typed(app: &mut App, s: &str) {
    s.chars().for_each(|c| press(app, KeyCode::Char(c)));
}

fn with_charts(mut app: App) -> App {
    load(
        &mut app,
        Data::Spending {
            month: nov(),
            rows: spending(),
        },
    );
    load(
        &mut app,
        Data::Flows {
            last: nov(),
            rows: flows(),
        },
    );
    app
}

#[test]
fn snapshot_each_pane_zoomed() {
    for (key, name) in [
        ('1', "zoom_accounts"),
        ('2', "zoom_transactions"),
        ('3', "zoom_budgets_over_budget"),
        ('4', "zoom_alerts"),
    ] {
        let mut app = sample(100, 30);
        press(&mut app, KeyCode::Char(key));
        press(&mut app, KeyCode::Char('z'));
        snap(name, &app);
    }
}

#[test]
fn snapshot_search() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "coffee");
    let latest = app.transactions.search_gen;
    update(&mut app, Action::Timer(crate::tui::Timer::Search(latest)));
    let rows = transactions()
        .into_iter()
        .filter(|t| t.payee.to_lowercase().contains("coffee"))
        .collect();
    let filter = TxnFilter {
        search: Some("coffee".into()),
        ..TxnFilter::default()
    };
    load(
        &mut app,
        Data::Transactions {
            filter,
            after: None,
            rows,
        },
    );
    snap("search", &app);
}

#[test]
fn snapshot_transaction_detail() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    let raw = r#"{
  "transaction_id": "t120",
  "amount": 6.75,
  "merchant_name": "Blue Bottle Coffee",
  "pending": true
}"#;
    load(
        &mut app,
        Data::RawPayload {
            id: 120,
            raw: Some(raw.into()),
        },
    );
    snap("transaction_detail", &app);
}

#[test]
fn snapshot_category_picker() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "din");
    press(&mut app, KeyCode::Tab);
    snap("category_picker", &app);
}

#[test]
fn snapshot_note_editor_and_delete_question() {
    let mut app = sample(100, 30);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    typed(&mut app, "Coffee with Sam, split 50/50");
    snap("note_editor", &app);

    let mut app = sample(100, 30);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('d'));
    snap("delete_budget_question", &app);
}

#[test]
fn snapshot_alert_detail_with_explanation() {
    let mut app = sample(100, 30);
    let mut alerts = alerts();
    alerts.insert(
        0,
        Alert {
            id: 3,
            kind: AlertKind::UnusualSpend,
            key: "unusual_spend:txn:118".into(),
            message: "PG&E charged $112.40, 2.6× your usual $43.10 for Utilities (median of the \
                      last 6 months). Check the bill before it autopays."
                .into(),
            created: now() - Duration::hours(3),
            acknowledged: false,
        },
    );
    load(&mut app, Data::Alerts(alerts));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Enter);
    snap("alert_detail_unusual_spend", &app);
}

#[test]
fn snapshot_charts() {
    let mut app = with_charts(sample(120, 36));
    press(&mut app, KeyCode::Char('v'));
    snap("charts", &app);
    press(&mut app, KeyCode::Char('z'));
    snap("charts_zoomed", &app);
}

#[test]
fn snapshot_sync_progress_and_narrow_terminal() {
    let mut app = sample(120, 36);
    update(&mut app, Action::Sync(SyncEvent::PassStarted { total: 3 }));
    update(
        &mut app,
        Action::Sync(SyncEvent::Started {
            connection: "Chase".into(),
            index: 1,
            total: 3,
        }),
    );
    let screen = super::screen(&app);
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.contains("Syncing Chase 1/3…"), "{header}");

    let app = sample(60, 16);
    snap("narrow", &app);
}

#[test]
fn no_color_charts_tell_in_from_out_without_colour() {
    let mut app = with_charts(sample(120, 36));
    app.color = false;
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Char('z'));
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset)
    );
    let dim = buffer
        .content
        .iter()
        .filter(|c| c.symbol() == "█" && c.modifier.contains(ratatui::style::Modifier::DIM))
        .count();
    let plain = buffer
        .content
        .iter()
        .filter(|c| c.symbol() == "█" && c.modifier.is_empty())
        .count();
    assert!(dim > 0 && plain > 0, "out dim ({dim}), in plain ({plain})");
}

#[test]
fn snapshot_budgets_with_rollover() {
    let mut app = sample(100, 20);
    let mut r = report(nov());
    for (line, carried) in r.lines.iter_mut().zip([-4_218, 11_280, 0, 2_500, 0]) {
        line.rollover = usd(carried);
        line.remaining.amount += line.rollover.amount;
        r.total_remaining.amount += line.rollover.amount;
    }
    load(&mut app, Data::Budgets(r));
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('z'));
    let screen = super::screen(&app);
    assert!(screen.contains("Rollover"), "{screen}");
    snap("budgets_rollover", &app);
    // Without any carry the column is not shown.
    let app = sample(100, 20);
    assert!(!super::screen(&app).contains("Rollover"));
}

/// The "Alerts & bills" pane words due dates as `purse bills` and the bills overlay do.
#[test]
fn snapshot_upcoming_bills_worded_like_the_bills_list() {
    let mut app = sample(120, 36);
    let template = bills().remove(0);
    let due = |id, name: &str, d| crate::domain::Bill {
        id,
        name: name.into(),
        due: day(d),
        ..template.clone()
    };
    let bills = vec![
        due(1, "Gym", 18),
        due(2, "Phone", 21),
        due(3, "Water", 22),
        due(4, "Visa", 24),
    ];
    let words: Vec<String> = bills.iter().map(|b| b.when_due(today())).collect();
    load(&mut app, Data::Bills(bills));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('z'));
    let screen = super::screen(&app);
    for w in &words {
        assert!(screen.contains(w.as_str()), "{w} missing:\n{screen}");
    }
    assert!(!screen.contains("late"), "{screen}");
    snap("upcoming_bills_wording", &app);
}
