//! Finding an exported episode in the library, surest first: by feed address and
//! guid, by local audio file, by audio address, then by title (narrowed by the
//! podcast's title and publication time when several share it).
//!
//! Title matching never picks an episode the same import has just added (it belongs
//! to another exported episode), nor one whose guid differs from the exported one's
//! (a namesake, not the same episode).

use std::collections::HashSet;

use rusqlite::Connection;

use super::json::ExportedEpisode;
use crate::store::{EpisodeId, PodcastId, Store, StoreResult};

/// Where an exported episode is in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Found {
    /// This episode.
    Episode(EpisodeId),
    /// Nowhere: it can be added.
    Missing,
    /// Several episodes could be it; why, as a sentence.
    Ambiguous(String),
}

/// The library's episode for `exported`, whose show is `podcast` in this library;
/// `added` are the episodes this import has added so far.
pub(super) fn find_episode(
    store: &Store,
    conn: &Connection,
    exported: &ExportedEpisode,
    podcast: Option<PodcastId>,
    added: &HashSet<EpisodeId>,
) -> StoreResult<Found> {
    if let (Some(podcast), Some(guid)) = (podcast, exported.guid.as_deref()) {
        if let Some(episode) = store.episode_by_guid(podcast, guid)? {
            return Ok(Found::Episode(episode.id));
        }
    }
    if let Some(path) = exported.audio_path.as_deref().filter(|p| !p.is_empty()) {
        if let Some(episode) = store.episode_by_audio_path(std::path::Path::new(path))? {
            return Ok(Found::Episode(episode.id));
        }
    }
    if let Some(url) = exported.audio_url.as_deref().filter(|u| !u.is_empty()) {
        let ids = ids_where(conn, "e.audio_url = ?1", url)?;
        if let [only] = ids.as_slice() {
            return Ok(Found::Episode(only.id));
        }
    }
    let mut candidates = ids_where(conn, "e.title = ?1", &exported.title)?;
    candidates.retain(|c| {
        let other_guid = matches!((&c.guid, &exported.guid), (Some(a), Some(b)) if a != b);
        !added.contains(&c.id) && !other_guid
    });
    // Narrow several namesakes by podcast, then by publication time, as long as
    // something is left.
    if let Some(podcast) = &exported.podcast {
        narrow(&mut candidates, |c| {
            c.podcast_title.as_deref() == Some(podcast.title.as_str())
        });
    }
    if exported.published.is_some() {
        narrow(&mut candidates, |c| c.published == exported.published);
    }
    Ok(match candidates.as_slice() {
        [only] => Found::Episode(only.id),
        [] => Found::Missing,
        several => Found::Ambiguous(format!(
            "{} episodes in the library have this title; it is not clear which one \
             the notes belong to.",
            several.len()
        )),
    })
}

/// An episode that may be the exported one.
#[derive(Debug)]
struct Candidate {
    id: EpisodeId,
    guid: Option<String>,
    podcast_title: Option<String>,
    published: Option<String>,
}

/// Keeps the candidates that pass `keep`, when there are several and any pass.
fn narrow<T>(candidates: &mut Vec<T>, keep: impl Fn(&T) -> bool) {
    if candidates.len() > 1 && candidates.iter().any(&keep) {
        candidates.retain(keep);
    }
}

/// Episodes matching `condition` on `value`.
fn ids_where(conn: &Connection, condition: &str, value: &str) -> StoreResult<Vec<Candidate>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT e.id, e.guid, p.title, e.published FROM episodes e \
         LEFT JOIN podcasts p ON p.id = e.podcast_id WHERE {condition} ORDER BY e.id"
    ))?;
    let rows = stmt.query_map([value], |row| {
        Ok(Candidate {
            id: row.get(0)?,
            guid: row.get(1)?,
            podcast_title: row.get(2)?,
            published: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
