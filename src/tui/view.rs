//! `render`: draws the whole dashboard from the App alone (never the database): header, demo
//! banner, the four panes (or the zoomed one), the status bar and the open overlay, or a "too
//! small" notice. Overlays: help (`view/help.rs`), transaction and alert details
//! (`view/detail.rs`), the category picker, note editor and yes/no question (`view/prompts.rs`),
//! the bills and rules lists with their add forms (`view/lists.rs`). Outside text is drawn through
//! [`format::shown`]; a last pass over the buffer removes anything unsafe a view let through.

mod chrome;
mod detail;
mod form;
mod help;
mod lists;
mod prompts;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::app::{App, Overlay, Pane};
use super::theme::Theme;
use super::{format, layout, panes, text};
use crate::domain::text::is_unsafe;

/// Draws `app` into `frame`. Never panics, whatever the frame size.
pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
    scrub(frame.buffer_mut());
}

/// The net under every view: a cell still holding a character a terminal would act on (views
/// show outside text through [`format::shown`], so this finds nothing unless one forgot) loses it.
/// ratatui already drops C0/C1 controls; bidi overrides and isolates would reach the terminal.
fn scrub(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(is_unsafe) {
            let kept: String = cell.symbol().chars().filter(|&c| !is_unsafe(c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::new(app.color);
    let Some(areas) = layout::areas(area, app) else {
        too_small(frame, area, theme);
        return;
    };
    chrome::header(app, frame, areas.header, theme);
    if let Some(banner) = areas.banner {
        chrome::banner(frame, banner, theme);
    }
    for pane in Pane::ALL {
        let rect = areas.pane(pane);
        if !rect.is_empty() {
            panes::render(app, pane, frame, rect, theme);
        }
    }
    chrome::status_bar(app, frame, areas.status, theme);
    match &app.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help::render(app, *scroll, frame, area, theme),
        Some(Overlay::Transaction(d)) => detail::transaction(app, d, frame, area, theme),
        Some(Overlay::Alert { id, scroll }) => detail::alert(app, *id, *scroll, frame, area, theme),
        Some(Overlay::Picker(p)) => prompts::picker(app, p, frame, area, theme),
        Some(Overlay::Note(n)) => prompts::note(n, frame, area, theme),
        Some(Overlay::Confirm(c)) => prompts::confirm(c, frame, area, theme),
        Some(Overlay::Bills(b)) => lists::bills(app, b, frame, area, theme),
        Some(Overlay::Rules(r)) => lists::rules(app, r, frame, area, theme),
    }
}

/// How far the open overlay can scroll: its lines beyond what fits.
pub fn overlay_max_scroll(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let (lines, visible) = match &app.overlay {
        Some(Overlay::Help { .. }) => (help::lines(app).len(), help::popup(app, area).height),
        Some(Overlay::Transaction(d)) => {
            let (popup, lines) = detail::transaction_popup(app, d, area);
            (lines.len(), popup.height)
        }
        Some(Overlay::Alert { id, .. }) => {
            let (popup, lines) = detail::alert_popup(app, *id, area);
            (lines.len(), popup.height)
        }
        _ => (0, 0),
    };
    lines.saturating_sub(usize::from(visible.saturating_sub(2)))
}

/// A centred popup at most `width` × `height`, leaving a margin around it.
pub(crate) fn popup_area(area: Rect, width: u16, height: u16) -> Rect {
    let w = width
        .min(area.width.saturating_sub(4))
        .max(area.width.min(20));
    let h = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(5));
    area.centered(Constraint::Length(w), Constraint::Length(h))
}

/// Clears `popup` and draws a focused, titled frame around it; returns the inside.
pub(crate) fn popup_block(
    frame: &mut Frame,
    popup: Rect,
    title: &str,
    footer: &str,
    theme: Theme,
) -> Rect {
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(" {} ", format::shown(title)),
            theme.title(true),
        ))
        .title_bottom(Line::styled(format!(" {footer} "), theme.dim()).right_aligned());
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    inner
}

fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    if area.is_empty() {
        return;
    }
    let message = text::too_small(area.width, area.height);
    // Roughly the wrapped height, to centre the message vertically.
    let lines = message.chars().count().div_ceil(usize::from(area.width)) + 1;
    let height = u16::try_from(lines).unwrap_or(u16::MAX).min(area.height);
    let top = area.y + (area.height - height) / 2;
    let target = Rect::new(area.x, top, area.width, height);
    let paragraph = Paragraph::new(Line::styled(message, theme.bold()))
        .wrap(Wrap { trim: true })
        .centered();
    frame.render_widget(paragraph, target);
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    use ratatui::widgets::Widget;

    use super::*;

    #[test]
    fn the_net_removes_what_a_view_let_through() {
        let area = Rect::new(0, 0, 6, 1);
        let mut buffer = Buffer::empty(area);
        Paragraph::new(Line::raw("abcdef")).render(area, &mut buffer);
        buffer[(2, 0)].set_symbol("\u{202e}");
        buffer[(3, 0)].set_symbol("d\u{2066}");
        scrub(&mut buffer);
        let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(text, "ab def");
    }
}
