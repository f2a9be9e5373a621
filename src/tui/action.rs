//! The messages of the Elm loop: [`Action`] (everything that can happen to the App: keys, data
//! arriving, sync progress) and [`Command`] (what `update` asks the runtime to do). Sync progress
//! arrives as the sync task's own [`SyncEvent`]s.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::domain::{
    Account, Alert, Bill, BudgetReport, ConnectionStatus, Money, Month, Transaction,
};

use super::app::{Pane, TxnCursor, TxnFilter};

pub use crate::sync::task::{SyncCommand, SyncEvent};

/// Data loaded from the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    Accounts(Vec<Account>),
    Connections(Vec<ConnectionStatus>),
    /// One page of transactions, answering `LoadTransactions { filter, after, .. }`.
    Transactions {
        filter: TxnFilter,
        after: Option<TxnCursor>,
        rows: Vec<Transaction>,
    },
    Budgets(BudgetReport),
    Alerts(Vec<Alert>),
    Bills(Vec<Bill>),
}

/// A key for the open budget editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorInput {
    Char(char),
    Backspace,
    Submit,
    Cancel,
}

/// Everything that can happen to the App.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A raw key press; `update` maps it through [`crate::tui::keys`].
    Key(KeyEvent),
    Resize {
        width: u16,
        height: u16,
    },
    /// The time, so relative dates and "days left" stay current.
    Clock {
        now: DateTime<Utc>,
        today: NaiveDate,
    },
    Loaded(Data),
    /// A command failed; `error` is the user-facing message.
    Failed {
        command: Command,
        error: String,
    },
    /// `SetBudget` succeeded.
    BudgetSaved {
        category: String,
        month: Month,
        amount: Money,
    },
    Sync(SyncEvent),
    /// Reload everything from the store.
    Refresh,
    Quit,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    PrevMonth,
    NextMonth,
    /// Enter: filter by the selected account (Accounts), edit the amount (Budgets), mark read (Alerts).
    Activate,
    EditBudget,
    AddBudget,
    Editor(EditorInput),
    ClearFilter,
    ToggleHelp,
    CloseOverlay,
    SyncNow,
}

/// Work for the runtime. Commands returned together run in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    LoadAccounts,
    LoadConnections,
    /// One page, newest first, strictly after `after` in `(date DESC, id DESC)` order.
    LoadTransactions {
        filter: TxnFilter,
        after: Option<TxnCursor>,
        limit: u32,
    },
    LoadBudgets(Month),
    LoadAlerts,
    LoadBills,
    SetBudget {
        category: String,
        month: Month,
        amount: Money,
    },
    /// Mark an alert read.
    AckAlert(i64),
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
            Command::SetBudget { .. } => "save the budget",
            Command::AckAlert(_) => "mark the alert read",
            Command::SyncNow => "start a sync",
            Command::Quit => "quit",
        }
    }
}
