//! Deciding what one statement adds to one account, as a pure function of the statement and the
//! rows the account already holds. These rules make imports idempotent and keep them from
//! duplicating what a live sync (or another kind of file) already brought in:
//!
//! 1. **Ids.** An OFX row is stored as `ofx:FITID`, a CSV row with an id column as `csv:ID`
//!    (ids are scoped to the account by the store's `(account, provider id)` key). Re-importing
//!    the same or an overlapping statement upserts the same ids and adds nothing.
//! 2. **Reused ids.** A FITID is the same transaction only with the same date and amount. If the
//!    account (or this statement) already has that FITID with another date or amount, the row is
//!    stored as `ofx:FITID@DATE:AMOUNT` instead. The same FITID, date and amount twice in one
//!    statement is one transaction listed twice, and is kept once.
//! 3. **No ids.** A CSV row without an id is `csv:DATE:AMOUNT:PAYEE#N`, N counting identical
//!    rows before it in the file, so two genuine identical purchases on one day both survive.
//! 4. **Corrections.** `CORRECTACTION` `DELETE` removes the row with `CORRECTFITID` (and adds
//!    nothing); `REPLACE` adds this row in its place, carrying over the user's category and note.
//!    Corrected ids are remembered (tombstones), so re-importing an older statement does not bring
//!    them back.
//! 5. **Rows from elsewhere.** A new row is taken to be one the account already holds from another
//!    source (a live sync, or a CSV file when importing OFX and the other way round) when that
//!    row has the same amount and currency, its date lies within the statement's period and
//!    within [`MATCH_DAYS`] days of the row's, and either the dates are equal or the payees are
//!    similar (half their words shared, comparing the statement row's payee and its description).
//!    Pairs are taken closest first and each row is used once, so two identical purchases still
//!    need two rows to match. A matched row is not imported. The test itself is
//!    [`same_transactions`], which the store also uses when a later sync brings rows this import
//!    added: the synced row then replaces the imported one.

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::statement::{CorrectAction, Statement, StatementTxn};
pub use crate::domain::reconcile::same::MATCH_DAYS;
use crate::domain::reconcile::same::{Seen, same_transactions};
use crate::domain::{IncomingTransaction, Money};

/// A row the target account already holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub provider_id: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub payee: String,
}

/// Everything [`plan`] looks at.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub statement: &'a Statement,
    /// OFX/QFX (ids `ofx:…`) or CSV (ids `csv:…`).
    pub ofx: bool,
    pub provider_account_id: &'a str,
    /// The account's rows: at least all with this source's prefix, and all others dated within
    /// [`MATCH_DAYS`] of the statement's span.
    pub existing: &'a [Existing],
    /// Ids corrected away by earlier imports.
    pub tombstones: &'a HashSet<String>,
}

/// Counts for the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanStats {
    /// Rows the account did not have.
    pub new: usize,
    /// Rows already imported (same id): upserted unchanged.
    pub known: usize,
    /// Rows the account already had from another source (rule 5): not imported.
    pub matched: usize,
    /// Rows listed twice in the statement.
    pub duplicates: usize,
    /// Corrections applied (rows replaced or deleted).
    pub corrections: usize,
    /// Rows skipped because an earlier correction removed them.
    pub previously_corrected: usize,
}

/// What one statement does to its account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub upserts: Vec<IncomingTransaction>,
    /// Provider ids to delete.
    pub removed: Vec<String>,
    /// Provider ids to remember as corrected away.
    pub tombstones: Vec<String>,
    pub stats: PlanStats,
}

struct Row<'a> {
    t: &'a StatementTxn,
    id: String,
    known: bool,
}

/// Plans one statement (see the module doc for the rules).
pub fn plan(input: &PlanInput<'_>) -> Plan {
    let prefix = if input.ofx { "ofx:" } else { "csv:" };
    let stored: HashMap<&str, &Existing> = input
        .existing
        .iter()
        .map(|e| (e.provider_id.as_str(), e))
        .collect();
    let txns = &input.statement.transactions;
    let corrected: HashSet<&str> = txns
        .iter()
        .filter_map(|t| t.correction.as_ref().map(|c| c.fitid.as_str()))
        .collect();
    let mut out = Plan::default();
    let mut assigned: HashMap<String, (NaiveDate, Money)> = HashMap::new();
    let mut occurrences: HashMap<(NaiveDate, Money, String), usize> = HashMap::new();
    let mut rows: Vec<Row<'_>> = Vec::new();
    for t in txns {
        let is_correction = t.correction.is_some();
        if t.correction
            .as_ref()
            .is_some_and(|c| c.action == CorrectAction::Delete)
        {
            continue;
        }
        if !is_correction && t.id.as_deref().is_some_and(|f| corrected.contains(f)) {
            out.stats.corrections += 1;
            continue;
        }
        let same = |date: NaiveDate, amount: Money| date == t.date && amount == t.amount;
        let id = match &t.id {
            Some(bank_id) => {
                let base = format!("{prefix}{bank_id}");
                let derived = format!("{base}@{}:{}", t.date, t.amount.amount_string());
                match (stored.get(base.as_str()), assigned.get(&base)) {
                    (Some(e), _) if same(e.date, e.amount) => base,
                    (Some(_), _) => derived,
                    (None, Some((d, a))) if same(*d, *a) => base,
                    (None, Some(_)) => derived,
                    (None, None) => base,
                }
            }
            None => {
                let payee = t.payee.to_lowercase();
                let n = occurrences
                    .entry((t.date, t.amount, payee.clone()))
                    .or_default();
                let id = format!(
                    "{prefix}{}:{}:{payee}#{n}",
                    t.date,
                    t.amount.amount_string()
                );
                *n += 1;
                id
            }
        };
        if assigned.contains_key(&id) {
            out.stats.duplicates += 1;
            continue;
        }
        if input.tombstones.contains(&id) {
            out.stats.previously_corrected += 1;
            continue;
        }
        assigned.insert(id.clone(), (t.date, t.amount));
        let known = stored.contains_key(id.as_str());
        rows.push(Row { t, id, known });
    }

    let matched = match_foreign(input, prefix, &rows);
    out.stats.matched = matched.len();

    for (i, row) in rows.iter().enumerate() {
        if matched.contains(&i) {
            continue;
        }
        let mut replaces = None;
        if let Some(c) = &row.t.correction {
            let targets = stored_ids(&stored, prefix, &c.fitid);
            replaces = targets.first().filter(|id| **id != row.id).cloned();
            out.stats.corrections += usize::from(replaces.is_some());
        }
        if row.known {
            out.stats.known += 1;
        } else {
            out.stats.new += 1;
        }
        out.upserts.push(IncomingTransaction {
            provider_account_id: input.provider_account_id.to_string(),
            provider_id: row.id.clone(),
            date: row.t.date,
            amount: row.t.amount,
            payee: row.t.payee.clone(),
            description: row.t.description.clone(),
            category: row.t.category.clone(),
            pending: false,
            // The store treats this as "replaces that row": it carries the user's category and
            // note over and deletes the old row.
            pending_provider_id: replaces,
            raw: Some(row.t.raw.clone()),
        });
    }

    for t in txns {
        let Some(c) = &t.correction else { continue };
        let targets = stored_ids(&stored, prefix, &c.fitid);
        if c.action == CorrectAction::Delete {
            out.stats.corrections += targets.len();
            out.removed.extend(targets.iter().cloned());
        }
        let base = format!("{prefix}{}", c.fitid);
        for id in targets.into_iter().chain([base]) {
            if !assigned.contains_key(&id) && !out.tombstones.contains(&id) {
                out.tombstones.push(id);
            }
        }
    }
    out
}

/// The stored row(s) a correction of `fitid` refers to: `ofx:FITID` if stored, else the one
/// `ofx:FITID@…` row if exactly one (with several, it is ambiguous and none is touched).
fn stored_ids(stored: &HashMap<&str, &Existing>, prefix: &str, fitid: &str) -> Vec<String> {
    let base = format!("{prefix}{fitid}");
    if stored.contains_key(base.as_str()) {
        return vec![base];
    }
    let at = format!("{base}@");
    let derived: Vec<String> = stored
        .keys()
        .filter(|k| k.starts_with(&at))
        .map(|k| (*k).to_string())
        .collect();
    if derived.len() == 1 {
        derived
    } else {
        Vec::new()
    }
}

/// Indices of new rows that match a row from another source (rule 5, see
/// [`same_transactions`]).
fn match_foreign(input: &PlanInput<'_>, prefix: &str, rows: &[Row<'_>]) -> HashSet<usize> {
    let Some((start, end)) = input.statement.span() else {
        return HashSet::new();
    };
    // All rows are of the one account.
    let foreign: Vec<Seen<'_>> = input
        .existing
        .iter()
        .filter(|e| !e.provider_id.starts_with(prefix) && (start..=end).contains(&e.date))
        .map(|e| Seen {
            account: 0,
            date: e.date,
            amount: e.amount,
            payee: &e.payee,
            description: None,
        })
        .collect();
    let new: Vec<usize> = (0..rows.len()).filter(|i| !rows[*i].known).collect();
    let statement: Vec<Seen<'_>> = new
        .iter()
        .map(|i| Seen {
            account: 0,
            date: rows[*i].t.date,
            amount: rows[*i].t.amount,
            payee: &rows[*i].t.payee,
            description: Some(&rows[*i].t.description),
        })
        .collect();
    same_transactions(&statement, &foreign)
        .into_iter()
        .map(|(si, _)| new[si])
        .collect()
}
