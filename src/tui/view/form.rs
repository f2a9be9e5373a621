//! What a bills or rules list draws over itself: the add form (one line per field, the focused
//! one with a cursor, placeholders dimmed, the last refusal below in the error colour) or the
//! delete question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{Form, ListMode};
use crate::tui::theme::Theme;
use crate::tui::{format, text};

/// The add form or the delete question of a list, drawn over it.
pub(super) fn over_list(
    mode: &ListMode,
    form_title: &str,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
    question: impl FnOnce(&str) -> String,
) {
    match mode {
        ListMode::Browse => {}
        ListMode::Form(form) => render_form(form, form_title, frame, area, theme),
        ListMode::Confirm { name, .. } => {
            let popup = super::popup_area(area, 64, 6);
            let inner = super::popup_block(
                frame,
                popup,
                text::CONFIRM_DELETE_TITLE,
                text::CONFIRM_FOOTER,
                theme,
            );
            let p = Paragraph::new(Line::styled(question(name), theme.bold()))
                .wrap(Wrap { trim: true });
            frame.render_widget(p, inner);
        }
    }
}

/// A form: one line per field (label, then the input or its placeholder), the focused one with a
/// cursor, and the last refusal below in the error colour.
fn render_form(form: &Form, title: &str, frame: &mut Frame, area: Rect, theme: Theme) {
    let fields = u16::try_from(form.fields.len()).unwrap_or(u16::MAX);
    let popup = super::popup_area(area, 76, fields.saturating_add(5));
    let inner = super::popup_block(frame, popup, title, text::FORM_FOOTER, theme);
    let [list, _, error] = Layout::vertical([
        Constraint::Length(fields),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let label_w = form
        .fields
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let lines: Vec<Line> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let focused = i == form.focus;
            let label_style = if focused { theme.key() } else { theme.dim() };
            let mut spans = vec![Span::styled(format!("{:<label_w$}", f.label), label_style)];
            let cursor = if focused { "▏" } else { "" };
            if f.input.is_empty() {
                spans.push(Span::styled(cursor, theme.input()));
                spans.push(Span::styled(f.placeholder, theme.dim()));
            } else {
                let input = format::shown(&f.input);
                spans.push(Span::styled(format!("{input}{cursor}"), theme.input()));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(message) = &form.error {
        let p = Paragraph::new(Line::styled(
            format::shown(message).into_owned(),
            theme.error(),
        ))
        .wrap(Wrap { trim: true });
        frame.render_widget(p, error);
    }
}
