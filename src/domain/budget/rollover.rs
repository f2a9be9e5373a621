//! Rollover: each budgeted category carries what it left unspent into the next month, and what it
//! overspent is taken from the next month's budget. The carry starts in the first month that has
//! any budget (earlier spending never counts) and runs month by month: a month's rollover is the
//! previous month's budgeted plus its rollover minus its spending. A month in which a category has
//! no budget line (its budget was removed) ends that category's carry.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::{Budget, BudgetReport, CategoryNet, budget_report};
use crate::domain::category::CategoryTree;
use crate::domain::money::{Currency, Money};
use crate::domain::month::Month;

/// The report for `month` with rollover. `history` holds each earlier month's net per category
/// (a missing month counts as no spending); `spending` is `month`'s own.
pub fn budget_report_with_rollover(
    month: Month,
    currency: Currency,
    tree: &CategoryTree,
    budgets: &[Budget],
    history: &BTreeMap<Month, Vec<CategoryNet>>,
    spending: &[CategoryNet],
) -> BudgetReport {
    let first = budgets
        .iter()
        .filter(|b| b.amount.currency == currency && b.month <= month)
        .map(|b| b.month)
        .min();
    let mut carry: HashMap<String, Decimal> = HashMap::new();
    let mut m = first.unwrap_or(month);
    while m < month {
        let nets = history.get(&m).map_or(&[][..], Vec::as_slice);
        let report = budget_report(m, currency, tree, budgets, nets);
        carry = report
            .lines
            .iter()
            .map(|l| {
                let before = carry.get(&l.category).copied().unwrap_or_default();
                (
                    l.category.clone(),
                    l.budgeted.amount + before - l.spent.amount,
                )
            })
            .collect();
        m = m.next();
    }
    let mut report = budget_report(month, currency, tree, budgets, spending);
    for line in &mut report.lines {
        let rollover = carry.get(&line.category).copied().unwrap_or_default();
        line.rollover = Money::new(rollover, currency);
        line.remaining = Money::new(
            line.budgeted.amount + rollover - line.spent.amount,
            currency,
        );
    }
    let rollover: Decimal = report.lines.iter().map(|l| l.rollover.amount).sum();
    report.total_remaining = Money::new(
        report.total_budgeted.amount + rollover - report.total_spent.amount,
        currency,
    );
    report
}

impl BudgetReport {
    /// What the month may spend in all: every line's budget plus what it carries in.
    pub fn total_available(&self) -> Money {
        let rollover: Decimal = self.lines.iter().map(|l| l.rollover.amount).sum();
        Money::new(self.total_budgeted.amount + rollover, self.currency)
    }

    /// Total spent as a percentage of [`Self::total_available`], as each line's
    /// [`percent`](super::BudgetLine::percent) (None when nothing is available).
    pub fn total_percent(&self) -> Option<Decimal> {
        let available = self.total_available().amount;
        (available > Decimal::ZERO)
            .then(|| (self.total_spent.amount / available * Decimal::ONE_HUNDRED).round_dp(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn usd(cents: i64) -> Money {
        Money::from_minor(cents, Currency::USD)
    }

    fn m(s: &str) -> Month {
        s.parse().unwrap_or(Month::of(chrono::NaiveDate::MIN))
    }

    fn budget(category: &str, month: &str, cents: i64) -> Budget {
        Budget {
            category: category.into(),
            month: m(month),
            amount: usd(cents),
        }
    }

    fn net(cat: &str, cents: i64) -> CategoryNet {
        CategoryNet {
            category: cat.into(),
            net: usd(cents),
        }
    }

    fn history(months: &[(&str, Vec<CategoryNet>)]) -> BTreeMap<Month, Vec<CategoryNet>> {
        months
            .iter()
            .map(|(mo, nets)| (m(mo), nets.clone()))
            .collect()
    }

    #[test]
    fn unspent_carries_and_overspend_reduces() {
        let tree = CategoryTree::defaults();
        let budgets = [budget("Dining", "2026-09", 10_000)];
        let past = history(&[
            ("2026-08", vec![net("Dining", -99_999)]),
            ("2026-09", vec![net("Dining", -8_000)]),
            ("2026-10", vec![net("Coffee", -15_000)]),
        ]);
        let r = budget_report_with_rollover(
            m("2026-11"),
            Currency::USD,
            &tree,
            &budgets,
            &past,
            &[net("Dining", -2_500)],
        );
        let line = &r.lines[0];
        // Aug is before any budget; Sep left 20, Oct overspent 50 (Coffee is under Dining).
        assert_eq!(line.rollover, usd(2_000 - 5_000));
        assert_eq!(line.remaining, usd(10_000 - 3_000 - 2_500));
        assert_eq!(line.available(), usd(7_000));
        assert_eq!(r.total_remaining, usd(10_000 - 3_000 - 2_500));
        assert_eq!(line.percent(), Some(rust_decimal::dec!(35.7)));
        // The total counts the rollover as the row does.
        assert_eq!(r.total_available(), usd(7_000));
        assert_eq!(r.total_percent(), Some(rust_decimal::dec!(35.7)));
    }

    #[test]
    fn refunds_count_and_a_month_without_the_budget_restarts_the_carry() {
        let tree = CategoryTree::defaults();
        let mut budgets = vec![budget("Shopping", "2026-07", 20_000)];
        let past = history(&[
            ("2026-07", vec![net("Shopping", -1_000)]),
            (
                "2026-09",
                vec![net("Shopping", -5_000), net("Shopping", 2_000)],
            ),
        ]);
        let carried =
            budget_report_with_rollover(m("2026-10"), Currency::USD, &tree, &budgets, &past, &[]);
        assert_eq!(carried.lines[0].rollover, usd(19_000 + 20_000 + 17_000));
        // A month without a Shopping line (only Groceries budgeted in August) restarts the carry.
        budgets = vec![
            budget("Groceries", "2026-08", 1),
            budget("Shopping", "2026-09", 20_000),
        ];
        let r =
            budget_report_with_rollover(m("2026-10"), Currency::USD, &tree, &budgets, &past, &[]);
        let shopping = r
            .lines
            .iter()
            .find(|l| l.category == "Shopping")
            .map(|l| l.rollover);
        assert_eq!(shopping, Some(usd(17_000)));
    }

    proptest! {
        #[test]
        fn remaining_is_everything_budgeted_minus_everything_spent(
            spends in proptest::collection::vec(-50_000i64..5_000, 1..18),
            amounts in proptest::collection::vec(0i64..40_000, 1..4),
        ) {
            let tree = CategoryTree::defaults();
            let start = m("2025-01");
            // Budgets change a few times; every month has one (inherited).
            let budgets: Vec<Budget> = amounts.iter().enumerate()
                .map(|(i, a)| Budget { category: "Groceries".into(), month: start.plus(i as i32 * 3), amount: usd(*a) })
                .collect();
            let months: Vec<Month> = (0..spends.len()).map(|i| start.plus(i as i32)).collect();
            let past: BTreeMap<Month, Vec<CategoryNet>> = months.iter().zip(&spends)
                .map(|(mo, s)| (*mo, vec![net("Groceries", *s), net("Transfers", -7_777)]))
                .collect();
            let last = *months.last().unwrap_or(&start);
            let own = past.get(&last).cloned().unwrap_or_default();
            let r = budget_report_with_rollover(last, Currency::USD, &tree, &budgets, &past, &own);
            let budgeted: Decimal = months.iter()
                .map(|mo| budgets.iter().filter(|b| b.month <= *mo).max_by_key(|b| b.month).map_or(Decimal::ZERO, |b| b.amount.amount))
                .sum();
            let spent: Decimal = spends.iter().map(|s| Decimal::new(-*s, 2)).sum();
            prop_assert_eq!(r.lines[0].remaining.amount, budgeted - spent);
            prop_assert_eq!(r.total_spent.amount, Decimal::new(-spends[spends.len() - 1], 2));
            prop_assert_eq!(r.total_remaining.amount, budgeted - spent);
        }
    }
}
