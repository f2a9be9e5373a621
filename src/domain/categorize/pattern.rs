//! Payee conditions of categorisation rules (a contained text or a regular expression, both
//! case-insensitive) and why a rule can be refused.

use regex::{Regex, RegexBuilder};

use super::super::account::AccountId;
use super::super::money::Money;

/// Why a rule cannot be made. Messages quote the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("the payee text is empty: give part of the payee's name, like \"blue bottle\"")]
    EmptyPattern,
    #[error("payee pattern \"{pattern}\" is not a valid regular expression: {reason}")]
    BadRegex { pattern: String, reason: String },
    #[error("give a payee text or a payee regular expression, not both")]
    BothPatterns,
    #[error(
        "a rule needs at least one condition: a payee text or pattern, an amount range or an account"
    )]
    NoCondition,
    #[error(
        "amount {0} is negative: rules compare the size of an amount, so give 12.50 for a $12.50 charge"
    )]
    NegativeAmount(Money),
    #[error("the minimum amount {min} is above the maximum {max}")]
    EmptyRange { min: Money, max: Money },
    #[error("the minimum {min} and maximum {max} are in different currencies")]
    MixedCurrencies { min: Money, max: Money },
}

/// A payee condition, as written and compiled.
#[derive(Debug, Clone)]
pub struct PayeePattern {
    text: String,
    matcher: Matcher,
}

#[derive(Debug, Clone)]
enum Matcher {
    /// The lower-cased needle.
    Contains(String),
    Regex(Regex),
}

impl PayeePattern {
    /// The payee (or description) contains `text`, ignoring case.
    pub fn contains(text: &str) -> Result<Self, RuleError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(RuleError::EmptyPattern);
        }
        Ok(PayeePattern {
            text: text.to_string(),
            matcher: Matcher::Contains(text.to_lowercase()),
        })
    }

    /// The payee (or description) matches the regular expression `text`, ignoring case.
    pub fn regex(text: &str) -> Result<Self, RuleError> {
        if text.trim().is_empty() {
            return Err(RuleError::EmptyPattern);
        }
        let regex = RegexBuilder::new(text)
            .case_insensitive(true)
            .build()
            .map_err(|e| RuleError::BadRegex {
                pattern: text.to_string(),
                reason: e.to_string(),
            })?;
        Ok(PayeePattern {
            text: text.to_string(),
            matcher: Matcher::Regex(regex),
        })
    }

    /// The pattern as the user wrote it.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_regex(&self) -> bool {
        matches!(self.matcher, Matcher::Regex(_))
    }

    /// For a contains-pattern, the lower-cased text it looks for.
    pub fn needle(&self) -> Option<&str> {
        match &self.matcher {
            Matcher::Contains(needle) => Some(needle),
            Matcher::Regex(_) => None,
        }
    }

    pub(super) fn matches(&self, subject: &Subject<'_>) -> bool {
        match &self.matcher {
            Matcher::Contains(needle) => {
                subject.payee_lower.contains(needle.as_str())
                    || subject.description_lower.contains(needle.as_str())
            }
            Matcher::Regex(re) => re.is_match(subject.payee) || re.is_match(subject.description),
        }
    }
}

impl PartialEq for PayeePattern {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.is_regex() == other.is_regex()
    }
}

impl Eq for PayeePattern {}

/// What a rule looks at, prepared once per transaction.
pub(super) struct Subject<'a> {
    pub payee: &'a str,
    pub description: &'a str,
    pub payee_lower: String,
    pub description_lower: String,
    pub amount: Money,
    pub account: AccountId,
}
