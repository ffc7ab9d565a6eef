//! Highlights: passages of a transcript the user marked, with an optional note.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::db::ensure_episode;
use super::{EpisodeId, HighlightId, Store, StoreError, StoreResult};

/// The colour a highlight gets when the user picks none.
pub const DEFAULT_HIGHLIGHT_COLOR: &str = "yellow";

/// A highlight to add (as the window sends it, too).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewHighlight {
    /// Where the passage starts, in milliseconds of media time.
    pub start_ms: u64,
    /// Where it ends (not before `start_ms`).
    pub end_ms: u64,
    /// The quoted transcript text.
    pub text: String,
    /// A colour name the UI knows (`"yellow"`, …).
    pub color: String,
    /// The user's note on the passage.
    pub note: Option<String>,
}

impl Default for NewHighlight {
    fn default() -> Self {
        NewHighlight {
            start_ms: 0,
            end_ms: 0,
            text: String::new(),
            color: DEFAULT_HIGHLIGHT_COLOR.to_owned(),
            note: None,
        }
    }
}

/// A highlight in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// Row id.
    pub id: HighlightId,
    /// The episode it belongs to.
    pub episode: EpisodeId,
    /// Where the passage starts.
    pub start_ms: u64,
    /// Where it ends.
    pub end_ms: u64,
    /// The quoted transcript text.
    pub text: String,
    /// Its colour.
    pub color: String,
    /// The user's note on it.
    pub note: Option<String>,
    /// When it was made, RFC 3339 UTC.
    pub created: String,
}

const HIGHLIGHT_COLUMNS: &str = "id, episode_id, start_ms, end_ms, text, color, note, created_at";

fn highlight_from_row(row: &Row<'_>) -> rusqlite::Result<Highlight> {
    Ok(Highlight {
        id: row.get(0)?,
        episode: row.get(1)?,
        start_ms: row.get(2)?,
        end_ms: row.get(3)?,
        text: row.get(4)?,
        color: row.get(5)?,
        note: row.get(6)?,
        created: row.get(7)?,
    })
}

impl Store {
    /// Adds a highlight to the episode and returns its id.
    pub fn add_highlight(
        &self,
        episode: EpisodeId,
        highlight: &NewHighlight,
    ) -> StoreResult<HighlightId> {
        if highlight.end_ms < highlight.start_ms {
            return Err(StoreError::HighlightRange {
                start_ms: highlight.start_ms,
                end_ms: highlight.end_ms,
            });
        }
        self.write(|tx| {
            ensure_episode(tx, episode)?;
            tx.execute(
                "INSERT INTO highlights (episode_id, start_ms, end_ms, text, color, note) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    episode,
                    highlight.start_ms,
                    highlight.end_ms,
                    highlight.text,
                    highlight.color,
                    highlight.note
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// The highlight with this id.
    pub fn highlight(&self, id: HighlightId) -> StoreResult<Highlight> {
        self.conn()
            .query_row(
                &format!("SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ?1"),
                [id],
                highlight_from_row,
            )
            .optional()?
            .ok_or(StoreError::HighlightNotFound(id))
    }

    /// The episode's highlights in the order they occur in it.
    pub fn list_highlights(&self, episode: EpisodeId) -> StoreResult<Vec<Highlight>> {
        ensure_episode(self.conn(), episode)?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE episode_id = ?1 \
             ORDER BY start_ms, id"
        ))?;
        let rows = stmt.query_map([episode], highlight_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every highlight in the library, by episode then moment (one query, for the
    /// notebook).
    pub fn list_all_highlights(&self) -> StoreResult<Vec<Highlight>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {HIGHLIGHT_COLUMNS} FROM highlights ORDER BY episode_id, start_ms, id"
        ))?;
        let rows = stmt.query_map([], highlight_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Changes a highlight's colour and note.
    pub fn update_highlight(
        &self,
        id: HighlightId,
        color: &str,
        note: Option<&str>,
    ) -> StoreResult<()> {
        self.change_one(
            "UPDATE highlights SET color = ?2, note = ?3 WHERE id = ?1",
            params![id, color, note],
            StoreError::HighlightNotFound(id),
        )
    }

    /// Deletes a highlight.
    pub fn delete_highlight(&self, id: HighlightId) -> StoreResult<()> {
        self.change_one(
            "DELETE FROM highlights WHERE id = ?1",
            [id],
            StoreError::HighlightNotFound(id),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewEpisode;

    fn store_with_episode() -> (Store, EpisodeId) {
        let store = Store::open_in_memory().unwrap();
        let episode = store
            .insert_episode(&NewEpisode {
                title: "E".into(),
                ..NewEpisode::default()
            })
            .unwrap();
        (store, episode)
    }

    #[test]
    fn highlights_list_in_episode_order() {
        let (store, episode) = store_with_episode();
        let late = NewHighlight {
            start_ms: 9_000,
            end_ms: 12_000,
            text: "later".into(),
            ..NewHighlight::default()
        };
        let early = NewHighlight {
            start_ms: 1_000,
            end_ms: 2_000,
            text: "earlier".into(),
            note: Some("why".into()),
            color: "green".into(),
        };
        let late_id = store.add_highlight(episode, &late).unwrap();
        let early_id = store.add_highlight(episode, &early).unwrap();
        let list = store.list_highlights(episode).unwrap();
        let ids: Vec<_> = list.iter().map(|h| h.id).collect();
        assert_eq!(ids, vec![early_id, late_id], "ordered by start");
        assert_eq!(list[0].color, "green");
        assert_eq!(list[1].color, DEFAULT_HIGHLIGHT_COLOR);
        assert_eq!(list[0].note.as_deref(), Some("why"));
    }

    #[test]
    fn backwards_range_is_refused() {
        let (store, episode) = store_with_episode();
        let bad = NewHighlight {
            start_ms: 5_000,
            end_ms: 4_000,
            ..NewHighlight::default()
        };
        let err = store.add_highlight(episode, &bad).unwrap_err();
        assert!(matches!(err, StoreError::HighlightRange { .. }), "{err}");
    }

    #[test]
    fn update_and_delete() {
        let (store, episode) = store_with_episode();
        let id = store
            .add_highlight(episode, &NewHighlight::default())
            .unwrap();
        store.update_highlight(id, "blue", Some("n")).unwrap();
        let h = store.highlight(id).unwrap();
        assert_eq!((h.color.as_str(), h.note.as_deref()), ("blue", Some("n")));
        store.delete_highlight(id).unwrap();
        assert!(matches!(
            store.delete_highlight(id),
            Err(StoreError::HighlightNotFound(_))
        ));
        assert!(matches!(
            store.add_highlight(999, &NewHighlight::default()),
            Err(StoreError::EpisodeNotFound(999))
        ));
    }
}
