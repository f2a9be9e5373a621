//! Detail popups: a transaction (dates, raw description, provider ids, pending state, note and
//! the provider's raw payload) and an alert (kind, when, the whole message with its explanation).
//! The content is built as lines first so `update` can bound scrolling by it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Raw, TxnDetail};
use crate::tui::keys::KeyAction;
use crate::tui::theme::Theme;
use crate::tui::{format, text};

const LABEL_W: usize = 13;
/// Widest the popups get.
const TXN_W: u16 = 100;
const ALERT_W: u16 = 76;

/// A label and its value, the value [`format::shown`].
fn field(label: &str, value: String, style: Style, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<LABEL_W$}"), theme.dim()),
        Span::styled(format::shown(&value).into_owned(), style),
    ])
}

/// A field whose value wraps under itself.
fn wrapped(out: &mut Vec<Line<'static>>, label: &str, value: &str, width: u16, theme: Theme) {
    let room = usize::from(width).saturating_sub(LABEL_W).max(8);
    for (i, part) in format::wrap(value, room, 50).into_iter().enumerate() {
        let label = if i == 0 { label } else { "" };
        out.push(field(label, part, theme.plain(), theme));
    }
}

fn transaction_lines(app: &App, d: &TxnDetail, width: u16) -> Vec<Line<'static>> {
    let theme = Theme::new(app.color);
    let t = &d.txn;
    let mut out = vec![
        field("Date", format::date(t.date), theme.plain(), theme),
        field(
            "Amount",
            t.amount.display(),
            theme.flow(t.amount.amount).patch(theme.bold()),
            theme,
        ),
    ];
    wrapped(&mut out, "Payee", &t.payee, width, theme);
    wrapped(&mut out, "Description", &t.description, width, theme);
    out.push(field("Category", t.category.clone(), theme.plain(), theme));
    let (status, style) = if t.pending {
        (text::DETAIL_PENDING, theme.warn())
    } else {
        (text::DETAIL_POSTED, theme.ok())
    };
    out.push(field("Status", status.to_string(), style, theme));
    out.push(field("Account", t.account.clone(), theme.plain(), theme));
    if let Some(conn) = &d.connection {
        out.push(field("Connection", conn.clone(), theme.plain(), theme));
    }
    if let Some(acct) = &d.provider_account {
        out.push(field("Account id", acct.clone(), theme.plain(), theme));
    }
    out.push(field(
        "Provider id",
        t.provider_id.clone(),
        theme.plain(),
        theme,
    ));
    out.push(field("Purse id", t.id.to_string(), theme.dim(), theme));
    match &t.notes {
        Some(note) => wrapped(&mut out, "Note", note, width, theme),
        None => out.push(field(
            "Note",
            text::DETAIL_NO_NOTE.to_string(),
            theme.dim(),
            theme,
        )),
    }
    out.push(Line::default());
    out.push(Line::styled(text::DETAIL_RAW, theme.heading()));
    match &d.raw {
        Raw::Loading => out.push(Line::styled(text::LOADING, theme.dim())),
        Raw::Missing => out.push(Line::styled(text::DETAIL_NO_RAW, theme.dim())),
        Raw::Text(raw) => out.extend(
            raw.lines()
                .map(|l| Line::styled(format::truncate(l, usize::from(width)), theme.plain())),
        ),
    }
    out
}

/// The popup for a transaction (as tall as its content, within the screen) and its lines.
pub(super) fn transaction_popup(
    app: &App,
    d: &TxnDetail,
    area: Rect,
) -> (Rect, Vec<Line<'static>>) {
    let widest = super::popup_area(area, TXN_W, area.height);
    let lines = transaction_lines(app, d, widest.width.saturating_sub(4));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    (super::popup_area(area, TXN_W, height), lines)
}

pub(super) fn transaction(app: &App, d: &TxnDetail, frame: &mut Frame, area: Rect, theme: Theme) {
    let (popup, lines) = transaction_popup(app, d, area);
    let title = format!(
        "{} · {}",
        text::DETAIL_TXN_TITLE,
        format::truncate(&d.txn.payee, 40)
    );
    let footer = text::detail_footer(
        &app.keymap.short(KeyAction::Recategorize),
        &app.keymap.short(KeyAction::Note),
    );
    let inner = super::popup_block(frame, popup, &title, &footer, theme);
    frame.render_widget(Paragraph::new(lines).scroll((d.scroll, 0)), inner);
}

fn alert_lines(app: &App, id: i64, width: u16) -> Vec<Line<'static>> {
    let theme = Theme::new(app.color);
    let Some(a) = app.alerts.alerts.iter().find(|a| a.id == id) else {
        return vec![Line::styled(text::ALERT_GONE, theme.dim())];
    };
    let state = if a.acknowledged {
        text::ALERT_READ
    } else {
        text::ALERT_UNREAD
    };
    let when = format!(
        "{} ({})",
        a.created.format("%Y-%m-%d %H:%M UTC"),
        format::relative(a.created, app.now)
    );
    let mut out = vec![
        field("Kind", a.title(), theme.bold(), theme),
        field("Raised", when, theme.plain(), theme),
        field("Status", state.to_string(), theme.plain(), theme),
        Line::default(),
    ];
    out.extend(
        format::wrap(&a.message, usize::from(width).max(8), 200)
            .into_iter()
            .map(Line::from),
    );
    out.push(Line::default());
    out.push(field("Key", a.key.clone(), theme.dim(), theme));
    out
}

/// The popup for an alert (as tall as its content, within the screen) and its lines.
pub(super) fn alert_popup(app: &App, id: i64, area: Rect) -> (Rect, Vec<Line<'static>>) {
    let widest = super::popup_area(area, ALERT_W, area.height);
    let lines = alert_lines(app, id, widest.width.saturating_sub(4));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    (super::popup_area(area, ALERT_W, height), lines)
}

pub(super) fn alert(app: &App, id: i64, scroll: u16, frame: &mut Frame, area: Rect, theme: Theme) {
    let (popup, lines) = alert_popup(app, id, area);
    let footer = text::alert_footer(&app.keymap.short(KeyAction::Acknowledge));
    let inner = super::popup_block(frame, popup, text::DETAIL_ALERT_TITLE, &footer, theme);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
