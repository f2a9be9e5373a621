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
//! keys that work now
//! ```

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::{App, Pane};
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
