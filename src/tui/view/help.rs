//! The help overlay: every key from [`crate::tui::keys::HELP`] in a centred box.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Padding, Row, Table};

use crate::tui::keys::HELP;
use crate::tui::text;
use crate::tui::theme::Theme;

pub(super) fn render(frame: &mut Frame, area: Rect, theme: Theme) {
    let key_w = HELP
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0) as u16;
    let what_w = HELP
        .iter()
        .map(|(_, w)| w.chars().count())
        .max()
        .unwrap_or(0) as u16;
    // Borders (2) + padding (2) + column gap (2).
    let width = (key_w + what_w + 6).min(area.width.saturating_sub(2));
    let height = (HELP.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(" {} ", text::HELP_TITLE),
            theme.title(true),
        ))
        .title_bottom(Line::styled(format!(" {} ", text::HELP_FOOTER), theme.dim()).right_aligned())
        .padding(Padding::horizontal(1));
    let rows = HELP
        .iter()
        .map(|(k, w)| Row::new([Line::styled(*k, theme.key()), Line::from(*w)]));
    let table = Table::new(rows, [Constraint::Length(key_w), Constraint::Fill(1)])
        .column_spacing(2)
        .block(block);
    frame.render_widget(Clear, popup);
    frame.render_widget(table, popup);
}
