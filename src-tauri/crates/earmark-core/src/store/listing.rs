//! A podcast's page: its episodes, newest first, each with the start of its show
//! notes.

use rusqlite::Row;
use serde::Serialize;

use super::episodes::SUMMARY_COLUMN_COUNT;
use super::episodes::{summary_from_row, EpisodeSummary, LIBRARY_ORDER, SUMMARY_COLUMNS};
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

impl Store {
    /// The episodes of `podcast` (of no podcast — local files — when `None`), newest
    /// first, with the start of their show notes.
    pub fn podcast_episodes(&self, podcast: Option<PodcastId>) -> StoreResult<Vec<EpisodeListing>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {SUMMARY_COLUMNS}, NULLIF(substr(trim(e.description), 1, {EXCERPT_CHARS}), '') \
             FROM episodes e LEFT JOIN podcasts p ON p.id = e.podcast_id \
             WHERE e.podcast_id IS ?1 ORDER BY {LIBRARY_ORDER}"
        ))?;
        let rows = stmt.query_map([podcast], listing_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
