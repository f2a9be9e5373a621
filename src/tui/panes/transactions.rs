//! Transactions pane: the loaded window as a table (date, account, payee, category, amount; money
//! in green, out red; pending rows marked and dimmed), with the account filter and the position in
//! the window in the frame.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table, TableState};

use chrono::Datelike;

use crate::domain::{Month, Transaction};
use crate::tui::app::{App, Pane};
use crate::tui::panes::{self, Col, GAP};
use crate::tui::theme::Theme;
use crate::tui::{format, text};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.transactions;
    let account_filter = state.filter.account_id.is_some();
    let filters = filter_parts(app);
    let extra = (!filters.is_empty())
        .then(|| Span::styled(format!("· {}", text::filtered_by(&filters)), theme.warn()));
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
    let empty_msg = if !filters.is_empty() {
        text::NO_TRANSACTIONS_FILTERED
    } else {
        text::NO_TRANSACTIONS
    };
    if let Some(msg) = panes::placeholder(state.loaded, state.rows.is_empty(), empty_msg) {
        panes::message(frame, inner, msg, theme);
        return;
    }

    // Widths come from the whole loaded window (so they hold still while scrolling); cells are
    // built for the visible rows only.
    let amount_w = widest_amount(&state.rows);
    let account_w =
        panes::width_of("Account", state.rows.iter().map(|t| t.account.as_str())).min(15);
    let category_w =
        panes::width_of("Category", state.rows.iter().map(|t| t.category.as_str())).min(14);
    // "Nov 21" while every row is from this year, else ISO dates.
    let this_year = state.rows.iter().all(|t| t.date.year() == app.today.year());
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
        if account_filter {
            Col::hidden()
        } else {
            Col::fixed(account_w, 4)
        },
        Col::flex(12),
        Col::fixed(category_w, 3),
        Col::fixed(amount_w, 0),
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

    let first = state.cursor.offset.min(state.rows.len());
    let shown = usize::from(inner.height.saturating_sub(1));
    let visible = &state.rows[first..(first + shown).min(state.rows.len())];
    let rows = visible.iter().map(|t| {
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
            Line::styled(t.amount.display(), theme.flow(t.amount.amount)).right_aligned(),
        ];
        Row::new(panes::pick(keep, cells)).style(style)
    });

    let focused = app.focus == Pane::Transactions;
    let table = Table::new(rows, fit.widths.clone())
        .header(Row::new(panes::pick(keep, header)))
        .column_spacing(GAP)
        .row_highlight_style(theme.selected(focused));
    let mut table_state =
        TableState::default().with_selected(state.cursor.selected.checked_sub(first));
    frame.render_stateful_widget(table, inner, &mut table_state);
}

/// Width of the Amount column: the header or the widest of the largest amount in and out.
fn widest_amount(rows: &[Transaction]) -> u16 {
    let widest = |m: Option<&Transaction>| m.map_or(0, |t| t.amount.display().chars().count());
    let most_in = rows.iter().max_by_key(|t| t.amount.amount);
    let most_out = rows.iter().min_by_key(|t| t.amount.amount);
    let w = widest(most_in).max(widest(most_out)).max("Amount".len());
    u16::try_from(w).unwrap_or(u16::MAX)
}

/// The payee (or the description when there is none), marked when it has a note.
fn payee(t: &Transaction) -> String {
    let name = if t.payee.trim().is_empty() {
        &t.description
    } else {
        &t.payee
    };
    match t.notes {
        Some(_) => format!("{name} {}", text::NOTE_MARK),
        None => name.clone(),
    }
}

/// The active filters, for the title: account, category, month, search (each [`format::shown`]).
fn filter_parts(app: &App) -> Vec<String> {
    let f = &app.transactions.filter;
    let mut parts = Vec::new();
    if let Some(id) = f.account_id {
        parts.push(match app.accounts.by_id(id) {
            Some(a) => a.name.clone(),
            None => format!("account #{id}"),
        });
    }
    if let Some(c) = &f.category {
        parts.push(c.clone());
    }
    if let Some(since) = f.since {
        parts.push(Month::of(since).label());
    }
    if let Some(q) = &f.search {
        parts.push(text::searching_for(q));
    }
    parts
        .iter()
        .map(|p| format::shown(p).into_owned())
        .collect()
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
