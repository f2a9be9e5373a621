//! Importing one file into the store: parse, choose each statement's account, plan, then one
//! [`Delta`] applied in one transaction, and afterwards the statement's balances, link and
//! correction tombstones recorded.
//!
//! **Which account.** `--account NAME` (or a CSV preset's `account`) picks an existing account
//! by name or id, of any connection, or names a new one; the choice is remembered for the
//! statement's account id, so later statements of that account find it by themselves. Without
//! it, an OFX statement goes to the account with its own id (`BANKID`/`ACCTID`) under the single
//! [`IMPORT_CONNECTION`], created on first import. One connection for all imports, rather than one
//! per institution: CSV files and many OFX files name no institution, and the account id alone
//! already tells accounts apart.
//!
//! **Into a synced account.** The delta then carries no account snapshot (the live sync owns the
//! balance), re-states the connection's open card bills (so the store does not take them for
//! paid), and the connection's sync status is put back afterwards: an import is not a sync.

mod account;
mod report;

use std::path::Path;

use chrono::{DateTime, Utc};

use self::account::{Target, resolve};
use self::report::report;
pub use self::report::{FileReport, ImportError, StatementReport};
use super::messages::NO_ACCOUNT_OFX;
use super::plan::{Existing, MATCH_DAYS, PlanInput, plan};
use super::{IMPORT_CONNECTION, IMPORT_PROVIDER, ParseError, ParseOptions, ParsedFile, parse};
use crate::domain::{Delta, RemovedTransaction};
use crate::store::{RecordedBalance, Store};

/// How to import: the account to file a single statement under, and how to read the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    pub account: Option<String>,
    pub parse: ParseOptions,
}

/// Imports the file at `path`.
pub async fn import_file(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
    now: DateTime<Utc>,
) -> Result<FileReport, ImportError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        file: file.clone(),
        source,
    })?;
    import_bytes(store, &file, &bytes, options, now).await
}

/// Imports a file's content; `file` names it in reports and errors.
pub async fn import_bytes(
    store: &Store,
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    now: DateTime<Utc>,
) -> Result<FileReport, ImportError> {
    let store_err = |source| ImportError::Store {
        file: file.to_string(),
        source,
    };
    let named = options
        .account
        .clone()
        .or_else(|| options.parse.csv.account.clone());
    let mut parse_options = options.parse.clone();
    if let Some(name) = &named
        && let Ok(existing) = store.find_account(name).await
        && parse_options.csv.currency.is_none()
    {
        parse_options.default_currency = existing.currency;
    }
    let parsed: ParsedFile = parse(bytes, &parse_options).map_err(|error| ImportError::Parse {
        file: file.to_string(),
        error,
    })?;
    if named.is_some() && parsed.statements.len() > 1 {
        return Err(ImportError::Account {
            file: file.to_string(),
            message: format!(
                "holds {} statements ({}); --account can name the account of a single statement only: import it without --account and each statement goes to its own account",
                parsed.statements.len(),
                parsed
                    .statements
                    .iter()
                    .map(|s| s.display_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    let mut targets: Vec<Target> = Vec::with_capacity(parsed.statements.len());
    for statement in &parsed.statements {
        if named.is_none() && statement.account_key.is_none() && parsed.format.is_ofx() {
            return Err(ImportError::Account {
                file: file.to_string(),
                message: format!("{}: {NO_ACCOUNT_OFX}", statement.display_name()),
            });
        }
        let target = resolve(store, statement, named.as_deref())
            .await
            .map_err(|e| e.in_file(file))?;
        targets.push(target);
    }
    let connection_id = match targets.as_slice() {
        [] => {
            return Err(ImportError::Parse {
                file: file.to_string(),
                error: ParseError::file("holds no statement"),
            });
        }
        [first, rest @ ..] => {
            if let Some(other) = rest.iter().find(|t| t.connection_id != first.connection_id) {
                return Err(ImportError::Account {
                    file: file.to_string(),
                    message: format!(
                        "its statements belong to accounts of different connections (\"{}\" and \"{}\"); import their statements separately",
                        first.name, other.name
                    ),
                });
            }
            first.connection_id
        }
    };
    // Plan and apply under the connection's sync lock, so that no sync or other import of the
    // same accounts lands between reading the stored rows and writing the plan made from them.
    let _turn = match connection_id {
        Some(id) => store.lock_sync(id).await,
        None => store.lock_new_imports().await,
    }
    .map_err(store_err)?;

    let ofx = parsed.format.is_ofx();
    let prefix = if ofx { "ofx:" } else { "csv:" };
    let mut delta = Delta::default();
    let mut plans = Vec::with_capacity(targets.len());
    for (statement, target) in parsed.statements.iter().zip(&targets) {
        let (existing, tombstones) = match (target.account_id, statement.span()) {
            (Some(id), span) => {
                let today = now.date_naive();
                let (from, to) = span.unwrap_or((today, today));
                let days = chrono::Days::new(MATCH_DAYS.unsigned_abs());
                let rows = store
                    .rows_for_import(id, prefix, from - days, to + days)
                    .await
                    .map_err(store_err)?;
                let rows = rows
                    .into_iter()
                    .map(|(provider_id, date, amount, payee)| Existing {
                        provider_id,
                        date,
                        amount,
                        payee,
                    })
                    .collect::<Vec<_>>();
                (rows, store.import_tombstones(id).await.map_err(store_err)?)
            }
            (None, _) => Default::default(),
        };
        let p = plan(&PlanInput {
            statement,
            ofx,
            provider_account_id: &target.provider_account_id,
            existing: &existing,
            tombstones: &tombstones,
        });
        if let Some(snapshot) = target
            .snapshot(store, statement, &p, &existing, now)
            .await
            .map_err(store_err)?
        {
            delta.accounts.push(snapshot);
        }
        delta.upserts.extend(p.upserts.iter().cloned());
        delta
            .removed
            .extend(p.removed.iter().map(|id| RemovedTransaction {
                provider_account_id: target.provider_account_id.clone(),
                provider_id: id.clone(),
            }));
        plans.push(p);
    }
    let live = targets.iter().any(|t| t.live);
    // Created only now, so a file that fails before this point leaves no trace.
    let connection_id = match connection_id {
        Some(id) => id,
        None => store
            .ensure_connection(IMPORT_CONNECTION, IMPORT_PROVIDER, now)
            .await
            .map_err(store_err)?,
    };
    delta.bills = account::open_bills(store, connection_id)
        .await
        .map_err(store_err)?;
    let saved = if live {
        Some(
            store
                .sync_status_columns(connection_id)
                .await
                .map_err(store_err)?,
        )
    } else {
        None
    };
    let applied = store
        .apply_delta(connection_id, &delta, now)
        .await
        .map_err(store_err)?;
    if let Some(saved) = saved {
        store
            .restore_sync_status(connection_id, &saved, now)
            .await
            .map_err(store_err)?;
    }

    let mut statements = Vec::with_capacity(targets.len());
    for ((statement, target), p) in parsed.statements.iter().zip(&targets).zip(&plans) {
        let account_id = match target.account_id {
            Some(id) => id,
            None => store
                .account_by_provider_id(connection_id, &target.provider_account_id)
                .await
                .map_err(store_err)?
                .ok_or_else(|| ImportError::Account {
                    file: file.to_string(),
                    message: format!("the account \"{}\" was not created", target.name),
                })?,
        };
        let balances: Vec<RecordedBalance> = [
            ("ledger", statement.ledger),
            ("available", statement.available),
        ]
        .into_iter()
        .filter_map(|(kind, b)| {
            b.map(|b| RecordedBalance {
                kind,
                amount: b.amount,
                as_of: b.as_of,
            })
        })
        .collect();
        store
            .record_statement(
                account_id,
                target.link.as_deref(),
                &balances,
                &p.tombstones,
                file,
                now,
            )
            .await
            .map_err(store_err)?;
        statements.push(report(statement, target, &p.stats));
    }
    Ok(FileReport {
        file: file.to_string(),
        format: parsed.format.as_str(),
        statements,
        notes: parsed.notes,
        added: applied.added,
        updated: applied.updated,
        removed: applied.removed,
    })
}
