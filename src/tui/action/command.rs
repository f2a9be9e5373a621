//! [`Command`]: the work `update` hands to the runtime (store reads and writes, sync requests,
//! timers). Commands returned together run in order.

use std::time::Duration;

use crate::domain::{Money, Month, TransactionId};
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
        )
    }
}
