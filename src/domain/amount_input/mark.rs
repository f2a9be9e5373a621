//! [`DecimalMark`]: the `[input] decimal_separator` setting — which of `.` and `,` separates the
//! fraction in typed amounts (the other groups digits by threes) — and writing amounts that way.

use rust_decimal::Decimal;

/// The character a person writes between whole units and the fraction (`[input]
/// decimal_separator`); the other of `.` and `,` is then the grouping mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DecimalMark {
    /// `1,234.56` (the default).
    #[default]
    Point,
    /// `1.234,56`.
    Comma,
}

/// The config key that sets the [`DecimalMark`], as its messages spell it.
pub const DECIMAL_SEPARATOR_KEY: &str = "[input] decimal_separator";

/// What the `decimal_separator` setting accepts.
pub const DECIMAL_SEPARATOR_HINT: &str = "expected \".\" (1,234.56) or \",\" (1.234,56)";

impl DecimalMark {
    /// Reads the setting: `"."` or `","`.
    pub fn from_setting(text: &str) -> Option<DecimalMark> {
        match text.trim() {
            "." => Some(DecimalMark::Point),
            "," => Some(DecimalMark::Comma),
            _ => None,
        }
    }

    /// The setting's value: `"."` or `","`.
    pub fn setting(self) -> &'static str {
        match self {
            DecimalMark::Point => ".",
            DecimalMark::Comma => ",",
        }
    }

    pub fn decimal(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }

    /// The mark allowed between groups of three digits.
    pub fn grouping(self) -> char {
        match self {
            DecimalMark::Point => ',',
            DecimalMark::Comma => '.',
        }
    }

    pub(super) fn other(self) -> DecimalMark {
        match self {
            DecimalMark::Point => DecimalMark::Comma,
            DecimalMark::Comma => DecimalMark::Point,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            DecimalMark::Point => "decimal point",
            DecimalMark::Comma => "decimal comma",
        }
    }

    /// `amount` with its written decimals and this mark, without grouping: `-1234,50`. What an
    /// editor pre-fills, so that Enter on it reads back the same amount.
    pub fn plain(self, amount: Decimal) -> String {
        let text = amount.to_string();
        match self {
            DecimalMark::Point => text,
            DecimalMark::Comma => text.replace('.', ","),
        }
    }

    /// `amount` with its written decimals, this mark and grouping by threes: `-1.234,50`.
    pub fn grouped(self, amount: Decimal) -> String {
        let plain = amount.abs().to_string();
        let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
        let mut out = String::from(if amount.is_sign_negative() && !amount.is_zero() {
            "-"
        } else {
            ""
        });
        for (i, digit) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(self.grouping());
            }
            out.push(digit);
        }
        if !frac.is_empty() {
            out.push(self.decimal());
            out.push_str(frac);
        }
        out
    }

    /// An example of an amount as this mark writes it.
    pub fn example(self) -> &'static str {
        match self {
            DecimalMark::Point => "1234.56 or 1,234.56",
            DecimalMark::Comma => "1234,56 or 1.234,56",
        }
    }
}
