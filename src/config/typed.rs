//! Typed readers over the merged tree (text, secret, count, amount, bool, path, fixed
//! choices), each accepting what the file or a `PURSE__…` variable (always text) may hold and
//! explaining what it expected. Also `~` expansion for paths.

use std::ops::RangeInclusive;
use std::path::PathBuf;

use config::Value;
use rust_decimal::Decimal;

use super::error::{ConfigError, Location};
use super::leaf::{Ctx, Scalar};
use super::secret::Secret;
use crate::domain::{Currency, DecimalMark, parse_amount};

const QUOTE_AMOUNTS: &str =
    "amounts must be quoted so they are read exactly, not as a binary float, like \"100.50\"";

impl Ctx<'_> {
    pub fn string(&self, key: &str, value: &Value) -> Result<String, ConfigError> {
        let leaf = self.leaf(key, value, false)?;
        match leaf.value {
            Scalar::Str(s) => Ok(s),
            _ => Err(leaf.bad("expected text in quotes")),
        }
    }

    /// A non-empty secret. The value never appears in an error.
    pub fn secret(&self, key: &str, value: &Value) -> Result<Secret, ConfigError> {
        let leaf = self.leaf(key, value, true)?;
        match &leaf.value {
            Scalar::Str(s) if !s.trim().is_empty() => Ok(Secret::new(s.trim())),
            _ => Err(leaf.bad("expected a non-empty value in quotes, usually \"env:VARNAME\"")),
        }
    }

    pub fn count(
        &self,
        key: &str,
        value: &Value,
        range: RangeInclusive<u32>,
    ) -> Result<u32, ConfigError> {
        let leaf = self.leaf(key, value, false)?;
        let n = match &leaf.value {
            Scalar::Int(i) => Some(*i),
            Scalar::Str(s) => s.trim().parse::<i128>().ok(),
            _ => None,
        };
        n.and_then(|n| u32::try_from(n).ok())
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                leaf.bad(format!(
                    "expected a whole number from {} to {}",
                    range.start(),
                    range.end()
                ))
            })
    }

    /// An exact amount in `currency`: a quoted amount read like any amount a person types (with
    /// `mark`, the `[input] decimal_separator`; the built-in defaults always with `.`) or an
    /// integer, never a binary float.
    pub fn amount(
        &self,
        key: &str,
        value: &Value,
        currency: Currency,
        mark: DecimalMark,
    ) -> Result<Decimal, ConfigError> {
        let leaf = self.leaf(key, value, false)?;
        let mark = match leaf.location {
            Location::Defaults => DecimalMark::Point,
            _ => mark,
        };
        match &leaf.value {
            Scalar::Str(s) => parse_amount(s, currency, mark)
                .map(|m| m.amount)
                .map_err(|e| leaf.bad(e.to_string())),
            Scalar::Int(i) => i64::try_from(*i)
                .map(Decimal::from)
                .map_err(|_| leaf.bad("expected a smaller amount")),
            Scalar::Float(_) => Err(leaf.bad(QUOTE_AMOUNTS)),
            _ => Err(leaf.bad("expected an amount in quotes, like \"100.00\"")),
        }
    }

    pub fn boolean(&self, key: &str, value: &Value) -> Result<bool, ConfigError> {
        let leaf = self.leaf(key, value, false)?;
        match &leaf.value {
            Scalar::Bool(b) => Ok(*b),
            Scalar::Str(s) if s.trim().eq_ignore_ascii_case("true") => Ok(true),
            Scalar::Str(s) if s.trim().eq_ignore_ascii_case("false") => Ok(false),
            _ => Err(leaf.bad("expected true or false")),
        }
    }

    /// A file path; a leading `~` means the home directory.
    pub fn path(&self, key: &str, value: &Value) -> Result<PathBuf, ConfigError> {
        let leaf = self.leaf(key, value, false)?;
        let Scalar::Str(text) = &leaf.value else {
            return Err(leaf.bad("expected a file path in quotes"));
        };
        if text.trim().is_empty() {
            return Err(leaf.bad("expected a file path in quotes"));
        }
        expand_home(text).ok_or_else(|| {
            leaf.bad("cannot expand ~: the home directory is unknown; write the full path")
        })
    }

    /// A value that must be some fixed text: `parse` returns `None` for anything else.
    pub fn choice<T>(
        &self,
        key: &str,
        value: &Value,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<T, ConfigError> {
        let leaf = self.leaf(key, value, false)?;
        match &leaf.value {
            Scalar::Str(s) => parse(s.trim()).ok_or_else(|| leaf.bad(expected)),
            _ => Err(leaf.bad(expected)),
        }
    }
}

/// Expands a leading `~` or `~/`; `None` if that needs a home directory we cannot find.
pub(crate) fn expand_home(text: &str) -> Option<PathBuf> {
    let rest = match text.strip_prefix('~') {
        Some("") => "",
        Some(rest) if rest.starts_with('/') || rest.starts_with('\\') => &rest[1..],
        _ => return Some(PathBuf::from(text)),
    };
    let home = directories::BaseDirs::new()?.home_dir().to_path_buf();
    Some(if rest.is_empty() {
        home
    } else {
        home.join(rest)
    })
}
