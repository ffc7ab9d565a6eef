//! Opening the library database: file location, connection settings, transactions.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};

use super::migrate::{self, LATEST_VERSION};
use super::{EpisodeId, StoreError, StoreResult};

/// The database file's name inside the data directory.
pub const DATABASE_FILE_NAME: &str = "earmark.db";

/// How long a write waits for another connection's write to finish before giving up
/// with [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The library: one connection to the Earmark database.
///
/// Open it with [`Store::open_in_data_dir`] (the app and CLI), [`Store::open`] (a
/// given file) or [`Store::open_in_memory`] (tests). Opening brings the schema up to
/// date, taking a backup copy first when an existing library is upgraded.
///
/// Durability: the database runs in WAL mode with `synchronous=NORMAL`: a write that
/// returned `Ok` is committed to the write-ahead log and survives the app crashing or
/// being killed at any moment (the kill test in `tests/store/durability.rs`); the log
/// is flushed to the disk at checkpoints. A power cut or an OS crash can lose the last
/// commits before a checkpoint but never corrupts the library. `FULL` would flush on
/// every commit: on this kind of virtual disk that is 4 ms a note (p95 6–8 ms) against
/// 0.05 ms — see docs/decisions.md.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) `earmark.db` in `data_dir`, creating the folder too.
    pub fn open_in_data_dir(data_dir: &Path) -> StoreResult<Store> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Store::open(data_dir.join(DATABASE_FILE_NAME))
    }

    /// Opens (creating if needed) the database file at `path` and upgrades its schema to
    /// [`LATEST_VERSION`].
    ///
    /// An existing library is copied to `<path>.bak-v<N>` before any upgrade
    /// ([`backup_path`](super::backup_path)). A file from a newer Earmark is refused with
    /// [`StoreError::NewerDatabase`] and left untouched.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Store> {
        Store::open_at_version(path, LATEST_VERSION)
    }

    /// Like [`Store::open`], but upgrades the schema only up to `version` (never down).
    ///
    /// Meant for testing migrations: build a library at an old version, fill it, then
    /// reopen it with [`Store::open`]. Features added by later versions (search) fail
    /// on a store opened below [`LATEST_VERSION`].
    pub fn open_at_version(path: impl AsRef<Path>, version: u32) -> StoreResult<Store> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|e| StoreError::opening(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| StoreError::opening(path, e))?;
        // Look before touching anything: a newer file must stay byte-for-byte as it is.
        let (found, has_tables) =
            migrate::inspect(&conn).map_err(|e| StoreError::opening(path, e))?;
        if found > LATEST_VERSION {
            return Err(StoreError::NewerDatabase {
                found,
                known: LATEST_VERSION,
            });
        }
        if found == 0 && has_tables {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
            });
        }
        configure(&conn).map_err(|e| StoreError::opening(path, e))?;
        let mut conn = conn;
        conn.busy_handler(Some(wait_for_lock))
            .map_err(|e| StoreError::opening(path, e))?;
        // A library at version 0 holds nothing worth a copy.
        let backup = (found > 0).then(|| migrate::backup_path(path, found));
        migrate::migrate(&conn, version, backup.as_deref())?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    /// Opens a fresh library that lives in memory only, at the latest schema (tests).
    pub fn open_in_memory() -> StoreResult<Store> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate::migrate(&conn, LATEST_VERSION, None)?;
        Ok(Store { conn, path: None })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database (`PRAGMA user_version`).
    pub fn schema_version(&self) -> StoreResult<u32> {
        Ok(migrate::schema_version(&self.conn)?)
    }

    /// The connection, for reads.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Changes the one row a statement names by id (a note's or a highlight's update
    /// or delete); `missing` when there is no such row.
    pub(crate) fn change_one(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        missing: StoreError,
    ) -> StoreResult<()> {
        match self.conn.execute(sql, params)? {
            0 => Err(missing),
            _ => Ok(()),
        }
    }

    /// Runs `work` in one `BEGIN IMMEDIATE` transaction, committing when it returns `Ok`
    /// and rolling back otherwise.
    ///
    /// IMMEDIATE takes the write lock up front (waiting up to [`BUSY_TIMEOUT`]), so a
    /// transaction never has to upgrade a read lock — the case where SQLite reports
    /// `SQLITE_BUSY` at once instead of waiting.
    pub(crate) fn write<T>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// How often a writer waiting for another connection's write looks again.
const BUSY_POLL: Duration = Duration::from_micros(250);

/// The busy handler of file databases: looks again every [`BUSY_POLL`] until
/// [`BUSY_TIMEOUT`] has passed.
///
/// SQLite's own `busy_timeout` handler backs off to sleeps of up to 100 ms. Against a
/// writer that commits back to back (each commit holds the lock through its fsync and
/// the next begins microseconds later) it keeps waking while the lock is held, and
/// starves: measured with one process adding notes in a tight loop, `earmark-cli notes
/// add` took 0.3 s on average and hit the 5 s timeout. Looking every 250 µs finds the
/// gaps between commits (the same 30 CLI writes took 12 ms each). `count` is the number
/// of times the handler was called for this lock; each call sleeps at least
/// [`BUSY_POLL`], so the wait lasts at least [`BUSY_TIMEOUT`].
fn wait_for_lock(count: i32) -> bool {
    let polls = BUSY_TIMEOUT.as_micros() / BUSY_POLL.as_micros();
    if u128::try_from(count).unwrap_or(u128::MAX) >= polls {
        return false;
    }
    std::thread::sleep(BUSY_POLL);
    true
}

/// Connection settings, applied on every open.
///
/// Switching a new file to WAL needs a moment alone with it and SQLite reports
/// `SQLITE_BUSY` at once (without waiting) when another connection is opening the
/// same new file, so this retries for up to [`BUSY_TIMEOUT`].
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match try_configure(conn) {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return done,
        }
    }
}

fn try_configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Returns the resulting mode ("wal", or "memory" for an in-memory database).
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Fails with [`StoreError::EpisodeNotFound`] unless episode `id` exists.
pub(crate) fn ensure_episode(conn: &Connection, id: EpisodeId) -> StoreResult<()> {
    let found: Option<i64> = conn
        .query_row("SELECT 1 FROM episodes WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::EpisodeNotFound(id)),
    }
}

/// Fails with [`StoreError::NoTranscript`] unless the episode has a transcript.
pub(crate) fn ensure_transcript(conn: &Connection, episode: EpisodeId) -> StoreResult<()> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM transcripts WHERE episode_id = ?1",
            [episode],
            |row| row.get(0),
        )
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::NoTranscript(episode)),
    }
}

/// How a path is stored: as text (lossy for paths that are not valid Unicode).
pub(crate) fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_store_is_at_latest_version() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
        assert!(store.path().is_none());
    }

    #[test]
    fn file_store_uses_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_data_dir(&dir.path().join("nested")).unwrap();
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1, "foreign keys must be enforced");
        let sync: i64 = store
            .conn()
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(
            sync, 1,
            "synchronous must be NORMAL (durable against a killed app)"
        );
        assert!(dir.path().join("nested").join(DATABASE_FILE_NAME).exists());
    }

    #[test]
    fn store_can_move_to_a_store_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Store>();
    }

    #[test]
    fn ensure_episode_reports_missing_episode() {
        let store = Store::open_in_memory().unwrap();
        let err = ensure_episode(store.conn(), 42).unwrap_err();
        assert!(matches!(err, StoreError::EpisodeNotFound(42)), "{err}");
    }
}
