//! Per-file caches: what Earmark learned from an audio file's bytes — the player's
//! seek table (frame offsets for sample-exact seeks in VBR MP3) and the pauses found
//! in it — kept so the file need not be scanned again.
//!
//! An entry is keyed by the file's path and is valid only while the file's size and
//! modification time are what they were when it was made; a changed file simply
//! misses. The store never looks inside the bytes: each user reads its own (a value
//! that no longer reads is a miss, and is made again).

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, OptionalExtension};

use super::db::path_text;
use super::{Store, StoreResult};

/// Which version of which file an entry belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileKey {
    /// The audio file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, nanoseconds since the Unix epoch (negative before it).
    pub mtime_ns: i64,
}

impl FileKey {
    /// The key of the file at `path` as it is now on disk.
    pub fn for_file(path: &Path) -> std::io::Result<FileKey> {
        let meta = std::fs::metadata(path)?;
        let mtime_ns = match meta.modified()?.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_nanos())
                .map(|ns| -ns)
                .unwrap_or(i64::MIN),
        };
        Ok(FileKey {
            path: path.to_path_buf(),
            size: meta.len(),
            mtime_ns,
        })
    }
}

/// What is cached about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCache {
    /// The player's seek table.
    SeekIndex,
    /// The pauses found in the audio (JSON).
    Pauses,
}

impl FileCache {
    /// The table and the column that hold it.
    fn table(self) -> (&'static str, &'static str) {
        match self {
            FileCache::SeekIndex => ("seek_index", "data"),
            FileCache::Pauses => ("audio_pauses", "pauses_json"),
        }
    }

    /// The value stored: the pauses' column holds JSON text (checked by the table),
    /// the seek table's column bytes.
    fn value(self, data: &[u8]) -> Value {
        match self {
            FileCache::SeekIndex => Value::Blob(data.to_vec()),
            FileCache::Pauses => Value::Text(String::from_utf8_lossy(data).into_owned()),
        }
    }
}

impl Store {
    /// The entry of `cache` for this file version, or `None` when there is none or the
    /// file has changed since.
    pub fn cached(&self, cache: FileCache, key: &FileKey) -> StoreResult<Option<Vec<u8>>> {
        let (table, column) = cache.table();
        Ok(self
            .conn()
            .query_row(
                &format!(
                    "SELECT {column} FROM {table} \
                     WHERE audio_path = ?1 AND file_size = ?2 AND mtime_ns = ?3"
                ),
                params![path_text(&key.path), key.size, key.mtime_ns],
                |row| {
                    Ok(match row.get_ref(0)? {
                        ValueRef::Blob(bytes) | ValueRef::Text(bytes) => Some(bytes.to_vec()),
                        _ => None,
                    })
                },
            )
            .optional()?
            .flatten())
    }

    /// Stores the entry of `cache` for this file version, replacing any for the same
    /// path.
    pub fn put_cached(&self, cache: FileCache, key: &FileKey, data: &[u8]) -> StoreResult<()> {
        let (table, column) = cache.table();
        self.conn().execute(
            &format!(
                "INSERT INTO {table} (audio_path, file_size, mtime_ns, {column}) \
                 VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (audio_path) DO UPDATE SET file_size = excluded.file_size, \
                     mtime_ns = excluded.mtime_ns, {column} = excluded.{column}"
            ),
            params![
                path_text(&key.path),
                key.size,
                key.mtime_ns,
                cache.value(data)
            ],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(size: u64, mtime_ns: i64) -> FileKey {
        FileKey {
            path: PathBuf::from("/music/a.mp3"),
            size,
            mtime_ns,
        }
    }

    #[test]
    fn an_entry_comes_back_for_the_same_file_version_only() {
        let store = Store::open_in_memory().unwrap();
        for cache in [FileCache::SeekIndex, FileCache::Pauses] {
            store.put_cached(cache, &key(10, 5), b"[1,2]").unwrap();
            assert_eq!(
                store.cached(cache, &key(10, 5)).unwrap(),
                Some(b"[1,2]".to_vec())
            );
            assert_eq!(
                store.cached(cache, &key(11, 5)).unwrap(),
                None,
                "size changed"
            );
            assert_eq!(
                store.cached(cache, &key(10, 6)).unwrap(),
                None,
                "mtime changed"
            );
        }
    }

    #[test]
    fn put_replaces_and_caches_are_apart() {
        let store = Store::open_in_memory().unwrap();
        store
            .put_cached(FileCache::SeekIndex, &key(10, 5), &[1])
            .unwrap();
        store
            .put_cached(FileCache::SeekIndex, &key(20, 7), &[2, 2])
            .unwrap();
        assert_eq!(
            store.cached(FileCache::SeekIndex, &key(10, 5)).unwrap(),
            None
        );
        assert_eq!(
            store.cached(FileCache::SeekIndex, &key(20, 7)).unwrap(),
            Some(vec![2, 2])
        );
        assert_eq!(store.cached(FileCache::Pauses, &key(20, 7)).unwrap(), None);
    }

    #[test]
    fn pauses_that_are_no_json_are_refused_by_the_table() {
        let store = Store::open_in_memory().unwrap();
        assert!(store
            .put_cached(FileCache::Pauses, &key(10, 5), &[0xFF, 1])
            .is_err());
        assert_eq!(store.cached(FileCache::Pauses, &key(10, 5)).unwrap(), None);
    }

    #[test]
    fn key_for_a_real_file_tracks_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.bin");
        std::fs::write(&path, b"12345").unwrap();
        let key = FileKey::for_file(&path).unwrap();
        assert_eq!(key.size, 5);
        assert!(key.mtime_ns > 0);
        assert!(FileKey::for_file(&dir.path().join("missing")).is_err());
    }
}
