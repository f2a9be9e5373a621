//! Writers that wait their turn. Every write transaction starts as a writer (`BEGIN IMMEDIATE`),
//! so it queues on `busy_timeout` instead of failing with `SQLITE_BUSY` when a deferred reader
//! tries to upgrade. Work longer than one transaction is serialised across processes with
//! advisory file locks next to the database (`purse.db-open.lock` while migrating at open,
//! `purse.db-sync-<id>.lock` while a connection syncs): the kernel releases them when the holder
//! exits, even when it is killed, so a crashed Purse never leaves a stale lock behind. A sync lock
//! file holds a count of the syncs done under it, so a process that waited can tell that another
//! one synced the connection meanwhile.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::{Sqlite, Transaction};

use super::{Result, Store};

/// How long a statement waits for another connection's write to finish before giving up: long
/// enough for the largest sync (a first sync of a million transactions takes about ten seconds),
/// so writers queue rather than fail.
pub(super) const WRITE_WAIT: Duration = Duration::from_secs(60);

/// The statement every write transaction begins with.
pub(super) const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// How often a waiting process tries a held file lock again.
const RETRY: Duration = Duration::from_millis(25);

/// An exclusive advisory lock on a file, released on drop (or when the process dies).
#[derive(Debug)]
pub struct FileLock {
    file: File,
}

/// What taking a lock involved.
#[derive(Debug)]
pub struct Held {
    pub lock: FileLock,
    /// True when another holder had it and this one waited.
    pub waited: bool,
    /// The file's count when this one first asked for the lock.
    seen: u64,
}

impl Held {
    /// True when this one waited and the holder it waited for counted a finished job (see
    /// [`FileLock::count_done`]).
    pub fn done_meanwhile(&mut self) -> bool {
        self.waited && self.lock.count() != self.seen
    }
}

impl FileLock {
    /// Takes the lock on `path` (created 0600 if missing), waiting while another process (or
    /// another handle in this one) holds it.
    pub async fn acquire(path: &Path) -> std::io::Result<Held> {
        let file = open_lock_file(path)?;
        let mut lock = FileLock { file };
        let seen = lock.count();
        let mut waited = false;
        loop {
            match lock.file.try_lock() {
                Ok(()) => return Ok(Held { lock, waited, seen }),
                Err(TryLockError::WouldBlock) => {
                    waited = true;
                    tokio::time::sleep(RETRY).await;
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }

    /// The count of finished jobs the file holds (0 when empty or unreadable: it is a hint).
    fn count(&mut self) -> u64 {
        let mut text = String::new();
        let read = self.file.seek(SeekFrom::Start(0)).is_ok()
            && self.file.read_to_string(&mut text).is_ok();
        if read {
            text.trim().parse().unwrap_or(0)
        } else {
            0
        }
    }

    /// Counts one more finished job (best effort: a lost count only costs a repeated job).
    pub fn count_done(&mut self) {
        let next = self.count().wrapping_add(1);
        let written = self.file.set_len(0).and_then(|()| {
            self.file.seek(SeekFrom::Start(0))?;
            self.file.write_all(next.to_string().as_bytes())
        });
        if let Err(e) = written {
            tracing::warn!(error = %e, "could not count a finished job in its lock file");
        }
    }
}

fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// `purse.db` → `purse.db-<suffix>.lock`, beside it.
pub(super) fn lock_path(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!("-{suffix}.lock"));
    db.with_file_name(name)
}

impl Store {
    /// Begins a write transaction that holds SQLite's write lock from its first statement, so a
    /// busy database makes it wait (up to `busy_timeout`) rather than fail.
    pub(super) async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with(BEGIN_WRITE).await?)
    }

    /// Holds connection `connection_id`'s sync lock: one process syncs a connection at a time.
    /// A store in memory belongs to one process and one handle, which serialises itself: it
    /// gets a lock on nothing.
    pub async fn lock_sync(&self, connection_id: i64) -> Result<Option<Held>> {
        self.lock(&format!("sync-{connection_id}")).await
    }

    /// Holds the lock of statement imports into accounts of no connection yet: two imports of
    /// the same new account plan against the same rows one after the other.
    pub async fn lock_new_imports(&self) -> Result<Option<Held>> {
        self.lock("import").await
    }

    async fn lock(&self, name: &str) -> Result<Option<Held>> {
        let Some(db) = &self.path else {
            return Ok(None);
        };
        let path = lock_path(db, name);
        FileLock::acquire(&path)
            .await
            .map(Some)
            .map_err(|source| super::StoreError::Lock { path, source })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_second_holder_waits_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = lock_path(&dir.path().join("purse.db"), "sync-1");
        assert!(path.ends_with("purse.db-sync-1.lock"), "{}", path.display());
        let first = FileLock::acquire(&path).await.expect("first");
        assert!(!first.waited);
        let second = tokio::spawn({
            let path = path.clone();
            async move { FileLock::acquire(&path).await.expect("second").waited }
        });
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert!(!second.is_finished(), "the second holder must wait");
        drop(first);
        assert!(second.await.expect("join"), "it waited, then got the lock");
    }

    #[tokio::test]
    async fn a_waiter_learns_that_the_holder_finished_its_job() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = lock_path(&dir.path().join("purse.db"), "sync-1");
        let mut first = FileLock::acquire(&path).await.expect("first");
        let second = tokio::spawn({
            let path = path.clone();
            async move { FileLock::acquire(&path).await.expect("second") }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        first.lock.count_done();
        drop(first);
        let mut second = second.await.expect("join");
        assert!(
            second.done_meanwhile(),
            "the holder synced while this one waited"
        );
        // Without waiting, nothing was done meanwhile: the job runs.
        drop(second);
        let mut third = FileLock::acquire(&path).await.expect("third");
        assert!(!third.done_meanwhile());
    }
}
