//! Over-budget alerts: a category reaching 80% and then 100% of what its budget allows this
//! month (budgeted plus rollover). One key per category, month and stage; when a month crosses
//! both at once only the 100% alert is raised.

use super::alert::{AlertKind, NewAlert};
use super::budget::{BudgetLine, BudgetReport};
use rust_decimal::Decimal;

/// The warning stage, in percent of what is available.
pub const WARN_PERCENT: u32 = 80;

/// True when an over-budget alert's key is the [`WARN_PERCENT`] warning's, not the 100% one's.
pub fn is_warning(key: &str) -> bool {
    key.starts_with("over_budget:")
        && key
            .rsplit_once(':')
            .is_some_and(|(_, stage)| stage == WARN_PERCENT.to_string())
}

/// Over-budget alerts for the report's month.
pub fn over_budget_alerts(report: &BudgetReport) -> Vec<NewAlert> {
    report
        .lines
        .iter()
        .filter_map(|line| {
            let available = line.available();
            let spent = line.spent.amount;
            let over = spent > Decimal::ZERO && spent >= available.amount;
            let warn = !over
                && available.amount > Decimal::ZERO
                && spent * Decimal::ONE_HUNDRED >= available.amount * Decimal::from(WARN_PERCENT);
            let month = report.month.label();
            let (stage, message) = if over && line.remaining.amount.is_zero() {
                (
                    100,
                    format!(
                        "{} has used all of its budget: {} of {} spent in {month}",
                        line.category,
                        line.spent.display(),
                        allowance(line)
                    ),
                )
            } else if over {
                (
                    100,
                    format!(
                        "{} is over budget: {} spent of {} in {month} ({} over)",
                        line.category,
                        line.spent.display(),
                        allowance(line),
                        line.remaining.abs().display()
                    ),
                )
            } else if warn {
                (
                    WARN_PERCENT,
                    format!(
                        "{}: {} of {} spent in {month} ({}%); {} left",
                        line.category,
                        line.spent.display(),
                        allowance(line),
                        line.percent().unwrap_or_default().round_dp(0),
                        line.remaining.display()
                    ),
                )
            } else {
                return None;
            };
            Some(NewAlert {
                kind: AlertKind::OverBudget,
                key: format!("over_budget:{}:{}:{stage}", line.category, report.month),
                message,
            })
        })
        .collect()
}

/// "$1,000.00", or "$950.00 ($1,000.00 budget − $50.00 overspent before)" with rollover.
fn allowance(line: &BudgetLine) -> String {
    let rollover = line.rollover.amount;
    if rollover.is_zero() {
        line.budgeted.display()
    } else if rollover > Decimal::ZERO {
        format!(
            "{} ({} budget + {} carried over)",
            line.available().display(),
            line.budgeted.display(),
            line.rollover.display()
        )
    } else {
        format!(
            "{} ({} budget − {} overspent before)",
            line.available().display(),
            line.budgeted.display(),
            line.rollover.abs().display()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Currency, Money, Month};

    fn usd(cents: i64) -> Money {
        Money::from_minor(cents, Currency::USD)
    }

    fn report(lines: &[(&str, i64, i64, i64)]) -> BudgetReport {
        let month = Month::new(2026, 11).unwrap_or(Month::of(chrono::NaiveDate::MIN));
        let lines = lines
            .iter()
            .map(|(c, budgeted, rollover, spent)| BudgetLine {
                category: (*c).into(),
                budgeted: usd(*budgeted),
                spent: usd(*spent),
                remaining: usd(budgeted + rollover - spent),
                set_in: month,
                rollover: usd(*rollover),
            })
            .collect();
        BudgetReport {
            month,
            currency: Currency::USD,
            lines,
            unbudgeted: usd(0),
            total_budgeted: usd(0),
            total_spent: usd(0),
            total_remaining: usd(0),
        }
    }

    fn keys(lines: &[(&str, i64, i64, i64)]) -> Vec<String> {
        over_budget_alerts(&report(lines))
            .into_iter()
            .map(|a| a.key)
            .collect()
    }

    #[test]
    fn stages_table() {
        type Case<'a> = (&'a str, (&'a str, i64, i64, i64), &'a [&'a str]);
        let cases: [Case; 7] = [
            ("79%", ("Dining", 100_000, 0, 79_000), &[]),
            (
                "80%",
                ("Dining", 100_000, 0, 80_000),
                &["over_budget:Dining:2026-11:80"],
            ),
            (
                "99%",
                ("Dining", 100_000, 0, 99_999),
                &["over_budget:Dining:2026-11:80"],
            ),
            (
                "100%",
                ("Dining", 100_000, 0, 100_000),
                &["over_budget:Dining:2026-11:100"],
            ),
            (
                "rollover lifts the bar",
                ("Dining", 100_000, 50_000, 100_000),
                &[],
            ),
            (
                "overspend before lowers it",
                ("Dining", 100_000, -30_000, 70_000),
                &["over_budget:Dining:2026-11:100"],
            ),
            (
                "nothing left and nothing spent",
                ("Dining", 10_000, -20_000, 0),
                &[],
            ),
        ];
        for (why, line, expected) in cases {
            assert_eq!(keys(&[line]), expected, "{why}");
        }
    }

    #[test]
    fn messages_say_how_much() {
        let a = over_budget_alerts(&report(&[("Transport", 42_500, 0, 181_240)]));
        assert_eq!(
            a[0].message,
            "Transport is over budget: $1,812.40 spent of $425.00 in Nov 2026 ($1,387.40 over)"
        );
        let a = over_budget_alerts(&report(&[("Housing", 185_000, 0, 185_000)]));
        assert_eq!(
            a[0].message,
            "Housing has used all of its budget: $1,850.00 of $1,850.00 spent in Nov 2026"
        );
        let a = over_budget_alerts(&report(&[("Dining", 100_000, 5_000, 85_000)]));
        assert_eq!(
            a[0].message,
            "Dining: $850.00 of $1,050.00 ($1,000.00 budget + $50.00 carried over) spent in Nov 2026 (81%); $200.00 left"
        );
    }

    #[test]
    fn the_warning_is_titled_by_its_share_not_over_budget() {
        let titled = |line: (&str, i64, i64, i64)| {
            let new = over_budget_alerts(&report(&[line])).remove(0);
            let alert = crate::domain::Alert {
                id: 1,
                kind: new.kind,
                key: new.key,
                message: new.message,
                created: chrono::DateTime::UNIX_EPOCH,
                acknowledged: false,
            };
            (
                alert.title(),
                crate::notify::Note::for_alert(&alert).summary,
            )
        };
        let warning = titled(("Dining", 100_000, 0, 85_000));
        assert_eq!(warning.0, "80% of budget used");
        assert_eq!(warning.1, "80% of budget used");
        assert_eq!(titled(("Dining", 100_000, 0, 120_000)).0, "Over budget");
        assert_eq!(titled(("Dining", 100_000, 0, 100_000)).0, "Over budget");
        assert!(!is_warning("over_budget:Savings:80:2026-11:100"));
        assert!(is_warning("over_budget:Savings:2026-11:80"));
    }
}
