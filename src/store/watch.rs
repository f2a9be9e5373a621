//! Noticing other connections' writes: `PRAGMA data_version` on a connection of its own changes
//! whenever any other connection (another process, or this one's pool) commits to the file. One
//! cheap query, no file watching, no busy loop.

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions as _, SqliteConnection};

use super::{Result, Store};

/// A dedicated connection that tells whether the store changed since it last looked.
#[derive(Debug)]
pub struct StoreWatch {
    conn: SqliteConnection,
    version: i64,
}

impl Store {
    /// A watch on the store's file; `None` for a store in memory, which only its own handle can
    /// change.
    pub async fn watch(&self) -> Result<Option<StoreWatch>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let mut conn = SqliteConnectOptions::new()
            .filename(path)
            .busy_timeout(super::locks::WRITE_WAIT)
            .connect()
            .await?;
        let version = data_version(&mut conn).await?;
        Ok(Some(StoreWatch { conn, version }))
    }
}

impl StoreWatch {
    /// True when some other connection committed a change since the last call (or since the
    /// watch was made).
    pub async fn changed(&mut self) -> Result<bool> {
        let version = data_version(&mut self.conn).await?;
        let changed = version != self.version;
        self.version = version;
        Ok(changed)
    }
}

async fn data_version(conn: &mut SqliteConnection) -> Result<i64> {
    let (version,): (i64,) = sqlx::query_as("PRAGMA data_version")
        .fetch_one(conn)
        .await?;
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Currency, Money, Month};

    #[tokio::test]
    async fn a_write_through_another_handle_is_noticed_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("purse.db");
        // Two handles on one file, as the dashboard and a `purse budget set` would have.
        let dashboard = Store::open(&path).await.expect("open");
        let other = Store::open(&path).await.expect("open again");
        let mut watch = dashboard.watch().await.expect("watch").expect("a file");
        assert!(
            !watch.changed().await.expect("check"),
            "nothing written yet"
        );
        dashboard.budgets().await.expect("a read");
        assert!(
            !watch.changed().await.expect("check"),
            "reads change nothing"
        );
        let month: Month = "2026-11".parse().expect("month");
        let amount = Money::from_minor(45_000, Currency::USD);
        other
            .set_budget("Groceries", month, amount)
            .await
            .expect("set");
        assert!(watch.changed().await.expect("check"), "the write is seen");
        assert!(!watch.changed().await.expect("check"), "and only once");
        dashboard.close().await;
        other.close().await;
    }

    #[tokio::test]
    async fn a_store_in_memory_has_nothing_to_watch() {
        let store = Store::open_in_memory().await.expect("open");
        assert!(store.watch().await.expect("watch").is_none());
    }
}
