//! A sync bringing transactions that a statement import already added to the account (rows with
//! ids `ofx:…` or `csv:…`, see `import/plan.rs`): the synced row replaces the imported one, with
//! the user's edits of the imported row carried over, so the account shows each transaction once.
//! Which rows are the same transaction is [`same_transactions`], the test an import uses the
//! other way round (rule 5), so re-importing the statement later matches the synced row and adds
//! nothing.

use std::collections::{HashMap, HashSet};

use sqlx::SqliteConnection;

use super::{Carried, is_stored};
use crate::domain::IncomingTransaction;
use crate::domain::reconcile::same::{MATCH_DAYS, Seen, same_transactions};
use crate::store::{Result, rows};

/// Provider id prefixes of rows a statement import stored.
const IMPORTED: [&str; 2] = ["ofx:", "csv:"];

/// What replacing imported rows does: the edits to carry onto the synced rows, and the imported
/// rows to delete (store account id, provider id) once the synced rows are stored.
#[derive(Debug, Default)]
pub(super) struct Replacements {
    pub carried: Vec<Carried>,
    pub replaced: Vec<(i64, String)>,
}

/// An imported row, as matching and carrying need it.
#[derive(sqlx::FromRow)]
struct ImportedRow {
    provider_id: String,
    date: String,
    amount_minor: i64,
    currency: String,
    payee: String,
    description: String,
    category_id: i64,
    category_locked: i64,
    notes: Option<String>,
}

fn is_imported(provider_id: &str) -> bool {
    IMPORTED.iter().any(|p| provider_id.starts_with(p))
}

/// Pairs the delta's posted rows that the store does not hold yet with the imported rows of their
/// account that they duplicate. Pending rows are never matched (a statement lists posted
/// transactions), nor are rows of an import's own delta. Runs before the upserts.
pub(super) async fn replace_imported(
    tx: &mut SqliteConnection,
    accounts: &HashMap<String, i64>,
    upserts: &[IncomingTransaction],
) -> Result<Replacements> {
    let mut by_account: HashMap<i64, Vec<&IncomingTransaction>> = HashMap::new();
    let mut seen_ids = HashSet::new();
    for t in upserts
        .iter()
        .filter(|t| !t.pending && !is_imported(&t.provider_id))
    {
        if let Some(account_id) = accounts.get(&t.provider_account_id)
            && seen_ids.insert((*account_id, t.provider_id.as_str()))
        {
            by_account.entry(*account_id).or_default().push(t);
        }
    }
    let mut out = Replacements::default();
    let days = chrono::Days::new(MATCH_DAYS.unsigned_abs());
    for (account_id, incoming) in by_account {
        let (Some(from), Some(to)) = (
            incoming.iter().map(|t| t.date).min(),
            incoming.iter().map(|t| t.date).max(),
        ) else {
            continue;
        };
        // One query per account over the delta's dates; without imports it finds nothing.
        let imported: Vec<ImportedRow> = sqlx::query_as(
            "SELECT provider_id, date, amount_minor, currency, payee, description, category_id,
                    category_locked, notes
               FROM transactions
              WHERE account_id = ?1 AND date BETWEEN ?2 AND ?3
                AND substr(provider_id, 1, 4) IN ('ofx:', 'csv:')
              ORDER BY date, id",
        )
        .bind(account_id)
        .bind(rows::date_text(from - days))
        .bind(rows::date_text(to + days))
        .fetch_all(&mut *tx)
        .await?;
        if imported.is_empty() {
            continue;
        }
        let mut statement = Vec::with_capacity(imported.len());
        for r in &imported {
            statement.push(Seen {
                account: account_id,
                date: rows::date(&r.date)?,
                amount: rows::money(r.amount_minor, &r.currency)?,
                payee: &r.payee,
                description: Some(&r.description),
            });
        }
        // Only rows with an imported row's amount can match; of those, the ones already stored
        // are no news (a re-sent row is not a second copy of an imported one).
        let amounts: HashSet<_> = statement.iter().map(|s| s.amount).collect();
        let mut synced = Vec::new();
        for t in incoming.into_iter().filter(|t| amounts.contains(&t.amount)) {
            if !is_stored(tx, account_id, &t.provider_id).await? {
                synced.push(t);
            }
        }
        // The imported row plays the statement's part (payee and description), the synced row
        // the part of the row an import compares against (its payee): exactly rule 5.
        let synced_seen: Vec<Seen<'_>> = synced
            .iter()
            .map(|t| Seen {
                account: account_id,
                date: t.date,
                amount: t.amount,
                payee: &t.payee,
                description: None,
            })
            .collect();
        for (ii, si) in same_transactions(&statement, &synced_seen) {
            let (r, t) = (&imported[ii], synced[si]);
            tracing::debug!(imported = %r.provider_id, synced = %t.provider_id, "synced transaction replaces the imported one");
            out.carried.push((
                account_id,
                t.provider_id.clone(),
                r.category_id,
                r.category_locked,
                r.notes.clone(),
            ));
            out.replaced.push((account_id, r.provider_id.clone()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::super::tests::{bank, delta, txn};
    use crate::domain::{Currency, IncomingTransaction, Money, Transaction};
    use crate::store::{ApplyStats, Store, TxnFilter};

    async fn all(store: &Store) -> Vec<Transaction> {
        let mut rows = store
            .transactions(&TxnFilter::default(), None, 100)
            .await
            .expect("rows");
        rows.sort_by(|a, b| a.provider_id.cmp(&b.provider_id));
        rows
    }

    /// An in-memory store with one connection of a provider, taking deltas of rows.
    struct Bank {
        store: Store,
        conn: i64,
        now: DateTime<Utc>,
    }

    impl Bank {
        async fn new(provider: &str) -> Bank {
            let (store, conn, now) = bank(provider).await;
            Bank { store, conn, now }
        }

        /// Applies one delta of `rows` (an import's or a sync's).
        async fn apply(&self, rows: Vec<IncomingTransaction>) -> ApplyStats {
            self.store
                .apply_delta(self.conn, &delta(rows), self.now)
                .await
                .expect("apply")
        }
    }

    fn ids(rows: &[Transaction]) -> Vec<&str> {
        rows.iter().map(|t| t.provider_id.as_str()).collect()
    }

    /// A row as a statement import stores it: `ofx:` id, the bank's payee and memo.
    fn imported(id: &str, day: u32, cents: i64, payee: &str) -> IncomingTransaction {
        IncomingTransaction {
            provider_id: format!("ofx:{id}"),
            description: "POS PURCHASE".into(),
            category: None,
            ..txn(id, day, cents, payee, false)
        }
    }

    #[tokio::test]
    async fn synced_rows_replace_imported_ones_and_keep_the_users_edits() {
        let bank = Bank::new("simplefin").await;
        let store = &bank.store;
        let statement = vec![
            imported("1", 10, -4250, "TRADER JOE'S #552 OAKLAND CA"),
            imported("2", 12, -8623, "AT&T WIRELESS"),
            imported("3", 14, -1200, "CHECK 1043"),
        ];
        let first = bank.apply(statement).await;
        assert_eq!(first.added, 3, "an import's own rows are never matched");
        let rows = all(store).await;
        store
            .set_category(rows[0].id, "Entertainment")
            .await
            .expect("category");
        store
            .set_note(rows[1].id, Some("phone"))
            .await
            .expect("note");

        let sync = vec![
            txn("sf-1", 11, -4250, "Trader Joe's", false),
            txn("sf-2", 12, -8623, "AT&T", false),
            txn("sf-3", 14, -1200, "Check #1043", false),
            txn("sf-4", 15, -999, "New purchase", false),
        ];
        let stats = bank.apply(sync.clone()).await;
        let rows = all(store).await;
        assert_eq!(ids(&rows), ["sf-1", "sf-2", "sf-3", "sf-4"]);
        assert_eq!(rows[0].category, "Entertainment", "locked category carried");
        assert_eq!(rows[0].payee, "Trader Joe's", "the synced row's own data");
        assert_eq!(rows[1].notes.as_deref(), Some("phone"), "note carried");
        assert_eq!(
            rows[1].category, "Restaurants",
            "unlocked: the sync's category"
        );
        assert_eq!(
            (stats.added, stats.updated, stats.removed),
            (1, 3, 0),
            "only sf-4 is a transaction the account did not have"
        );
        let again = bank.apply(sync).await;
        assert_eq!(
            (again.added, again.updated, again.removed),
            (0, 0, 0),
            "rows sent again unchanged are not written, so not counted"
        );
        assert_eq!(all(store).await.len(), 4);
    }

    #[tokio::test]
    async fn one_synced_purchase_replaces_one_of_two_identical_imported_ones() {
        let bank = Bank::new("simplefin").await;
        let store = &bank.store;
        let statement = vec![
            imported("a", 10, -550, "BLUE BOTTLE"),
            imported("b", 10, -550, "BLUE BOTTLE"),
        ];
        bank.apply(statement).await;
        let stats = bank
            .apply(vec![txn("sf-1", 10, -550, "Blue Bottle", false)])
            .await;
        let rows = all(store).await;
        assert_eq!(
            ids(&rows),
            ["ofx:b", "sf-1"],
            "the first imported row is replaced"
        );
        assert_eq!(stats.added, 0);
    }

    #[tokio::test]
    async fn another_amount_or_four_days_apart_is_another_transaction() {
        let bank = Bank::new("simplefin").await;
        let store = &bank.store;
        bank.apply(vec![imported("1", 10, -4250, "TRADER JOE'S")])
            .await;
        let sync = vec![
            txn("sf-amount", 10, -4251, "Trader Joe's", false),
            txn("sf-late", 14, -4250, "Trader Joe's", false),
            txn("sf-early", 6, -4250, "Trader Joe's", false),
            txn("sf-payee", 11, -4250, "Shell", false),
        ];
        let stats = bank.apply(sync).await;
        assert_eq!(stats.added, 4);
        let rows = all(store).await;
        assert_eq!(
            ids(&rows),
            ["ofx:1", "sf-amount", "sf-early", "sf-late", "sf-payee"]
        );
    }

    #[tokio::test]
    async fn pending_rows_are_never_matched() {
        let bank = Bank::new("simplefin").await;
        let store = &bank.store;
        bank.apply(vec![imported("1", 10, -4250, "TRADER JOE'S")])
            .await;
        bank.apply(vec![txn("p1", 10, -4250, "Trader Joe's", true)])
            .await;
        assert_eq!(ids(&all(store).await), ["ofx:1", "p1"]);
        // Once it posts (link-less: the pending row settles), the posted row replaces the
        // imported one too, and the pending row is gone.
        bank.apply(vec![txn("t1", 11, -4250, "Trader Joe's", false)])
            .await;
        let rows = all(store).await;
        assert_eq!(ids(&rows), ["t1"]);
        assert_eq!(rows[0].amount, Money::from_minor(-4250, Currency::USD));
    }

    #[tokio::test]
    async fn a_row_already_stored_is_not_a_copy_of_an_imported_one() {
        let bank = Bank::new("plaid").await;
        let store = &bank.store;
        bank.apply(vec![txn("sf-1", 10, -4250, "Trader Joe's", false)])
            .await;
        // A file with the same purchase imported later (without the import's own matching,
        // as if it had been another purchase).
        bank.apply(vec![imported("1", 10, -4250, "TRADER JOE'S")])
            .await;
        bank.apply(vec![txn("sf-1", 10, -4250, "Trader Joe's", false)])
            .await;
        assert_eq!(ids(&all(store).await), ["ofx:1", "sf-1"]);
    }
}
