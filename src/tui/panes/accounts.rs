//! Accounts pane: accounts grouped under kind headings with balance, available, credit used of
//! the limit (with utilisation), and the owning connection's sync health and last sync.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table, TableState};

use crate::domain::{Account, AccountKind, ConnectionHealth, Money};
use crate::tui::app::accounts::AccountRow;
use crate::tui::app::{App, Pane};
use crate::tui::panes::{self, Col, GAP};
use crate::tui::theme::Theme;
use crate::tui::{format, layout, text};

/// Cell texts for one account.
struct Cells {
    name: String,
    balance: String,
    available: String,
    /// "26%", " of $5,000", utilisation.
    credit: Option<(String, String, rust_decimal::Decimal)>,
    sync: (String, Style),
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.accounts;
    let block = panes::block(app, Pane::Accounts, None, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(msg) =
        panes::placeholder(state.loaded, state.accounts.is_empty(), text::NO_ACCOUNTS)
    {
        panes::message(frame, inner, msg, theme);
        return;
    }

    let filtered = app.transactions.filter.account_id;
    let cells: Vec<Cells> = state
        .accounts
        .iter()
        .map(|a| cells(app, a, filtered == Some(a.id), theme))
        .collect();
    let credit_texts: Vec<String> = cells
        .iter()
        .filter_map(|c| c.credit.as_ref().map(|(pct, of, _)| format!("{pct}{of}")))
        .collect();
    let cols = [
        Col::flex(10),
        Col::fixed(
            panes::width_of("Balance", cells.iter().map(|c| c.balance.as_str())),
            0,
        ),
        Col::fixed(
            panes::width_of("Available", cells.iter().map(|c| c.available.as_str())),
            3,
        ),
        Col::fixed(
            panes::width_of("Credit used", credit_texts.iter().map(String::as_str)),
            2,
        ),
        Col::fixed(
            panes::width_of("Synced", cells.iter().map(|c| c.sync.0.as_str())),
            1,
        ),
    ];
    let fit = panes::fit(inner.width, &cols);
    let keep = &fit.keep;
    let header = ["Account", "Balance", "Available", "Credit used", "Synced"]
        .map(|h| Line::styled(h, theme.column_header()));
    let header = panes::pick(
        keep,
        header.into_iter().enumerate().map(|(i, l)| {
            if (1..=2).contains(&i) {
                l.right_aligned()
            } else {
                l
            }
        }),
    );

    let rows = state.rows().into_iter().map(|row| match row {
        AccountRow::Heading(kind) => {
            let subtotal = subtotal(app, kind).map(|m| m.display()).unwrap_or_default();
            let line = [
                Line::styled(kind.label(), theme.heading()),
                Line::styled(subtotal, theme.dim()).right_aligned(),
                Line::default(),
                Line::default(),
                Line::default(),
            ];
            Row::new(panes::pick(keep, line))
        }
        AccountRow::Account(i) => {
            let (a, c) = (&state.accounts[i], &cells[i]);
            let credit = match &c.credit {
                Some((pct, of, level)) => Line::from(vec![
                    Span::styled(pct.clone(), theme.level(*level)),
                    Span::raw(of.clone()),
                ]),
                None => Line::styled("—", theme.dim()),
            };
            let line = [
                Line::from(format::truncate(&c.name, usize::from(fit.flex))),
                Line::styled(c.balance.clone(), theme.balance(a.balance.amount)).right_aligned(),
                Line::styled(c.available.clone(), theme.plain()).right_aligned(),
                credit,
                Line::styled(c.sync.0.clone(), c.sync.1),
            ];
            Row::new(panes::pick(keep, line))
        }
    });

    let focused = app.focus == Pane::Accounts;
    let table = Table::new(rows, fit.widths.clone())
        .header(Row::new(header))
        .column_spacing(GAP)
        .row_highlight_style(theme.selected(focused));
    let mut table_state = TableState::default()
        .with_offset(layout::accounts_offset(app))
        .with_selected(state.selected_row());
    frame.render_stateful_widget(table, inner, &mut table_state);
}

fn cells(app: &App, a: &Account, filtered: bool, theme: Theme) -> Cells {
    let marker = if filtered { "» " } else { "  " };
    let credit = a.credit_used().and_then(|(_, pct)| {
        let limit = a.limit?;
        Some((
            format::percent(pct),
            format!(" of {}", format::compact(&limit)),
            pct,
        ))
    });
    Cells {
        name: format!("{marker}{}", a.name),
        balance: a.balance.display(),
        available: a
            .available
            .map(|m| m.display())
            .unwrap_or_else(|| "—".to_string()),
        credit,
        sync: sync_cell(app, a, theme),
    }
}

/// The owning connection's health: "✓ 2h ago", "⟳ syncing", "✗ failed", "✗ relink", "· new".
fn sync_cell(app: &App, a: &Account, theme: Theme) -> (String, Style) {
    if app.sync.running.contains(&a.connection) {
        return ("⟳ syncing".into(), theme.warn());
    }
    let Some(conn) = app.accounts.connection(&a.connection) else {
        return ("—".into(), theme.dim());
    };
    match conn.health() {
        ConnectionHealth::Ok => match conn.last_success {
            Some(at) => (format!("✓ {}", format::relative(at, app.now)), theme.ok()),
            None => ("✓".into(), theme.ok()),
        },
        ConnectionHealth::Syncing => ("⟳ syncing".into(), theme.warn()),
        ConnectionHealth::Error => ("✗ failed".into(), theme.bad()),
        ConnectionHealth::NeedsRelink => ("✗ relink".into(), theme.bad()),
        ConnectionHealth::New => ("· new".into(), theme.dim()),
    }
}

/// The kind's total balance, when it has several accounts all in one currency.
fn subtotal(app: &App, kind: AccountKind) -> Option<Money> {
    let of_kind: Vec<&Account> = app
        .accounts
        .accounts
        .iter()
        .filter(|a| a.kind == kind)
        .collect();
    let first = of_kind.first()?;
    if of_kind.len() < 2 {
        return None;
    }
    Money::sum(first.balance.currency, of_kind.iter().map(|a| &a.balance)).ok()
}
