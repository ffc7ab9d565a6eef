//! Cached seek tables: opaque bytes the player builds for an audio file (frame
//! offsets for sample-exact seeks in VBR MP3, …) so it need not rescan the file.
//!
//! An entry is keyed by the file's path and is valid only while the file's size and
//! modification time are what they were when it was built; a changed file simply
//! misses. The store never looks inside the bytes.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rusqlite::{params, OptionalExtension};

use super::db::path_text;
use super::{Store, StoreResult};

/// Which version of which file a seek table belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SeekKey {
    /// The audio file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, nanoseconds since the Unix epoch (negative before it).
    pub mtime_ns: i64,
}

impl SeekKey {
    /// The key of the file at `path` as it is now on disk.
    pub fn for_file(path: &Path) -> std::io::Result<SeekKey> {
        let meta = std::fs::metadata(path)?;
        let mtime_ns = match meta.modified()?.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_nanos())
                .map(|ns| -ns)
                .unwrap_or(i64::MIN),
        };
        Ok(SeekKey {
            path: path.to_path_buf(),
            size: meta.len(),
            mtime_ns,
        })
    }
}

impl Store {
    /// The seek table stored for this file version, or `None` when there is none or
    /// the file has changed since.
    pub fn seek_index(&self, key: &SeekKey) -> StoreResult<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT data FROM seek_index \
                 WHERE audio_path = ?1 AND file_size = ?2 AND mtime_ns = ?3",
                params![path_text(&key.path), key.size, key.mtime_ns],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Stores the seek table for this file version, replacing any for the same path.
    pub fn put_seek_index(&self, key: &SeekKey, data: &[u8]) -> StoreResult<()> {
        self.conn().execute(
            "INSERT INTO seek_index (audio_path, file_size, mtime_ns, data) \
             VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (audio_path) DO UPDATE SET file_size = excluded.file_size, \
                 mtime_ns = excluded.mtime_ns, data = excluded.data",
            params![path_text(&key.path), key.size, key.mtime_ns, data],
        )?;
        Ok(())
    }

    /// Forgets the seek table of a file (e.g. when its download is deleted).
    pub fn delete_seek_index(&self, path: &Path) -> StoreResult<()> {
        self.conn().execute(
            "DELETE FROM seek_index WHERE audio_path = ?1",
            [path_text(path)],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(size: u64, mtime_ns: i64) -> SeekKey {
        SeekKey {
            path: PathBuf::from("/music/a.mp3"),
            size,
            mtime_ns,
        }
    }

    #[test]
    fn stored_table_comes_back_for_the_same_file_version() {
        let store = Store::open_in_memory().unwrap();
        store.put_seek_index(&key(10, 5), &[1, 2, 3]).unwrap();
        assert_eq!(store.seek_index(&key(10, 5)).unwrap(), Some(vec![1, 2, 3]));
    }

    #[test]
    fn changed_size_or_mtime_misses() {
        let store = Store::open_in_memory().unwrap();
        store.put_seek_index(&key(10, 5), &[1]).unwrap();
        assert_eq!(store.seek_index(&key(11, 5)).unwrap(), None, "size changed");
        assert_eq!(
            store.seek_index(&key(10, 6)).unwrap(),
            None,
            "mtime changed"
        );
    }

    #[test]
    fn put_replaces_and_delete_forgets() {
        let store = Store::open_in_memory().unwrap();
        store.put_seek_index(&key(10, 5), &[1]).unwrap();
        store.put_seek_index(&key(20, 7), &[2, 2]).unwrap();
        assert_eq!(store.seek_index(&key(10, 5)).unwrap(), None);
        assert_eq!(store.seek_index(&key(20, 7)).unwrap(), Some(vec![2, 2]));
        store.delete_seek_index(Path::new("/music/a.mp3")).unwrap();
        assert_eq!(store.seek_index(&key(20, 7)).unwrap(), None);
    }

    #[test]
    fn key_for_a_real_file_tracks_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.bin");
        std::fs::write(&path, b"12345").unwrap();
        let key = SeekKey::for_file(&path).unwrap();
        assert_eq!(key.size, 5);
        assert!(key.mtime_ns > 0);
        assert!(SeekKey::for_file(&dir.path().join("missing")).is_err());
    }
}
