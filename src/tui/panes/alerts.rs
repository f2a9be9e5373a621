//! Alerts & bills pane: alerts newest first (kind, message, date; acknowledged ones dimmed) and,
//! below them, upcoming unpaid bills with amount, due date and days left.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Row, Table};

use crate::domain::{AlertKind, Bill};
use crate::tui::app::{App, Pane};
use crate::tui::panes::{self, Col, GAP};
use crate::tui::theme::Theme;
use crate::tui::{format, layout, text};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.alerts;
    let unread = state.unread();
    let extra = (unread > 0).then(|| Span::styled(format!("· {unread} new"), theme.warn()));
    let block = panes::block(app, Pane::Alerts, extra, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let bills_h = layout::bills_rows(app, inner.height);
    let [alerts_area, bills_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(bills_h)]).areas(inner);
    render_alerts(app, frame, alerts_area, theme);
    render_bills(app, frame, bills_area, theme);
}

fn kind_style(kind: AlertKind, theme: Theme) -> Style {
    match kind {
        AlertKind::OverBudget | AlertKind::SyncFailed => theme.bad(),
        AlertKind::BillDue | AlertKind::LowBalance | AlertKind::UnusualSpend => theme.warn(),
    }
}

fn render_alerts(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.alerts;
    if let Some(msg) = panes::placeholder(state.loaded, state.alerts.is_empty(), text::NO_ALERTS) {
        panes::message(frame, area, msg, theme);
        return;
    }
    // Kind and date, then the message wrapped over up to two lines; items are built from the
    // first visible one, and no more than fit.
    let width = usize::from(area.width);
    let first = state.cursor.offset.min(state.alerts.len());
    let last = (first + usize::from(area.height)).min(state.alerts.len());
    let items = state.alerts[first..last].iter().map(|a| {
        let (kind, message) = if a.acknowledged {
            (theme.dim(), theme.dim())
        } else {
            (kind_style(a.kind, theme).patch(theme.bold()), theme.plain())
        };
        let head = format!("{}{}", if a.acknowledged { "  " } else { "● " }, a.title());
        let date = format::short_date(a.created.date_naive());
        let pad = width.saturating_sub(head.chars().count() + date.chars().count());
        let mut lines = vec![Line::from(vec![
            Span::styled(head, kind),
            Span::raw(" ".repeat(pad)),
            Span::styled(date, theme.dim()),
        ])];
        let message_lines = layout::alert_message_lines(area.height);
        for part in format::wrap(&a.message, width.saturating_sub(2), message_lines) {
            lines.push(Line::styled(format!("  {part}"), message));
        }
        ListItem::new(Text::from(lines))
    });
    let focused = app.focus == Pane::Alerts;
    let list = List::new(items).highlight_style(theme.selected(focused));
    let mut list_state =
        ListState::default().with_selected(state.cursor.selected.checked_sub(first));
    frame.render_stateful_widget(list, area, &mut list_state);
}

fn render_bills(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let bills = &app.alerts.bills;
    if area.height == 0 {
        return;
    }
    let [heading, rows_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(text::BILLS, theme.heading())),
        heading,
    );
    if bills.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(text::NO_BILLS, theme.dim())),
            rows_area,
        );
        return;
    }
    let amounts: Vec<String> = bills.iter().map(|b| b.amount.display()).collect();
    let lefts: Vec<String> = bills.iter().map(|b| b.when_due(app.today)).collect();
    let cols = [
        Col::flex(10),
        Col::fixed(panes::width_of("", amounts.iter().map(String::as_str)), 0),
        Col::fixed(6, 2),
        Col::fixed(panes::width_of("", lefts.iter().map(String::as_str)), 1),
    ];
    let fit = panes::fit(area.width, &cols);
    let keep = &fit.keep;
    let rows = bills
        .iter()
        .zip(amounts)
        .zip(lefts)
        .map(|((b, amount), left)| {
            let cells = [
                Line::from(format::truncate(&b.name, usize::from(fit.flex))),
                Line::from(amount).right_aligned(),
                Line::styled(format::short_date(b.due), theme.dim()),
                Line::styled(left, due_style(b, app, theme)).right_aligned(),
            ];
            Row::new(panes::pick(keep, cells))
        });
    frame.render_widget(
        Table::new(rows, fit.widths.clone()).column_spacing(GAP),
        rows_area,
    );
}

/// Late bills are red, those due within three days amber.
fn due_style(b: &Bill, app: &App, theme: Theme) -> Style {
    match b.days_left(app.today) {
        d if d < 0 => theme.bad(),
        d if d <= 3 => theme.warn(),
        _ => theme.plain(),
    }
}
