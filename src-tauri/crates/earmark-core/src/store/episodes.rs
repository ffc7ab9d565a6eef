//! Episodes: what the user listens to, where they left off, and the library list.

use std::path::{Path, PathBuf};

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::db::path_text;
use super::{EpisodeId, PodcastId, Store, StoreError, StoreResult};

/// [`Store::set_position`] marks an episode played once the position comes within this
/// many milliseconds of its known end.
pub const PLAYED_WITHIN_MS: u64 = 5_000;

/// An episode to add to the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewEpisode {
    /// The podcast it belongs to; `None` for a local file.
    pub podcast_id: Option<PodcastId>,
    /// The feed's `<guid>`, unique within the podcast.
    pub guid: Option<String>,
    /// Title as shown in the library.
    pub title: String,
    /// Show notes (sanitized text).
    pub description: Option<String>,
    /// Publication time, RFC 3339 UTC (`2024-05-01T12:00:00Z`), so it sorts as text.
    pub published: Option<String>,
    /// The local audio file, once there is one.
    pub audio_path: Option<PathBuf>,
    /// Where the audio can be downloaded from.
    pub audio_url: Option<String>,
    /// Exact duration, when known.
    pub duration_ms: Option<u64>,
}

/// An episode in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Episode {
    /// Row id.
    pub id: EpisodeId,
    /// The podcast it belongs to; `None` for a local file.
    pub podcast_id: Option<PodcastId>,
    /// The feed's `<guid>`.
    pub guid: Option<String>,
    /// Title.
    pub title: String,
    /// Show notes.
    pub description: Option<String>,
    /// Publication time, RFC 3339.
    pub published: Option<String>,
    /// The local audio file.
    pub audio_path: Option<PathBuf>,
    /// Where the audio can be downloaded from.
    pub audio_url: Option<String>,
    /// Exact duration, when known.
    pub duration_ms: Option<u64>,
    /// Where the user left off.
    pub position_ms: u64,
    /// Listened to the end (or marked so).
    pub played: bool,
    /// When it was last opened in the player, RFC 3339.
    pub last_opened: Option<String>,
    /// When it was added, RFC 3339.
    pub created: String,
}

/// One line of the library list: the `earmark-cli list --json` shape (docs/cli.md),
/// with fields added after it (`podcast_id`, `played`, `last_opened`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EpisodeSummary {
    /// Row id.
    pub id: EpisodeId,
    /// The podcast's title, `null` for a local file.
    pub podcast: Option<String>,
    /// Title.
    pub title: String,
    /// Publication time, RFC 3339, or `null`.
    pub published: Option<String>,
    /// Exact duration, or `null` when not yet known.
    pub duration_ms: Option<u64>,
    /// The audio file is on this machine (the path is set and the file exists).
    pub downloaded: bool,
    /// A transcript is stored for it.
    pub has_transcript: bool,
    /// Where the user left off.
    pub position_ms: u64,
    /// The podcast's id, `null` for a local file.
    pub podcast_id: Option<PodcastId>,
    /// Listened to the end (or marked so).
    pub played: bool,
    /// When it was last opened in the player (RFC 3339), `null` when never.
    pub last_opened: Option<String>,
}

/// The columns [`summary_from_row`] reads, from `episodes e LEFT JOIN podcasts p`.
pub(super) const SUMMARY_COLUMNS: &str = "e.id, p.title, e.title, e.published, e.duration_ms, \
     e.audio_path, EXISTS (SELECT 1 FROM transcripts t WHERE t.episode_id = e.id), \
     e.position_ms, e.podcast_id, e.played, e.last_opened_at";

/// How many columns [`SUMMARY_COLUMNS`] has (later columns are the caller's).
pub(super) const SUMMARY_COLUMN_COUNT: usize = 11;

/// The library's order: by podcast title (local files last), newest first, then by id.
const LIBRARY_ORDER: &str = "p.id IS NULL, p.title COLLATE NOCASE, p.id, \
     e.published IS NULL, e.published DESC, e.id";

/// An [`EpisodeSummary`] from a row that starts with [`SUMMARY_COLUMNS`].
pub(super) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<EpisodeSummary> {
    let audio_path: Option<String> = row.get(5)?;
    Ok(EpisodeSummary {
        id: row.get(0)?,
        podcast: row.get(1)?,
        title: row.get(2)?,
        published: row.get(3)?,
        duration_ms: row.get(4)?,
        downloaded: audio_path.is_some_and(|p| Path::new(&p).is_file()),
        has_transcript: row.get(6)?,
        position_ms: row.get(7)?,
        podcast_id: row.get(8)?,
        played: row.get(9)?,
        last_opened: row.get(10)?,
    })
}

const EPISODE_COLUMNS: &str = "id, podcast_id, guid, title, description, published, audio_path, \
     audio_url, duration_ms, position_ms, played, last_opened_at, created_at";

fn episode_from_row(row: &Row<'_>) -> rusqlite::Result<Episode> {
    Ok(Episode {
        id: row.get(0)?,
        podcast_id: row.get(1)?,
        guid: row.get(2)?,
        title: row.get(3)?,
        description: row.get(4)?,
        published: row.get(5)?,
        audio_path: row.get::<_, Option<String>>(6)?.map(PathBuf::from),
        audio_url: row.get(7)?,
        duration_ms: row.get(8)?,
        position_ms: row.get(9)?,
        played: row.get(10)?,
        last_opened: row.get(11)?,
        created: row.get(12)?,
    })
}

impl Store {
    /// Adds an episode and returns its id.
    pub fn insert_episode(&self, episode: &NewEpisode) -> StoreResult<EpisodeId> {
        if let Some(podcast) = episode.podcast_id {
            self.podcast(podcast)?;
        }
        self.conn().execute(
            "INSERT INTO episodes (podcast_id, guid, title, description, published, audio_path, \
             audio_url, duration_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                episode.podcast_id,
                episode.guid,
                episode.title,
                episode.description,
                episode.published,
                episode.audio_path.as_deref().map(path_text),
                episode.audio_url,
                episode.duration_ms,
            ],
        )?;
        Ok(self.conn().last_insert_rowid())
    }

    /// The episode with this id.
    pub fn episode(&self, id: EpisodeId) -> StoreResult<Episode> {
        self.conn()
            .query_row(
                &format!("SELECT {EPISODE_COLUMNS} FROM episodes WHERE id = ?1"),
                [id],
                episode_from_row,
            )
            .optional()?
            .ok_or(StoreError::EpisodeNotFound(id))
    }

    /// The episode of a podcast with this feed `<guid>`, if the library has it.
    pub fn episode_by_guid(&self, podcast: PodcastId, guid: &str) -> StoreResult<Option<Episode>> {
        let sql =
            format!("SELECT {EPISODE_COLUMNS} FROM episodes WHERE podcast_id = ?1 AND guid = ?2");
        Ok(self
            .conn()
            .query_row(&sql, params![podcast, guid], episode_from_row)
            .optional()?)
    }

    /// The first episode whose audio is this local file, if any (to import a file once).
    pub fn episode_by_audio_path(&self, audio_path: &Path) -> StoreResult<Option<Episode>> {
        let sql =
            format!("SELECT {EPISODE_COLUMNS} FROM episodes WHERE audio_path = ?1 ORDER BY id");
        Ok(self
            .conn()
            .query_row(&sql, [path_text(audio_path)], episode_from_row)
            .optional()?)
    }

    /// The library list: grouped by podcast title (local files last), newest first,
    /// then by id.
    pub fn list_episodes(&self) -> StoreResult<Vec<EpisodeSummary>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM episodes e LEFT JOIN podcasts p ON p.id = e.podcast_id \
             ORDER BY {LIBRARY_ORDER}"
        ))?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Saves where the user is in an episode. Reaching the last [`PLAYED_WITHIN_MS`] of
    /// a known duration also marks it played (going back does not unmark it).
    pub fn set_position(&self, id: EpisodeId, position_ms: u64) -> StoreResult<()> {
        self.run_on_episode(
            id,
            "UPDATE episodes SET position_ms = ?2, played = CASE \
                 WHEN duration_ms IS NOT NULL AND ?2 + ?3 >= duration_ms THEN 1 ELSE played END \
             WHERE id = ?1",
            params![id, position_ms, PLAYED_WITHIN_MS],
        )
    }

    /// Marks an episode played or not played.
    pub fn mark_played(&self, id: EpisodeId, played: bool) -> StoreResult<()> {
        self.run_on_episode(
            id,
            "UPDATE episodes SET played = ?2 WHERE id = ?1",
            params![id, played],
        )
    }

    /// Records the exact duration once the audio has been probed.
    pub fn set_duration(&self, id: EpisodeId, duration_ms: u64) -> StoreResult<()> {
        self.run_on_episode(
            id,
            "UPDATE episodes SET duration_ms = ?2 WHERE id = ?1",
            params![id, duration_ms],
        )
    }

    /// Sets (or clears) the local audio file, e.g. when a download completes.
    pub fn set_audio_path(&self, id: EpisodeId, audio_path: Option<&Path>) -> StoreResult<()> {
        self.run_on_episode(
            id,
            "UPDATE episodes SET audio_path = ?2 WHERE id = ?1",
            params![id, audio_path.map(path_text)],
        )
    }

    /// Records that the episode was opened in the player now.
    pub fn mark_opened(&self, id: EpisodeId) -> StoreResult<()> {
        self.run_on_episode(
            id,
            "UPDATE episodes SET last_opened_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') \
             WHERE id = ?1",
            params![id],
        )
    }

    /// Updates what a feed says about an episode — title, description, publication
    /// time, audio address — leaving the podcast, guid, local file, duration and the
    /// user's position as they are. The search index follows the new title.
    pub fn update_episode_details(&self, id: EpisodeId, details: &NewEpisode) -> StoreResult<()> {
        self.run_on_episode(
            id,
            "UPDATE episodes SET title = ?2, description = ?3, published = ?4, audio_url = ?5 \
             WHERE id = ?1",
            params![
                id,
                details.title,
                details.description,
                details.published,
                details.audio_url
            ],
        )
    }

    /// Removes an episode with its transcript, notes and highlights. The audio file
    /// is not deleted.
    pub fn delete_episode(&self, id: EpisodeId) -> StoreResult<()> {
        self.run_on_episode(id, "DELETE FROM episodes WHERE id = ?1", params![id])
    }

    /// Runs one statement on episode `id`, failing when no such episode exists.
    fn run_on_episode(
        &self,
        id: EpisodeId,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> StoreResult<()> {
        if self.conn().execute(sql, params)? == 0 {
            return Err(StoreError::EpisodeNotFound(id));
        }
        Ok(())
    }
}
