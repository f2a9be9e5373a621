//! Accounts pane state: the accounts grouped by kind, their connections' sync health, and the
//! selection (which can filter the Transactions pane).

use crate::domain::{Account, AccountId, AccountKind, ConnectionStatus};

use super::cursor::ListCursor;

/// One displayed row: a kind heading or an account (index into `accounts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountRow {
    Heading(AccountKind),
    Account(usize),
}

#[derive(Debug, Clone, Default)]
pub struct AccountsState {
    /// Whether the first load has arrived (so "no accounts" isn't shown while loading).
    pub loaded: bool,
    /// Sorted by kind (in [`AccountKind::ALL`] order), then name.
    pub accounts: Vec<Account>,
    pub connections: Vec<ConnectionStatus>,
    /// Selection over `accounts` (headings are never selected).
    pub cursor: ListCursor,
}

impl AccountsState {
    /// Replaces the accounts, keeping the same account selected when it still exists.
    pub fn set_accounts(&mut self, mut accounts: Vec<Account>) {
        let keep = self.selected().map(|a| a.id);
        accounts.sort_by(|a, b| (a.kind, &a.name, a.id).cmp(&(b.kind, &b.name, b.id)));
        self.accounts = accounts;
        self.loaded = true;
        match keep.and_then(|id| self.accounts.iter().position(|a| a.id == id)) {
            Some(i) => self.cursor.selected = i,
            None => self.cursor.clamp(self.accounts.len(), usize::MAX),
        }
        self.cursor.offset = 0;
    }

    pub fn selected(&self) -> Option<&Account> {
        self.accounts.get(self.cursor.selected)
    }

    pub fn by_id(&self, id: AccountId) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// The sync status of the connection an account belongs to.
    pub fn connection(&self, name: &str) -> Option<&ConnectionStatus> {
        self.connections.iter().find(|c| c.name == name)
    }

    /// Rows as displayed: a heading before each kind's first account.
    pub fn rows(&self) -> Vec<AccountRow> {
        let mut rows = Vec::with_capacity(self.accounts.len() + AccountKind::ALL.len());
        let mut last: Option<AccountKind> = None;
        for (i, a) in self.accounts.iter().enumerate() {
            if last != Some(a.kind) {
                rows.push(AccountRow::Heading(a.kind));
                last = Some(a.kind);
            }
            rows.push(AccountRow::Account(i));
        }
        rows
    }

    /// The displayed row of the selected account.
    pub fn selected_row(&self) -> Option<usize> {
        self.rows()
            .iter()
            .position(|r| *r == AccountRow::Account(self.cursor.selected))
    }
}
