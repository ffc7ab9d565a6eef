//! Rebuilding what a JSON export describes in a library that lacks it: shows,
//! episodes, transcripts, positions.
//!
//! - A show is found by its feed address, or (a show without a feed, such as the
//!   demo's or local files filed by their tags) by its title; else it is added —
//!   when it is in the document's `podcasts`, or an episode of it is added.
//! - An episode the library lacks is added with its feed guid, title, show notes,
//!   dates, duration, position and played state, and its audio address, so its
//!   download can be fetched again. Its local file is kept only for a local file
//!   (no audio address): a download's file belongs to the machine it was made on.
//! - An episode the library has keeps what it has; what it lacks is filled in: a
//!   transcript, a duration, and the position and played state when it was never
//!   played here.

use rusqlite::{params, Connection, OptionalExtension};

use super::import::{utc_timestamp, ImportReport};
use super::json::{ExportedEpisode, ExportedPodcast};
use crate::store::{
    store_transcript, EpisodeId, NewPodcast, PodcastId, Store, StoreResult, TranscriptOrigin,
};

/// The library's show for `show`, if it has one.
pub(super) fn find_show(
    store: &Store,
    conn: &Connection,
    show: &ExportedPodcast,
) -> StoreResult<Option<PodcastId>> {
    Ok(match &show.feed_url {
        Some(feed) => store.podcast_by_feed_url(feed)?.map(|p| p.id),
        None => conn
            .query_row(
                "SELECT id FROM podcasts WHERE feed_url IS NULL AND title = ?1 ORDER BY id",
                [&show.title],
                |row| row.get(0),
            )
            .optional()?,
    })
}

/// The library's show for `show`, added when there is none.
pub(super) fn show_id(
    store: &Store,
    conn: &Connection,
    show: &ExportedPodcast,
    report: &mut ImportReport,
) -> StoreResult<PodcastId> {
    if let Some(id) = find_show(store, conn, show)? {
        return Ok(id);
    }
    let id = store.add_podcast(&NewPodcast {
        title: show.title.clone(),
        feed_url: show.feed_url.clone(),
        description: show.description.clone(),
        image_url: show.image_url.clone(),
    })?;
    if let Some(created) = utc_timestamp(show.created.as_deref()) {
        conn.execute(
            "UPDATE podcasts SET created_at = ?2 WHERE id = ?1",
            params![id, created],
        )?;
    }
    report.podcasts_added += 1;
    Ok(id)
}

/// Adds the exported episode (without notes and highlights) to show `podcast`.
pub(super) fn add_episode(
    conn: &Connection,
    podcast: Option<PodcastId>,
    exported: &ExportedEpisode,
    report: &mut ImportReport,
) -> StoreResult<EpisodeId> {
    let local_file = exported
        .audio_path
        .as_deref()
        .filter(|_| exported.audio_url.is_none());
    let position = millis(exported.position_ms).unwrap_or(0);
    conn.execute(
        "INSERT INTO episodes (podcast_id, guid, title, description, published, audio_path, \
         audio_url, duration_ms, position_ms, played, last_opened_at, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, \
                 coalesce(?12, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
        params![
            podcast,
            exported.guid,
            exported.title,
            exported.description,
            exported.published,
            local_file,
            exported.audio_url,
            exported.duration_ms.and_then(millis),
            position,
            exported.played,
            utc_timestamp(exported.last_opened.as_deref()),
            utc_timestamp(exported.created.as_deref()),
        ],
    )?;
    let id = conn.last_insert_rowid();
    report.episodes_added += 1;
    if position > 0 || exported.played {
        report.positions_restored += 1;
    }
    restore_transcript(conn, id, exported, report)?;
    Ok(id)
}

/// Fills in what episode `id` lacks and the export has.
pub(super) fn fill_episode(
    conn: &Connection,
    id: EpisodeId,
    exported: &ExportedEpisode,
    report: &mut ImportReport,
) -> StoreResult<()> {
    let position = millis(exported.position_ms).unwrap_or(0);
    if position > 0 || exported.played {
        let restored = conn.execute(
            "UPDATE episodes SET position_ms = ?2, played = ?3 \
             WHERE id = ?1 AND position_ms = 0 AND played = 0",
            params![id, position, exported.played],
        )?;
        report.positions_restored += restored;
    }
    if let Some(duration) = exported.duration_ms.and_then(millis) {
        conn.execute(
            "UPDATE episodes SET duration_ms = ?2 WHERE id = ?1 AND duration_ms IS NULL",
            params![id, duration],
        )?;
    }
    restore_transcript(conn, id, exported, report)
}

/// Stores the exported transcript when episode `id` has none.
fn restore_transcript(
    conn: &Connection,
    id: EpisodeId,
    exported: &ExportedEpisode,
    report: &mut ImportReport,
) -> StoreResult<()> {
    let Some(transcript) = exported.transcript.as_ref() else {
        return Ok(());
    };
    let has_one: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM transcripts WHERE episode_id = ?1)",
        [id],
        |row| row.get(0),
    )?;
    if !has_one {
        let origin = exported
            .transcript_page
            .as_ref()
            .map_or_else(TranscriptOrigin::default, |page| {
                TranscriptOrigin::page(&page.url, page.incomplete)
            });
        store_transcript(conn, id, transcript, &origin)?;
        report.transcripts_added += 1;
    }
    Ok(())
}

/// Milliseconds as SQLite stores them, `None` past what it can hold.
fn millis(ms: u64) -> Option<i64> {
    i64::try_from(ms).ok()
}
