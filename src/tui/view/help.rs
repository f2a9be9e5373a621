//! The help overlay: every action with the keys it is bound to now (from the App's
//! [`crate::tui::keys::Keymap`], so rebinding shows here), plus the fixed keys of inputs and
//! the mouse; scrolls when the terminal is short.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::keys::BINDINGS;
use crate::tui::text;
use crate::tui::theme::Theme;

/// (keys, what they do) for every line of the help.
fn rows(app: &App) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = BINDINGS
        .iter()
        .map(|b| (app.keymap.label(b.action), b.help))
        .collect();
    rows.extend(text::HELP_FIXED.iter().map(|(k, w)| ((*k).to_string(), *w)));
    rows
}

/// The help as lines, keys padded to one column.
pub(super) fn lines(app: &App) -> Vec<Line<'static>> {
    let rows = rows(app);
    let key_w = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let theme = Theme::new(app.color);
    rows.into_iter()
        .map(|(k, w)| {
            let pad = key_w.saturating_sub(k.chars().count()) + 2;
            Line::from(vec![
                Span::styled(k, theme.key()),
                Span::raw(" ".repeat(pad)),
                Span::raw(w),
            ])
        })
        .collect()
}

/// Where the help box goes in `area`.
pub(super) fn popup(app: &App, area: Rect) -> Rect {
    let lines = lines(app);
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    area.centered(
        Constraint::Length(width.min(area.width.saturating_sub(2))),
        Constraint::Length(height.min(area.height.saturating_sub(2))),
    )
}

pub(super) fn render(app: &App, scroll: u16, frame: &mut Frame, area: Rect, theme: Theme) {
    let popup = popup(app, area);
    let inner = super::popup_block(frame, popup, text::HELP_TITLE, text::HELP_FOOTER, theme);
    frame.render_widget(Paragraph::new(lines(app)).scroll((scroll, 0)), inner);
}
