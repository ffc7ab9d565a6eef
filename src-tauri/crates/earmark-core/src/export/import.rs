//! Importing a JSON export into a library, idempotently: the notes and highlights,
//! and whatever of the shows, episodes, transcripts and positions the library lacks
//! (see [`super::restore`]), so that the export of a whole library rebuilds it on
//! another machine.
//!
//! Each exported episode is looked up in the library (see [`super::matching`]); an
//! episode the library does not have is added, with its show. Only an episode that
//! several of the library's could be is reported, with how many notes and highlights
//! it holds, and nothing of it is added.
//!
//! Importing the same file twice adds nothing, without any import key in the schema:
//! shows and episodes are found again as above, a transcript or position is only
//! filled in where there is none, a note counts as already there when the episode
//! has a note at the same moment with the same text, a highlight when it has one with
//! the same range and text. Matching is by count, so a file holding two identical
//! notes adds two the first time and none the next. The whole file is imported in one
//! transaction: a crash mid-import adds nothing, and the next import adds it all.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection};
use serde::Serialize;

use super::error::ExportError;
use super::json::{ExportDocument, ExportedEpisode, EXPORT_VERSION};
use super::matching::{find_episode, Found};
use super::restore::{add_episode, fill_episode, find_show, show_id};
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
    /// could not tell apart from another.
    pub skipped: usize,
    /// Episodes of the file found in the library.
    pub episodes_matched: usize,
    /// Episodes of the file not added because several of the library's could be them.
    pub unknown_episodes: Vec<UnknownEpisode>,
    /// Shows added to the library.
    pub podcasts_added: usize,
    /// Episodes added to the library.
    pub episodes_added: usize,
    /// Transcripts added to episodes that had none.
    pub transcripts_added: usize,
    /// Episodes whose position or played state was restored (they had none).
    pub positions_restored: usize,
}

/// An exported episode that was not imported.
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
    /// Why it was not imported, as a sentence.
    pub reason: String,
}

/// Adds what `document` holds and the library does not have yet.
pub fn import_notes(store: &Store, document: &ExportDocument) -> Result<ImportReport, ExportError> {
    if document.earmark_export > EXPORT_VERSION {
        return Err(ExportError::NewerExport {
            found: document.earmark_export,
            known: EXPORT_VERSION,
        });
    }
    let report = store.write(|tx| {
        let mut report = ImportReport::default();
        for show in &document.podcasts {
            show_id(store, tx, show, &mut report)?;
        }
        let mut added: HashSet<EpisodeId> = HashSet::new();
        for exported in &document.episodes {
            let podcast = match &exported.podcast {
                Some(show) => find_show(store, tx, show)?,
                None => None,
            };
            let episode = match find_episode(store, tx, exported, podcast, &added)? {
                Found::Episode(episode) => {
                    report.episodes_matched += 1;
                    fill_episode(tx, episode, exported, &mut report)?;
                    episode
                }
                Found::Missing => {
                    let podcast = match &exported.podcast {
                        Some(show) => Some(show_id(store, tx, show, &mut report)?),
                        None => None,
                    };
                    let episode = add_episode(tx, podcast, exported, &mut report)?;
                    added.insert(episode);
                    episode
                }
                Found::Ambiguous(reason) => {
                    report.skipped += exported.notes.len() + exported.highlights.len();
                    report.unknown_episodes.push(UnknownEpisode {
                        title: exported.title.clone(),
                        podcast: exported.podcast.as_ref().map(|p| p.title.clone()),
                        notes: exported.notes.len(),
                        highlights: exported.highlights.len(),
                        reason,
                    });
                    continue;
                }
            };
            import_episode(tx, episode, exported, &mut report)?;
        }
        Ok(report)
    })?;
    Ok(report)
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
pub(super) fn utc_timestamp(text: Option<&str>) -> Option<&str> {
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
