//! The frame around the panes: the header (name, net worth, month, sync status), the demo-data
//! banner and the status bar (notice + the keys that work right now).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::{format, keys, text};

pub(super) fn header(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let sep = || Span::styled("  │  ", theme.dim());
    let mut left = vec![Span::styled(format!(" {} ", text::APP_NAME), theme.brand())];
    if app.demo {
        left.push(Span::styled(
            format!(" {} ", text::DEMO_SHORT),
            theme.banner(),
        ));
    }
    left.push(sep());
    left.push(Span::styled("Net worth ", theme.dim()));
    let worth = app.net_worth();
    if worth.is_empty() {
        left.push(Span::styled("—", theme.dim()));
    }
    for (i, m) in worth.iter().enumerate() {
        if i > 0 {
            left.push(Span::styled(" · ", theme.dim()));
        }
        left.push(Span::styled(
            m.display(),
            theme.balance(m.amount).patch(theme.bold()),
        ));
    }
    left.push(sep());
    left.push(Span::styled(app.month.label(), theme.bold()));

    let (status, style) = sync_status(app, theme);
    let status = format::shown(&format!("{status} ")).into_owned();
    // The status gets whatever the left part leaves, and at least a third of the line.
    let left = Line::from(left);
    let room = area
        .width
        .saturating_sub(u16::try_from(left.width()).unwrap_or(u16::MAX) + 2)
        .max(area.width / 3);
    let status_w = u16::try_from(status.chars().count())
        .unwrap_or(u16::MAX)
        .min(room);
    let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(status_w)])
        .spacing(1)
        .areas(area);
    frame.render_widget(Paragraph::new(left), l);
    let status = format::truncate(&status, usize::from(status_w));
    frame.render_widget(
        Paragraph::new(Line::styled(status, style)).right_aligned(),
        r,
    );
}

/// The header's sync status: running, failed (with the connection and error), or when it last worked.
pub(super) fn sync_status(app: &App, theme: Theme) -> (String, Style) {
    let sync = &app.sync;
    if !sync.running.is_empty() {
        return (
            text::syncing(&sync.running.join(", "), sync.progress),
            theme.warn(),
        );
    }
    if let Some((name, failure)) = sync.failed.iter().next() {
        let error = &failure.error;
        let relink = app
            .accounts
            .connection(name)
            .is_some_and(|c| c.needs_relink);
        let name = if relink {
            format!("{name} {}", text::NEEDS_RELINK)
        } else {
            name.clone()
        };
        let more = match sync.failed.len() {
            1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        return (
            format!("✗ {}: {name} — {error}{more}", text::SYNC_FAILED),
            theme.bad(),
        );
    }
    match sync.last_completed {
        Some(at) => (
            format!("✓ {} {}", text::SYNC_OK, format::relative(at, app.now)),
            theme.ok(),
        ),
        None => (text::SYNC_IDLE.to_string(), theme.dim()),
    }
}

pub(super) fn banner(frame: &mut Frame, area: Rect, theme: Theme) {
    let line = Line::styled(format!(" {} ", text::DEMO_BANNER), theme.banner());
    frame.render_widget(Paragraph::new(line).style(theme.banner()), area);
}

pub(super) fn status_bar(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut spans = Vec::new();
    if let Some(typed) = &app.transactions.search {
        spans.push(Span::styled(
            format!(" {}", text::SEARCH_PROMPT),
            theme.key(),
        ));
        spans.push(Span::styled(
            format!("{}▏", format::shown(typed)),
            theme.input(),
        ));
        spans.push(Span::raw(" "));
    }
    if let Some(notice) = &app.notice {
        let style = if notice.error {
            theme.error()
        } else {
            theme.ok()
        };
        spans.push(Span::styled(
            format!(" {} ", format::shown(&notice.text)),
            style,
        ));
        spans.push(Span::styled("│", theme.dim()));
    }
    // When the keys do not fit, the ones before help and quit go first.
    let mut hints = keys::hints(app);
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let width = |h: &[(String, &str)]| -> usize {
        h.iter()
            .map(|(k, w)| k.chars().count() + w.chars().count() + 3)
            .sum()
    };
    while hints.len() > 3 && used + width(&hints) > usize::from(area.width) {
        hints.remove(hints.len() - 3);
    }
    for (key, what) in hints {
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::styled(format!(" {what} "), theme.plain()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
