//! Importing notes and highlights from a JSON export, idempotently.
//!
//! Each exported episode is looked up in the library, surest first: by feed address
//! and guid, by local audio file, by audio address, then by title (narrowed by the
//! podcast's title and publication time when several share it). Episodes the library
//! does not have are reported, with how many notes and highlights they hold, and
//! nothing of theirs is added: add the episode, then import again.
//!
//! Importing the same file twice adds nothing, without any import key in the schema:
//! a note counts as already there when the episode has a note at the same moment with
//! the same text, a highlight when it has one with the same range and text. Matching
//! is by count, so a file holding two identical notes adds two the first time and
//! none the next. The whole file is imported in one transaction: a crash mid-import
//! adds nothing, and the next import adds it all.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::Serialize;

use super::error::ExportError;
use super::json::{ExportDocument, ExportedEpisode, EXPORT_VERSION};
use crate::store::{EpisodeId, Store, StoreResult};

/// What an import did: the `earmark-cli import-notes --json` document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Notes added to the library.
    pub notes_added: usize,
    /// Highlights added to the library.
    pub highlights_added: usize,
    /// Notes and highlights in the file that were not added: already in the library,
    /// invalid (a highlight ending before it starts), or of an episode the library
    /// does not have.
    pub skipped: usize,
    /// Episodes of the file found in the library.
    pub episodes_matched: usize,
    /// Episodes of the file not found in the library (nothing of theirs was added).
    pub unknown_episodes: Vec<UnknownEpisode>,
}

/// An exported episode the library does not have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownEpisode {
    /// Its title.
    pub title: String,
    /// Its podcast's title.
    pub podcast: Option<String>,
    /// How many notes of it were not imported.
    pub notes: usize,
    /// How many highlights of it were not imported.
    pub highlights: usize,
    /// Why it was not found, as a sentence.
    pub reason: String,
}

/// Adds the notes and highlights of `document` that the library does not have yet.
pub fn import_notes(store: &Store, document: &ExportDocument) -> Result<ImportReport, ExportError> {
    if document.earmark_export > EXPORT_VERSION {
        return Err(ExportError::NewerExport {
            found: document.earmark_export,
            known: EXPORT_VERSION,
        });
    }
    let report = store.write(|tx| {
        let mut report = ImportReport::default();
        for exported in &document.episodes {
            match find_episode(store, tx, exported)? {
                Ok(episode) => {
                    report.episodes_matched += 1;
                    import_episode(tx, episode, exported, &mut report)?;
                }
                Err(reason) => {
                    report.skipped += exported.notes.len() + exported.highlights.len();
                    report.unknown_episodes.push(UnknownEpisode {
                        title: exported.title.clone(),
                        podcast: exported.podcast.as_ref().map(|p| p.title.clone()),
                        notes: exported.notes.len(),
                        highlights: exported.highlights.len(),
                        reason,
                    });
                }
            }
        }
        Ok(report)
    })?;
    Ok(report)
}

/// The library's episode for an exported one, or why there is none.
fn find_episode(
    store: &Store,
    conn: &Connection,
    exported: &ExportedEpisode,
) -> StoreResult<Result<EpisodeId, String>> {
    let feed = exported
        .podcast
        .as_ref()
        .and_then(|p| p.feed_url.as_deref());
    if let (Some(feed), Some(guid)) = (feed, exported.guid.as_deref()) {
        if let Some(podcast) = store.podcast_by_feed_url(feed)? {
            if let Some(episode) = store.episode_by_guid(podcast.id, guid)? {
                return Ok(Ok(episode.id));
            }
        }
    }
    if let Some(path) = exported.audio_path.as_deref().filter(|p| !p.is_empty()) {
        if let Some(episode) = store.episode_by_audio_path(std::path::Path::new(path))? {
            return Ok(Ok(episode.id));
        }
    }
    if let Some(url) = exported.audio_url.as_deref().filter(|u| !u.is_empty()) {
        let ids = ids_where(conn, "e.audio_url = ?1", url)?;
        if let [(id, _, _)] = ids.as_slice() {
            return Ok(Ok(*id));
        }
    }
    let mut candidates = ids_where(conn, "e.title = ?1", &exported.title)?;
    // Narrow several namesakes by podcast, then by publication time, as long as
    // something is left.
    if let Some(podcast) = &exported.podcast {
        narrow(&mut candidates, |(_, title, _)| {
            title.as_deref() == Some(podcast.title.as_str())
        });
    }
    if exported.published.is_some() {
        narrow(&mut candidates, |(_, _, published)| {
            *published == exported.published
        });
    }
    Ok(match candidates.as_slice() {
        [(id, _, _)] => Ok(*id),
        [] => Err(
            "The library has no episode with this feed and guid, audio file, \
                   audio address or title; add the episode, then import again."
                .to_owned(),
        ),
        several => Err(format!(
            "{} episodes in the library have this title; it is not clear which one \
             the notes belong to.",
            several.len()
        )),
    })
}

/// An episode that may be the exported one: id, podcast title, publication time.
type Candidate = (EpisodeId, Option<String>, Option<String>);

/// Keeps the candidates that pass `keep`, when there are several and any pass.
fn narrow<T>(candidates: &mut Vec<T>, keep: impl Fn(&T) -> bool) {
    if candidates.len() > 1 && candidates.iter().any(&keep) {
        candidates.retain(keep);
    }
}

/// Episodes matching `condition` on `value`: id, podcast title, publication time.
fn ids_where(conn: &Connection, condition: &str, value: &str) -> StoreResult<Vec<Candidate>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT e.id, p.title, e.published FROM episodes e \
         LEFT JOIN podcasts p ON p.id = e.podcast_id WHERE {condition} ORDER BY e.id"
    ))?;
    let rows = stmt.query_map([value], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds the exported episode's notes and highlights that `episode` lacks.
fn import_episode(
    conn: &Connection,
    episode: EpisodeId,
    exported: &ExportedEpisode,
    report: &mut ImportReport,
) -> StoreResult<()> {
    let mut notes_there: HashMap<(u64, String), usize> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT at_ms, text FROM notes WHERE episode_id = ?1")?;
        for row in stmt.query_map([episode], |row| Ok((row.get(0)?, row.get(1)?)))? {
            *notes_there.entry(row?).or_default() += 1;
        }
    }
    for note in &exported.notes {
        let key = (note.at_ms, note.text.clone());
        if take(&mut notes_there, &key) || i64::try_from(note.at_ms).is_err() {
            report.skipped += 1;
            continue;
        }
        conn.execute(
            "INSERT INTO notes (episode_id, at_ms, text, created_at, updated_at) \
             VALUES (?1, ?2, ?3, coalesce(?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), \
                     coalesce(?5, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
            params![
                episode,
                note.at_ms,
                note.text,
                utc_timestamp(note.created.as_deref()),
                utc_timestamp(note.updated.as_deref()),
            ],
        )?;
        report.notes_added += 1;
    }

    let mut highlights_there: HashMap<(u64, u64, String), usize> = HashMap::new();
    {
        let mut stmt =
            conn.prepare("SELECT start_ms, end_ms, text FROM highlights WHERE episode_id = ?1")?;
        for row in stmt.query_map([episode], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))? {
            *highlights_there.entry(row?).or_default() += 1;
        }
    }
    for highlight in &exported.highlights {
        let key = (highlight.start_ms, highlight.end_ms, highlight.text.clone());
        let invalid =
            highlight.end_ms < highlight.start_ms || i64::try_from(highlight.end_ms).is_err();
        if invalid || take(&mut highlights_there, &key) {
            report.skipped += 1;
            continue;
        }
        conn.execute(
            "INSERT INTO highlights (episode_id, start_ms, end_ms, text, color, note, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
            params![
                episode,
                highlight.start_ms,
                highlight.end_ms,
                highlight.text,
                highlight.color,
                highlight.note,
                utc_timestamp(highlight.created.as_deref()),
            ],
        )?;
        report.highlights_added += 1;
    }
    Ok(())
}

/// Counts one of `key` as matched; `false` when none is left.
fn take<K: std::hash::Hash + Eq>(there: &mut HashMap<K, usize>, key: &K) -> bool {
    match there.get_mut(key) {
        Some(count) if *count > 0 => {
            *count -= 1;
            true
        }
        _ => false,
    }
}

/// The timestamp if it has the library's shape (`2024-05-01T12:00:00Z`), else `None`
/// (the import time is used instead).
fn utc_timestamp(text: Option<&str>) -> Option<&str> {
    let text = text?;
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 20
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            4 | 7 => b == b'-',
            10 => b == b'T',
            13 | 16 => b == b':',
            19 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    shape_ok.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_library_shaped_timestamps_are_kept() {
        assert_eq!(
            utc_timestamp(Some("2024-05-01T12:00:00Z")),
            Some("2024-05-01T12:00:00Z")
        );
        for bad in ["2024-05-01", "2024-05-01T12:00:00+02:00", "yesterday", ""] {
            assert_eq!(utc_timestamp(Some(bad)), None, "{bad}");
        }
        assert_eq!(utc_timestamp(None), None);
    }

    #[test]
    fn take_counts_down() {
        let mut there = HashMap::from([("a", 2)]);
        assert!(take(&mut there, &"a"));
        assert!(take(&mut there, &"a"));
        assert!(!take(&mut there, &"a"));
        assert!(!take(&mut there, &"b"));
    }
}
