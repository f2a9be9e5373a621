//! The pure core of Purse: money, accounts, transactions, categories, budgets, bills, alerts, the
//! clock, and outside text made safe to show. No I/O here; everything is plain data and functions,
//! tested without a terminal, a network or a database.

pub mod account;
pub mod alert;
pub mod amount_input;
pub mod bill;
pub mod budget;
pub mod categorize;
pub mod category;
pub mod clock;
pub mod connection;
pub mod delta;
pub mod forecast;
pub mod history;
pub mod money;
pub mod month;
pub mod over_budget;
pub mod reconcile;
pub mod recurring;
pub mod rules;
pub mod stats;
pub mod sync_alerts;
pub mod text;
pub mod transaction;
pub mod transfers;
pub mod unusual;

pub use account::{Account, AccountId, AccountKind};
pub use alert::{Alert, AlertKind, NewAlert};
pub use amount_input::{AmountError, DecimalMark, parse_amount};
pub use bill::schedule::{BillOrigin, Every};
pub use bill::{Bill, BillError, BillSource, IncomingBill, NewManualBill};
pub use budget::{
    Budget, BudgetLine, BudgetReport, CategoryNet, budget_report, budget_report_with_rollover,
};
pub use categorize::{NewRule, PayeePattern, Rule, RuleError, categorize};
pub use category::{Category, CategoryKind, CategoryTree};
pub use clock::{Clock, FixedClock, SystemClock};
pub use connection::{ConnectionHealth, ConnectionStatus};
pub use delta::{AccountSnapshot, Delta, RemovedTransaction};
pub use money::{Currency, Money, MoneyError};
pub use month::Month;
pub use text::{terminal_safe, terminal_safe_lines};
pub use transaction::{IncomingTransaction, Transaction, TransactionId};
