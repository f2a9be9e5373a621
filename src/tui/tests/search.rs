//! `update` without a terminal: `/` search (debounced, stale timers and pages ignored), the
//! category, month and account filters, and Esc clearing them.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use crate::tui::action::{Action, Command, Data, Timer};
use crate::tui::app::transactions::PAGE_SIZE;
use crate::tui::app::{App, Overlay, Pane, TxnFilter};
use crate::tui::update;
use crate::tui::update::SEARCH_DEBOUNCE;

fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

fn typed(app: &mut App, s: &str) -> Vec<Command> {
    s.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

fn load_for(filter: &TxnFilter) -> Command {
    Command::LoadTransactions {
        filter: filter.clone(),
        after: None,
        limit: PAGE_SIZE,
    }
}

fn searching(text: &str) -> TxnFilter {
    TxnFilter {
        search: Some(text.into()),
        ..TxnFilter::default()
    }
}

#[test]
fn typing_a_search_waits_for_a_pause_and_only_the_latest_runs() {
    let mut app = sample(120, 36);
    assert!(press(&mut app, KeyCode::Char('/')).is_empty());
    assert_eq!(
        app.focus,
        Pane::Transactions,
        "search jumps to Transactions"
    );
    let timers = typed(&mut app, "cof");
    assert_eq!(
        timers,
        (1..=3)
            .map(|g| Command::Later {
                delay: SEARCH_DEBOUNCE,
                timer: Timer::Search(g)
            })
            .collect::<Vec<_>>(),
        "no query while typing, one timer per key"
    );
    // Earlier pauses are stale; the latest runs the query.
    assert!(update(&mut app, Action::Timer(Timer::Search(1))).is_empty());
    assert!(update(&mut app, Action::Timer(Timer::Search(2))).is_empty());
    assert_eq!(
        update(&mut app, Action::Timer(Timer::Search(3))),
        vec![load_for(&searching("cof"))]
    );
    assert!(
        app.transactions.rows.is_empty(),
        "old rows are not shown as results"
    );
    // A late page for no search is ignored; the search's own page is taken.
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after: None,
            rows: transactions(),
        },
    );
    assert!(app.transactions.rows.is_empty());
    let hits: Vec<_> = transactions()
        .into_iter()
        .filter(|t| t.payee.contains("Coffee"))
        .collect();
    load(
        &mut app,
        Data::Transactions {
            filter: searching("cof"),
            after: None,
            rows: hits.clone(),
        },
    );
    assert_eq!(app.transactions.rows, hits);
}

#[test]
fn enter_keeps_the_search_and_escape_clears_it() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "uber");
    // Enter runs it at once (no need to wait for the timer) and leaves the search line.
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![load_for(&searching("uber"))]
    );
    assert!(app.transactions.search.is_none());
    let latest = app.transactions.search_gen;
    assert_eq!(
        update(&mut app, Action::Timer(Timer::Search(latest))),
        Vec::<Command>::new(),
        "the pending timer finds nothing left to do"
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('q')),
        vec![Command::Quit],
        "keys are back"
    );
    // `/` again edits the same text; Esc clears it and reloads everything.
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.transactions.search.as_deref(), Some("uber"));
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        vec![load_for(&TxnFilter::default())]
    );
    assert!(app.transactions.search.is_none());
}

#[test]
fn arrows_move_the_selection_while_typing_a_search() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.transactions.cursor.selected, 2);
    typed(&mut app, "j");
    assert_eq!(
        app.transactions.search.as_deref(),
        Some("j"),
        "letters are text"
    );
    assert_eq!(app.transactions.cursor.selected, 2);
}

#[test]
fn month_filter_follows_the_month_keys() {
    let mut app = sample(120, 36);
    let nov_only = TxnFilter {
        since: Some(nov().first_day()),
        until: Some(nov().last_day()),
        ..TxnFilter::default()
    };
    assert_eq!(
        press(&mut app, KeyCode::Char('m')),
        vec![load_for(&nov_only)]
    );
    let oct = nov().prev();
    let oct_only = TxnFilter {
        since: Some(oct.first_day()),
        until: Some(oct.last_day()),
        ..TxnFilter::default()
    };
    assert_eq!(
        press(&mut app, KeyCode::Char('[')),
        vec![Command::LoadBudgets(oct), load_for(&oct_only)]
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('m')),
        vec![load_for(&TxnFilter::default())]
    );
    assert_eq!(
        press(&mut app, KeyCode::Char(']')),
        vec![Command::LoadBudgets(nov())],
        "no month filter: Transactions stay"
    );
}

#[test]
fn category_filter_uses_the_picker_and_filters_combine() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter); // only Rainy Day Savings
    assert_eq!(press(&mut app, KeyCode::Char('f')), Vec::<Command>::new());
    assert!(matches!(app.overlay, Some(Overlay::Picker(_))));
    typed(&mut app, "groc");
    let combined = TxnFilter {
        account_id: Some(2),
        category: Some("Groceries".into()),
        ..TxnFilter::default()
    };
    assert_eq!(press(&mut app, KeyCode::Enter), vec![load_for(&combined)]);
    assert!(app.overlay.is_none());
    // "All categories" is first when nothing is typed.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Backspace);
    let only_account = TxnFilter {
        account_id: Some(2),
        ..TxnFilter::default()
    };
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![load_for(&only_account)]
    );
    // Esc clears every filter at once.
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        vec![load_for(&TxnFilter::default())]
    );
    assert!(
        press(&mut app, KeyCode::Esc).is_empty(),
        "nothing left to clear"
    );
}

#[test]
fn the_title_names_every_active_filter() {
    let mut app = sample(140, 36);
    press(&mut app, KeyCode::Enter); // Everyday Checking
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "shell");
    press(&mut app, KeyCode::Enter);
    let screen = super::screen(&app);
    let title = screen
        .lines()
        .find(|l| l.contains("2 Transactions"))
        .unwrap_or_default();
    for part in ["Everyday Checking", "Nov 2026", "“shell”", "Esc clears"] {
        assert!(title.contains(part), "{part} missing from {title}");
    }
}
