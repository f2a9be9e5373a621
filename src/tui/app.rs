//! The dashboard's model: one [`App`] holding plain data, the [`Pane`] enum, and one state struct
//! per pane (in `app/`). Nothing here does I/O; the runtime fills it through actions.

pub mod accounts;
pub mod alerts;
pub mod budgets;
pub mod cursor;
pub mod form;
pub mod lists;
pub mod overlay;
pub mod picker;
pub mod transactions;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{Category, Currency, DecimalMark, Money, Month};

use super::keys::Keymap;

pub use accounts::AccountsState;
pub use alerts::AlertsState;
pub use budgets::{BudgetEditor, BudgetView, BudgetsState, EditStage};
pub use cursor::ListCursor;
pub use form::Form;
pub use lists::{BillsOverlay, ListMode, RulesOverlay};
pub use overlay::{Confirm, NoteEditor, Overlay, Raw, TxnDetail};
pub use picker::{CategoryPicker, Choice, PickerPurpose};
pub use transactions::{TransactionsState, TxnCursor, TxnFilter};

/// The four fixed panes, in Tab order (and numbered 1–4 on screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pane {
    #[default]
    Accounts,
    Transactions,
    Budgets,
    Alerts,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Accounts,
        Pane::Transactions,
        Pane::Budgets,
        Pane::Alerts,
    ];

    /// 0-based position in Tab order.
    pub fn index(self) -> usize {
        match self {
            Pane::Accounts => 0,
            Pane::Transactions => 1,
            Pane::Budgets => 2,
            Pane::Alerts => 3,
        }
    }

    /// The pane shown with number `n` (1–4).
    pub fn from_number(n: u32) -> Option<Pane> {
        Pane::ALL.get((n as usize).checked_sub(1)?).copied()
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// How background sync is going, from [`crate::tui::SyncEvent`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncState {
    /// Connections syncing right now.
    pub running: Vec<String>,
    /// Progress through the current pass: (connections started, total).
    pub progress: Option<(usize, usize)>,
    /// Connections whose last attempt failed, with the error and when it was seen.
    pub failed: BTreeMap<String, SyncFailure>,
    /// When the last pass finished without error.
    pub last_completed: Option<DateTime<Utc>>,
    /// Whether the runtime has a sync task to send requests to.
    pub available: bool,
    /// A connection in the current pass changed data: reload everything when the pass ends.
    pub dirty: bool,
}

/// A failed sync of one connection: the error, and when it happened (a failure is shown until a
/// later success replaces it, whichever process synced).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncFailure {
    pub error: String,
    pub at: DateTime<Utc>,
}

/// A one-line notice in the status bar, cleared by the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// The whole dashboard state.
#[derive(Debug, Clone)]
pub struct App {
    /// Showing the built-in demo bank: the header says so and how to link a real one.
    pub demo: bool,
    /// `false` under `NO_COLOR`: emphasis by bold/reverse only.
    pub color: bool,
    /// The currency budgets are reported in.
    pub currency: Currency,
    /// How typed amounts are written (`[input] decimal_separator`).
    pub decimal_mark: DecimalMark,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    /// The month the Budgets pane shows.
    pub month: Month,
    /// Terminal size (columns, rows), for page sizes.
    pub size: (u16, u16),
    pub focus: Pane,
    /// The focused pane fills the screen.
    pub zoomed: bool,
    pub overlay: Option<Overlay>,
    pub keymap: Keymap,
    /// The category tree in display order (for the picker), once loaded.
    pub categories: Vec<Category>,
    pub accounts: AccountsState,
    pub transactions: TransactionsState,
    pub budgets: BudgetsState,
    pub alerts: AlertsState,
    pub sync: SyncState,
    pub notice: Option<Notice>,
}

impl App {
    /// A fresh, empty dashboard at `now` (user's calendar date `today`).
    pub fn new(
        demo: bool,
        color: bool,
        currency: Currency,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Self {
        App {
            demo,
            color,
            currency,
            decimal_mark: DecimalMark::Point,
            now,
            today,
            month: Month::of(today),
            size: (0, 0),
            focus: Pane::Accounts,
            zoomed: false,
            overlay: None,
            keymap: Keymap::default(),
            categories: Vec::new(),
            accounts: AccountsState::default(),
            transactions: TransactionsState::default(),
            budgets: BudgetsState::default(),
            alerts: AlertsState::default(),
            sync: SyncState::default(),
            notice: None,
        }
    }

    /// True while the budget editor owns the keyboard.
    pub fn editing(&self) -> bool {
        self.budgets.editor.is_some()
    }

    /// True while the search line owns the keyboard.
    pub fn searching(&self) -> bool {
        self.transactions.search.is_some()
    }

    /// Net worth per currency: the plain sum of balances (liabilities are already negative).
    pub fn net_worth(&self) -> Vec<Money> {
        let mut sums: BTreeMap<Currency, Money> = BTreeMap::new();
        for a in &self.accounts.accounts {
            let entry = sums
                .entry(a.balance.currency)
                .or_insert_with(|| Money::zero(a.balance.currency));
            entry.amount += a.balance.amount;
        }
        // The reporting currency first, then the others alphabetically.
        let mut out: Vec<Money> = sums.into_values().collect();
        out.sort_by_key(|m| (m.currency != self.currency, m.currency));
        out
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }
}
