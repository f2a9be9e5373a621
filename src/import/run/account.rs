//! Choosing the account a statement goes to (see `import/run.rs`), and the account snapshot an
//! Import-connection account gets: the statement's ledger balance when it is the newest one
//! known, else the balance so far plus the new rows dated after the last known statement.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::ImportError;
use crate::domain::{Account, AccountSnapshot, IncomingBill, Money};
use crate::import::plan::{Existing, Plan};
use crate::import::{IMPORT_CONNECTION, IMPORT_PROVIDER, Statement};
use crate::store::{Store, StoreError};

/// Where a statement goes.
#[derive(Debug, Clone)]
pub(super) struct Target {
    /// `None`: the Import connection, not created yet.
    pub connection_id: Option<i64>,
    /// `None` until the account is created by this import.
    pub account_id: Option<i64>,
    pub provider_account_id: String,
    /// The account belongs to a synced connection, not to [`IMPORT_CONNECTION`].
    pub live: bool,
    pub name: String,
    /// The statement's account id, to remember for this account.
    pub link: Option<String>,
    existing: Option<Account>,
}

pub(super) enum ResolveError {
    Store(StoreError),
    Message(String),
}

impl From<StoreError> for ResolveError {
    fn from(e: StoreError) -> Self {
        ResolveError::Store(e)
    }
}

impl ResolveError {
    pub fn in_file(self, file: &str) -> ImportError {
        match self {
            ResolveError::Store(source) => ImportError::Store {
                file: file.to_string(),
                source,
            },
            ResolveError::Message(message) => ImportError::Account {
                file: file.to_string(),
                message,
            },
        }
    }
}

pub(super) async fn resolve(
    store: &Store,
    statement: &Statement,
    named: Option<&str>,
) -> Result<Target, ResolveError> {
    let key = statement.account_key.clone();
    if let Some(name) = named {
        match store.find_account(name).await {
            Ok(account) => return existing(store, statement, account, key, None).await,
            Err(StoreError::UnknownAccount(_)) => {}
            Err(e) => return Err(e.into()),
        }
        let connection_id = import_connection(store).await?;
        let provider_account_id =
            key.unwrap_or_else(|| format!("csv:{}", name.trim().to_lowercase()));
        if let Some(conn) = connection_id
            && let Some(id) = store
                .account_by_provider_id(conn, &provider_account_id)
                .await?
            && let Some(account) = by_id(store, id).await?
        {
            // The statement's account exists under another name: it takes the new name.
            return existing(store, statement, account, None, Some(name.trim())).await;
        }
        return Ok(Target {
            connection_id,
            account_id: None,
            provider_account_id,
            live: false,
            name: name.trim().to_string(),
            link: None,
            existing: None,
        });
    }
    let Some(key) = key else {
        return Err(ResolveError::Message(
            "names no account (CSV files never do): pass --account NAME, an existing account's name or id or a name for a new one, or set `account` in its [[import.csv]] preset".to_string(),
        ));
    };
    if let Some(id) = store.import_link(&key).await?
        && let Some(account) = by_id(store, id).await?
    {
        return existing(store, statement, account, None, None).await;
    }
    let connection_id = import_connection(store).await?;
    if let Some(conn) = connection_id
        && let Some(id) = store.account_by_provider_id(conn, &key).await?
        && let Some(account) = by_id(store, id).await?
    {
        return existing(store, statement, account, None, None).await;
    }
    Ok(Target {
        connection_id,
        account_id: None,
        provider_account_id: key,
        live: false,
        name: statement.display_name(),
        link: None,
        existing: None,
    })
}

/// The Import connection's id, if it exists yet (it is created by the first import's apply).
async fn import_connection(store: &Store) -> Result<Option<i64>, StoreError> {
    Ok(store
        .connections()
        .await?
        .into_iter()
        .find(|c| c.name == IMPORT_CONNECTION && c.provider == IMPORT_PROVIDER)
        .map(|c| c.id))
}

async fn by_id(store: &Store, id: i64) -> Result<Option<Account>, StoreError> {
    Ok(store.accounts().await?.into_iter().find(|a| a.id == id))
}

async fn existing(
    store: &Store,
    statement: &Statement,
    account: Account,
    link: Option<String>,
    rename: Option<&str>,
) -> Result<Target, ResolveError> {
    if account.currency != statement.currency {
        return Err(ResolveError::Message(format!(
            "the statement is in {} but the account \"{}\" is in {}",
            statement.currency, account.name, account.currency
        )));
    }
    let Some((connection_id, provider_account_id)) = store.account_origin(account.id).await? else {
        return Err(ResolveError::Message(format!(
            "the account \"{}\" is gone",
            account.name
        )));
    };
    let live = store
        .connections()
        .await?
        .iter()
        .any(|c| c.id == connection_id && c.provider != IMPORT_PROVIDER);
    Ok(Target {
        connection_id: Some(connection_id),
        account_id: Some(account.id),
        link: link.filter(|k| *k != provider_account_id),
        provider_account_id,
        live,
        name: rename.map_or_else(|| account.name.clone(), str::to_string),
        existing: Some(account),
    })
}

impl Target {
    /// The snapshot for an Import-connection account; `None` for a synced account (its sync owns
    /// the balance).
    pub async fn snapshot(
        &self,
        store: &Store,
        statement: &Statement,
        plan: &Plan,
        existing_rows: &[Existing],
        now: DateTime<Utc>,
    ) -> Result<Option<AccountSnapshot>, StoreError> {
        if self.live {
            return Ok(None);
        }
        let currency = statement.currency;
        let latest = match self.account_id {
            Some(id) => store.latest_statement_date(id).await?,
            None => None,
        };
        let newest = statement
            .ledger
            .filter(|l| latest.is_none_or(|d| l.as_of >= d));
        let balance = match newest {
            Some(ledger) => ledger.amount,
            None => {
                let known: HashSet<&str> = existing_rows
                    .iter()
                    .map(|e| e.provider_id.as_str())
                    .collect();
                let base = self
                    .existing
                    .as_ref()
                    .map_or(Money::zero(currency), |a| a.balance);
                let added = plan
                    .upserts
                    .iter()
                    .filter(|u| !known.contains(u.provider_id.as_str()))
                    .filter(|u| latest.is_none_or(|d| u.date > d))
                    .map(|u| u.amount.amount)
                    .sum::<rust_decimal::Decimal>();
                Money::new(base.amount + added, currency)
            }
        };
        let available = match newest {
            Some(_) => statement.available.map(|b| b.amount),
            None => self.existing.as_ref().and_then(|a| a.available),
        };
        Ok(Some(AccountSnapshot {
            provider_account_id: self.provider_account_id.clone(),
            name: self.name.clone(),
            kind: self.existing.as_ref().map_or(statement.kind, |a| a.kind),
            currency,
            balance,
            available,
            limit: self.existing.as_ref().and_then(|a| a.limit),
            as_of: now,
        }))
    }
}

/// The connection's open card bills, re-stated so that applying an import does not mark them
/// paid (the store takes a connection's bills missing from a delta as paid).
pub(super) async fn open_bills(
    store: &Store,
    connection_id: i64,
) -> Result<Vec<IncomingBill>, StoreError> {
    let mut out = Vec::new();
    for bill in store.bills().await? {
        if bill.paid || bill.source != crate::domain::BillSource::Liability {
            continue;
        }
        let Some(account_id) = bill.account_id else {
            continue;
        };
        if let Some((conn, provider_account_id)) = store.account_origin(account_id).await?
            && conn == connection_id
        {
            out.push(IncomingBill {
                provider_account_id,
                name: bill.name,
                amount: bill.amount,
                minimum: bill.minimum,
                due: bill.due,
            });
        }
    }
    Ok(out)
}
