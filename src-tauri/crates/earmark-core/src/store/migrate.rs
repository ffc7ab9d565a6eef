//! Schema migrations: numbered SQL files gated by `PRAGMA user_version`.
//!
//! Migration N lives in `migrations/000N_*.sql` and brings the schema from version
//! N-1 to N. Each runs in its own `BEGIN IMMEDIATE` transaction together with the
//! `user_version` bump, so a failed migration leaves the file at the previous version.
//! Before the first migration on an existing library, the whole database is copied with
//! SQLite's online backup API to `earmark.db.bak-v<N>` (N = the version it had).
//!
//! To add a migration: add the next numbered file, append it to [`MIGRATIONS`], and add
//! a test in `tests/store/upgrades.rs` that builds a library at the previous version,
//! fills it and checks the data after upgrading. A migration that rebuilds a table
//! must switch `foreign_keys` off around it (that pragma is a no-op inside a
//! transaction) — extend [`migrate`] for it when the day comes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{StoreError, StoreResult};

/// The migrations in order; entry `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_search.sql"),
    include_str!("migrations/0003_transcript_pins.sql"),
    include_str!("migrations/0004_chapters.sql"),
    include_str!("migrations/0005_search_prefix4.sql"),
    include_str!("migrations/0006_alignment_confidence.sql"),
    include_str!("migrations/0007_feed_validators.sql"),
    include_str!("migrations/0008_feed_schedule.sql"),
    include_str!("migrations/0009_sidebar_indexes.sql"),
    include_str!("migrations/0010_transcript_page.sql"),
    include_str!("migrations/0011_episode_image.sql"),
    include_str!("migrations/0012_transcription_chunks.sql"),
    include_str!("migrations/0013_podcast_language.sql"),
];

/// The newest schema version this build knows.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// Where the copy taken before upgrading `db_path` from `version` goes:
/// `<db_path>.bak-v<version>` (e.g. `earmark.db.bak-v1`).
pub fn backup_path(db_path: &Path, version: u32) -> PathBuf {
    let mut name = db_path.as_os_str().to_os_string();
    name.push(format!(".bak-v{version}"));
    PathBuf::from(name)
}

/// The schema version recorded in the file.
pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// The schema version and whether the database has any table, read in one snapshot
/// (a version-0 file with tables is not ours; read apart, another connection's
/// migration could land between the two reads).
pub(crate) fn inspect(conn: &Connection) -> rusqlite::Result<(u32, bool)> {
    conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version), \
                EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}

/// Brings the schema up to `target` (never down), copying the database to `backup`
/// first when there is anything to do and a backup path is given.
pub(crate) fn migrate(conn: &Connection, target: u32, backup: Option<&Path>) -> StoreResult<()> {
    let target = target.min(LATEST_VERSION);
    let current = schema_version(conn)?;
    if current > LATEST_VERSION {
        return Err(StoreError::NewerDatabase {
            found: current,
            known: LATEST_VERSION,
        });
    }
    if current >= target {
        return Ok(());
    }
    if let Some(path) = backup {
        back_up(conn, path)?;
    }
    for version in (current + 1)..=target {
        apply(conn, version)?;
    }
    Ok(())
}

/// Applies migration `version` unless another connection got there first.
fn apply(conn: &Connection, version: u32) -> StoreResult<()> {
    let failed = |source| StoreError::Migration { version, source };
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate).map_err(failed)?;
    // Re-read under the write lock: another process may have migrated meanwhile.
    let now = schema_version(&tx).map_err(failed)?;
    if now >= version {
        return Ok(());
    }
    let index = usize::try_from(version - 1).unwrap_or(usize::MAX);
    let Some(sql) = MIGRATIONS.get(index) else {
        return Ok(());
    };
    tx.execute_batch(sql).map_err(failed)?;
    tx.pragma_update(None, "user_version", version)
        .map_err(failed)?;
    tx.commit().map_err(failed)
}

/// Copies the whole database to `path` with SQLite's online backup API (consistent
/// even while other connections write).
fn back_up(conn: &Connection, path: &Path) -> StoreResult<()> {
    let failed = |source| StoreError::Backup {
        path: path.to_path_buf(),
        source,
    };
    let mut copy = Connection::open(path).map_err(failed)?;
    let backup = Backup::new(conn, &mut copy).map_err(failed)?;
    backup
        .run_to_completion(256, Duration::from_millis(10), None)
        .map_err(failed)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_version_counts_the_migration_files() {
        assert_eq!(LATEST_VERSION as usize, MIGRATIONS.len());
    }

    #[test]
    fn backup_path_appends_the_version() {
        let path = backup_path(Path::new("/data/earmark.db"), 1);
        assert_eq!(path, PathBuf::from("/data/earmark.db.bak-v1"));
    }

    #[test]
    fn empty_database_is_version_0_without_tables() {
        let conn = Connection::open_in_memory().unwrap();
        assert_eq!(inspect(&conn).unwrap(), (0, false));
    }

    #[test]
    fn migrating_twice_is_a_no_op() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn, LATEST_VERSION, None).unwrap();
        migrate(&conn, LATEST_VERSION, None).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), LATEST_VERSION);
    }

    #[test]
    fn migrating_stops_at_the_target() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn, 1, None).unwrap();
        assert_eq!(inspect(&conn).unwrap(), (1, true));
        let fts: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'search_fts'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(fts, 0, "version 1 has no search index");
    }

    #[test]
    fn every_migration_applies_on_an_empty_database() {
        let conn = Connection::open_in_memory().unwrap();
        for version in 1..=LATEST_VERSION {
            migrate(&conn, version, None).unwrap();
            assert_eq!(schema_version(&conn).unwrap(), version);
        }
    }
}
