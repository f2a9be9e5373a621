//! Untrusted text on the dashboard: every field that comes from a bank, a file or a server
//! (payee, description, note, category, account, connection and bill names, alert messages, the
//! sync error, rules) holds `ESC ] 0 ; … BEL ESC [ 2 J` and a bidi override. Every pane, popup and
//! overlay must show them visibly (`␛`, `␇`, `\u{202e}`), never as the garbage left when the
//! terminal layer drops the escape byte.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use super::{screen, snap};
use crate::domain::category::default_categories;
use crate::domain::{Category, CategoryKind, PayeePattern, Rule};
use crate::store::BillRow;
use crate::tui::action::{Action, Data};
use crate::tui::app::{App, TxnFilter};
use crate::tui::update;

const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J";

fn evil(name: &str) -> String {
    format!("{EVIL}{name}\u{202e}gpj")
}

fn press(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::from(code)));
}

/// The fixture household with hostile text in every field that comes from outside.
fn hostile(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    update(&mut app, Action::Refresh);
    let mut accounts = accounts();
    for a in &mut accounts {
        a.name = evil(&a.name);
        a.connection = evil("Bank");
    }
    load(&mut app, Data::Accounts(accounts.clone()));
    let mut conn = connection(Some(&evil("server said no")));
    conn.name = evil("Bank");
    load(&mut app, Data::Connections(vec![conn]));
    let mut rows = transactions();
    for t in &mut rows {
        t.payee = evil(&t.payee);
        t.description = evil("desc");
        t.category = evil(&t.category);
        t.notes = Some(evil("note"));
        if let Some(a) = accounts.iter().find(|a| a.id == t.account_id) {
            t.account = a.name.clone();
        }
    }
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after: None,
            rows,
        },
    );
    let mut budgets = report(nov());
    for l in &mut budgets.lines {
        l.category = evil(&l.category);
    }
    load(&mut app, Data::Budgets(budgets));
    let mut alerts = alerts();
    for a in &mut alerts {
        a.message = evil(&a.message);
        a.key = evil("key");
    }
    load(&mut app, Data::Alerts(alerts));
    let mut bills = bills();
    for b in &mut bills {
        b.name = evil(&b.name);
    }
    load(&mut app, Data::Bills(bills));
    let mut categories = default_categories();
    categories.push(Category {
        name: evil("Dining out"),
        parent: None,
        kind: CategoryKind::Expense,
    });
    load(&mut app, Data::Categories(categories));
    app
}

/// Every `]0;` on screen is the visible `␛]0;`; nothing was silently dropped into garbage.
fn assert_visible(what: &str, screen: &str) {
    let raw = screen.matches("]0;").count();
    let shown = screen.matches("␛]0;").count();
    assert!(
        raw > 0,
        "{what}: the hostile text is not on screen:\n{screen}"
    );
    assert_eq!(
        raw, shown,
        "{what}: escape bytes dropped, garbage shown:\n{screen}"
    );
    let garbage = screen.matches("gpj").count();
    // (`}gpj`: the end of `\u{202e}`, which a popup's edge may cover.)
    let marked = screen.matches("}gpj").count();
    assert_eq!(
        garbage, marked,
        "{what}: a bidi override went unseen:\n{screen}"
    );
}

#[test]
fn snapshot_hostile_payees_shown_visibly() {
    let app = hostile(120, 36);
    assert_visible("dashboard", &screen(&app));
    snap("hostile_dashboard", &app);
}

#[test]
fn every_zoomed_pane_shows_hostile_text_visibly() {
    for key in ['1', '2', '3', '4'] {
        let mut app = hostile(120, 36);
        press(&mut app, KeyCode::Char(key));
        press(&mut app, KeyCode::Char('z'));
        assert_visible(&format!("pane {key} zoomed"), &screen(&app));
    }
}

#[test]
fn popups_show_hostile_text_visibly() {
    // The transaction detail, with a raw payload holding the same bytes.
    let mut app = hostile(120, 40);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    let id = app.transactions.rows.first().map_or(0, |t| t.id);
    let raw = Some(format!("{{\"name\": \"{}\"}}", evil("raw")));
    load(&mut app, Data::RawPayload { id, raw });
    assert_visible("transaction detail", &screen(&app));
    snap("hostile_transaction_detail", &app);

    // The category picker (and its "always for this payee" line), the note editor.
    let mut app = hostile(120, 36);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('c'));
    assert_visible("category picker", &screen(&app));
    let mut app = hostile(120, 36);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    assert_visible("note editor", &screen(&app));

    // The alert detail, the budget delete question.
    let mut app = hostile(120, 36);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Enter);
    assert_visible("alert detail", &screen(&app));
    let mut app = hostile(120, 36);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('d'));
    assert_visible("delete question", &screen(&app));
}

#[test]
fn overlays_and_filters_show_hostile_text_visibly() {
    // The bills overlay.
    let mut app = hostile(120, 36);
    press(&mut app, KeyCode::Char('b'));
    let rows = bills()
        .into_iter()
        .map(|mut bill| {
            bill.name = evil(&bill.name);
            BillRow {
                bill,
                every: None,
                origin: None,
            }
        })
        .collect();
    load(&mut app, Data::BillList(rows));
    assert_visible("bills overlay", &screen(&app));

    // The rules overlay.
    let mut app = hostile(120, 36);
    press(&mut app, KeyCode::Char('R'));
    let rule = Rule {
        id: 1,
        category: evil("Coffee"),
        payee: PayeePattern::contains(&evil("blue")).ok(),
        min: None,
        max: None,
        account: Some(1),
        account_name: Some(evil("Checking")),
        priority: 1,
        created: now(),
    };
    load(&mut app, Data::Rules(vec![rule]));
    assert_visible("rules overlay", &screen(&app));

    // The Transactions title's filters: an account picked from the hostile names.
    let mut app = hostile(120, 36);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert_visible("account filter", &screen(&app));
}
