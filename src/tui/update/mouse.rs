//! The mouse: a left click focuses the pane under it and selects the row clicked; the wheel
//! scrolls the pane under it (or the open overlay). Ignored while a text input is open.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use crate::tui::action::{Command, EditorInput};
use crate::tui::app::{App, Overlay};
use crate::tui::layout;

use super::{cursor_of, input, step, step_pane};

/// Rows one wheel notch scrolls.
pub const WHEEL_ROWS: isize = 3;

pub(super) fn mouse(app: &mut App, event: MouseEvent) -> Vec<Command> {
    if app.editing() || app.searching() {
        return Vec::new();
    }
    let wheel = match event.kind {
        MouseEventKind::ScrollDown => WHEEL_ROWS,
        MouseEventKind::ScrollUp => -WHEEL_ROWS,
        MouseEventKind::Down(MouseButton::Left) => 0,
        _ => return Vec::new(),
    };
    if let Some(overlay) = &app.overlay {
        return match overlay {
            Overlay::Picker(_) if wheel != 0 => input::editor(app, EditorInput::Move(wheel)),
            _ if wheel != 0 => step(app, wheel),
            _ => Vec::new(),
        };
    }
    let Some(pane) = layout::pane_at(app, event.column, event.row) else {
        return Vec::new();
    };
    app.notice = None;
    app.focus = pane;
    if wheel != 0 {
        return step_pane(app, pane, wheel);
    }
    match layout::row_at(app, pane, event.row) {
        Some(index) => {
            let current = cursor_of(app, pane).selected as isize;
            step_pane(app, pane, index as isize - current)
        }
        None => Vec::new(),
    }
}
