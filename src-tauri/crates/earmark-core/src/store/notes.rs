//! Notes: text the user wrote, stamped with the moment in the episode it belongs to.
//!
//! A note is committed (and fsynced) before [`Store::add_note`] returns, so a note the
//! UI shows as saved survives a crash or a killed process.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::db::ensure_episode;
use super::{EpisodeId, NoteId, Store, StoreError, StoreResult};

/// A note: the `earmark-cli notes list --json` shape (docs/cli.md), plus the episode
/// and the time of the last edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Row id.
    pub id: NoteId,
    /// The episode it belongs to.
    pub episode: EpisodeId,
    /// The moment in the episode, in milliseconds of media time.
    pub at_ms: u64,
    /// What the user wrote (plain text; may be empty for a bare earmark).
    pub text: String,
    /// When it was written, RFC 3339 UTC.
    pub created: String,
    /// When it was last changed, RFC 3339 UTC.
    pub updated: String,
}

const NOTE_COLUMNS: &str = "id, episode_id, at_ms, text, created_at, updated_at";

fn note_from_row(row: &Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        id: row.get(0)?,
        episode: row.get(1)?,
        at_ms: row.get(2)?,
        text: row.get(3)?,
        created: row.get(4)?,
        updated: row.get(5)?,
    })
}

impl Store {
    /// Adds a note at `at_ms` in the episode and returns its id.
    pub fn add_note(&self, episode: EpisodeId, at_ms: u64, text: &str) -> StoreResult<NoteId> {
        self.write(|tx| {
            ensure_episode(tx, episode)?;
            tx.execute(
                "INSERT INTO notes (episode_id, at_ms, text) VALUES (?1, ?2, ?3)",
                params![episode, at_ms, text],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// The note with this id.
    pub fn note(&self, id: NoteId) -> StoreResult<Note> {
        self.conn()
            .query_row(
                &format!("SELECT {NOTE_COLUMNS} FROM notes WHERE id = ?1"),
                [id],
                note_from_row,
            )
            .optional()?
            .ok_or(StoreError::NoteNotFound(id))
    }

    /// The episode's notes in the order they occur in it (then by id).
    pub fn list_notes(&self, episode: EpisodeId) -> StoreResult<Vec<Note>> {
        ensure_episode(self.conn(), episode)?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {NOTE_COLUMNS} FROM notes WHERE episode_id = ?1 ORDER BY at_ms, id"
        ))?;
        let rows = stmt.query_map([episode], note_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every note in the library, by episode then moment (for exports).
    pub fn list_all_notes(&self) -> StoreResult<Vec<Note>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {NOTE_COLUMNS} FROM notes ORDER BY episode_id, at_ms, id"
        ))?;
        let rows = stmt.query_map([], note_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Changes a note's moment and text.
    pub fn update_note(&self, id: NoteId, at_ms: u64, text: &str) -> StoreResult<()> {
        self.change_one(
            "UPDATE notes SET at_ms = ?2, text = ?3, \
                 updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') \
             WHERE id = ?1",
            params![id, at_ms, text],
            StoreError::NoteNotFound(id),
        )
    }

    /// Deletes a note.
    pub fn delete_note(&self, id: NoteId) -> StoreResult<()> {
        self.change_one(
            "DELETE FROM notes WHERE id = ?1",
            [id],
            StoreError::NoteNotFound(id),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewEpisode;

    #[test]
    fn note_serializes_with_the_cli_fields() {
        let store = Store::open_in_memory().unwrap();
        let episode = store
            .insert_episode(&NewEpisode {
                title: "E".into(),
                ..NewEpisode::default()
            })
            .unwrap();
        let id = store.add_note(episode, 1500, "hello").unwrap();
        let json = serde_json::to_value(store.note(id).unwrap()).unwrap();
        for field in ["id", "at_ms", "text", "created"] {
            assert!(json.get(field).is_some(), "missing {field} in {json}");
        }
        assert_eq!(json["at_ms"], 1500);
        assert_eq!(json["text"], "hello");
    }
}
