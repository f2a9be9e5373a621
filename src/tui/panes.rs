//! The four pane renderers (one file each in `panes/`, the Budgets charts in `panes/charts.rs`)
//! and what they share: the bordered block with the pane's number and title, empty/loading
//! messages, and fitting columns to the width.

pub mod accounts;
pub mod alerts;
pub mod budgets;
pub mod charts;
pub mod transactions;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::app::{App, Pane};
use super::theme::Theme;
use super::{format, text};

/// Gap between table columns.
pub const GAP: u16 = 1;

/// Draws `pane` into `area`.
pub fn render(app: &App, pane: Pane, frame: &mut Frame, area: Rect, theme: Theme) {
    match pane {
        Pane::Accounts => accounts::render(app, frame, area, theme),
        Pane::Transactions => transactions::render(app, frame, area, theme),
        Pane::Budgets => budgets::render(app, frame, area, theme),
        Pane::Alerts => alerts::render(app, frame, area, theme),
    }
}

pub fn title(pane: Pane) -> &'static str {
    match pane {
        Pane::Accounts => text::PANE_ACCOUNTS,
        Pane::Transactions => text::PANE_TRANSACTIONS,
        Pane::Budgets => text::PANE_BUDGETS,
        Pane::Alerts => text::PANE_ALERTS,
    }
}

/// The pane's frame: "1 Accounts" (highlighted when focused) plus optional extra title text.
pub fn block<'a>(app: &App, pane: Pane, extra: Option<Span<'a>>, theme: Theme) -> Block<'a> {
    let focused = app.focus == pane;
    let mut spans = vec![
        Span::styled(format!(" {} ", pane.index() + 1), theme.key()),
        Span::styled(format!("{} ", title(pane)), theme.title(focused)),
    ];
    if let Some(extra) = extra {
        spans.push(extra);
        spans.push(Span::raw(" "));
    }
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(theme.border(focused))
        .title(Line::from(spans))
}

/// A dim, wrapped message inside an empty pane.
pub fn message(frame: &mut Frame, area: Rect, msg: &str, theme: Theme) {
    let msg = format::shown(msg).into_owned();
    let p = Paragraph::new(Line::styled(msg, theme.dim())).wrap(Wrap { trim: true });
    frame.render_widget(p, area.inner(ratatui::layout::Margin::new(1, 0)));
}

/// The text to show instead of a table, if any.
pub fn placeholder(loaded: bool, empty: bool, empty_msg: &'static str) -> Option<&'static str> {
    match (loaded, empty) {
        (false, _) => Some(text::LOADING),
        (true, true) => Some(empty_msg),
        (true, false) => None,
    }
}

/// A table column: fixed width or flexible (takes the rest, at least `width`), and how readily it
/// is dropped when the pane is narrow (higher goes first, 0 never).
#[derive(Debug, Clone, Copy)]
pub struct Col {
    pub width: u16,
    pub drop_order: u8,
    pub flex: bool,
}

impl Col {
    pub fn fixed(width: u16, drop_order: u8) -> Self {
        Col {
            width,
            drop_order,
            flex: false,
        }
    }

    pub fn flex(min: u16) -> Self {
        Col {
            width: min,
            drop_order: 0,
            flex: true,
        }
    }

    /// A column that never fits: hides one conditionally while the cell list stays the same shape.
    pub fn hidden() -> Self {
        Col {
            width: u16::MAX / 8,
            drop_order: u8::MAX,
            flex: false,
        }
    }
}

/// Which columns fit, their constraints, and the width left for the flexible column.
#[derive(Debug, Clone)]
pub struct Fit {
    pub keep: Vec<bool>,
    pub widths: Vec<Constraint>,
    /// Cells the flexible column gets (for truncating its text with an ellipsis).
    pub flex: u16,
}

/// Decides which columns fit in `available` cells: drops the most droppable until the rest fit.
pub fn fit(available: u16, cols: &[Col]) -> Fit {
    let mut keep = vec![true; cols.len()];
    let total = |keep: &[bool]| -> u16 {
        let kept = cols.iter().zip(keep).filter(|(_, k)| **k);
        kept.map(|(c, _)| c.width.saturating_add(GAP))
            .fold(0u16, u16::saturating_add)
            .saturating_sub(GAP)
    };
    let mut order: Vec<usize> = (0..cols.len())
        .filter(|&i| cols[i].drop_order > 0)
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cols[i].drop_order));
    for i in order {
        if total(&keep) > available {
            keep[i] = false;
        }
    }
    let fixed: u16 = cols
        .iter()
        .zip(&keep)
        .filter(|(c, k)| **k && !c.flex)
        .map(|(c, _)| c.width + GAP)
        .sum();
    let widths = cols
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(c, _)| {
            if c.flex {
                Constraint::Fill(1)
            } else {
                Constraint::Length(c.width)
            }
        })
        .collect();
    Fit {
        keep,
        widths,
        flex: available.saturating_sub(fixed),
    }
}

/// Width of the widest of `header` and `items`, in characters.
pub fn width_of<'a>(header: &str, items: impl IntoIterator<Item = &'a str>) -> u16 {
    let w = items
        .into_iter()
        .map(|s| format::shown(s).chars().count())
        .chain([header.chars().count()])
        .max()
        .unwrap_or(0);
    u16::try_from(w).unwrap_or(u16::MAX)
}

/// Keeps the items whose flag is set (cells of the columns [`fit`] kept).
pub fn pick<T>(keep: &[bool], items: impl IntoIterator<Item = T>) -> Vec<T> {
    items
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(item, _)| item)
        .collect()
}
