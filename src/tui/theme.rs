//! Styles. One [`Theme`] decides every colour; with `color == false` (`NO_COLOR`) it uses only
//! bold, dim, italic and reverse, so nothing depends on colour to be understood.

use ratatui::style::{Color, Modifier, Style};
use rust_decimal::Decimal;

/// Budget use at or above this percentage is a warning (amber); above 100 it is over (red).
pub const WARN_PERCENT: Decimal = Decimal::from_parts(80, 0, 0, false, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        Theme { color }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn plain(self) -> Style {
        Style::new()
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn brand(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => Style::new().fg(Color::DarkGray),
            (false, false) => Style::new(),
        }
    }

    pub fn title(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    /// The selected row; only the focused pane shows it strongly.
    pub fn selected(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .bg(Color::DarkGray)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED),
            (false, _) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn column_header(self) -> Style {
        self.fg(Color::Gray).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn pending(self) -> Style {
        self.dim().add_modifier(Modifier::ITALIC)
    }

    /// Money in (green) or out (red); zero is plain.
    pub fn flow(self, amount: Decimal) -> Style {
        if amount.is_sign_positive() && !amount.is_zero() {
            self.fg(Color::Green)
        } else if amount.is_sign_negative() && !amount.is_zero() {
            self.fg(Color::Red)
        } else {
            Style::new()
        }
    }

    /// A balance: red when negative, plain otherwise.
    pub fn balance(self, amount: Decimal) -> Style {
        if amount.is_sign_negative() && !amount.is_zero() {
            self.fg(Color::Red)
        } else {
            Style::new()
        }
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn bad(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Budget level: green under 80%, amber 80–100%, red over.
    pub fn level(self, percent: Decimal) -> Style {
        if percent > Decimal::ONE_HUNDRED {
            self.bad()
        } else if percent >= WARN_PERCENT {
            self.warn()
        } else {
            self.ok()
        }
    }

    pub fn banner(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// Money-in columns: green, or plain beside dimmed money-out ones without colour.
    pub fn chart_in(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn chart_out(self) -> Style {
        if self.color {
            Style::new().fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.bad()
    }

    pub fn input(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}
