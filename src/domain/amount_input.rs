//! Amounts a person types — on the command line, in the dashboard's editors, in the config file —
//! read by one parser, the same way everywhere. It never guesses: a grouping mark is accepted only
//! between groups of three digits (`1,234.56`, `12,345`); text that only makes sense with the
//! other decimal mark (`1,50`, `1.000,00` when the mark is `.`) is refused as ambiguous, showing
//! the accepted form; more decimals than the currency has is refused, never rounded. The decimal
//! mark is the `[input] decimal_separator` setting ([`DecimalMark`]). Statement and provider
//! amounts are not read here: they follow their own formats.

mod mark;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

pub use mark::{DECIMAL_SEPARATOR_HINT, DECIMAL_SEPARATOR_KEY, DecimalMark};

use rust_decimal::Decimal;

use super::money::{Currency, Money};

/// Why a typed amount was refused. Each message quotes the value as typed and says what to type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error(
        "\"{value}\" is not an amount: type one like {} (groups of three)",
        mark.example()
    )]
    NotAnAmount { value: String, mark: DecimalMark },

    #[error(
        "\"{value}\" is ambiguous: write {suggestion} ({}) — or set {DECIMAL_SEPARATOR_KEY} = \"{}\"",
        mark.name(),
        mark.other().setting()
    )]
    Ambiguous {
        value: String,
        /// The other mark's reading, written with this mark.
        suggestion: String,
        mark: DecimalMark,
    },

    #[error(
        "\"{value}\" has {written} decimal {}, but {currency} allows {allowed}{}",
        if *written == 1 { "place" } else { "places" },
        whole_number(suggestion.as_deref())
    )]
    TooPrecise {
        value: String,
        written: u32,
        currency: Currency,
        allowed: u32,
        /// The other mark's reading (a whole number with grouping), written with this mark.
        suggestion: Option<String>,
    },

    #[error(
        "\"{value}\" is written in {symbol}, but this amount is in {currency}; leave out the symbol"
    )]
    WrongSymbol {
        value: String,
        symbol: char,
        currency: Currency,
    },

    #[error("\"{value}\" is too large to store")]
    TooLarge { value: String },
}

fn whole_number(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| {
        format!(" (or write {s} for the whole number)")
    })
}

/// The currency symbols a typed amount may start with.
const SYMBOLS: [char; 4] = ['$', '€', '£', '¥'];

/// Reads an amount a person typed, in `currency`, with `mark` as the decimal mark: surrounding
/// whitespace, a sign (`-`, `+`) and a leading symbol of that currency (either order) are
/// allowed. See the module doc for what is refused.
pub fn parse_amount(
    text: &str,
    currency: Currency,
    mark: DecimalMark,
) -> Result<Money, AmountError> {
    let value = text.trim();
    let owned = || value.to_string();
    let not_an_amount = || AmountError::NotAnAmount {
        value: owned(),
        mark,
    };
    let (negative, body) = strip_sign_and_symbol(value, currency)?;
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_an_amount());
    }
    let signed = |amount: Decimal| if negative { -amount } else { amount };
    let other = read(body, mark.other())
        .and_then(|r| r.value().ok())
        .map(|v| mark.grouped(signed(v)));
    let Some(reading) = read(body, mark) else {
        return Err(match other {
            Some(suggestion) => AmountError::Ambiguous {
                value: owned(),
                suggestion,
                mark,
            },
            None => not_an_amount(),
        });
    };
    let allowed = currency.exponent();
    if reading.decimals() > allowed {
        return Err(AmountError::TooPrecise {
            value: owned(),
            written: reading.decimals(),
            currency,
            allowed,
            suggestion: other,
        });
    }
    let amount = reading
        .value()
        .map_err(|()| AmountError::TooLarge { value: owned() })?;
    let money = Money::new(signed(amount), currency);
    money
        .to_minor()
        .map_err(|_| AmountError::TooLarge { value: owned() })?;
    Ok(money)
}

/// Removes a leading sign and currency symbol (in either order): (negative, the rest).
fn strip_sign_and_symbol(value: &str, currency: Currency) -> Result<(bool, &str), AmountError> {
    let mut rest = value;
    let mut negative = None;
    let mut symbol = None;
    for _ in 0..2 {
        if negative.is_none() {
            if let Some(r) = rest.strip_prefix('-') {
                (negative, rest) = (Some(true), r);
                continue;
            }
            if let Some(r) = rest.strip_prefix('+') {
                (negative, rest) = (Some(false), r);
                continue;
            }
        }
        if symbol.is_none()
            && let Some(c) = rest.chars().next().filter(|c| SYMBOLS.contains(c))
        {
            (symbol, rest) = (Some(c), &rest[c.len_utf8()..]);
        }
    }
    if let Some(symbol) = symbol
        && !currency.symbol().starts_with(symbol)
    {
        return Err(AmountError::WrongSymbol {
            value: value.to_string(),
            symbol,
            currency,
        });
    }
    Ok((negative.unwrap_or(false), rest))
}

/// One syntactically valid reading: the digits before and after the decimal mark.
struct Reading {
    whole: String,
    fraction: String,
}

impl Reading {
    fn decimals(&self) -> u32 {
        u32::try_from(self.fraction.len()).unwrap_or(u32::MAX)
    }

    /// The exact value, or `Err` when it has too many digits for a `Decimal`.
    fn value(&self) -> Result<Decimal, ()> {
        let whole = if self.whole.is_empty() {
            "0"
        } else {
            &self.whole
        };
        let text = if self.fraction.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{}", self.fraction)
        };
        Decimal::from_str_exact(&text).map_err(|_| ())
    }
}

/// `body` (digits, `.` and `,` only) read with `mark`, or `None` if it is not written that way.
fn read(body: &str, mark: DecimalMark) -> Option<Reading> {
    let mut parts = body.split(mark.decimal());
    let int = parts.next()?;
    let fraction = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if let Some(f) = fraction {
        if f.is_empty() || !digits(f) {
            return None;
        }
    } else if int.is_empty() {
        return None;
    }
    let mut groups = int.split(mark.grouping());
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    // Grouped digits start with a non-zero group of one to three: "0,500" is not five hundred.
    let grouped_ok = rest.is_empty()
        || ((1..=3).contains(&first.len())
            && !first.starts_with('0')
            && rest.iter().all(|g| g.len() == 3));
    if !grouped_ok || !digits(first) || !rest.iter().all(|g| digits(g)) {
        return None;
    }
    Some(Reading {
        whole: int.chars().filter(char::is_ascii_digit).collect(),
        fraction: fraction.unwrap_or("").to_string(),
    })
}
