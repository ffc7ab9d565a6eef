//! Copying the library to a backup file and back (see the module documentation).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;

use super::error::BackupError;
use super::lock::LibraryLock;
use crate::atomic_file::replace_atomically;
use crate::store::{backup_path, Store, BUSY_TIMEOUT, DATABASE_FILE_NAME, LATEST_VERSION};

/// The folder in the data folder where a restore keeps the library it replaced.
pub const BACKUPS_FOLDER: &str = "backups";

/// Tables every Earmark library has, from its first schema version on.
const EARMARK_TABLES: [&str; 6] = [
    "podcasts",
    "episodes",
    "transcripts",
    "notes",
    "highlights",
    "settings",
];

/// What a library file holds: the `earmark-cli backup --json` and `restore --json`
/// figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibraryFacts {
    /// The file.
    pub path: PathBuf,
    /// Its schema version.
    pub schema_version: u32,
    /// Shows.
    pub podcasts: u64,
    /// Episodes.
    pub episodes: u64,
    /// Notes.
    pub notes: u64,
    /// Highlights.
    pub highlights: u64,
    /// Transcripts.
    pub transcripts: u64,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The backup that was restored, as it was read (before any upgrade).
    pub from: LibraryFacts,
    /// Where the library it replaced was kept, when there was one.
    pub previous: Option<PathBuf>,
}

/// Copies the library in `data_dir` to `file`, consistently, while other
/// connections may be writing; what the copy holds.
pub fn back_up(data_dir: &Path, file: &Path) -> Result<LibraryFacts, BackupError> {
    let live = data_dir.join(DATABASE_FILE_NAME);
    if !live.is_file() {
        return Err(BackupError::NoLibrary(data_dir.to_path_buf()));
    }
    if same_file(&live, file) {
        return Err(BackupError::SameFile(file.to_path_buf()));
    }
    let store = Store::open(&live)?;
    copy_to_file(store.conn(), file)?;
    inspect(file)
}

/// Checks that `file` is an Earmark library this build can open, and counts what it
/// holds; nothing is written to it.
pub fn inspect(file: &Path) -> Result<LibraryFacts, BackupError> {
    let not_a_library = |reason: &str| BackupError::NotALibrary {
        path: file.to_path_buf(),
        reason: reason.to_owned(),
    };
    if !file.is_file() {
        return Err(not_a_library("there is no such file"));
    }
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_a_library("it cannot be opened as a database"))?;
    let unreadable = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => not_a_library("it is not an SQLite database"),
        Some(ErrorCode::DatabaseCorrupt) => not_a_library("it is damaged"),
        _ => BackupError::Copy {
            what: format!("from {}", file.display()),
            source: e,
        },
    };
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(unreadable)?;
    if check != "ok" {
        return Err(not_a_library("it is damaged"));
    }
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(unreadable)?;
    if version > LATEST_VERSION {
        return Err(BackupError::Newer {
            path: file.to_path_buf(),
            found: version,
            known: LATEST_VERSION,
        });
    }
    if version == 0 {
        return Err(not_a_library("it holds no Earmark library"));
    }
    for table in EARMARK_TABLES {
        let present: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
                [table],
                |row| row.get(0),
            )
            .map_err(unreadable)?;
        if !present {
            return Err(not_a_library("it is a database of another program"));
        }
    }
    let count = |table: &str| -> Result<u64, BackupError> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .map_err(unreadable)
    };
    Ok(LibraryFacts {
        path: file.to_path_buf(),
        schema_version: version,
        podcasts: count("podcasts")?,
        episodes: count("episodes")?,
        notes: count("notes")?,
        highlights: count("highlights")?,
        transcripts: count("transcripts")?,
    })
}

/// Replaces the library in the locked data folder with the backup `file` (see the
/// module documentation).
pub fn restore(file: &Path, lock: &LibraryLock) -> Result<Restored, BackupError> {
    let data_dir = lock.data_dir();
    let live = data_dir.join(DATABASE_FILE_NAME);
    if same_file(&live, file) {
        return Err(BackupError::SameFile(file.to_path_buf()));
    }
    let from = inspect(file)?;

    // Stage a copy in the data folder and bring it up to date there: the backup file
    // itself is never written to.
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BackupError::Io { path, source }
    };
    let staged = tempfile::Builder::new()
        .prefix(".earmark-restore-")
        .suffix(".db")
        .tempfile_in(data_dir)
        .map_err(io(data_dir))?;
    {
        let source = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(copy_failed(format!("from {}", file.display())))?;
        let mut copy = Connection::open(staged.path())
            .map_err(copy_failed(format!("from {}", file.display())))?;
        run_backup(&source, &mut copy, format!("from {}", file.display()))?;
    }
    {
        let upgraded = Store::open(staged.path())?;
        // Back to one file, so the read-only copy below leaves no log beside it.
        upgraded
            .conn()
            .pragma_update(None, "journal_mode", "DELETE")
            .map_err(copy_failed(format!("from {}", file.display())))?;
    }
    let _ = std::fs::remove_file(backup_path(staged.path(), from.schema_version));

    let previous = if live.is_file() {
        let kept = data_dir.join(BACKUPS_FOLDER).join(format!(
            "library-before-restore-{}.db",
            chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
                .format("%Y%m%d-%H%M%S")
        ));
        std::fs::create_dir_all(data_dir.join(BACKUPS_FOLDER))
            .map_err(io(&data_dir.join(BACKUPS_FOLDER)))?;
        back_up(data_dir, &kept)?;
        Some(kept)
    } else {
        None
    };

    // Into the live database through SQLite, so open connections stay valid.
    let target = Store::open(&live)?;
    drop(target);
    let staged_conn = Connection::open_with_flags(staged.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(copy_failed(format!("into {}", live.display())))?;
    let mut live_conn =
        Connection::open(&live).map_err(copy_failed(format!("into {}", live.display())))?;
    live_conn
        .busy_timeout(BUSY_TIMEOUT)
        .map_err(copy_failed(format!("into {}", live.display())))?;
    run_backup(
        &staged_conn,
        &mut live_conn,
        format!("into {}", live.display()),
    )?;
    Ok(Restored { from, previous })
}

/// Copies the database of `conn` to `file`, atomically, as one self-contained file.
fn copy_to_file(conn: &Connection, file: &Path) -> Result<(), BackupError> {
    let what = format!("to {}", file.display());
    replace_atomically(file, |temp| {
        let mut copy = Connection::open(temp.path()).map_err(copy_failed(what.clone()))?;
        run_backup(conn, &mut copy, what.clone())?;
        // One file, without a write-ahead log beside it.
        copy.pragma_update(None, "journal_mode", "DELETE")
            .map_err(copy_failed(what.clone()))?;
        copy.close()
            .map_err(|(_, e)| copy_failed(what.clone())(e))?;
        Ok::<(), BackupError>(())
    })
    .map_err(|e| match e {
        BackupError::Io { source, .. } => BackupError::Io {
            path: file.to_path_buf(),
            source,
        },
        other => other,
    })
}

/// Copies the whole database of `from` into `to` in one step (one read snapshot),
/// waiting up to [`BUSY_TIMEOUT`] while another connection holds a lock it needs.
fn run_backup(from: &Connection, to: &mut Connection, what: String) -> Result<(), BackupError> {
    let backup = Backup::new(from, to).map_err(copy_failed(what.clone()))?;
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        // -1: every page at once, so no other writer can change the source midway.
        match backup.step(-1).map_err(copy_failed(what.clone()))? {
            StepResult::Done => return Ok(()),
            _ if Instant::now() >= deadline => return Err(BackupError::Busy),
            _ => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

fn copy_failed(what: String) -> impl Fn(rusqlite::Error) -> BackupError {
    move |source| BackupError::Copy {
        what: what.clone(),
        source,
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
