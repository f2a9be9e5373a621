//! Alert rules: pure functions from today's accounts and bills to the alerts that should exist.
//!
//! Each alert carries a stable key, so storing it raises it exactly once however often rules run:
//! - bill due: one key per bill, due date and stage (`soon` within the warning window, `today`,
//!   `overdue`);
//! - low balance: one key per account and ISO week while the balance stays below its threshold
//!   (a weekly reminder, not one per sync).

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::account::Account;
use super::alert::{AlertKind, NewAlert};
use super::bill::Bill;
use super::money::Money;

/// What the rules need to know besides the data.
pub struct RuleSettings<'a> {
    pub today: NaiveDate,
    /// Warn this many days before a bill's due date.
    pub bill_due_days: u32,
    /// The low-balance threshold for an account (global or per-account override).
    pub low_balance: &'a dyn Fn(&Account) -> Decimal,
}

/// Bill-due alerts: before the due date (within the window), on it, and overdue.
pub fn bill_alerts(bills: &[Bill], settings: &RuleSettings<'_>) -> Vec<NewAlert> {
    bills
        .iter()
        .filter(|b| !b.paid)
        .filter_map(|b| {
            let left = b.days_left(settings.today);
            let minimum = b
                .minimum
                .map(|m| format!(" (minimum {})", m.display()))
                .unwrap_or_default();
            let (stage, message) = match left {
                l if l < 0 => (
                    "overdue",
                    format!(
                        "{} of {}{minimum} is overdue: it was due {} ({} days ago)",
                        b.name,
                        b.amount.display(),
                        b.due,
                        -l
                    ),
                ),
                0 => (
                    "today",
                    format!("{} of {}{minimum} is due today", b.name, b.amount.display()),
                ),
                l if l <= i64::from(settings.bill_due_days) => (
                    "soon",
                    format!(
                        "{} of {}{minimum} is due {} (in {l} day{})",
                        b.name,
                        b.amount.display(),
                        b.due,
                        if l == 1 { "" } else { "s" }
                    ),
                ),
                _ => return None,
            };
            Some(NewAlert {
                kind: AlertKind::BillDue,
                key: format!("bill_due:{}:{}:{stage}", b.name, b.due),
                message,
            })
        })
        .collect()
}

/// Low-balance alerts for cash accounts whose available (else current) balance is below threshold.
pub fn low_balance_alerts(accounts: &[Account], settings: &RuleSettings<'_>) -> Vec<NewAlert> {
    let week = settings.today.iso_week();
    accounts
        .iter()
        .filter(|a| !a.kind.is_liability())
        .filter_map(|a| {
            let threshold = (settings.low_balance)(a);
            let balance = a.spendable();
            (balance.amount < threshold).then(|| NewAlert {
                kind: AlertKind::LowBalance,
                key: format!("low_balance:{}:{}-W{:02}", a.id, week.year(), week.week()),
                message: format!(
                    "{} is low: {} available, below your {} threshold",
                    a.name,
                    balance.display(),
                    Money::new(threshold, a.currency).display()
                ),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountKind, BillSource, Currency};
    use chrono::DateTime;
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn bill(due: NaiveDate, paid: bool) -> Bill {
        Bill {
            id: 1,
            name: "Visa statement".into(),
            account_id: None,
            amount: Money::new(dec!(812.40), Currency::USD),
            minimum: Some(Money::new(dec!(35), Currency::USD)),
            due,
            source: BillSource::Liability,
            paid,
        }
    }

    fn account(kind: AccountKind, balance: Decimal, available: Option<Decimal>) -> Account {
        Account {
            id: 7,
            connection: "Bank".into(),
            provider_account_id: "a".into(),
            name: "Checking".into(),
            kind,
            currency: Currency::USD,
            balance: Money::new(balance, Currency::USD),
            available: available.map(|v| Money::new(v, Currency::USD)),
            limit: None,
            updated: DateTime::default(),
        }
    }

    fn settings(today: NaiveDate) -> RuleSettings<'static> {
        RuleSettings {
            today,
            bill_due_days: 3,
            low_balance: &|_| dec!(100),
        }
    }

    #[test]
    fn bills_warn_in_window_on_the_day_and_overdue_only() {
        let s = settings(day(21));
        assert!(
            bill_alerts(&[bill(day(25), false)], &s).is_empty(),
            "4 days out is outside a 3-day window"
        );
        let soon = bill_alerts(&[bill(day(24), false)], &s);
        assert_eq!(soon.len(), 1);
        assert_eq!(soon[0].key, "bill_due:Visa statement:2026-11-24:soon");
        assert_eq!(
            soon[0].message,
            "Visa statement of $812.40 (minimum $35.00) is due 2026-11-24 (in 3 days)"
        );
        assert!(
            bill_alerts(&[bill(day(21), false)], &s)[0]
                .key
                .ends_with(":today")
        );
        let overdue = bill_alerts(&[bill(day(19), false)], &s);
        assert!(overdue[0].key.ends_with(":overdue") && overdue[0].message.contains("2 days ago"));
        assert!(
            bill_alerts(&[bill(day(22), true)], &s).is_empty(),
            "paid bills never alert"
        );
    }

    #[test]
    fn low_balance_uses_available_and_skips_cards() {
        let s = settings(day(21));
        let low = low_balance_alerts(
            &[account(AccountKind::Checking, dec!(500), Some(dec!(56.80)))],
            &s,
        );
        assert_eq!(low.len(), 1);
        assert_eq!(
            low[0].message,
            "Checking is low: $56.80 available, below your $100.00 threshold"
        );
        assert_eq!(low[0].key, "low_balance:7:2026-W47");
        assert!(
            low_balance_alerts(&[account(AccountKind::Checking, dec!(100), None)], &s).is_empty()
        );
        assert!(
            low_balance_alerts(&[account(AccountKind::CreditCard, dec!(-900), None)], &s)
                .is_empty()
        );
    }

    #[test]
    fn same_week_same_key_next_week_new_key() {
        let a = [account(AccountKind::Savings, dec!(5), None)];
        let k1 = low_balance_alerts(&a, &settings(day(16)))[0].key.clone();
        let k2 = low_balance_alerts(&a, &settings(day(22)))[0].key.clone();
        let k3 = low_balance_alerts(&a, &settings(day(23)))[0].key.clone();
        assert_eq!(k1, k2);
        assert_ne!(k2, k3);
    }
}
