//! Transactions pane: the loaded window as a table (date, account, payee, category, amount; money
//! in green, out red; pending rows marked and dimmed), with the account filter and the position in
//! the window in the frame.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table, TableState};

use crate::domain::Transaction;
use crate::tui::app::{App, Pane};
use crate::tui::panes::{self, Col, GAP};
use crate::tui::theme::Theme;
use crate::tui::{format, text};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.transactions;
    let filter_name = state
        .filter
        .account_id
        .map(|id| match app.accounts.by_id(id) {
            Some(a) => a.name.clone(),
            None => format!("account #{id}"),
        });
    let extra = filter_name
        .as_deref()
        .map(|n| Span::styled(format!("· {}", text::filtered_by(n)), theme.warn()));
    let mut block = panes::block(app, Pane::Transactions, extra, theme);
    if !state.rows.is_empty() {
        block = block.title_bottom(position(app, theme).right_aligned());
        if state.rows.iter().any(|t| t.pending) {
            block = block.title_bottom(Line::styled(
                format!(" {} ", text::PENDING_LEGEND),
                theme.pending(),
            ));
        }
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let empty_msg = if filter_name.is_some() {
        text::NO_TRANSACTIONS_FILTERED
    } else {
        text::NO_TRANSACTIONS
    };
    if let Some(msg) = panes::placeholder(state.loaded, state.rows.is_empty(), empty_msg) {
        panes::message(frame, inner, msg, theme);
        return;
    }

    let amounts: Vec<String> = state.rows.iter().map(|t| t.amount.display()).collect();
    let account_w =
        panes::width_of("Account", state.rows.iter().map(|t| t.account.as_str())).min(15);
    let category_w =
        panes::width_of("Category", state.rows.iter().map(|t| t.category.as_str())).min(14);
    // "Nov 21" while every row is from this year, else ISO dates.
    let year = app.today.format("%Y").to_string();
    let this_year = state
        .rows
        .iter()
        .all(|t| t.date.format("%Y").to_string() == year);
    let date = |t: &Transaction| {
        if this_year {
            format::short_date(t.date)
        } else {
            format::date(t.date)
        }
    };
    let cols = [
        Col::fixed(1, 0),
        Col::fixed(if this_year { 6 } else { 10 }, 2),
        if filter_name.is_some() {
            Col::hidden()
        } else {
            Col::fixed(account_w, 4)
        },
        Col::flex(12),
        Col::fixed(category_w, 3),
        Col::fixed(
            panes::width_of("Amount", amounts.iter().map(String::as_str)),
            0,
        ),
    ];
    let fit = panes::fit(inner.width, &cols);
    let keep = &fit.keep;
    let header = [
        Line::default(),
        Line::from("Date"),
        Line::from("Account"),
        Line::from("Payee"),
        Line::from("Category"),
        Line::from("Amount").right_aligned(),
    ]
    .map(|l| l.style(theme.column_header()));

    let rows = state.rows.iter().zip(&amounts).map(|(t, amount)| {
        let style = if t.pending {
            theme.pending()
        } else {
            theme.plain()
        };
        let mark = if t.pending { text::PENDING_MARK } else { "" };
        let cells = [
            Line::from(mark),
            Line::from(date(t)),
            Line::from(format::truncate(&t.account, usize::from(account_w))),
            Line::from(format::truncate(&payee(t), usize::from(fit.flex))),
            Line::from(format::truncate(&t.category, usize::from(category_w))),
            Line::styled(amount.clone(), theme.flow(t.amount.amount)).right_aligned(),
        ];
        Row::new(panes::pick(keep, cells)).style(style)
    });

    let focused = app.focus == Pane::Transactions;
    let table = Table::new(rows, fit.widths.clone())
        .header(Row::new(panes::pick(keep, header)))
        .column_spacing(GAP)
        .row_highlight_style(theme.selected(focused));
    let mut table_state = TableState::default()
        .with_offset(state.cursor.offset)
        .with_selected(Some(state.cursor.selected));
    frame.render_stateful_widget(table, inner, &mut table_state);
}

fn payee(t: &Transaction) -> String {
    if t.payee.trim().is_empty() {
        t.description.clone()
    } else {
        t.payee.clone()
    }
}

/// "newer ↑ · 12/200 · more ↓": where the selection is in the window and whether more exists.
fn position(app: &App, theme: Theme) -> Line<'static> {
    let state = &app.transactions;
    let mut parts = Vec::new();
    if state.has_newer() {
        parts.push(text::NEWER_ABOVE.to_string());
    }
    parts.push(format!(
        "{}/{}",
        state.cursor.selected + 1,
        state.rows.len()
    ));
    if !state.exhausted {
        parts.push(text::MORE_BELOW.to_string());
    }
    Line::styled(format!(" {} ", parts.join(" · ")), theme.dim())
}
