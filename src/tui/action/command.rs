//! [`Command`]: the work `update` hands to the runtime (store reads and writes, sync requests,
//! timers). Commands returned together run in order.

use std::time::Duration;

use chrono::NaiveDate;

use crate::domain::{Money, Month, NewManualBill, NewRule, TransactionId};
use crate::tui::app::{TxnCursor, TxnFilter};

/// What a [`Command::Later`] wakes the App for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// Typing in the search line paused; `u64` is the edit it was set for.
    Search(u64),
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    LoadAccounts,
    LoadConnections,
    /// One page, newest first, strictly after `after` in `(date DESC, id DESC)` order. A new one
    /// cancels the one still running.
    LoadTransactions {
        filter: TxnFilter,
        after: Option<TxnCursor>,
        limit: u32,
    },
    LoadBudgets(Month),
    LoadAlerts,
    LoadBills,
    LoadCategories,
    LoadRawPayload(TransactionId),
    /// The month's spending per category and the twelve months of money in vs out ending there.
    LoadCharts(Month),
    SetBudget {
        category: String,
        month: Month,
        amount: Money,
    },
    DeleteBudget {
        category: String,
        from: Month,
    },
    SetCategory {
        id: TransactionId,
        category: String,
    },
    /// A rule filing every transaction from `payee` under `category`, applied to past ones too.
    AlwaysCategorize {
        payee: String,
        category: String,
    },
    SetNote {
        id: TransactionId,
        note: Option<String>,
    },
    /// Mark an alert read.
    AckAlert(i64),
    /// Every bill with its schedule and origin (the bills overlay).
    LoadBillList,
    LoadRules,
    /// Store a bill the user added, with its occurrences due as of `today`.
    AddBill {
        bill: NewManualBill,
        today: NaiveDate,
    },
    /// Delete a bill the user added (the store refuses others).
    DeleteBill(i64),
    /// Mark a bill paid by hand; a repeating one of the user's gets its next occurrence.
    PayBill {
        id: i64,
        today: NaiveDate,
    },
    AddRule(NewRule),
    DeleteRule(i64),
    /// Re-categorise past transactions by the rule.
    ApplyRule(i64),
    /// Send `Action::Timer(timer)` after `delay`.
    Later {
        delay: Duration,
        timer: Timer,
    },
    SyncNow,
    Quit,
}

impl Command {
    /// What the command was doing, for error messages ("Couldn't {what}: …").
    pub fn describe(&self) -> &'static str {
        match self {
            Command::LoadAccounts => "load accounts",
            Command::LoadConnections => "load connections",
            Command::LoadTransactions { .. } => "load transactions",
            Command::LoadBudgets(_) => "load budgets",
            Command::LoadAlerts => "load alerts",
            Command::LoadBills => "load bills",
            Command::LoadCategories => "load categories",
            Command::LoadRawPayload(_) => "load the provider's data",
            Command::LoadCharts(_) => "load the charts",
            Command::SetBudget { .. } => "save the budget",
            Command::DeleteBudget { .. } => "delete the budget",
            Command::SetCategory { .. } => "change the category",
            Command::AlwaysCategorize { .. } => "create the rule",
            Command::SetNote { .. } => "save the note",
            Command::AckAlert(_) => "mark the alert read",
            Command::LoadBillList => "load bills",
            Command::LoadRules => "load rules",
            Command::AddBill { .. } => "add the bill",
            Command::DeleteBill(_) => "delete the bill",
            Command::PayBill { .. } => "mark the bill paid",
            Command::AddRule(_) => "add the rule",
            Command::DeleteRule(_) => "delete the rule",
            Command::ApplyRule(_) => "apply the rule",
            Command::Later { .. } => "set a timer",
            Command::SyncNow => "start a sync",
            Command::Quit => "quit",
        }
    }

    /// True for commands that change the store (their batch runs in order).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Command::SetBudget { .. }
                | Command::DeleteBudget { .. }
                | Command::SetCategory { .. }
                | Command::AlwaysCategorize { .. }
                | Command::SetNote { .. }
                | Command::AckAlert(_)
                | Command::AddBill { .. }
                | Command::DeleteBill(_)
                | Command::PayBill { .. }
                | Command::AddRule(_)
                | Command::DeleteRule(_)
                | Command::ApplyRule(_)
        )
    }
}
