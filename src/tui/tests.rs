//! Dashboard tests: `TestBackend` + insta snapshots of whole screens (here and in
//! `tests/snaps.rs` through [`snap`], so the snapshots live in `src/tui/snapshots/`), colour and
//! NO_COLOR checks, and a never-panics sweep over sizes. `update` tests without a terminal are in
//! `tests/update.rs`, `tests/paging.rs`, `tests/search.rs`, `tests/editing.rs`, `tests/views.rs`,
//! `tests/lists.rs`, `tests/rules.rs`, `tests/amounts.rs` and `tests/mouse.rs`; fixture data in `tests/fixture.rs`,
//! App builders in `tests/harness.rs`.
#![allow(clippy::unwrap_used)]

mod amounts;
mod bill_edits;
mod editing;
mod fixture;
mod harness;
mod hostile;
mod lists;
mod mouse;
mod paging;
mod rules;
mod search;
mod snaps;
mod update;
mod views;

use ratatui::style::Color;

use crate::tui::action::{Action, Data, SyncEvent};
use crate::tui::app::Pane;
use crate::tui::{text, update as apply};
use fixture::*;
use harness::*;

fn key(c: char) -> Action {
    Action::Key(ratatui::crossterm::event::KeyEvent::from(
        ratatui::crossterm::event::KeyCode::Char(c),
    ))
}

fn enter() -> Action {
    Action::Key(ratatui::crossterm::event::KeyEvent::from(
        ratatui::crossterm::event::KeyCode::Enter,
    ))
}

fn screen(app: &crate::tui::App) -> String {
    draw(app).backend().to_string()
}

/// Snapshots `app`'s screen as `src/tui/snapshots/purse__tui__tests__{name}.snap`.
fn snap(name: &str, app: &crate::tui::App) {
    insta::assert_snapshot!(name, screen(app));
}

#[test]
fn snapshot_empty_store() {
    let app = empty(120, 32);
    let terminal = draw(&app);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn snapshot_sample_data() {
    let app = sample(120, 36);
    let terminal = draw(&app);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn snapshot_demo_wide_with_account_filter() {
    let mut app = sample(160, 44);
    app.demo = true;
    apply(
        &mut app,
        Action::Resize {
            width: 160,
            height: 44,
        },
    );
    apply(&mut app, key('j'));
    let commands = apply(&mut app, enter());
    assert_eq!(commands.len(), 1);
    let savings: Vec<_> = transactions()
        .into_iter()
        .filter(|t| t.account_id == 2)
        .collect();
    let filter = app.transactions.filter.clone();
    load(
        &mut app,
        Data::Transactions {
            filter,
            after: None,
            rows: savings,
        },
    );
    let terminal = draw(&app);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn snapshot_failed_sync() {
    let mut app = sample(120, 36);
    let error = "HTTP 401: the bank revoked access; run `purse link` again";
    apply(
        &mut app,
        Action::Sync(SyncEvent::Started {
            connection: "Demo Bank".into(),
            index: 1,
            total: 1,
        }),
    );
    apply(
        &mut app,
        Action::Sync(SyncEvent::Failed {
            connection: "Demo Bank".into(),
            error: error.into(),
        }),
    );
    load(&mut app, Data::Connections(vec![connection(Some(error))]));
    let screen = screen(&app);
    assert!(screen.contains(text::SYNC_FAILED), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn snapshot_help_overlay() {
    let mut app = sample(120, 36);
    apply(&mut app, key('?'));
    let terminal = draw(&app);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn snapshot_too_small() {
    let app = sample(50, 14);
    let screen = screen(&app);
    assert!(screen.contains(text::TOO_SMALL), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn snapshot_budget_editor_with_error() {
    let mut app = sample(120, 36);
    apply(&mut app, key('3'));
    apply(&mut app, key('e'));
    for c in "12.3.4".chars() {
        apply(&mut app, key(c));
    }
    assert!(apply(&mut app, enter()).is_empty());
    let screen = screen(&app);
    assert!(screen.contains("\"12.3.4\" is not an amount"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn amounts_are_green_in_red_out_and_no_color_drops_colours() {
    let app = sample(120, 36);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let find = |needle: &str| -> (u16, u16) {
        for y in 0..buffer.area.height {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            if let Some(i) = row.find(needle) {
                return (row[..i].chars().count() as u16, y);
            }
        }
        panic!("{needle} not on screen");
    };
    let paycheck = find("$2,850.00");
    assert_eq!(buffer[paycheck].fg, Color::Green);
    let rent = find("-$2,100.00");
    assert_eq!(buffer[rent].fg, Color::Red);

    let mut plain = sample(120, 36);
    plain.color = false;
    let terminal = draw(&plain);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

#[test]
fn focused_pane_is_highlighted() {
    let mut app = sample(120, 36);
    apply(&mut app, Action::Focus(Pane::Alerts));
    let screen = screen(&app);
    // The focused pane has a thick border, the others rounded ones.
    let thick = screen
        .lines()
        .find(|l| l.contains("4 Alerts"))
        .unwrap_or_default();
    assert!(thick.contains('┏'), "{thick}");
    let rounded = screen
        .lines()
        .find(|l| l.contains("1 Accounts"))
        .unwrap_or_default();
    assert!(rounded.contains('╭'), "{rounded}");
}

#[test]
fn never_panics_at_any_size() {
    let mut editing = sample(120, 36);
    apply(&mut editing, key('3'));
    apply(&mut editing, key('a'));
    for c in "Health".chars() {
        apply(&mut editing, key(c));
    }
    let mut help = sample(120, 36);
    help.demo = true;
    apply(&mut help, key('?'));
    // Every size for the busiest screen; every fifth for the empty one and the help overlay.
    let cases = [(editing, 1), (empty(0, 0), 5), (help, 5)];
    for (base, step) in &cases {
        for width in (0..=200u16).step_by(*step) {
            for height in (0..=60u16).step_by(*step) {
                let mut app = base.clone();
                apply(&mut app, Action::Resize { width, height });
                let _ = draw(&app);
            }
        }
    }
}
