//! Categorisation rules: which category a transaction gets from the user's rules.
//!
//! A rule matches on the payee (a text it contains, or a regular expression; both case-insensitive
//! and tried against the payee and the bank's description), an amount range (the size of the
//! amount, ignoring its sign, in the range's currency) and/or an account. The matching rule with
//! the highest priority wins; among equals, the newest. Pure: no I/O, patterns compiled up front.

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, Utc};

use super::account::AccountId;
use super::money::Money;

mod pattern;

use pattern::Subject;
pub use pattern::{PayeePattern, RuleError};

/// A stored rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: i64,
    /// The category name transactions get.
    pub category: String,
    pub payee: Option<PayeePattern>,
    /// Inclusive bounds on the size of the amount.
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub account: Option<AccountId>,
    /// The account's name (joined in by the store), for display.
    pub account_name: Option<String>,
    /// Higher wins.
    pub priority: i64,
    pub created: DateTime<Utc>,
}

/// A rule as the user asks for it, before it is checked and stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewRule {
    pub category: String,
    pub payee_contains: Option<String>,
    pub payee_regex: Option<String>,
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub account: Option<AccountId>,
    pub priority: i64,
}

impl NewRule {
    /// "Always put this payee in this category": a payee-contains rule.
    pub fn for_payee(payee: &str, category: &str) -> NewRule {
        NewRule {
            category: category.to_string(),
            payee_contains: Some(payee.to_string()),
            ..NewRule::default()
        }
    }

    /// Checks everything but the category and account names (the store knows those) and compiles
    /// the payee pattern.
    pub fn validate(&self) -> Result<Option<PayeePattern>, RuleError> {
        let payee = match (&self.payee_contains, &self.payee_regex) {
            (Some(_), Some(_)) => return Err(RuleError::BothPatterns),
            (Some(text), None) => Some(PayeePattern::contains(text)?),
            (None, Some(text)) => Some(PayeePattern::regex(text)?),
            (None, None) => None,
        };
        for bound in [self.min, self.max].into_iter().flatten() {
            if bound.is_negative() {
                return Err(RuleError::NegativeAmount(bound));
            }
        }
        if let (Some(min), Some(max)) = (self.min, self.max) {
            if min.currency != max.currency {
                return Err(RuleError::MixedCurrencies { min, max });
            }
            if min.amount > max.amount {
                return Err(RuleError::EmptyRange { min, max });
            }
        }
        if payee.is_none() && self.min.is_none() && self.max.is_none() && self.account.is_none() {
            return Err(RuleError::NoCondition);
        }
        Ok(payee)
    }
}

impl Rule {
    /// True when every condition of the rule holds for this transaction.
    pub fn matches(
        &self,
        payee: &str,
        description: &str,
        amount: Money,
        account: AccountId,
    ) -> bool {
        self.matches_subject(&subject(payee, description, amount, account))
    }

    fn matches_subject(&self, s: &Subject<'_>) -> bool {
        let size = s.amount.amount.abs();
        self.account.is_none_or(|a| a == s.account)
            && self
                .min
                .is_none_or(|m| m.currency == s.amount.currency && size >= m.amount)
            && self
                .max
                .is_none_or(|m| m.currency == s.amount.currency && size <= m.amount)
            && self.payee.as_ref().is_none_or(|p| p.matches(s))
    }

    /// Precedence: higher priority first, then newer (a later id: ids only grow, unlike clocks).
    pub fn precedence(&self, other: &Rule) -> Ordering {
        (other.priority, other.id).cmp(&(self.priority, self.id))
    }

    /// The conditions in words: `payee contains "blue bottle", 5.00 to 20.00, on Checking`.
    pub fn conditions(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = &self.payee {
            let verb = if p.is_regex() { "matches" } else { "contains" };
            parts.push(format!("payee {verb} \"{}\"", p.text()));
        }
        match (self.min, self.max) {
            (Some(min), Some(max)) => parts.push(format!("{} to {}", min.display(), max.display())),
            (Some(min), None) => parts.push(format!("at least {}", min.display())),
            (None, Some(max)) => parts.push(format!("at most {}", max.display())),
            (None, None) => {}
        }
        if let Some(a) = self.account {
            let name = self.account_name.clone().unwrap_or_else(|| format!("#{a}"));
            parts.push(format!("on {name}"));
        }
        parts.join(", ")
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} → {}", self.conditions(), self.category)
    }
}

fn subject<'a>(
    payee: &'a str,
    description: &'a str,
    amount: Money,
    account: AccountId,
) -> Subject<'a> {
    Subject {
        payee,
        description,
        payee_lower: payee.to_lowercase(),
        description_lower: description.to_lowercase(),
        amount,
        account,
    }
}

/// The rule that decides this transaction's category, if any matches.
pub fn best_rule<'r>(
    rules: &'r [Rule],
    payee: &str,
    description: &str,
    amount: Money,
    account: AccountId,
) -> Option<&'r Rule> {
    if rules.is_empty() {
        return None;
    }
    let s = subject(payee, description, amount, account);
    rules
        .iter()
        .filter(|r| r.matches_subject(&s))
        .min_by(|a, b| a.precedence(b))
}

/// The category the rules give this transaction, if any rule matches.
pub fn categorize<'r>(
    rules: &'r [Rule],
    payee: &str,
    description: &str,
    amount: Money,
    account: AccountId,
) -> Option<&'r str> {
    best_rule(rules, payee, description, amount, account).map(|r| r.category.as_str())
}

#[cfg(test)]
#[path = "categorize/tests.rs"]
mod tests;
