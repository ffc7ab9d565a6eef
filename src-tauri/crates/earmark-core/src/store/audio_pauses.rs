//! The pauses found in an audio file, kept so that an untimed transcript's times are
//! estimated without scanning the audio again.
//!
//! Keyed like the seek tables ([`SeekKey`]): an entry is valid only while the file's
//! size and modification time are unchanged.

use rusqlite::{params, OptionalExtension};

use super::db::path_text;
use super::{SeekKey, Store, StoreResult};
use crate::transcript::pauses::Pause;

impl Store {
    /// The pauses stored for this file version, or `None` when there are none (or
    /// the file changed, or the stored list cannot be read).
    pub fn audio_pauses(&self, key: &SeekKey) -> StoreResult<Option<Vec<Pause>>> {
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT pauses_json FROM audio_pauses \
                 WHERE audio_path = ?1 AND file_size = ?2 AND mtime_ns = ?3",
                params![path_text(&key.path), key.size, key.mtime_ns],
                |row| row.get(0),
            )
            .optional()?;
        // A list that does not read back is a cache miss, not an error: it is rebuilt.
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Stores the pauses of this file version, replacing any for the same path.
    pub fn put_audio_pauses(&self, key: &SeekKey, pauses: &[Pause]) -> StoreResult<()> {
        let json = serde_json::to_string(pauses).unwrap_or_else(|_| "[]".to_string());
        self.conn().execute(
            "INSERT INTO audio_pauses (audio_path, file_size, mtime_ns, pauses_json) \
             VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (audio_path) DO UPDATE SET file_size = excluded.file_size, \
                 mtime_ns = excluded.mtime_ns, pauses_json = excluded.pauses_json",
            params![path_text(&key.path), key.size, key.mtime_ns, json],
        )?;
        Ok(())
    }
}
