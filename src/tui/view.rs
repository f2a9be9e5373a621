//! `render`: draws the whole dashboard from the App alone (never the database): header, demo
//! banner, the four panes, the status bar and overlays, or a "too small" notice.

mod chrome;
mod help;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Overlay, Pane};
use super::theme::Theme;
use super::{layout, panes, text};

/// Draws `app` into `frame`. Never panics, whatever the frame size.
pub fn render(app: &App, frame: &mut Frame) {
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
        panes::render(app, pane, frame, areas.pane(pane), theme);
    }
    chrome::status_bar(app, frame, areas.status, theme);
    if app.overlay == Some(Overlay::Help) {
        help::render(frame, area, theme);
    }
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
