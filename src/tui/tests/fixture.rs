//! Test fixtures: a fixed date, a small realistic household (three accounts including a credit
//! card with a limit, ~20 transactions with pending ones, a budget report with one line over
//! budget, two alerts, a bill; the charts' data in `fixture/charts.rs`). `harness.rs` loads them
//! into an App.

mod charts;

pub use charts::*;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::{
    Account, AccountKind, Alert, AlertKind, Bill, BillSource, BudgetLine, BudgetReport, Clock,
    ConnectionStatus, Currency, FixedClock, Money, Month, Transaction,
};

pub const USD: Currency = Currency::USD;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

pub fn now() -> DateTime<Utc> {
    FixedClock::on(today()).now()
}

pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
}

pub fn usd(cents: i64) -> Money {
    Money::from_minor(cents, USD)
}

pub fn nov() -> Month {
    Month::of(today())
}

fn account(
    id: i64,
    name: &str,
    kind: AccountKind,
    balance: i64,
    available: Option<i64>,
    limit: Option<i64>,
) -> Account {
    Account {
        id,
        connection: "Demo Bank".into(),
        provider_account_id: format!("acc-{id}"),
        name: name.into(),
        kind,
        currency: USD,
        balance: usd(balance),
        available: available.map(usd),
        limit: limit.map(usd),
        updated: now(),
    }
}

pub fn accounts() -> Vec<Account> {
    vec![
        account(
            1,
            "Everyday Checking",
            AccountKind::Checking,
            348_217,
            Some(340_217),
            None,
        ),
        account(
            2,
            "Rainy Day Savings",
            AccountKind::Savings,
            1_205_000,
            None,
            None,
        ),
        account(
            3,
            "Visa Signature",
            AccountKind::CreditCard,
            -128_455,
            Some(371_545),
            Some(500_000),
        ),
    ]
}

pub fn connection(error: Option<&str>) -> ConnectionStatus {
    ConnectionStatus {
        id: 1,
        name: "Demo Bank".into(),
        provider: "demo".into(),
        last_success: Some(now() - Duration::hours(2)),
        last_attempt: Some(now() - Duration::minutes(5)),
        last_error: error.map(str::to_string),
        next_attempt: None,
        needs_relink: false,
        consecutive_failures: u32::from(error.is_some()),
    }
}

pub fn txn(
    id: i64,
    date: NaiveDate,
    account_id: i64,
    payee: &str,
    category: &str,
    cents: i64,
    pending: bool,
) -> Transaction {
    let account = accounts()
        .into_iter()
        .find(|a| a.id == account_id)
        .map(|a| a.name)
        .unwrap_or_default();
    Transaction {
        id,
        provider_id: format!("t{id}"),
        account_id,
        account,
        date,
        amount: usd(cents),
        payee: payee.into(),
        description: payee.to_uppercase(),
        category: category.into(),
        pending,
        notes: None,
    }
}

/// Twenty transactions, newest first (date DESC, id DESC), two of them pending.
pub fn transactions() -> Vec<Transaction> {
    let rows = [
        (21, 3, "Blue Bottle Coffee", "Dining", -675, true),
        (21, 1, "Shell", "Transport", -4_210, true),
        (20, 3, "Trader Joe's", "Groceries", -8_734, false),
        (20, 3, "Netflix", "Subscriptions", -1_549, false),
        (19, 1, "Acme Corp Payroll", "Income", 285_000, false),
        (19, 3, "Chipotle", "Dining", -1_468, false),
        (18, 1, "PG&E", "Utilities", -11_240, false),
        (17, 3, "Whole Foods", "Groceries", -12_655, false),
        (16, 3, "Uber", "Transport", -2_310, false),
        (15, 3, "The Smith", "Dining", -9_850, false),
        (15, 1, "Transfer to Savings", "Transfers", -50_000, false),
        (15, 2, "Transfer from Checking", "Transfers", 50_000, false),
        (14, 3, "Amazon", "Shopping", -4_399, false),
        (13, 3, "Safeway", "Groceries", -6_120, false),
        (12, 3, "Spotify", "Subscriptions", -1_199, false),
        (11, 3, "Sweetgreen", "Dining", -1_625, false),
        (10, 1, "Rent — Parkside Apts", "Housing", -210_000, false),
        (9, 3, "Amazon refund", "Shopping", 2_599, false),
        (8, 2, "Interest", "Income", 1_004, false),
        (7, 3, "Costco", "Groceries", -15_811, false),
    ];
    let n = rows.len() as i64;
    rows.iter()
        .enumerate()
        .map(|(i, &(d, acct, payee, cat, cents, pending))| {
            txn(n - i as i64 + 100, day(d), acct, payee, cat, cents, pending)
        })
        .collect()
}

/// `n` plain transactions with ids `first_id` down, one per day going back from the 21st.
pub fn many_transactions(first_id: i64, n: usize) -> Vec<Transaction> {
    (0..n)
        .map(|i| {
            let date = today() - Duration::days(i as i64 / 3);
            txn(
                first_id - i as i64,
                date,
                1,
                &format!("Shop {i}"),
                "Shopping",
                -100 - i as i64,
                false,
            )
        })
        .collect()
}

fn line(category: &str, budgeted: i64, spent: i64) -> BudgetLine {
    BudgetLine {
        category: category.into(),
        budgeted: usd(budgeted),
        spent: usd(spent),
        remaining: usd(budgeted - spent),
        set_in: nov(),
        rollover: usd(0),
    }
}

/// November: Dining over budget, Groceries in the amber band, the rest comfortable.
pub fn report(month: Month) -> BudgetReport {
    let lines = vec![
        line("Dining", 30_000, 34_218),
        line("Groceries", 60_000, 48_720),
        line("Subscriptions", 4_500, 2_748),
        line("Transport", 15_000, 6_520),
        line("Utilities", 20_000, 11_240),
    ];
    let unbudgeted = 45_620;
    let budgeted: i64 = 129_500;
    let spent: i64 = 34_218 + 48_720 + 2_748 + 6_520 + 11_240 + unbudgeted;
    BudgetReport {
        month,
        currency: USD,
        lines,
        unbudgeted: usd(unbudgeted),
        total_budgeted: usd(budgeted),
        total_spent: usd(spent),
        total_remaining: usd(budgeted - spent),
    }
}

pub fn empty_report(month: Month) -> BudgetReport {
    let zero = Money::zero(USD);
    BudgetReport {
        month,
        currency: USD,
        lines: Vec::new(),
        unbudgeted: zero,
        total_budgeted: zero,
        total_spent: zero,
        total_remaining: zero,
    }
}

pub fn alerts() -> Vec<Alert> {
    vec![
        Alert {
            id: 2,
            kind: AlertKind::OverBudget,
            key: "over_budget:Dining:2026-11".into(),
            message: "Dining is over budget: $342.18 of $300.00".into(),
            created: now() - Duration::days(1),
            acknowledged: false,
        },
        Alert {
            id: 1,
            kind: AlertKind::LowBalance,
            key: "low_balance:Everyday Checking:2026-11-12".into(),
            message: "Everyday Checking fell to $84.12".into(),
            created: now() - Duration::days(9),
            acknowledged: true,
        },
    ]
}

pub fn bills() -> Vec<Bill> {
    vec![Bill {
        id: 1,
        name: "Visa Signature".into(),
        account_id: Some(3),
        amount: usd(128_455),
        minimum: Some(usd(3_500)),
        due: day(24),
        source: BillSource::Liability,
        paid: false,
    }]
}
