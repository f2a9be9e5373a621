//! Test harness: builds Apps from the fixture through `update` (as the runtime would) and
//! renders them on a `TestBackend`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::fixture::*;
use crate::domain::Transaction;
use crate::domain::category::default_categories;
use crate::tui::action::{Action, Data};
use crate::tui::app::{App, TxnFilter};
use crate::tui::{render, update};

/// A fresh App at the fixture date with the given terminal size.
pub fn app(width: u16, height: u16) -> App {
    let mut app = App::new(false, true, USD, now(), today());
    app.sync.available = true;
    update(&mut app, Action::Resize { width, height });
    app
}

/// Feeds `data` through `update`, as the runtime would.
pub fn load(app: &mut App, data: Data) {
    update(app, Action::Loaded(data));
}

/// Answers the initial `LoadTransactions` with `rows`.
pub fn load_transactions(app: &mut App, rows: Vec<Transaction>) {
    let filter = app.transactions.filter.clone();
    app.transactions.reload(filter.clone());
    load(
        app,
        Data::Transactions {
            filter,
            after: None,
            rows,
        },
    );
}

/// The App with the whole fixture loaded.
pub fn sample(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    update(&mut app, Action::Refresh);
    load(&mut app, Data::Accounts(accounts()));
    load(&mut app, Data::Connections(vec![connection(None)]));
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after: None,
            rows: transactions(),
        },
    );
    load(&mut app, Data::Budgets(report(nov())));
    load(&mut app, Data::Alerts(alerts()));
    load(&mut app, Data::Bills(bills()));
    load(&mut app, Data::Categories(default_categories()));
    app
}

/// The App after an empty store answered every load.
pub fn empty(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    update(&mut app, Action::Refresh);
    load(&mut app, Data::Accounts(Vec::new()));
    load(&mut app, Data::Connections(Vec::new()));
    load(
        &mut app,
        Data::Transactions {
            filter: TxnFilter::default(),
            after: None,
            rows: Vec::new(),
        },
    );
    load(&mut app, Data::Budgets(empty_report(nov())));
    load(&mut app, Data::Alerts(Vec::new()));
    load(&mut app, Data::Bills(Vec::new()));
    load(&mut app, Data::Categories(default_categories()));
    app
}

/// Renders `app` on a test terminal of its own size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| match e {});
    let _ = terminal.draw(|frame| render(app, frame));
    terminal
}

/// Where `needle` first appears on `app`'s screen: (column, row).
pub fn find(app: &App, needle: &str) -> (u16, u16) {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if let Some(i) = row.find(needle) {
            return (row[..i].chars().count() as u16, y);
        }
    }
    panic!("{needle} not on screen");
}
