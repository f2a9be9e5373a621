//! Text search over transactions ([`TxnFilter::search`]: payee, description, category name or
//! amount), fast at a million rows in two steps:
//!
//! 1. Look through the newest [`WINDOW`] rows that pass the other filters, walking the date
//!    index; a common term fills the page here and stops early.
//! 2. Otherwise (a rare term, or none), find every match through indexes and sort those: the
//!    FTS5 trigram index `transactions_search` for payee and description (all the trigrams of
//!    a term of 3+ characters; shorter ones are looked for row by row), category names, and
//!    the amount index.
//!
//! Text matches ignore case over all of Unicode ([`push_contains`]: `ñandú` finds `Ñandú`,
//! `MÜLLER` finds `Müller`): SQLite's `LIKE` folds ASCII letters only, so text with other
//! letters is compared with `REGEXP` too (the `regex` crate, registered on every connection by
//! the store). The trigram index folds case over Unicode as well, so it still narrows step 2 to
//! a superset of the matches. Both steps return exactly what the plain row-by-row filter would
//! (step 2 re-checks its index hits with the same test), newest first, keyset-paged after a
//! [`TxnCursor`].

use sqlx::{QueryBuilder, Sqlite};

use super::transactions::{SELECT_TRANSACTIONS, push_filter, transaction_from_row};
use super::{Result, Store, TxnCursor, TxnFilter, rows};
use crate::domain::money::parse_decimal;
use crate::domain::{Currency, Money, Transaction};

/// Newest rows step 1 looks through.
pub const WINDOW: u32 = 10_000;

/// `AND`-ready SQL: `column` contains `text`, ignoring case over all of Unicode. SQLite's `LIKE`
/// folds ASCII letters only, so it matches ASCII text alone (as fast as before); for other text
/// it is a cheap prefilter (each non-ASCII character a `_` wildcard, which matches any one
/// character) and `REGEXP` (the `regex` crate's `(?i)`, Unicode simple case folding) decides.
/// Only the compatibility letters K (Kelvin sign) and ſ (long s) are not matched by `k` and `s`.
pub(super) fn push_contains(q: &mut QueryBuilder<Sqlite>, column: &str, text: &str) {
    let mut like = String::from("%");
    for c in text.chars() {
        match c {
            '\\' | '%' | '_' => {
                like.push('\\');
                like.push(c);
            }
            c if c.is_ascii() => like.push(c),
            _ => like.push('_'),
        }
    }
    like.push('%');
    q.push(format!("({column} LIKE "))
        .push_bind(like)
        .push(" ESCAPE '\\'");
    if !text.is_ascii() {
        q.push(format!(" AND {column} REGEXP "))
            .push_bind(format!("(?i){}", regex::escape(text)));
    }
    q.push(")");
}

/// The trimmed search text, when the filter has one.
pub(super) fn search_text(filter: &TxnFilter) -> Option<&str> {
    filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn push_after(q: &mut QueryBuilder<Sqlite>, after: Option<TxnCursor>) {
    if let Some(cursor) = after {
        q.push(" AND (t.date, t.id) < (")
            .push_bind(rows::date_text(cursor.date))
            .push(", ")
            .push_bind(cursor.id)
            .push(")");
    }
}

fn push_order(q: &mut QueryBuilder<Sqlite>, limit: u32) {
    q.push(" ORDER BY t.date DESC, t.id DESC LIMIT ")
        .push_bind(i64::from(limit));
}

impl Store {
    /// A page of transactions matching `filter` (which has search text), newest first.
    pub(super) async fn search_transactions(
        &self,
        filter: &TxnFilter,
        after: Option<TxnCursor>,
        limit: u32,
    ) -> Result<Vec<Transaction>> {
        self.search_in_steps(filter, after, limit, WINDOW).await
    }

    async fn search_in_steps(
        &self,
        filter: &TxnFilter,
        after: Option<TxnCursor>,
        limit: u32,
        window: u32,
    ) -> Result<Vec<Transaction>> {
        let others = TxnFilter {
            search: None,
            ..filter.clone()
        };
        let only_search = TxnFilter {
            search: filter.search.clone(),
            ..TxnFilter::default()
        };
        // Step 1: the newest rows passing the other filters, searched one by one.
        let mut q = QueryBuilder::<Sqlite>::new(SELECT_TRANSACTIONS);
        q.push(" AND t.id IN (SELECT t.id FROM transactions t JOIN categories c ON c.id = t.category_id WHERE 1 = 1");
        push_filter(&mut q, &others);
        push_after(&mut q, after);
        push_order(&mut q, window);
        q.push(")");
        push_filter(&mut q, &only_search);
        push_order(&mut q, limit);
        let rows = q.build().fetch_all(&self.pool).await?;
        if rows.len() >= limit as usize {
            return rows.iter().map(transaction_from_row).collect();
        }
        // Step 2: every match, found through indexes.
        let Some(text) = search_text(filter) else {
            return Ok(Vec::new());
        };
        let mut q = QueryBuilder::<Sqlite>::new(SELECT_TRANSACTIONS);
        push_filter(&mut q, &others);
        push_after(&mut q, after);
        if text.chars().count() < 3 {
            // Too short for trigrams: the row-by-row filter.
            push_filter(&mut q, &only_search);
        } else {
            push_indexed_search(&mut q, text);
        }
        push_order(&mut q, limit);
        let rows = q.build().fetch_all(&self.pool).await?;
        rows.iter().map(transaction_from_row).collect()
    }
}

/// `text` (3+ characters) in payee or description (trigram index, re-checked with
/// [`push_contains`]), in the category name, or as an amount of either sign.
fn push_indexed_search(q: &mut QueryBuilder<Sqlite>, text: &str) {
    q.push(
        " AND ((t.id IN (SELECT rowid FROM transactions_search WHERE transactions_search MATCH ",
    )
    .push_bind(trigram_query(text))
    .push(") AND (");
    push_contains(q, "t.payee", text);
    q.push(" OR ");
    push_contains(q, "t.description", text);
    q.push(")) OR t.category_id IN (SELECT id FROM categories WHERE ");
    push_contains(q, "name", text);
    q.push(")");
    if let Ok(amount) = parse_decimal(text) {
        // Currency-agnostic, in cents (the common 2-digit exponent), as the plain filter does.
        if let Ok(minor) = Money::new(amount.abs(), Currency::USD).to_minor() {
            q.push(" OR t.amount_minor IN (")
                .push_bind(minor)
                .push(", ")
                .push_bind(-minor)
                .push(")");
        }
    }
    q.push(")");
}

/// An FTS5 query for every trigram of `text` (3+ characters): `"cof" AND "off" AND …`. The index
/// keeps no token positions (migration 0009), so it cannot match a phrase; rows holding all the
/// trigrams are a superset of the rows holding the text, which the caller's [`push_contains`] narrows.
fn trigram_query(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut seen = std::collections::HashSet::new();
    chars
        .windows(3)
        .map(|w| w.iter().collect::<String>())
        .filter(|t| seen.insert(t.clone()))
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

#[cfg(test)]
mod tests;
