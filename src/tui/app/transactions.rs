//! Transactions pane state: a bounded window of pages over the store's keyset-paged list.
//!
//! The store returns transactions newest first, ordered by `(date DESC, id DESC)`, a page at a time
//! after a [`TxnCursor`]. The window holds at most [`MAX_PAGES`] pages: scrolling near the end asks
//! for the page after the last row; when the window is full the first page is dropped and the cursor
//! it was loaded with is remembered, so scrolling back up reloads it with the same keyset query.
//! The App never holds every row.

use std::collections::VecDeque;

use crate::domain::{Transaction, TransactionId};
pub use crate::store::{TxnCursor, TxnFilter};
use crate::tui::action::Command;

use super::cursor::ListCursor;

/// Rows per request.
pub const PAGE_SIZE: u32 = 50;
/// Pages kept in memory (so at most `PAGE_SIZE * MAX_PAGES` rows).
pub const MAX_PAGES: usize = 4;
/// Fetch the next page when the selection comes this close to either end of the window.
pub const PREFETCH: usize = 10;

/// A request in flight and what its answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    /// The newest page, replacing the window.
    Reset,
    /// The page after the window's last row, appended.
    Next(TxnCursor),
    /// A page dropped off the front, loaded again with the cursor it was first loaded with.
    Previous(Option<TxnCursor>),
}

impl Fetch {
    pub fn after(self) -> Option<TxnCursor> {
        match self {
            Fetch::Reset => None,
            Fetch::Next(c) => Some(c),
            Fetch::Previous(c) => c,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Page {
    after: Option<TxnCursor>,
    len: usize,
}

#[derive(Debug, Clone, Default)]
pub struct TransactionsState {
    pub loaded: bool,
    pub filter: TxnFilter,
    /// The window: consecutive pages, newest first.
    pub rows: Vec<Transaction>,
    pages: VecDeque<Page>,
    /// The `after` cursors of pages dropped off the front, most recent last.
    dropped: Vec<Option<TxnCursor>>,
    /// No rows exist after the window's last row.
    pub exhausted: bool,
    /// The request in flight, if any.
    pub in_flight: Option<Fetch>,
    pub cursor: ListCursor,
    /// The search being typed (`/`), applied to `filter.search` once typing pauses.
    pub search: Option<String>,
    /// Bumped by every edit of `search`, so only the latest pause runs a query.
    pub search_gen: u64,
}

impl TransactionsState {
    fn request(&mut self, fetch: Fetch) -> Command {
        self.in_flight = Some(fetch);
        Command::LoadTransactions {
            filter: self.filter.clone(),
            after: fetch.after(),
            limit: PAGE_SIZE,
        }
    }

    /// Starts over from the newest row with `filter` (selection back to the top when it changed).
    pub fn reload(&mut self, filter: TxnFilter) -> Command {
        if filter != self.filter {
            self.filter = filter;
            self.cursor.top();
            self.rows.clear();
            self.pages.clear();
            self.dropped.clear();
            self.loaded = false;
        }
        self.request(Fetch::Reset)
    }

    /// True when rows newer than the window were dropped and can be reloaded.
    pub fn has_newer(&self) -> bool {
        !self.dropped.is_empty()
    }

    /// Asks for a neighbouring page when the selection is near an edge of the window.
    pub fn maybe_fetch(&mut self) -> Option<Command> {
        if self.in_flight.is_some() || !self.loaded {
            return None;
        }
        let sel = self.cursor.selected;
        if sel < PREFETCH
            && let Some(&after) = self.dropped.last()
        {
            return Some(self.request(Fetch::Previous(after)));
        }
        if !self.exhausted
            && sel + PREFETCH >= self.rows.len()
            && let Some(last) = self.rows.last()
        {
            return Some(self.request(Fetch::Next(TxnCursor::of(last))));
        }
        None
    }

    /// A request failed: allow the next one.
    pub fn failed(&mut self) {
        self.in_flight = None;
    }

    /// Takes a page the store returned for `(filter, after)`; stale answers are ignored.
    pub fn receive(
        &mut self,
        filter: &TxnFilter,
        after: Option<TxnCursor>,
        rows: Vec<Transaction>,
        height: usize,
    ) {
        let Some(fetch) = self
            .in_flight
            .filter(|f| f.after() == after && *filter == self.filter)
        else {
            return;
        };
        self.in_flight = None;
        let full = rows.len() >= PAGE_SIZE as usize;
        let page = Page {
            after,
            len: rows.len(),
        };
        match fetch {
            Fetch::Reset => {
                self.rows = rows;
                self.pages = VecDeque::from([page]);
                self.dropped.clear();
                self.exhausted = !full;
                self.loaded = true;
            }
            Fetch::Next(_) => {
                self.exhausted = !full;
                if !rows.is_empty() {
                    self.rows.extend(rows);
                    self.pages.push_back(page);
                    if self.pages.len() > MAX_PAGES {
                        self.drop_front();
                    }
                }
            }
            Fetch::Previous(_) => {
                self.dropped.pop();
                let n = rows.len() as isize;
                self.rows.splice(0..0, rows);
                self.pages.push_front(page);
                self.cursor.shift(n);
                if self.pages.len() > MAX_PAGES {
                    self.drop_back();
                }
            }
        }
        self.cursor.clamp(self.rows.len(), height);
    }

    fn drop_front(&mut self) {
        if let Some(first) = self.pages.pop_front() {
            self.rows.drain(..first.len.min(self.rows.len()));
            self.dropped.push(first.after);
            self.cursor.shift(-(first.len as isize));
        }
    }

    fn drop_back(&mut self) {
        if let Some(last) = self.pages.pop_back() {
            self.rows.truncate(self.rows.len().saturating_sub(last.len));
            self.exhausted = false;
        }
    }

    pub fn selected(&self) -> Option<&Transaction> {
        self.rows.get(self.cursor.selected)
    }

    /// Applies `edit` to the loaded rows matching `which` (shows a saved edit without reloading).
    pub fn patch(&mut self, which: impl Fn(&Transaction) -> bool, edit: impl Fn(&mut Transaction)) {
        self.rows.iter_mut().filter(|t| which(t)).for_each(edit);
    }

    /// Applies `edit` to the loaded row with `id`.
    pub fn patch_id(&mut self, id: TransactionId, edit: impl Fn(&mut Transaction)) {
        self.patch(|t| t.id == id, edit);
    }
}
