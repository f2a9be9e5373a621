//! Money: an exact `Decimal` amount tagged with a [`Currency`] (ISO 4217 or a provider's code,
//! each with its own number of decimals: `money/currency.rs`).
//!
//! Arithmetic is only defined within one currency; mixing currencies is an error, never a silent
//! conversion. Conversion to and from integer minor units (the store's representation) lives here so
//! the exponent table is in one place.

pub mod currency;

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use currency::Currency;

/// Errors from money arithmetic and parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("cannot combine {left} with {right}: amounts are in different currencies")]
    CurrencyMismatch { left: Currency, right: Currency },
    #[error("\"{0}\" is not a currency code (expected letters, like USD or BTC)")]
    BadCurrency(String),
    #[error("\"{0}\" is not a currency Purse knows ({expected})", expected = currency::EXPECTED)]
    UnknownCurrency(String),
    #[error("\"{0}\" is not an amount (expected a decimal like 12.34)")]
    BadAmount(String),
    #[error("{amount} {currency} has more decimal places than {currency} allows ({exponent})")]
    TooPrecise {
        amount: Decimal,
        currency: Currency,
        exponent: u32,
    },
    #[error("{0} is too large to store")]
    Overflow(Decimal),
}

/// An exact amount in one currency. Positive is money in, negative is money out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Money { amount, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Money::new(Decimal::ZERO, currency)
    }

    /// Parses a decimal string ("12.34", "-5", "1,234.50") in the given currency.
    pub fn parse(text: &str, currency: Currency) -> Result<Self, MoneyError> {
        Ok(Money::new(parse_decimal(text)?, currency))
    }

    /// Builds money from integer minor units (cents for USD).
    pub fn from_minor(minor: i64, currency: Currency) -> Self {
        Money::new(Decimal::new(minor, currency.exponent()), currency)
    }

    /// Integer minor units; errors if the amount has more precision than the currency allows.
    pub fn to_minor(&self) -> Result<i64, MoneyError> {
        let exponent = self.currency.exponent();
        let scaled = self
            .amount
            .checked_mul(Decimal::from(10i64.pow(exponent)))
            .ok_or(MoneyError::Overflow(self.amount))?;
        if scaled.fract() != Decimal::ZERO {
            return Err(MoneyError::TooPrecise {
                amount: self.amount,
                currency: self.currency,
                exponent,
            });
        }
        i64::try_from(scaled).map_err(|_| MoneyError::Overflow(self.amount))
    }

    /// Rounds to the currency's minor unit (banker's rounding is avoided: half away from zero).
    pub fn rounded(&self) -> Self {
        let dp = self.currency.exponent();
        Money::new(
            self.amount
                .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            self.currency,
        )
    }

    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        Ok(Money::new(self.amount + other.amount, self.currency))
    }

    pub fn checked_sub(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        Ok(Money::new(self.amount - other.amount, self.currency))
    }

    pub fn neg(&self) -> Money {
        Money::new(-self.amount, self.currency)
    }

    pub fn abs(&self) -> Money {
        Money::new(self.amount.abs(), self.currency)
    }

    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// Sums amounts that must all be in `currency`.
    pub fn sum<'a>(
        currency: Currency,
        items: impl IntoIterator<Item = &'a Money>,
    ) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), |acc, m| acc.checked_add(m))
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// The plain decimal string used in JSON output: "-12.34", always with the currency's decimals.
    pub fn amount_string(&self) -> String {
        format_plain(self.amount, self.currency.exponent())
    }

    /// A human rendering with symbol and thousands separators: "-$1,234.50".
    pub fn display(&self) -> String {
        let plain = format_plain(self.amount.abs(), self.currency.exponent());
        let (int, frac) = match plain.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (plain.clone(), None),
        };
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if let Some(f) = frac {
            grouped.push('.');
            grouped.push_str(&f);
        }
        let sign = if self.is_negative() { "-" } else { "" };
        match self.currency.symbol() {
            "" => format!("{sign}{grouped} {}", self.currency),
            sym => format!("{sign}{sym}{grouped}"),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

fn format_plain(amount: Decimal, dp: u32) -> String {
    let rounded =
        amount.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let mut s = format!("{:.*}", dp as usize, rounded);
    if s == "-0" || s.starts_with("-0.") && s[1..].chars().all(|c| c == '0' || c == '.') {
        s.remove(0);
    }
    s
}

/// Parses a user- or provider-written decimal: optional sign, optional thousands commas, optional
/// leading currency symbol. Never goes through floating point.
pub fn parse_decimal(text: &str) -> Result<Decimal, MoneyError> {
    let trimmed = text.trim();
    let cleaned: String = trimmed
        .trim_start_matches(['$', '€', '£'])
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    let cleaned = cleaned.replace("-$", "-").replace("+$", "+");
    if cleaned.is_empty() || cleaned.contains(['e', 'E']) {
        return Err(MoneyError::BadAmount(trimmed.to_string()));
    }
    Decimal::from_str_exact(cleaned.trim_start_matches('+'))
        .map_err(|_| MoneyError::BadAmount(trimmed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn mixing_currencies_is_an_error() {
        let a = Money::new(dec!(1), Currency::USD);
        let b = Money::new(dec!(1), Currency::EUR);
        assert!(matches!(
            a.checked_add(&b),
            Err(MoneyError::CurrencyMismatch { .. })
        ));
        assert_eq!(a.checked_add(&a).map(|m| m.amount), Ok(dec!(2)));
    }

    #[test]
    fn minor_units_round_trip_per_exponent() {
        let usd = Money::new(dec!(-12.34), Currency::USD);
        assert_eq!(usd.to_minor(), Ok(-1234));
        assert_eq!(Money::from_minor(-1234, Currency::USD), usd);
        let jpy = Currency::new("JPY").map(|c| Money::new(dec!(500), c));
        assert_eq!(jpy.and_then(|m| m.to_minor()), Ok(500));
        let kwd = Currency::new("KWD").map(|c| Money::new(dec!(1.234), c));
        assert_eq!(kwd.and_then(|m| m.to_minor()), Ok(1234));
        assert!(matches!(
            Money::new(dec!(0.001), Currency::USD).to_minor(),
            Err(MoneyError::TooPrecise { .. })
        ));
        assert!(matches!(
            Money::new(Decimal::MAX, Currency::USD).to_minor(),
            Err(MoneyError::Overflow(_))
        ));
        assert!(matches!(
            Money::new(dec!(1e17), Currency::USD).to_minor(),
            Err(MoneyError::Overflow(_))
        ));
    }

    #[test]
    fn parses_without_floats() {
        assert_eq!(parse_decimal("1,234.50"), Ok(dec!(1234.50)));
        assert_eq!(parse_decimal(" -$12.34 "), Ok(dec!(-12.34)));
        assert_eq!(parse_decimal("$450"), Ok(dec!(450)));
        assert_eq!(parse_decimal("0.1"), Ok(dec!(0.1)));
        assert!(parse_decimal("abc").is_err());
        assert!(parse_decimal("").is_err());
        assert!(parse_decimal("1e5").is_err());
    }

    #[test]
    fn displays_with_symbol_and_grouping() {
        assert_eq!(
            Money::new(dec!(-1234.5), Currency::USD).display(),
            "-$1,234.50"
        );
        assert_eq!(Money::new(dec!(12), Currency::EUR).display(), "€12.00");
        assert_eq!(
            Money::new(dec!(1000000), Currency::USD).display(),
            "$1,000,000.00"
        );
        assert_eq!(
            Money::new(dec!(-0.001), Currency::USD).amount_string(),
            "0.00"
        );
        assert_eq!(
            Money::new(dec!(-12.3), Currency::USD).amount_string(),
            "-12.30"
        );
    }
}
