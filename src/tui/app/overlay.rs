//! What can be drawn over the dashboard and owns the keyboard while open: the help, a
//! transaction's or an alert's details, the category picker, the note editor, a yes/no
//! question, and the bills and rules lists (`app/lists.rs`).

use crate::domain::{Money, Month, Transaction, TransactionId};

use super::lists::{BillsOverlay, ListMode, RulesOverlay};
use super::picker::CategoryPicker;

/// The provider's raw payload of the transaction shown in the detail popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    Loading,
    /// The provider sent none, or it was not kept.
    Missing,
    /// Pretty-printed when it is JSON.
    Text(String),
}

/// A transaction's details, with the raw payload once it arrives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxnDetail {
    pub txn: Transaction,
    /// The provider's id of the account (for matching with the bank's records).
    pub provider_account: Option<String>,
    pub connection: Option<String>,
    pub raw: Raw,
    pub scroll: u16,
}

/// The note being written for a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub id: TransactionId,
    pub payee: String,
    pub input: String,
}

/// A question answered with y or n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Delete `category`'s budget from `from` on (`from` is where it was set, which may be before
    /// the month on screen when the month inherits it).
    DeleteBudget {
        category: String,
        from: Month,
        amount: Money,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: u16 },
    Transaction(Box<TxnDetail>),
    Alert { id: i64, scroll: u16 },
    Picker(CategoryPicker),
    Note(NoteEditor),
    Confirm(Confirm),
    Bills(BillsOverlay),
    Rules(RulesOverlay),
}

impl Overlay {
    /// The scroll position of a scrollable overlay.
    pub fn scroll_mut(&mut self) -> Option<&mut u16> {
        match self {
            Overlay::Help { scroll } | Overlay::Alert { scroll, .. } => Some(scroll),
            Overlay::Transaction(d) => Some(&mut d.scroll),
            Overlay::Picker(_)
            | Overlay::Note(_)
            | Overlay::Confirm(_)
            | Overlay::Bills(_)
            | Overlay::Rules(_) => None,
        }
    }

    /// True when typed characters go to the overlay as text.
    pub fn takes_text(&self) -> bool {
        matches!(self, Overlay::Picker(_) | Overlay::Note(_)) || self.form().is_some()
    }

    /// The mode of an open bills or rules list.
    pub fn list_mode(&self) -> Option<&ListMode> {
        match self {
            Overlay::Bills(b) => Some(&b.mode),
            Overlay::Rules(r) => Some(&r.mode),
            _ => None,
        }
    }

    /// The add form open in a bills or rules list.
    pub fn form(&self) -> Option<&super::Form> {
        match self.list_mode()? {
            ListMode::Form(form) => Some(form),
            _ => None,
        }
    }
}
