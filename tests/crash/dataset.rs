//! The crash test's Plaid item, deterministic: a stream of `/transactions/sync` pages (cursor
//! `p{N}` = N pages consumed) and the store that replaying its first N pages must give.
//!
//! Pages 0..40 are a 20,000-transaction history (about 1 in 50 pending; half of those post on the
//! next page under a new id naming the pending one). Pages 40..82 are later updates: new
//! transactions, modifications, deletions, and pending charges settling on the following page.
//! Releases make the stream grow the way a bank's does: a sync sees pages up to the current
//! release's end, and the test opens the next release once the store has caught up.

use std::collections::BTreeMap;

/// Pages of history, 500 fresh transactions each.
pub const HISTORY_PAGES: usize = 40;
/// Where each release of the stream ends (the first is the history).
pub const RELEASES: [usize; 8] = [40, 46, 52, 58, 64, 70, 76, 82];
const FRESH_PER_HISTORY_PAGE: usize = 500;
const FRESH_PER_UPDATE_PAGE: usize = 300;

/// One transaction as the fake Plaid reports it (Plaid sign: positive = money out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Txn {
    pub id: String,
    pub account: &'static str,
    pub plaid_cents: i64,
    pub date: String,
    pub pending: bool,
    pub pending_id: Option<String>,
}

/// One page's changes.
#[derive(Debug, Default)]
pub struct Page {
    pub added: Vec<Txn>,
    pub modified: Vec<Txn>,
    pub removed: Vec<(String, &'static str)>,
}

fn account(n: usize) -> &'static str {
    if n.is_multiple_of(3) { "card" } else { "chk" }
}

fn date(n: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
    (start + chrono::Days::new((n / 30) as u64)).to_string()
}

fn history(n: usize) -> Txn {
    let cents = (n * 7919 % 20_000) as i64 + 1;
    Txn {
        id: format!("h{n}"),
        account: account(n),
        plaid_cents: if n.is_multiple_of(17) {
            -cents * 10
        } else {
            cents
        },
        date: date(n),
        pending: n % 50 == 7,
        pending_id: None,
    }
}

fn update(u: usize, i: usize) -> Txn {
    Txn {
        id: format!("u{u}-{i}"),
        account: account(i),
        plaid_cents: (i * 131 % 9_000) as i64 + 99,
        date: date(20_000 + u * 30),
        pending: i.is_multiple_of(10),
        pending_id: None,
    }
}

/// The posted version of a pending transaction: new id, a tip added, pointing at the pending one.
fn posted(pending: &Txn) -> Txn {
    Txn {
        id: format!("{}-posted", pending.id),
        plaid_cents: pending.plaid_cents + 5,
        pending: false,
        pending_id: Some(pending.id.clone()),
        ..pending.clone()
    }
}

fn settle(page: &mut Page, pending: impl Iterator<Item = Txn>) {
    for p in pending {
        page.removed.push((p.id.clone(), p.account));
        page.added.push(posted(&p));
    }
}

/// Page `k` of the stream.
pub fn page(k: usize) -> Page {
    let mut page = Page::default();
    if k < HISTORY_PAGES {
        let fresh = k * FRESH_PER_HISTORY_PAGE..(k + 1) * FRESH_PER_HISTORY_PAGE;
        page.added = fresh.map(history).collect();
        if k > 0 {
            let prev = (k - 1) * FRESH_PER_HISTORY_PAGE..k * FRESH_PER_HISTORY_PAGE;
            settle(&mut page, prev.filter(|n| n % 100 == 7).map(history));
        }
        return page;
    }
    let u = k - HISTORY_PAGES;
    page.added = (0..FRESH_PER_UPDATE_PAGE).map(|i| update(u, i)).collect();
    // Amounts corrected on posted history rows; a few deleted.
    page.modified = (0..100)
        .map(|j| (u * 1_000 + j * 7) % 20_000)
        .filter(|n| n % 50 != 7)
        .map(|n| Txn {
            plaid_cents: history(n).plaid_cents + u as i64 + 1,
            ..history(n)
        })
        .collect();
    page.removed = (0..20)
        .map(|j| (u * 333 + j * 11 + 1) % 20_000)
        .filter(|n| n % 50 != 7)
        .map(|n| (format!("h{n}"), account(n)))
        .collect();
    if u > 0 {
        let prev = (0..FRESH_PER_UPDATE_PAGE).filter(|i| i.is_multiple_of(10));
        settle(&mut page, prev.map(|i| update(u - 1, i)));
    }
    // History charges that stayed pending settle 40 at a time.
    let old = (0..20_000).filter(|n| n % 100 == 57).skip(u * 40).take(40);
    settle(&mut page, old.map(history));
    page
}

/// What the store must hold after replaying pages `0..pages`, as Purse applies them: each page's
/// upserts, then its removals. Key: provider id → (account, Purse minor units, pending).
pub fn replay(pages: usize) -> BTreeMap<String, (&'static str, i64, bool)> {
    let mut rows = BTreeMap::new();
    for k in 0..pages {
        let p = page(k);
        for t in p.added.iter().chain(&p.modified) {
            rows.insert(t.id.clone(), (t.account, -t.plaid_cents, t.pending));
        }
        for (id, _) in &p.removed {
            rows.remove(id);
        }
    }
    rows
}
