//! `update` without a terminal: sync events, alerts and their details, zoom and the Budgets
//! charts view.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::fixture::*;
use super::harness::*;
use crate::tui::action::{Action, Command, Data, SyncEvent};
use crate::tui::app::{App, BudgetView, Overlay, Pane};
use crate::tui::update;

fn press(app: &mut App, code: KeyCode) -> Vec<Command> {
    update(app, Action::Key(KeyEvent::from(code)))
}

#[test]
fn alerts_open_a_detail_where_x_marks_read() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('4'));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.overlay, Some(Overlay::Alert { id: 2, scroll: 0 }));
    assert!(
        !app.alerts.alerts[0].acknowledged,
        "reading is not acknowledging"
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('x')),
        vec![Command::AckAlert(2), Command::LoadAlerts]
    );
    assert!(app.alerts.alerts[0].acknowledged);
}

#[test]
fn z_zooms_the_focused_pane_and_tab_keeps_the_zoom() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('2'));
    let small = crate::tui::layout::body_rows(&app, Pane::Transactions);
    press(&mut app, KeyCode::Char('z'));
    assert!(app.zoomed);
    let big = crate::tui::layout::body_rows(&app, Pane::Transactions);
    assert!(big > small + 10, "{small} → {big}");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Budgets);
    assert!(app.zoomed);
    press(&mut app, KeyCode::Esc);
    assert!(!app.zoomed, "Esc leaves zoom when no filter is set");
}

#[test]
fn v_switches_budgets_to_charts_and_loads_them_once() {
    let mut app = sample(120, 36);
    assert_eq!(
        press(&mut app, KeyCode::Char('v')),
        vec![Command::LoadCharts(nov())]
    );
    assert_eq!(app.focus, Pane::Budgets);
    assert_eq!(app.budgets.view, BudgetView::Charts);
    load(
        &mut app,
        Data::Spending {
            month: nov(),
            rows: spending(),
        },
    );
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(app.budgets.view, BudgetView::Table);
    assert!(
        press(&mut app, KeyCode::Char('v')).is_empty(),
        "already loaded"
    );
    // On screen, the charts follow the month; off screen they are dropped, not loaded.
    let oct = nov().prev();
    assert_eq!(
        press(&mut app, KeyCode::Char('[')),
        vec![Command::LoadBudgets(oct), Command::LoadCharts(oct)]
    );
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(
        press(&mut app, KeyCode::Char(']')),
        vec![Command::LoadBudgets(nov())]
    );
    assert!(app.budgets.spending.is_none());
    assert_eq!(
        press(&mut app, KeyCode::Char('v')),
        vec![Command::LoadCharts(nov())]
    );
}

#[test]
fn sync_events_update_status_and_reload_after_the_pass() {
    let mut app = sample(120, 36);
    let started = SyncEvent::Started {
        connection: "Demo Bank".into(),
        index: 1,
        total: 1,
    };
    assert!(update(&mut app, Action::Sync(started)).is_empty());
    assert_eq!(app.sync.running, vec!["Demo Bank".to_string()]);
    let done = SyncEvent::Completed {
        connection: "Demo Bank".into(),
        added: 3,
        updated: 0,
        removed: 0,
    };
    update(&mut app, Action::Sync(done));
    assert!(app.sync.running.is_empty());
    let reload = update(
        &mut app,
        Action::Sync(SyncEvent::PassFinished { failed: 0 }),
    );
    assert!(
        reload.contains(&Command::LoadAccounts) && reload.contains(&Command::LoadBudgets(nov()))
    );
    let failed = SyncEvent::Failed {
        connection: "Demo Bank".into(),
        error: "HTTP 500".into(),
    };
    update(&mut app, Action::Sync(failed));
    assert_eq!(
        app.sync.failed.get("Demo Bank").map(|f| f.error.as_str()),
        Some("HTTP 500")
    );
    let quiet = update(
        &mut app,
        Action::Sync(SyncEvent::PassFinished { failed: 1 }),
    );
    assert!(
        !quiet.contains(&Command::LoadAccounts),
        "nothing changed: no full reload"
    );
}

#[test]
fn sync_now_goes_to_the_task_or_explains_why_not() {
    let mut app = sample(120, 36);
    assert_eq!(press(&mut app, KeyCode::Char('s')), vec![Command::SyncNow]);
    app.sync.available = false;
    assert!(press(&mut app, KeyCode::Char('s')).is_empty());
    assert!(app.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn x_on_an_alert_marks_it_read() {
    let mut app = sample(120, 36);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(
        press(&mut app, KeyCode::Char('x')),
        vec![Command::AckAlert(2), Command::LoadAlerts]
    );
    assert!(app.alerts.alerts[0].acknowledged);
    assert!(
        press(&mut app, KeyCode::Char('x')).is_empty(),
        "already read"
    );
}

#[test]
fn scrolled_tables_draw_the_rows_in_view_with_the_selection() {
    let mut app = sample(120, 36);
    load_transactions(&mut app, many_transactions(1_000, 50));
    let mut alerts = alerts();
    for i in 0..30 {
        let mut a = alerts[1].clone();
        a.id = 100 + i;
        a.message = format!("Old alert {i}");
        a.created -= chrono::Duration::days(i);
        alerts.push(a);
    }
    load(&mut app, Data::Alerts(alerts));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('G'));
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let screen = super::screen(&app);
    assert!(!screen.contains("Shop 0 "), "scrolled past the first rows");
    for needle in ["Shop 49", "Old alert 29"] {
        let (x, y) = find(&app, needle);
        assert!(
            buffer[(x, y)].bg == ratatui::style::Color::DarkGray
                || buffer[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::UNDERLINED),
            "{needle} is not drawn selected:\n{screen}"
        );
    }
}

#[test]
fn a_revoked_login_says_it_needs_re_linking() {
    let mut app = sample(120, 36);
    let mut revoked = connection(Some("HTTP 401: access revoked"));
    revoked.needs_relink = true;
    load(&mut app, Data::Connections(vec![revoked]));
    let screen = super::screen(&app);
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.contains("Demo Bank needs re-link"), "{header}");
    assert!(screen.contains("✗ relink"), "{screen}");
}

/// The header line of `app`'s screen.
fn header(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, 0)].symbol().to_string())
        .collect()
}

#[test]
fn a_failed_sync_stays_in_the_header_until_a_later_success() {
    let mut app = sample(120, 36);
    let completed = SyncEvent::Completed {
        connection: "Demo Bank".into(),
        added: 0,
        updated: 0,
        removed: 0,
    };
    update(&mut app, Action::Sync(completed));
    assert!(header(&app).contains(crate::tui::text::SYNC_OK));

    // A failure the store could not record: the reload after the pass still says "no error".
    let failed = SyncEvent::Failed {
        connection: "Demo Bank".into(),
        error: "database error: disk I/O error".into(),
    };
    update(&mut app, Action::Sync(failed));
    update(
        &mut app,
        Action::Sync(SyncEvent::PassFinished { failed: 1 }),
    );
    load(&mut app, Data::Connections(vec![connection(None)]));
    let shown = header(&app);
    assert!(
        shown.contains(crate::tui::text::SYNC_FAILED) && shown.contains("disk I/O error"),
        "{shown}"
    );
    assert!(!shown.contains(crate::tui::text::SYNC_OK), "{shown}");

    // Another process (the daemon) synced it since: the store's newer success clears it.
    let mut synced = connection(None);
    synced.last_success = Some(app.now + chrono::Duration::seconds(30));
    load(&mut app, Data::Connections(vec![synced]));
    assert!(header(&app).contains(crate::tui::text::SYNC_OK));
}

#[test]
fn another_processs_write_reloads_now_or_after_the_own_pass() {
    let mut app = sample(120, 36);
    let reload = update(&mut app, Action::StoreChanged);
    assert!(
        reload.contains(&Command::LoadAccounts) && reload.contains(&Command::LoadBudgets(nov())),
        "{reload:?}"
    );
    let started = SyncEvent::Started {
        connection: "Demo Bank".into(),
        index: 1,
        total: 1,
    };
    update(&mut app, Action::Sync(started));
    assert!(update(&mut app, Action::StoreChanged).is_empty());
    let after = update(
        &mut app,
        Action::Sync(SyncEvent::PassFinished { failed: 0 }),
    );
    assert!(after.contains(&Command::LoadAccounts), "{after:?}");
}
