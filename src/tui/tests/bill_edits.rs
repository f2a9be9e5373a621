//! `update` without a terminal on the bills overlay (`b`) changing bills: the add form with inline
//! errors, deleting after y/n (refusing what cannot be deleted) and marking paid. The list itself
//! and the shared fixture: `tests/lists.rs`.

use ratatui::crossterm::event::KeyCode;

use super::fixture::*;
use super::harness::*;
use super::lists::{
    bill_rows, bills_overlay, form_error, manual, press, selected_bill, typed, with_bills,
};
use crate::domain::NewManualBill;
use crate::domain::bill::schedule::{BillOrigin, Every};
use crate::tui::action::{Action, Command, Data, Saved};
use crate::tui::app::{ListMode, Overlay};
use crate::tui::{text, update};

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
