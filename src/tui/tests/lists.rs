//! `update` without a terminal, and snapshots, of the bills overlay (`b`): the list loaded when
//! opened, moving, closing, rebinding its key; and the fixture and key helpers the other overlay
//! tests share. Adding, deleting and paying bills: `tests/bill_edits.rs`. The rules overlay:
//! `tests/rules.rs`.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use super::snap;
use crate::domain::bill::schedule::{BillOrigin, Every};
use crate::domain::{Bill, BillSource};
use crate::store::BillRow;
use crate::tui::action::{Action, Command, Data};
use crate::tui::app::{App, Overlay};
use crate::tui::keys::Keymap;
use crate::tui::update;

pub(super) fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

pub(super) fn typed(app: &mut App, s: &str) {
    s.chars().for_each(|c| {
        press(app, KeyCode::Char(c));
    });
}

pub(super) fn manual(
    id: i64,
    name: &str,
    cents: i64,
    due: u32,
    origin: BillOrigin,
    every: Every,
) -> BillRow {
    BillRow {
        bill: Bill {
            id,
            name: name.into(),
            account_id: Some(1),
            amount: usd(cents),
            minimum: None,
            due: day(due),
            source: BillSource::Manual,
            paid: false,
        },
        every: Some(every),
        origin: Some(origin),
    }
}

/// The statement from the fixture, a prediction, a config bill, the user's bill and a paid one.
pub(super) fn bill_rows() -> Vec<BillRow> {
    let mut paid = manual(
        5,
        "Piano lessons",
        12_000,
        14,
        BillOrigin::User,
        Every::Weekly,
    );
    paid.bill.paid = true;
    let predicted = BillRow {
        bill: Bill {
            id: 2,
            name: "Netflix".into(),
            account_id: Some(3),
            amount: usd(1_799),
            minimum: None,
            due: day(19),
            source: BillSource::Recurring,
            paid: false,
        },
        every: None,
        origin: None,
    };
    let mut rows: Vec<BillRow> = bills()
        .into_iter()
        .map(|bill| BillRow {
            bill,
            every: None,
            origin: None,
        })
        .collect();
    rows.extend([
        predicted,
        manual(3, "Rent", 185_000, 30, BillOrigin::Config, Every::Monthly),
        manual(
            4,
            "Piano lessons",
            12_000,
            28,
            BillOrigin::User,
            Every::Weekly,
        ),
        paid,
    ]);
    rows
}

pub(super) fn with_bills() -> App {
    let mut app = sample(120, 36);
    assert_eq!(press(&mut app, KeyCode::Char('b')), [Command::LoadBillList]);
    load(&mut app, Data::BillList(bill_rows()));
    app
}

pub(super) fn bills_overlay(app: &App) -> &crate::tui::app::BillsOverlay {
    match &app.overlay {
        Some(Overlay::Bills(b)) => b,
        other => panic!("no bills overlay: {other:?}"),
    }
}

pub(super) fn selected_bill(app: &App) -> String {
    bills_overlay(app)
        .selected_row()
        .map(|r| r.bill.name.clone())
        .unwrap_or_default()
}

pub(super) fn form_error(app: &App) -> Option<String> {
    app.overlay.as_ref()?.form()?.error.clone()
}

#[test]
fn b_lists_unpaid_soonest_first_then_paid_and_closes() {
    let mut app = with_bills();
    let names: Vec<(&str, bool)> = bills_overlay(&app)
        .rows
        .iter()
        .flatten()
        .map(|r| (r.bill.name.as_str(), r.bill.paid))
        .collect();
    assert_eq!(
        names,
        [
            ("Netflix", false),
            ("Visa Signature", false),
            ("Piano lessons", false),
            ("Rent", false),
            ("Piano lessons", true)
        ]
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_bill(&app), "Visa Signature");
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(bills_overlay(&app).selected, 4, "stays on the last row");
    assert_eq!(
        app.transactions.cursor.selected, 0,
        "the panes did not move"
    );
    press(&mut app, KeyCode::Char('b'));
    assert!(app.overlay.is_none(), "b closes it again");
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    // A late answer for a closed overlay is dropped.
    load(&mut app, Data::BillList(bill_rows()));
    assert!(app.overlay.is_none());
}

#[test]
fn the_bills_key_is_rebindable() {
    let mut app = sample(120, 36);
    let keys = BTreeMap::from([("bills".to_string(), "B".to_string())]);
    app.keymap = Keymap::from_config(&keys).unwrap_or_default();
    assert!(press(&mut app, KeyCode::Char('b')).is_empty());
    assert_eq!(press(&mut app, KeyCode::Char('B')), [Command::LoadBillList]);
}

#[test]
fn snapshot_bills_overlay_form_and_question() {
    let mut app = with_bills();
    press(&mut app, KeyCode::Char('j'));
    snap("bills_overlay", &app);
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "Car insurance");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "-5");
    press(&mut app, KeyCode::Enter);
    snap("bill_form_with_error", &app);

    let mut app = with_bills();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('d'));
    snap("delete_bill_question", &app);
}
