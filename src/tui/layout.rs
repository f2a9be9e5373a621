//! Where everything goes on screen, as a pure function of the terminal area and the App.
//!
//! Shared by `render` and by `update` (which needs page heights for PageUp/PageDown and scrolling).
//!
//! ```text
//! Purse · net worth · month · sync status
//! [DEMO DATA banner]
//! ┌1 Accounts──────────┐┌3 Budgets─────────┐   top row: as tall as its content needs
//! └────────────────────┘└──────────────────┘
//! ┌2 Transactions────────────┐┌4 Alerts & bills┐
//! └──────────────────────────┘└────────────────┘
//! keys that work now (or the search line)
//! ```
//!
//! Zoomed, the focused pane takes the whole grid. [`pane_at`] and [`row_at`] map a mouse
//! position back to a pane and a row of its list.

use ratatui::layout::{Constraint, Layout, Position, Rect};

use super::app::accounts::AccountRow;
use super::app::{App, BudgetView, Pane};
use super::format;
use super::text::{MIN_HEIGHT, MIN_WIDTH};

/// Rows the budget editor takes at the bottom of the Budgets pane.
pub const EDITOR_ROWS: u16 = 3;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub banner: Option<Rect>,
    /// Indexed by [`Pane::index`].
    pub panes: [Rect; 4],
    pub status: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Rect {
        self.panes[pane.index()]
    }
}

/// True when `area` is too small to draw the dashboard.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Splits `area` for `app`; `None` when the terminal is too small.
pub fn areas(area: Rect, app: &App) -> Option<Areas> {
    if too_small(area) {
        return None;
    }
    let banner_rows = u16::from(app.demo);
    let [header, banner, grid, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner_rows),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if app.zoomed {
        let mut panes = [Rect::default(); 4];
        panes[app.focus.index()] = grid;
        return Some(Areas {
            header,
            banner: app.demo.then_some(banner),
            panes,
            status,
        });
    }
    // The top row is as tall as Accounts or Budgets (with room for the editor) need, within
    // limits; Transactions and Alerts share the rest.
    let account_rows = app.accounts.rows().len().max(1) as u16;
    let budget_rows = app.budgets.lines_len().max(1) as u16;
    let want = (account_rows + 3).max(budget_rows + 5 + EDITOR_ROWS);
    let top_h = want
        .min(grid.height.saturating_mul(55) / 100)
        .max(grid.height.min(8));
    let [top, bottom] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Fill(1)]).areas(grid);
    let [accounts, budgets] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
    let [transactions, alerts] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(bottom);

    Some(Areas {
        header,
        banner: app.demo.then_some(banner),
        panes: [accounts, transactions, budgets, alerts],
        status,
    })
}

/// Rows the bills section takes at the bottom of the Alerts pane's `inner` height: a heading plus
/// one row per bill (at least one for "no bills"), at most half the pane.
pub fn bills_rows(app: &App, inner: u16) -> u16 {
    let bills = u16::try_from(app.alerts.bills.len().max(1)).unwrap_or(u16::MAX);
    (bills.saturating_add(1)).min(inner / 2)
}

/// Data rows visible in `pane` (inside borders and the column header), at least 1.
pub fn body_rows(app: &App, pane: Pane) -> usize {
    let (w, h) = app.size;
    let Some(areas) = areas(Rect::new(0, 0, w, h), app) else {
        return 1;
    };
    let inner = areas.pane(pane).height.saturating_sub(3);
    let rows = match pane {
        // Unbudgeted and total rows, plus the editor when open.
        Pane::Budgets => inner.saturating_sub(2 + if app.editing() { EDITOR_ROWS } else { 0 }),
        // Two lines per alert above the bills (no column header).
        Pane::Alerts => (inner + 1).saturating_sub(bills_rows(app, inner + 1)) / 2,
        Pane::Accounts | Pane::Transactions => inner,
    };
    usize::from(rows.max(1))
}

/// The pane drawn at column `x`, row `y`.
pub fn pane_at(app: &App, x: u16, y: u16) -> Option<Pane> {
    let (w, h) = app.size;
    let areas = areas(Rect::new(0, 0, w, h), app)?;
    Pane::ALL
        .into_iter()
        .find(|p| areas.pane(*p).contains(Position::new(x, y)))
}

/// The list index of the row of `pane` drawn at screen row `y` (headings, column headers,
/// totals and empty space give `None`).
pub fn row_at(app: &App, pane: Pane, y: u16) -> Option<usize> {
    let (w, h) = app.size;
    let rect = areas(Rect::new(0, 0, w, h), app)?.pane(pane);
    let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
    let line = usize::from(y.checked_sub(inner.y)?);
    if line >= usize::from(inner.height) {
        return None;
    }
    match pane {
        Pane::Accounts => {
            let display = line.checked_sub(1)? + accounts_offset(app);
            match app.accounts.rows().get(display) {
                Some(AccountRow::Account(i)) => Some(*i),
                _ => None,
            }
        }
        Pane::Transactions => {
            let row = line.checked_sub(1)?;
            let i = app.transactions.cursor.offset + row;
            (row < body_rows(app, pane) && i < app.transactions.rows.len()).then_some(i)
        }
        Pane::Budgets if app.budgets.view == BudgetView::Table => {
            let row = line.checked_sub(1)?;
            let i = app.budgets.cursor.offset + row;
            (row < body_rows(app, pane) && i < app.budgets.lines_len()).then_some(i)
        }
        Pane::Budgets => None,
        Pane::Alerts => {
            let alerts_h = inner.height.saturating_sub(bills_rows(app, inner.height));
            if line >= usize::from(alerts_h) {
                return None;
            }
            let mut top = 0;
            for (i, alert) in app
                .alerts
                .alerts
                .iter()
                .enumerate()
                .skip(app.alerts.cursor.offset)
            {
                top += alert_height(&alert.message, inner.width, alerts_h);
                if line < top {
                    return Some(i);
                }
            }
            None
        }
    }
}

/// Message lines per alert in an alerts list `height` rows tall: two, or one when space is short.
pub fn alert_message_lines(height: u16) -> usize {
    if height >= 6 { 2 } else { 1 }
}

/// Lines an alert takes in a list `width` × `height`: its heading and its message lines.
pub fn alert_height(message: &str, width: u16, height: u16) -> usize {
    let lines = alert_message_lines(height);
    1 + format::wrap(message, usize::from(width).saturating_sub(2), lines).len()
}

/// The first displayed row of the Accounts table (headings count), keeping the selection visible.
pub fn accounts_offset(app: &App) -> usize {
    let height = body_rows(app, Pane::Accounts);
    app.accounts
        .selected_row()
        .map_or(0, |row| (row + 1).saturating_sub(height))
}
