//! [`Currency`]: a currency code (ISO 4217 like `USD`, or a provider's own like Plaid's `BTC`,
//! `DOGE`, `USDT`) and its exponent, the number of decimals its amounts keep.
//!
//! Two ways in: [`Currency::new`] takes any well-formed code (2–12 ASCII letters), for
//! what providers, statements and the store hold; [`Currency::known`] also requires the code to
//! be in the table (`currency/table.rs`), for codes a person types, so that a typo like `XYZ` is
//! refused instead of becoming a currency nobody can add up with.

mod table;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::MoneyError;

/// The longest code Purse stores.
pub const MAX_LEN: usize = 12;

/// How a person should write a currency code; shown with every refused one.
pub const EXPECTED: &str =
    "expected an ISO 4217 code like \"USD\" or \"EUR\", or a provider code like \"BTC\"";

/// A currency code: 2–12 upper-case ASCII letters, inline (cheap to copy and compare). Letters
/// only, so the code is a valid commodity name in ledger and beancount exports as it is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency {
    /// The code, padded with zero bytes (so the derived order is the codes' alphabetical order).
    bytes: [u8; MAX_LEN],
    len: u8,
}

impl Currency {
    pub const USD: Currency = Currency::from_ascii(b"USD");
    pub const EUR: Currency = Currency::from_ascii(b"EUR");
    pub const GBP: Currency = Currency::from_ascii(b"GBP");

    /// For the constants above: `code` must be upper-case ASCII and at most [`MAX_LEN`] long.
    const fn from_ascii(code: &[u8]) -> Currency {
        let mut bytes = [0u8; MAX_LEN];
        let mut i = 0;
        while i < code.len() {
            bytes[i] = code[i];
            i += 1;
        }
        Currency {
            bytes,
            len: code.len() as u8,
        }
    }

    /// Any well-formed code (trimmed, upper-cased): 2–12 ASCII letters. Codes outside the table
    /// are kept (with two decimals); see [`Currency::known`].
    pub fn new(code: &str) -> Result<Self, MoneyError> {
        let code = code.trim();
        let bytes = code.as_bytes();
        if !(2..=MAX_LEN).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(MoneyError::BadCurrency(code.to_string()));
        }
        Ok(Currency::from_ascii(
            &code.to_ascii_uppercase().into_bytes(),
        ))
    }

    /// A code a person typed (a CLI flag, a config key): it must be an ISO 4217 code or a known
    /// provider code; anything else is [`MoneyError::UnknownCurrency`], quoting the value.
    pub fn known(code: &str) -> Result<Self, MoneyError> {
        match Currency::new(code) {
            Ok(c) if c.is_known() => Ok(c),
            _ => Err(MoneyError::UnknownCurrency(code.trim().to_string())),
        }
    }

    pub fn code(&self) -> &str {
        // ASCII by construction.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("XXX")
    }

    /// An active ISO 4217 code.
    pub fn is_iso(&self) -> bool {
        table::lookup(table::ISO, self.code()).is_some()
    }

    /// An ISO 4217 code or a provider code Purse knows the precision of.
    pub fn is_known(&self) -> bool {
        self.is_iso() || table::lookup(table::PROVIDER, self.code()).is_some()
    }

    /// Number of minor-unit digits: ISO 4217's exponent, the provider code's precision (8 for
    /// BTC and the other crypto-currencies), else 2.
    pub fn exponent(&self) -> u32 {
        let code = self.code();
        table::lookup(table::ISO, code)
            .or_else(|| table::lookup(table::PROVIDER, code))
            .unwrap_or(2)
    }

    /// A display symbol for the common currencies, else "" (the code is shown after the amount).
    pub fn symbol(&self) -> &'static str {
        match self.code() {
            "USD" | "CAD" | "AUD" | "NZD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            _ => "",
        }
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Currency::new(&s)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.code().to_string()
    }
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::new(s)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> Currency {
        Currency::new(c).unwrap_or_else(|e| panic!("{c}: {e}"))
    }

    #[test]
    fn codes_are_normalised_and_validated() {
        assert_eq!(code(" usd ").code(), "USD");
        assert_eq!(code("doge"), code("DOGE"));
        assert_eq!(Currency::USD, code("USD"));
        for bad in [
            "",
            "X",
            "U$D",
            "BTC-USD",
            "123",
            "1INCH",
            "ABCDEFGHIJKLM",
            "₿",
        ] {
            assert!(
                matches!(Currency::new(bad), Err(MoneyError::BadCurrency(_))),
                "{bad:?} accepted"
            );
        }
        assert_eq!(code("ABCDEFGHIJKL").code().len(), MAX_LEN);
        assert!(std::mem::size_of::<Currency>() <= 16);
    }

    #[test]
    fn order_is_alphabetical_across_lengths() {
        let mut codes = [
            code("USDT"),
            code("USD"),
            code("BTC"),
            code("DOGE"),
            code("EUR"),
        ];
        codes.sort();
        let names: Vec<&str> = codes.iter().map(Currency::code).collect();
        assert_eq!(names, ["BTC", "DOGE", "EUR", "USD", "USDT"]);
    }

    #[test]
    fn exponents_follow_iso_4217_and_provider_precision() {
        for (c, e) in [
            ("USD", 2),
            ("JPY", 0),
            ("KWD", 3),
            ("CLF", 4),
            ("UYW", 4),
            ("XAU", 2),
            ("BTC", 8),
            ("DOGE", 8),
            ("USDT", 8),
            ("QTUM", 8),
            ("GBX", 2),
            ("CNH", 2),
            ("ZZZ", 2),
        ] {
            assert_eq!(code(c).exponent(), e, "{c}");
        }
    }

    #[test]
    fn only_listed_codes_are_known() {
        for ok in ["usd", "EUR", "XCG", "BTC", "DOGE", "USDT", "GBX"] {
            assert!(Currency::known(ok).is_ok(), "{ok} refused");
        }
        for bad in ["XYZ", "HRK", "US", "U$D", "MILES"] {
            let err = Currency::known(bad).map(|c| c.to_string());
            assert_eq!(err, Err(MoneyError::UnknownCurrency(bad.to_string())));
        }
        let message = MoneyError::UnknownCurrency("XYZ".into()).to_string();
        assert!(
            message.contains("\"XYZ\"") && message.contains(EXPECTED),
            "{message}"
        );
        assert!(code("BTC").is_known() && !code("BTC").is_iso());
    }

    #[test]
    fn eight_decimal_amounts_stay_exact() {
        use crate::domain::Money;
        use rust_decimal::dec;
        let btc = Money::new(dec!(0.00012345), code("BTC"));
        assert_eq!(btc.to_minor(), Ok(12_345));
        assert_eq!(Money::from_minor(12_345, code("BTC")), btc);
        assert_eq!(btc.rounded(), btc);
        assert_eq!(btc.amount_string(), "0.00012345");
        assert_eq!(btc.neg().display(), "-0.00012345 BTC");
        let doge = Money::new(dec!(-1234.5), code("DOGE"));
        assert_eq!(doge.display(), "-1,234.50000000 DOGE");
        // 92 billion units still fit at eight decimals.
        let big = Money::new(dec!(92000000000.12345678), code("BTC"));
        assert_eq!(big.to_minor(), Ok(9_200_000_000_012_345_678));
    }

    #[test]
    fn tables_are_sorted_upper_case_and_disjoint() {
        let all: Vec<&[&str]> = table::ISO
            .iter()
            .chain(table::PROVIDER)
            .map(|(list, _)| *list)
            .collect();
        let mut seen = std::collections::HashSet::new();
        for list in all {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?} not sorted");
            for c in list {
                assert!(seen.insert(*c), "{c} listed twice");
                assert_eq!(code(c).code(), *c);
            }
        }
        assert_eq!(table::ISO.iter().map(|(l, _)| l.len()).sum::<usize>(), 178);
        assert_eq!(
            table::PROVIDER.iter().map(|(l, _)| l.len()).sum::<usize>(),
            23
        );
    }
}
