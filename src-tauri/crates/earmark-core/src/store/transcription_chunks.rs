//! The chunks of an on-device transcription that are done, so that a restart goes on
//! after the last one instead of starting over (earmark-speech writes one as each
//! chunk is heard, and forgets them once the transcript is kept).
//!
//! Kept per file version ([`FileKey`]) and per recogniser (a name for its model and
//! language): a changed file or another model finds nothing and starts over.
//! Also which episodes a background transcription may take on.

use rusqlite::params;

use super::db::path_text;
use super::{EpisodeId, FileKey, Store, StoreError, StoreResult};
use crate::transcript::Word;

/// One chunk of a transcription that is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishedChunk {
    /// Its number, from 0.
    pub index: usize,
    /// Where it ends, in samples of the 16 kHz audio the recogniser hears.
    pub end_sample: u64,
    /// The words heard in it, in episode time.
    pub words: Vec<Word>,
}

impl Store {
    /// The episodes with audio on this computer (downloaded or local) and no
    /// transcript, newest first: what background transcription may take on.
    pub fn untranscribed_on_disk(&self) -> StoreResult<Vec<EpisodeId>> {
        let mut stmt = self.conn().prepare(
            "SELECT e.id FROM episodes e \
             WHERE e.audio_path IS NOT NULL \
             AND NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.episode_id = e.id) \
             ORDER BY COALESCE(e.published, e.created_at) DESC, e.id DESC",
        )?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The finished chunks of this file version and recogniser, in order from chunk 0
    /// and without a gap (a chunk after a missing one is of no use to a restart).
    pub fn finished_chunks(
        &self,
        key: &FileKey,
        recogniser: &str,
    ) -> StoreResult<Vec<FinishedChunk>> {
        let mut statement = self.conn().prepare(
            "SELECT chunk, end_sample, words_json FROM transcription_chunks \
             WHERE audio_path = ?1 AND file_size = ?2 AND mtime_ns = ?3 AND recogniser = ?4 \
             ORDER BY chunk",
        )?;
        let rows = statement.query_map(
            params![path_text(&key.path), key.size, key.mtime_ns, recogniser],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                ))
            },
        )?;
        let mut chunks = Vec::new();
        for row in rows {
            let (index, end_sample, words) = row?;
            if index != chunks.len() as i64 {
                break;
            }
            // A row that no longer reads ends what can be resumed.
            let Ok(words) = serde_json::from_str(&words) else {
                break;
            };
            chunks.push(FinishedChunk {
                index: chunks.len(),
                end_sample: u64::try_from(end_sample).unwrap_or(0),
                words,
            });
        }
        Ok(chunks)
    }

    /// Keeps a finished chunk of this file version and recogniser.
    pub fn put_finished_chunk(
        &self,
        key: &FileKey,
        recogniser: &str,
        chunk: &FinishedChunk,
    ) -> StoreResult<()> {
        let words = serde_json::to_string(&chunk.words).map_err(|source| {
            StoreError::TranscriptionChunk {
                chunk: chunk.index,
                source,
            }
        })?;
        self.conn().execute(
            "INSERT OR REPLACE INTO transcription_chunks \
             (audio_path, file_size, mtime_ns, recogniser, chunk, end_sample, words_json) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                path_text(&key.path),
                key.size,
                key.mtime_ns,
                recogniser,
                chunk.index as i64,
                i64::try_from(chunk.end_sample).unwrap_or(i64::MAX),
                words
            ],
        )?;
        Ok(())
    }

    /// Forgets every finished chunk of the file at this key's path (any version, any
    /// recogniser): done when its transcript is kept, or to start over.
    pub fn forget_finished_chunks(&self, key: &FileKey) -> StoreResult<()> {
        self.conn().execute(
            "DELETE FROM transcription_chunks WHERE audio_path = ?1",
            [path_text(&key.path)],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn key(size: u64) -> FileKey {
        FileKey {
            path: PathBuf::from("/music/a.mp3"),
            size,
            mtime_ns: 7,
        }
    }

    fn chunk(index: usize) -> FinishedChunk {
        FinishedChunk {
            index,
            end_sample: 16_000 * (index as u64 + 1),
            words: vec![Word {
                start_ms: 1000 * index as u64,
                end_ms: 1000 * index as u64 + 400,
                text: format!("word{index}"),
            }],
        }
    }

    #[test]
    fn chunks_come_back_in_order_for_the_same_file_and_recogniser_only() {
        let store = Store::open_in_memory().unwrap();
        store
            .put_finished_chunk(&key(10), "tiny.en/en", &chunk(1))
            .unwrap();
        store
            .put_finished_chunk(&key(10), "tiny.en/en", &chunk(0))
            .unwrap();
        assert_eq!(
            store.finished_chunks(&key(10), "tiny.en/en").unwrap(),
            [chunk(0), chunk(1)]
        );
        assert!(
            store
                .finished_chunks(&key(11), "tiny.en/en")
                .unwrap()
                .is_empty(),
            "a changed file"
        );
        assert!(
            store
                .finished_chunks(&key(10), "base.en/en")
                .unwrap()
                .is_empty(),
            "another model"
        );
        store.forget_finished_chunks(&key(10)).unwrap();
        assert!(store
            .finished_chunks(&key(10), "tiny.en/en")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_gap_ends_what_can_be_resumed() {
        let store = Store::open_in_memory().unwrap();
        store.put_finished_chunk(&key(10), "r", &chunk(0)).unwrap();
        store.put_finished_chunk(&key(10), "r", &chunk(2)).unwrap();
        assert_eq!(store.finished_chunks(&key(10), "r").unwrap(), [chunk(0)]);
    }
}
