//! Accounts: a bank account or card as Purse keeps it, whatever provider it came from.
//!
//! Sign convention: balances are from the user's side. Assets are positive; money owed on a credit
//! card or loan is negative, so net worth is the plain sum of balances.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::money::{Currency, Money};

/// What sort of account this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Checking,
    Savings,
    CreditCard,
    Loan,
    Investment,
    Other,
}

impl AccountKind {
    pub const ALL: [AccountKind; 6] = [
        AccountKind::Checking,
        AccountKind::Savings,
        AccountKind::CreditCard,
        AccountKind::Loan,
        AccountKind::Investment,
        AccountKind::Other,
    ];

    /// The stable name used in the store and JSON output.
    pub fn as_str(&self) -> &'static str {
        match self {
            AccountKind::Checking => "checking",
            AccountKind::Savings => "savings",
            AccountKind::CreditCard => "credit_card",
            AccountKind::Loan => "loan",
            AccountKind::Investment => "investment",
            AccountKind::Other => "other",
        }
    }

    /// A heading for grouped displays.
    pub fn label(&self) -> &'static str {
        match self {
            AccountKind::Checking => "Checking",
            AccountKind::Savings => "Savings",
            AccountKind::CreditCard => "Credit cards",
            AccountKind::Loan => "Loans",
            AccountKind::Investment => "Investments",
            AccountKind::Other => "Other",
        }
    }

    /// Credit cards and loans carry debt: their balances are negative when money is owed.
    pub fn is_liability(&self) -> bool {
        matches!(self, AccountKind::CreditCard | AccountKind::Loan)
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not an account kind (expected checking, savings, credit_card, loan, investment or other)"
)]
pub struct BadAccountKind(pub String);

impl FromStr for AccountKind {
    type Err = BadAccountKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        AccountKind::ALL
            .into_iter()
            .find(|k| k.as_str() == norm || (norm == "credit" && *k == AccountKind::CreditCard))
            .ok_or_else(|| BadAccountKind(s.to_string()))
    }
}

/// Store-assigned account identifier.
pub type AccountId = i64;

/// An account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    /// Name of the connection (bank login) the account belongs to.
    pub connection: String,
    /// The provider's own identifier for the account.
    pub provider_account_id: String,
    pub name: String,
    pub kind: AccountKind,
    pub currency: Currency,
    /// Current (ledger) balance.
    pub balance: Money,
    /// Available balance, when the provider reports one.
    pub available: Option<Money>,
    /// Credit limit for cards and lines of credit.
    pub limit: Option<Money>,
    pub updated: DateTime<Utc>,
}

impl Account {
    /// The balance to test thresholds against: available when known, else current.
    pub fn spendable(&self) -> Money {
        self.available.unwrap_or(self.balance)
    }

    /// Credit used as a positive amount, with utilisation in percent (0–100+), for cards with a limit.
    pub fn credit_used(&self) -> Option<(Money, rust_decimal::Decimal)> {
        let limit = self.limit?;
        let used = Money::new(
            (-self.balance.amount).max(rust_decimal::Decimal::ZERO),
            self.currency,
        );
        if limit.amount.is_zero() {
            return None;
        }
        let pct = (used.amount / limit.amount * rust_decimal::Decimal::ONE_HUNDRED).round_dp(0);
        Some((used, pct))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn kinds_round_trip() {
        for k in AccountKind::ALL {
            assert_eq!(k.as_str().parse::<AccountKind>(), Ok(k));
        }
        assert_eq!(
            "Credit Card".parse::<AccountKind>(),
            Ok(AccountKind::CreditCard)
        );
        assert!("piggy".parse::<AccountKind>().is_err());
    }

    #[test]
    fn credit_utilisation() {
        let usd = Currency::USD;
        let card = Account {
            id: 1,
            connection: "demo".into(),
            provider_account_id: "c".into(),
            name: "Card".into(),
            kind: AccountKind::CreditCard,
            currency: usd,
            balance: Money::new(dec!(-1250), usd),
            available: None,
            limit: Some(Money::new(dec!(5000), usd)),
            updated: DateTime::<Utc>::default(),
        };
        let (used, pct) = card.credit_used().unwrap_or((Money::zero(usd), dec!(0)));
        assert_eq!(used.amount, dec!(1250));
        assert_eq!(pct, dec!(25));
        assert_eq!(card.spendable().amount, dec!(-1250));
    }
}
