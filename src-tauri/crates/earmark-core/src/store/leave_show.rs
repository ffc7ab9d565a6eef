//! Leaving a show: the podcast and the episodes nobody made anything of go, the
//! listener's own work stays. An episode with a note or a highlight (earmarks are
//! notes), and the one the caller names (the episode in the player), are kept as
//! episodes without a show, under Local files, with their audio.

use std::path::PathBuf;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{EpisodeId, PodcastId, Store, StoreError, StoreResult};

/// What leaving a show did to the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftShow {
    /// The show's title.
    pub title: String,
    /// Episodes removed from the library.
    pub removed: usize,
    /// Episodes kept, without a show.
    pub kept: usize,
    /// The audio files of the removed episodes (the caller deletes the ones it
    /// downloaded; a file of the listener's own is never named here).
    #[serde(skip)]
    pub removed_audio: Vec<PathBuf>,
}

/// The episodes of the show that stay: the listener's notes or highlights are on them,
/// or the caller named them (`?2`).
const KEPT: &str = "podcast_id = ?1 AND (id = ?2
    OR EXISTS (SELECT 1 FROM notes n WHERE n.episode_id = episodes.id)
    OR EXISTS (SELECT 1 FROM highlights h WHERE h.episode_id = episodes.id))";

impl Store {
    /// Removes podcast `id` and every episode of it except the ones with notes or
    /// highlights and `keep`, in one transaction; those stay without a show.
    pub fn leave_show(&self, id: PodcastId, keep: Option<EpisodeId>) -> StoreResult<LeftShow> {
        self.write(|tx| {
            let title: String = tx
                .query_row("SELECT title FROM podcasts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(StoreError::PodcastNotFound(id))?;
            let keep = keep.unwrap_or(-1);
            let gone = format!("podcast_id = ?1 AND NOT ({KEPT})");
            let removed_audio = tx
                .prepare(&format!(
                    "SELECT audio_path FROM episodes WHERE {gone} AND audio_path IS NOT NULL"
                ))?
                .query_map(params![id, keep], |r| r.get::<_, String>(0))?
                .map(|path| path.map(PathBuf::from))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let kept: usize = tx.query_row(
                &format!("SELECT COUNT(*) FROM episodes WHERE {KEPT}"),
                params![id, keep],
                |r| r.get(0),
            )?;
            let removed = tx.execute(
                &format!("DELETE FROM episodes WHERE {gone}"),
                params![id, keep],
            )?;
            // The kept episodes lose their show through ON DELETE SET NULL.
            tx.execute("DELETE FROM podcasts WHERE id = ?1", [id])?;
            Ok(LeftShow {
                title,
                removed,
                kept,
                removed_audio,
            })
        })
    }
}
