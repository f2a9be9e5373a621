//! A selection plus scroll offset over a list of `len` rows shown `height` rows at a time.
//!
//! Shared by every pane so j/k, PageUp/PageDown and g/G behave the same everywhere.

/// Selected row and first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// Moves by `delta` rows (negative = up), clamped to the list.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = ListCursor::default();
            return;
        }
        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(len - 1);
        self.scroll_into_view(height);
    }

    pub fn top(&mut self) {
        *self = ListCursor::default();
    }

    pub fn bottom(&mut self, len: usize, height: usize) {
        self.selected = len.saturating_sub(1);
        self.scroll_into_view(height);
    }

    /// Keeps the selection inside a shrunk or reloaded list.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = self.offset.min(len.saturating_sub(1));
        self.scroll_into_view(height);
    }

    /// Shifts both indices when `n` rows are inserted (positive) or removed (negative) above them.
    pub fn shift(&mut self, n: isize) {
        self.selected = self.selected.saturating_add_signed(n);
        self.offset = self.offset.saturating_add_signed(n);
    }

    /// Adjusts the offset the least amount that keeps the selection visible.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_clamp_and_scroll() {
        let mut c = ListCursor::default();
        c.move_by(1, 0, 5);
        assert_eq!(c, ListCursor::default());
        c.move_by(7, 10, 5);
        assert_eq!(
            c,
            ListCursor {
                selected: 7,
                offset: 3
            }
        );
        c.move_by(100, 10, 5);
        assert_eq!(
            c,
            ListCursor {
                selected: 9,
                offset: 5
            }
        );
        c.move_by(-6, 10, 5);
        assert_eq!(
            c,
            ListCursor {
                selected: 3,
                offset: 3
            }
        );
        c.bottom(10, 5);
        assert_eq!(c.selected, 9);
        c.clamp(4, 5);
        assert_eq!(
            c,
            ListCursor {
                selected: 3,
                offset: 3
            }
        );
        c.top();
        assert_eq!(c, ListCursor::default());
    }
}
