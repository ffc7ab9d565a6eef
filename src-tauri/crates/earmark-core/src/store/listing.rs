//! A podcast's page: its episodes, newest first, each with the start of its show
//! notes.

use rusqlite::Row;
use serde::Serialize;

use super::episodes::SUMMARY_COLUMN_COUNT;
use super::episodes::{summary_from_row, EpisodeSummary, SUMMARY_COLUMNS};
use super::{PodcastId, Store, StoreResult};

/// How many characters of an episode's show notes a listing carries.
pub const EXCERPT_CHARS: usize = 600;

/// One episode on a podcast's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EpisodeListing {
    /// The episode as the library list has it.
    #[serde(flatten)]
    pub summary: EpisodeSummary,
    /// The start of its show notes (sanitized text, at most [`EXCERPT_CHARS`]
    /// characters), `null` when it has none.
    pub excerpt: Option<String>,
}

fn listing_from_row(row: &Row<'_>) -> rusqlite::Result<EpisodeListing> {
    Ok(EpisodeListing {
        summary: summary_from_row(row)?,
        excerpt: row.get(SUMMARY_COLUMN_COUNT)?,
    })
}

/// One page of a show's episodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EpisodePage {
    /// How many episodes the show has in all.
    pub total: usize,
    /// The episodes asked for, newest first.
    pub episodes: Vec<EpisodeListing>,
}

impl Store {
    /// Up to `limit` episodes of `podcast` (of no podcast — local files — when
    /// `None`) from the `offset`-th on, newest first, with the start of their show
    /// notes, and how many there are in all. Undated episodes come last (SQLite puts
    /// NULL last in descending order), so the order is the library's and the
    /// `(podcast_id, published DESC, id)` index serves it without sorting.
    pub fn podcast_episodes(
        &self,
        podcast: Option<PodcastId>,
        offset: usize,
        limit: usize,
    ) -> StoreResult<EpisodePage> {
        let total: usize = self.conn().query_row(
            "SELECT count(*) FROM episodes WHERE podcast_id IS ?1",
            [podcast],
            |row| row.get(0),
        )?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {SUMMARY_COLUMNS}, NULLIF(substr(trim(e.description), 1, {EXCERPT_CHARS}), '') \
             FROM episodes e LEFT JOIN podcasts p ON p.id = e.podcast_id \
             WHERE e.podcast_id IS ?1 ORDER BY e.published DESC, e.id LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![podcast, limit as i64, offset as i64],
            listing_from_row,
        )?;
        Ok(EpisodePage {
            total,
            episodes: rows.collect::<Result<_, _>>()?,
        })
    }
}
