//! Budgets and the monthly budget report: a pure function from budgets and spending to lines.
//!
//! A category's budget for a month is the latest budget set for that category in that month or any
//! earlier one (a month without its own budget inherits the last). Spending is the negated net of
//! expense transactions, so refunds reduce it; income and transfers never count as spending.
//! A budget on a parent category covers its children.
//!
//! Rollover (submodule `rollover`): what a category left unspent carries into the next month and
//! what it overspent is taken from it; [`budget_report`] alone reports one month with none.

mod rollover;

pub use rollover::budget_report_with_rollover;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::category::{CategoryKind, CategoryTree};
use super::money::{Currency, Money};
use super::month::Month;

/// A budget as set by the user: `amount` for `category` from `month` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub category: String,
    pub month: Month,
    pub amount: Money,
}

/// Net amount of one category's transactions in a month (negative = money out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryNet {
    pub category: String,
    pub net: Money,
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    pub category: String,
    pub budgeted: Money,
    pub spent: Money,
    /// What is left: budgeted plus rollover minus spent.
    pub remaining: Money,
    /// The month whose budget applies (earlier than the report month when inherited).
    pub set_in: Month,
    /// Carried in from earlier months: unspent (positive) or overspent (negative) budget.
    pub rollover: Money,
}

impl BudgetLine {
    /// What the month may spend: budgeted plus rollover.
    pub fn available(&self) -> Money {
        Money::new(
            self.budgeted.amount + self.rollover.amount,
            self.budgeted.currency,
        )
    }

    /// Spent as a percentage of what is available (None when nothing is).
    pub fn percent(&self) -> Option<rust_decimal::Decimal> {
        let available = self.available().amount;
        if available <= rust_decimal::Decimal::ZERO {
            None
        } else {
            Some((self.spent.amount / available * rust_decimal::Decimal::ONE_HUNDRED).round_dp(1))
        }
    }
}

/// The month's budget report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetReport {
    pub month: Month,
    pub currency: Currency,
    pub lines: Vec<BudgetLine>,
    /// Spending in categories no budget covers.
    pub unbudgeted: Money,
    pub total_budgeted: Money,
    /// Spending on budgeted categories plus unbudgeted spending.
    pub total_spent: Money,
    pub total_remaining: Money,
}

/// Builds the report for `month` in `currency`.
///
/// `budgets` may hold any months; those after `month` and in other currencies are ignored.
/// `spending` holds the month's net per category; other currencies are ignored.
pub fn budget_report(
    month: Month,
    currency: Currency,
    tree: &CategoryTree,
    budgets: &[Budget],
    spending: &[CategoryNet],
) -> BudgetReport {
    // Latest budget per category at or before the month.
    let mut current: BTreeMap<&str, &Budget> = BTreeMap::new();
    for b in budgets
        .iter()
        .filter(|b| b.month <= month && b.amount.currency == currency)
    {
        match current.get(b.category.as_str()) {
            Some(existing) if existing.month >= b.month => {}
            _ => {
                current.insert(b.category.as_str(), b);
            }
        }
    }
    let zero = Money::zero(currency);
    let mut lines: Vec<BudgetLine> = current
        .values()
        .map(|b| BudgetLine {
            category: b.category.clone(),
            budgeted: b.amount,
            spent: zero,
            remaining: b.amount,
            set_in: b.month,
            rollover: zero,
        })
        .collect();
    let mut unbudgeted = rust_decimal::Decimal::ZERO;
    for item in spending.iter().filter(|s| s.net.currency == currency) {
        if tree.kind(&item.category) != CategoryKind::Expense {
            continue;
        }
        let spent = -item.net.amount;
        // The most specific budgeted ancestor covers this spending.
        let covering = lines
            .iter_mut()
            .filter(|l| tree.is_within(&item.category, &l.category))
            .max_by_key(|l| depth(tree, &l.category));
        match covering {
            Some(line) => line.spent.amount += spent,
            None => unbudgeted += spent,
        }
    }
    for line in &mut lines {
        line.remaining = Money::new(line.budgeted.amount - line.spent.amount, currency);
    }
    let total_budgeted: rust_decimal::Decimal = lines.iter().map(|l| l.budgeted.amount).sum();
    let total_spent: rust_decimal::Decimal = lines
        .iter()
        .map(|l| l.spent.amount)
        .sum::<rust_decimal::Decimal>()
        + unbudgeted;
    BudgetReport {
        month,
        currency,
        lines,
        unbudgeted: Money::new(unbudgeted, currency),
        total_budgeted: Money::new(total_budgeted, currency),
        total_spent: Money::new(total_spent, currency),
        total_remaining: Money::new(total_budgeted - total_spent, currency),
    }
}

fn depth(tree: &CategoryTree, name: &str) -> usize {
    let mut d = 0;
    let mut current = tree.get(name).and_then(|c| c.parent.clone());
    while let Some(p) = current {
        d += 1;
        if d > 32 {
            break;
        }
        current = tree.get(&p).and_then(|c| c.parent.clone());
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn usd(v: i64) -> Money {
        Money::from_minor(v, Currency::USD)
    }

    fn m(s: &str) -> Month {
        s.parse().unwrap_or(Month::of(chrono::NaiveDate::MIN))
    }

    fn net(cat: &str, cents: i64) -> CategoryNet {
        CategoryNet {
            category: cat.into(),
            net: usd(cents),
        }
    }

    #[test]
    fn spent_remaining_and_unbudgeted() {
        let tree = CategoryTree::defaults();
        let budgets = vec![Budget {
            category: "Groceries".into(),
            month: m("2026-11"),
            amount: usd(45000),
        }];
        let spending = vec![
            net("Groceries", -31250),
            net("Dining", -4000),
            net("Paycheck", 500000),
        ];
        let r = budget_report(m("2026-11"), Currency::USD, &tree, &budgets, &spending);
        assert_eq!(r.lines.len(), 1);
        assert_eq!(r.lines[0].spent, usd(31250));
        assert_eq!(r.lines[0].remaining, usd(13750));
        assert_eq!(r.unbudgeted, usd(4000));
        assert_eq!(r.total_spent, usd(35250));
        assert_eq!(r.total_remaining, usd(45000 - 35250));
    }

    #[test]
    fn refunds_reduce_and_transfers_do_not_count() {
        let tree = CategoryTree::defaults();
        let budgets = vec![Budget {
            category: "Shopping".into(),
            month: m("2026-11"),
            amount: usd(20000),
        }];
        let spending = vec![
            net("Shopping", -5000),
            net("Transfers", -100000),
            net("Credit card payment", -90000),
        ];
        let r = budget_report(m("2026-11"), Currency::USD, &tree, &budgets, &spending);
        assert_eq!(r.lines[0].spent, usd(5000));
        assert_eq!(r.unbudgeted, usd(0));
    }

    #[test]
    fn months_inherit_the_latest_budget_and_ignore_later_ones() {
        let tree = CategoryTree::defaults();
        let budgets = vec![
            Budget {
                category: "Dining".into(),
                month: m("2026-01"),
                amount: usd(10000),
            },
            Budget {
                category: "Dining".into(),
                month: m("2026-06"),
                amount: usd(20000),
            },
            Budget {
                category: "Dining".into(),
                month: m("2026-12"),
                amount: usd(30000),
            },
        ];
        let r = budget_report(m("2026-11"), Currency::USD, &tree, &budgets, &[]);
        assert_eq!(r.lines[0].budgeted, usd(20000));
        assert_eq!(r.lines[0].set_in, m("2026-06"));
        let before = budget_report(m("2025-12"), Currency::USD, &tree, &budgets, &[]);
        assert!(before.lines.is_empty());
    }

    #[test]
    fn parent_budget_covers_children_most_specific_wins() {
        let tree = CategoryTree::defaults();
        let budgets = vec![
            Budget {
                category: "Dining".into(),
                month: m("2026-11"),
                amount: usd(30000),
            },
            Budget {
                category: "Coffee".into(),
                month: m("2026-11"),
                amount: usd(5000),
            },
        ];
        let spending = vec![
            net("Coffee", -2500),
            net("Restaurants", -8000),
            net("Dining", -1000),
        ];
        let r = budget_report(m("2026-11"), Currency::USD, &tree, &budgets, &spending);
        let line = |c: &str| r.lines.iter().find(|l| l.category == c).map(|l| l.spent);
        assert_eq!(line("Coffee"), Some(usd(2500)));
        assert_eq!(line("Dining"), Some(usd(9000)));
    }

    proptest! {
        #[test]
        fn total_spent_equals_the_sum_of_expense_nets(cents in proptest::collection::vec(-100_000i64..100_000, 0..40), budget_mask in 0u32..(1 << 14)) {
            let tree = CategoryTree::defaults();
            let cats = ["Groceries", "Dining", "Coffee", "Shopping", "Rent", "Fees", "Travel", "Uncategorized", "Paycheck", "Transfers"];
            let spending: Vec<CategoryNet> = cents.iter().enumerate().map(|(i, c)| net(cats[i % cats.len()], *c)).collect();
            let budgets: Vec<Budget> = cats.iter().enumerate().filter(|(i, _)| budget_mask & (1 << i) != 0)
                .map(|(_, c)| Budget { category: (*c).into(), month: m("2026-11"), amount: usd(50_000) }).collect();
            let r = budget_report(m("2026-11"), Currency::USD, &tree, &budgets, &spending);
            let expected: Decimal = spending.iter().filter(|s| tree.kind(&s.category) == CategoryKind::Expense).map(|s| -s.net.amount).sum();
            prop_assert_eq!(r.total_spent.amount, expected);
            let lines: Decimal = r.lines.iter().map(|l| l.spent.amount).sum();
            prop_assert_eq!(lines + r.unbudgeted.amount, expected);
        }
    }
}
