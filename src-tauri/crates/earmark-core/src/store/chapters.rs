//! Chapters of an episode: one list per episode, from one source at a time.

use rusqlite::params;

use super::db::ensure_episode;
use super::{EpisodeId, Store, StoreResult};
use crate::chapters::{Chapter, ChapterSource};

impl Store {
    /// Stores `chapters` as the episode's chapters, replacing any it had.
    pub fn set_chapters(
        &self,
        episode: EpisodeId,
        chapters: &[Chapter],
        source: ChapterSource,
    ) -> StoreResult<()> {
        self.write(|tx| {
            ensure_episode(tx, episode)?;
            tx.execute("DELETE FROM chapters WHERE episode_id = ?1", [episode])?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO chapters (episode_id, start_ms, end_ms, title, url, image_url, source) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for chapter in chapters {
                // A malformed end (before the start) is dropped rather than refused.
                let end_ms = chapter.end_ms.filter(|end| *end >= chapter.start_ms);
                insert.execute(params![
                    episode,
                    chapter.start_ms,
                    end_ms,
                    chapter.title,
                    chapter.url,
                    chapter.image_url,
                    source.as_str()
                ])?;
            }
            Ok(())
        })
    }

    /// The episode's chapters by start time, with where they came from (`None` when
    /// it has none).
    pub fn chapters(
        &self,
        episode: EpisodeId,
    ) -> StoreResult<Option<(Vec<Chapter>, ChapterSource)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT start_ms, end_ms, title, url, image_url, source FROM chapters \
             WHERE episode_id = ?1 ORDER BY start_ms, id",
        )?;
        let rows = stmt.query_map([episode], |row| {
            Ok((
                Chapter {
                    start_ms: row.get(0)?,
                    end_ms: row.get(1)?,
                    title: row.get(2)?,
                    url: row.get(3)?,
                    image_url: row.get(4)?,
                },
                row.get::<_, String>(5)?,
            ))
        })?;
        let mut chapters = Vec::new();
        let mut source = None;
        for row in rows {
            let (chapter, name) = row?;
            source = source.or_else(|| ChapterSource::from_name(&name));
            chapters.push(chapter);
        }
        Ok(source.map(|s| (chapters, s)))
    }

    /// Removes the episode's chapters.
    pub fn clear_chapters(&self, episode: EpisodeId) -> StoreResult<()> {
        self.conn()
            .execute("DELETE FROM chapters WHERE episode_id = ?1", [episode])?;
        Ok(())
    }
}
