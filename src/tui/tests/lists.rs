//! `update` without a terminal, and snapshots, of the bills overlay (`b`): the list loaded when
//! opened, moving, the add form with inline errors, deleting after y/n (refusing what cannot be
//! deleted) and marking paid. The rules overlay: `tests/rules.rs`.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use super::snap;
use crate::domain::bill::schedule::{BillOrigin, Every};
use crate::domain::{Bill, BillSource, NewManualBill};
use crate::store::BillRow;
use crate::tui::action::{Action, Command, Data, Saved};
use crate::tui::app::{App, ListMode, Overlay};
use crate::tui::keys::Keymap;
use crate::tui::{text, update};

pub(super) fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

pub(super) fn typed(app: &mut App, s: &str) {
    s.chars().for_each(|c| {
        press(app, KeyCode::Char(c));
    });
}

fn manual(id: i64, name: &str, cents: i64, due: u32, origin: BillOrigin, every: Every) -> BillRow {
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
fn bill_rows() -> Vec<BillRow> {
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

fn bills_overlay(app: &App) -> &crate::tui::app::BillsOverlay {
    match &app.overlay {
        Some(Overlay::Bills(b)) => b,
        other => panic!("no bills overlay: {other:?}"),
    }
}

fn selected_bill(app: &App) -> String {
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
fn the_add_form_checks_each_field_inline_then_adds() {
    let mut app = with_bills();
    press(&mut app, KeyCode::Char('a'));
    assert!(app.overlay.as_ref().is_some_and(Overlay::takes_text));
    typed(&mut app, "piano LESSONS");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let taken = form_error(&app).unwrap_or_default();
    assert!(taken.contains("already exists"), "{taken}");
    for _ in 0.."piano LESSONS".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "Car insurance");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "abc");
    assert!(press(&mut app, KeyCode::Enter).is_empty(), "nothing stored");
    let parser_says = crate::domain::parse_amount("abc", USD, Default::default());
    assert_eq!(form_error(&app), parser_says.err().map(|e| e.to_string()));
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "640");
    press(&mut app, KeyCode::Tab);
    // The due date starts as today; replace it.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "2027-02-29");
    press(&mut app, KeyCode::Enter);
    assert_eq!(form_error(&app), Some(text::bill_bad_due("2027-02-29")));
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "8");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "yearly");
    press(&mut app, KeyCode::Enter);
    assert_eq!(form_error(&app), Some(text::bill_bad_every("yearly")));
    for _ in 0.."yearly".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "Annually");
    let commands = press(&mut app, KeyCode::Enter);
    let bill = NewManualBill {
        name: "Car insurance".into(),
        amount: usd(64_000),
        first_due: chrono::NaiveDate::from_ymd_opt(2027, 2, 28).unwrap_or_default(),
        every: Every::Annually,
        account: None,
    };
    assert_eq!(
        commands,
        [
            Command::AddBill {
                bill,
                today: today()
            },
            Command::LoadBillList,
            Command::LoadBills
        ]
    );
    assert_eq!(bills_overlay(&app).mode, ListMode::Browse);
    update(
        &mut app,
        Action::Saved(Saved::BillAdded {
            id: 9,
            name: "Car insurance".into(),
            due: day(28),
        }),
    );
    let notice = app.notice.clone().map(|n| n.text).unwrap_or_default();
    assert_eq!(notice, "Bill added: Car insurance, due 2026-11-28");
    // The reloaded list selects it.
    let mut rows = bill_rows();
    rows.push(manual(
        9,
        "Car insurance",
        64_000,
        28,
        BillOrigin::User,
        Every::Annually,
    ));
    load(&mut app, Data::BillList(rows));
    assert_eq!(selected_bill(&app), "Car insurance");
    // Esc in a form goes back to the list, not out of it.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(bills_overlay(&app).mode, ListMode::Browse);
}

#[test]
fn d_deletes_only_the_users_own_bills_after_asking() {
    let mut app = with_bills();
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
    let notice = app.notice.clone().map(|n| n.text).unwrap_or_default();
    assert_eq!(notice, text::BILL_NOT_MANUAL, "a prediction");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_bill(&app), "Rent");
    press(&mut app, KeyCode::Char('d'));
    let notice = app.notice.clone().map(|n| n.text).unwrap_or_default();
    assert_eq!(notice, text::BILL_FROM_CONFIG);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(
        bills_overlay(&app).mode,
        ListMode::Confirm { id: 4, .. }
    ));
    assert!(
        press(&mut app, KeyCode::Char('q')).is_empty(),
        "q does not quit a question"
    );
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    assert_eq!(bills_overlay(&app).mode, ListMode::Browse);
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [
            Command::DeleteBill(4),
            Command::LoadBillList,
            Command::LoadBills
        ]
    );
    assert!(
        matches!(app.overlay, Some(Overlay::Bills(_))),
        "the list stays open"
    );
}

#[test]
fn p_marks_the_selected_bill_paid_once() {
    let mut app = with_bills();
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        press(&mut app, KeyCode::Char('p')),
        [
            Command::PayBill {
                id: 1,
                today: today()
            },
            Command::LoadBillList,
            Command::LoadBills
        ]
    );
    assert!(
        bills_overlay(&app)
            .selected_row()
            .is_some_and(|r| r.bill.paid),
        "shown at once"
    );
    // The reloaded list puts it with the paid ones; the selection follows it.
    let mut rows = bill_rows();
    rows[0].bill.paid = true;
    load(&mut app, Data::BillList(rows));
    assert_eq!(bills_overlay(&app).selected, 3);
    assert_eq!(
        bills_overlay(&app).selected_row().map(|r| r.bill.id),
        Some(1)
    );
    assert!(press(&mut app, KeyCode::Char('p')).is_empty());
    // Outside the overlay p does nothing.
    press(&mut app, KeyCode::Esc);
    assert!(press(&mut app, KeyCode::Char('p')).is_empty());
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
