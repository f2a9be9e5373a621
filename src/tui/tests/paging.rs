//! `update` without a terminal: the account filter and keyset paging of the transactions window.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use crate::tui::action::{Action, Command, Data};
use crate::tui::app::transactions::{MAX_PAGES, PAGE_SIZE};
use crate::tui::app::{App, TxnCursor, TxnFilter};
use crate::tui::update;

fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

#[test]
fn enter_on_an_account_filters_transactions_and_toggles_back() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Down);
    let only_savings = TxnFilter {
        account_id: Some(2),
        ..TxnFilter::default()
    };
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Command::LoadTransactions {
            filter: only_savings,
            after: None,
            limit: PAGE_SIZE
        }]
    );
    assert!(
        app.transactions.rows.is_empty(),
        "other accounts' rows are not shown as Savings'"
    );
    let all = vec![Command::LoadTransactions {
        filter: TxnFilter::default(),
        after: None,
        limit: PAGE_SIZE,
    }];
    assert_eq!(press(&mut app, KeyCode::Enter), all);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        all,
        "Esc clears the filter too"
    );
}

#[test]
fn scrolling_near_the_end_loads_the_next_page_by_keyset() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('2'));
    load_transactions(&mut app, many_transactions(10_000, PAGE_SIZE as usize));
    let last = app.transactions.rows.last().map(TxnCursor::of);
    let mut requests = Vec::new();
    for _ in 0..PAGE_SIZE {
        requests.extend(press(&mut app, KeyCode::Char('j')));
    }
    assert_eq!(
        requests,
        vec![Command::LoadTransactions {
            filter: TxnFilter::default(),
            after: last,
            limit: PAGE_SIZE
        }],
        "exactly one request while it is in flight"
    );
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after: last,
            rows: many_transactions(9_950, 50),
        },
    );
    assert_eq!(app.transactions.rows.len(), 2 * PAGE_SIZE as usize);
    // A short page means the end: no more requests.
    let last = app.transactions.rows.last().map(TxnCursor::of);
    let more = press(&mut app, KeyCode::Char('G'));
    assert_eq!(
        more,
        vec![Command::LoadTransactions {
            filter: TxnFilter::default(),
            after: last,
            limit: PAGE_SIZE
        }]
    );
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after: last,
            rows: many_transactions(9_900, 3),
        },
    );
    assert!(app.transactions.exhausted);
    assert!(press(&mut app, KeyCode::Char('G')).is_empty());
}

#[test]
fn the_window_stays_bounded_and_reloads_dropped_pages_going_back() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('2'));
    let page = PAGE_SIZE as usize;
    load_transactions(&mut app, many_transactions(100_000, page));
    let first_page_end = app.transactions.rows.last().map(TxnCursor::of);
    let mut id = 100_000 - page as i64;
    for _ in 0..MAX_PAGES + 1 {
        let cmds = press(&mut app, KeyCode::Char('G'));
        let Some(Command::LoadTransactions { after, .. }) = cmds.first().cloned() else {
            panic!("{cmds:?}")
        };
        load(
            &mut app,
            Data::Transactions {
                filter: TxnFilter::default(),
                after,
                rows: many_transactions(id, page),
            },
        );
        id -= page as i64;
    }
    assert!(app.transactions.rows.len() <= MAX_PAGES * page);
    assert!(app.transactions.has_newer());
    let selected = app.transactions.selected().map(|t| t.id);
    // Going to the top of the window asks for the dropped page again with its original cursor.
    let cmds = press(&mut app, KeyCode::Char('g'));
    let Some(Command::LoadTransactions { after, .. }) = cmds.first().cloned() else {
        panic!("{cmds:?}")
    };
    assert_ne!(after, None);
    let top_id = app.transactions.rows[0].id;
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after,
            rows: many_transactions(top_id + page as i64, page),
        },
    );
    assert_eq!(app.transactions.rows.len(), MAX_PAGES * page);
    assert_eq!(
        app.transactions.selected().map(|t| t.id),
        Some(top_id),
        "selection stays on the same row"
    );
    assert_ne!(selected, None);
    // Once more up: the very first page (after = None) is prepended, not a reset.
    let cmds = press(&mut app, KeyCode::Char('g'));
    assert_eq!(
        cmds,
        vec![Command::LoadTransactions {
            filter: TxnFilter::default(),
            after: None,
            limit: PAGE_SIZE
        }]
    );
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after: None,
            rows: many_transactions(100_000, page),
        },
    );
    assert!(!app.transactions.has_newer());
    assert_eq!(app.transactions.rows.len(), MAX_PAGES * page);
    assert_eq!(app.transactions.rows.first().map(|t| t.id), Some(100_000));
    assert_eq!(
        app.transactions.rows.get(page - 1).map(TxnCursor::of),
        first_page_end
    );
    assert_eq!(
        app.transactions.selected().map(|t| t.id),
        Some(100_000 - page as i64),
        "same row as before"
    );
}

#[test]
fn stale_pages_are_ignored() {
    let mut app = sample(120, 36);
    let before = app.transactions.rows.clone();
    let other = TxnFilter {
        account_id: Some(3),
        ..TxnFilter::default()
    };
    load(
        &mut app,
        Data::Transactions {
            filter: other,
            after: None,
            rows: many_transactions(5, 5),
        },
    );
    assert_eq!(app.transactions.rows, before);
}

#[test]
fn failures_are_reported_and_paging_can_retry() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('2'));
    load_transactions(&mut app, many_transactions(10_000, PAGE_SIZE as usize));
    let request = press(&mut app, KeyCode::Char('G'));
    let Some(command) = request.first().cloned() else {
        panic!("no request")
    };
    let failed = Action::Failed {
        command: command.clone(),
        error: "database is locked".into(),
    };
    assert!(update(&mut app, failed).is_empty());
    let notice = app.notice.clone().map(|n| (n.error, n.text));
    assert_eq!(
        notice,
        Some((
            true,
            "Couldn't load transactions: database is locked".into()
        ))
    );
    // The next move near the end asks again.
    assert_eq!(press(&mut app, KeyCode::Char('k')), vec![command]);
}
