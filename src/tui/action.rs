//! The messages of the Elm loop: [`Action`] (everything that can happen to the App: keys, mouse,
//! data arriving, sync progress, timers) and [`Command`] (what `update` asks the runtime to do,
//! in `action/command.rs`). Sync progress arrives as the sync task's own [`SyncEvent`]s.

mod command;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use crate::domain::{
    Account, Alert, Bill, BudgetReport, Category, ConnectionStatus, Money, Month, Rule,
    Transaction, TransactionId,
};
use crate::store::{BillRow, CategorySpend, MonthFlow};

use super::app::{Pane, TxnCursor, TxnFilter};

pub use crate::sync::task::{SyncCommand, SyncEvent};
pub use command::{Command, Timer};

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
    Categories(Vec<Category>),
    /// The provider payload of transaction `id` (pretty-printed when JSON).
    RawPayload {
        id: TransactionId,
        raw: Option<String>,
    },
    Spending {
        month: Month,
        rows: Vec<CategorySpend>,
    },
    Flows {
        last: Month,
        rows: Vec<MonthFlow>,
    },
    /// Every bill with the schedule and origin of the user's own, for the bills overlay.
    BillList(Vec<BillRow>),
    /// Every categorisation rule, in the order they are tried.
    Rules(Vec<Rule>),
}

/// A key for whatever text input is open (budget editor, search, picker, note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorInput {
    Char(char),
    Backspace,
    Submit,
    Cancel,
    /// Move the selection (picker, or the table under the search line).
    Move(isize),
    /// Tab in the picker: toggle "always for this payee".
    Toggle,
}

/// A store write that succeeded, so the App can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Budget {
        category: String,
        month: Month,
        amount: Money,
    },
    BudgetDeleted {
        category: String,
        from: Month,
    },
    Category {
        id: TransactionId,
        category: String,
    },
    /// A rule now files `payee` under `category`; `changed` past transactions were updated.
    Rule {
        payee: String,
        category: String,
        changed: usize,
    },
    Note {
        id: TransactionId,
    },
    /// A bill was added; `id` is its first stored occurrence (0 when none is due yet).
    BillAdded {
        id: i64,
        name: String,
        due: NaiveDate,
    },
    BillDeleted {
        name: String,
    },
    BillPaid {
        name: String,
        due: NaiveDate,
    },
    /// Rule `id` was added; `rule` says what it does.
    RuleAdded {
        id: i64,
        rule: String,
    },
    RuleDeleted(i64),
    /// Rule `id` re-categorised `changed` past transactions.
    RuleApplied {
        id: i64,
        changed: usize,
    },
}

/// Everything that can happen to the App.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A raw key press; `update` maps it through [`crate::tui::keys`].
    Key(KeyEvent),
    Mouse(MouseEvent),
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
    Saved(Saved),
    /// A [`Command::Later`] came due.
    Timer(Timer),
    Sync(SyncEvent),
    /// Reload everything from the store.
    Refresh,
    /// Another process (or connection) wrote to the store.
    StoreChanged,
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
    /// Enter: filter by the account (Accounts), details (Transactions, Alerts), edit (Budgets).
    Activate,
    Zoom,
    /// Esc outside inputs: close the overlay, else clear the Transactions filters, else unzoom.
    Back,
    EditBudget,
    AddBudget,
    DeleteBudget,
    ToggleCharts,
    Search,
    FilterCategory,
    FilterMonth,
    Recategorize,
    EditNote,
    Acknowledge,
    /// Open (or close) the bills overlay.
    OpenBills,
    /// Open (or close) the rules overlay.
    OpenRules,
    /// In the bills or rules overlay: open the add form.
    ListAdd,
    /// In the bills or rules overlay: ask before deleting the selected one.
    ListDelete,
    /// In the bills overlay: mark the selected bill paid.
    MarkPaid,
    /// In the rules overlay: apply the selected rule to past transactions.
    ApplyRule,
    Editor(EditorInput),
    /// The answer to an open yes/no question.
    Confirm(bool),
    ToggleHelp,
    CloseOverlay,
    SyncNow,
}
