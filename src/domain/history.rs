//! The transaction history as the analysis rules see it: merchant identity, spending charges
//! (money out in an expense category, so transfers, card payments and income never count) and
//! top-level categories.

use super::category::{CategoryKind, CategoryTree};
use super::transaction::Transaction;

/// How merchants are compared: case, surrounding space and repeated inner spaces ignored.
pub fn merchant_key(payee: &str) -> String {
    payee
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A charge: money out in an expense category (income, transfers and card payments are not).
pub fn is_charge(t: &Transaction, tree: &CategoryTree) -> bool {
    t.amount.is_negative() && tree.kind(&t.category) == CategoryKind::Expense
}

/// The top-level ancestor of `name` (itself when it has no parent or is unknown).
pub fn top_level<'a>(tree: &'a CategoryTree, name: &'a str) -> &'a str {
    let mut current = name;
    for _ in 0..32 {
        match tree.get(current).and_then(|c| c.parent.as_deref()) {
            Some(parent) => current = parent,
            None => break,
        }
    }
    current
}

#[cfg(test)]
pub(crate) mod fixture {
    //! Transactions for the rules' table tests.

    use chrono::{DateTime, NaiveDate};

    use crate::domain::{Account, AccountKind, Currency, Money, Transaction};

    /// An account with a balance in cents (available = balance for cash accounts).
    pub fn account(id: i64, name: &str, kind: AccountKind, cents: i64) -> Account {
        let money = Money::from_minor(cents, Currency::USD);
        Account {
            id,
            connection: "Bank".into(),
            provider_account_id: format!("a{id}"),
            name: name.into(),
            kind,
            currency: Currency::USD,
            balance: money,
            available: (!kind.is_liability()).then_some(money),
            limit: None,
            updated: DateTime::default(),
        }
    }

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// A posted transaction: `cents` negative for money out.
    pub fn txn(
        id: i64,
        account: i64,
        date: NaiveDate,
        cents: i64,
        payee: &str,
        category: &str,
    ) -> Transaction {
        Transaction {
            id,
            provider_id: format!("p{id}"),
            account_id: account,
            account: format!("Account {account}"),
            date,
            amount: Money::from_minor(cents, Currency::USD),
            payee: payee.into(),
            description: payee.to_uppercase(),
            category: category.into(),
            pending: false,
            notes: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{day, txn};
    use super::*;

    #[test]
    fn merchants_compare_loosely() {
        assert_eq!(
            merchant_key("  Blue   Bottle Coffee "),
            "blue bottle coffee"
        );
        assert_eq!(
            merchant_key("BLUE BOTTLE COFFEE"),
            merchant_key("Blue Bottle Coffee")
        );
    }

    #[test]
    fn charges_are_expense_outflows() {
        let tree = CategoryTree::defaults();
        let d = day(2026, 11, 2);
        assert!(is_charge(&txn(1, 1, d, -500, "Cafe", "Coffee"), &tree));
        assert!(is_charge(&txn(1, 1, d, -500, "?", "Uncategorized"), &tree));
        assert!(!is_charge(&txn(1, 1, d, 500, "Cafe", "Coffee"), &tree));
        assert!(!is_charge(
            &txn(1, 1, d, -500, "Pay", "Credit card payment"),
            &tree
        ));
        assert!(!is_charge(&txn(1, 1, d, -500, "Sav", "Transfers"), &tree));
    }

    #[test]
    fn top_levels() {
        let tree = CategoryTree::defaults();
        assert_eq!(top_level(&tree, "Coffee"), "Dining");
        assert_eq!(top_level(&tree, "Dining"), "Dining");
        assert_eq!(top_level(&tree, "Made up"), "Made up");
    }
}
