//! The SQLite store: opening (WAL, foreign keys, 0600 file, embedded migrations), and every query
//! the dashboard and CLI run. Money crosses this boundary as integer minor units + currency.
//!
//! Submodules: `apply` (one sync's delta in one transaction), `transactions` (paged reads and
//! search), `budgets`, `alerts` (alerts and bills), `connections` (sync status), `imports` (statement import and
//! journal export reads), `rules` (categorisation rules), `delivery` (which alerts await a
//! notification), `history` (what the alert rules analyse), `manual_bills` (bills the user adds,
//! from the config or by hand), `rows` (row ↔ domain conversion), `locks` (writers waiting their
//! turn), `watch` (noticing other processes' writes).

mod accounts;
mod alerts;
mod apply;
mod budgets;
mod connections;
#[cfg(test)]
mod crypto_exponents;
mod delivery;
mod history;
mod imports;
mod locks;
mod manual_bills;
#[cfg(test)]
mod month_totals;
mod reports;
mod rows;
mod rules;
mod search;
mod transactions;
mod watch;

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::domain::{BillSource, CategoryKind, MoneyError, category::DEFAULT_CATEGORIES};

pub use apply::ApplyStats;
pub use imports::{RecordedBalance, SyncStatusColumns};
pub use locks::{FileLock, Held};
pub use manual_bills::{BillRow, ConfigBillsSync};
pub use reports::{CategorySpend, MonthFlow};
pub use transactions::{TxnCursor, TxnFilter};
pub use watch::StoreWatch;

/// Errors from the store. Messages name the file or value involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot take the lock {path}: {source}")]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error("the database holds a value Purse cannot read: {0}")]
    Corrupt(String),
    #[error("no category named \"{0}\" (see `purse categories` for the list)")]
    UnknownCategory(String),
    #[error("no account matches \"{0}\" (see `purse accounts`)")]
    UnknownAccount(String),
    #[error("\"{needle}\" matches several accounts: {matches}; give more of the name or the id")]
    AmbiguousAccount { needle: String, matches: String },
    #[error(transparent)]
    Rule(#[from] crate::domain::RuleError),
    #[error("no rule with id {0} (see `purse rules`)")]
    UnknownRule(i64),
    #[error(transparent)]
    Bill(#[from] crate::domain::BillError),
    #[error("no bill with id {0} (see `purse bills`)")]
    UnknownBill(i64),
    #[error("a bill named \"{0}\" already exists (see `purse bills`); give each bill its own name")]
    DuplicateBill(String),
    #[error(
        "bill {id} ({name}) {}; only bills you added can be deleted",
        match kind { BillSource::Liability => "is the bank's card statement", _ => "is predicted from recurring payments" }
    )]
    BillNotManual {
        id: i64,
        name: String,
        kind: BillSource,
    },
    #[error(
        "bill {id} ({name}) is defined in the config file's [[bills]]; remove it there (it would \
         come back at the next sync)"
    )]
    ConfigBill { id: i64, name: String },
    #[error(
        "transaction \"{transaction}\" belongs to account \"{account}\", which this sync does not \
         list; nothing was saved"
    )]
    UnlistedAccount {
        transaction: String,
        account: String,
    },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A handle to the store; cheap to clone (a connection pool inside).
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    /// The database file (None in memory): its lock files live beside it.
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed, with mode 0600 and a 0700 parent directory) the database at
    /// `path`, applies pending migrations and seeds the default categories.
    pub async fn open(path: &Path) -> Result<Store> {
        create_private_file(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(locks::WRITE_WAIT)
            // Search matches text through REGEXP: case folded over all of Unicode (search.rs).
            .with_regexp();
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        // Two processes opening a new store at once would both apply the migrations.
        let lock = locks::lock_path(path, "open");
        let _open = FileLock::acquire(&lock)
            .await
            .map_err(|source| StoreError::Lock { path: lock, source })?;
        Store::init(pool, Some(path.to_path_buf())).await
    }

    /// A private in-memory store (tests, benchmarks).
    pub async fn open_in_memory() -> Result<Store> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?
            .foreign_keys(true)
            .with_regexp();
        // One connection: every in-memory connection would be a separate database.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        Store::init(pool, None).await
    }

    async fn init(pool: SqlitePool, path: Option<PathBuf>) -> Result<Store> {
        sqlx::migrate!("src/store/migrations").run(&pool).await?;
        let store = Store { pool, path };
        store.seed_categories().await?;
        Ok(store)
    }

    async fn seed_categories(&self) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for (name, parent, kind) in DEFAULT_CATEGORIES {
            sqlx::query(
                "INSERT OR IGNORE INTO categories (name, parent_id, kind)
                 VALUES (?1, (SELECT id FROM categories WHERE name = ?2), ?3)",
            )
            .bind(*name)
            .bind(*parent)
            .bind(kind_str(*kind))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// True when nothing has been linked, synced or imported yet.
    pub async fn is_empty(&self) -> Result<bool> {
        let (connections, accounts): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM connections), (SELECT COUNT(*) FROM accounts)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(connections == 0 && accounts == 0)
    }

    /// Closes the pool, checkpointing the WAL.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn kind_str(kind: CategoryKind) -> &'static str {
    kind.as_str()
}

/// Creates `path` (and its parent directory) readable by the owner only, if it does not exist.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.exists()
    {
        {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(parent)?;
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?;
    Ok(())
}
