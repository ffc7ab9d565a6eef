//! Transcripts: one per episode, stored as the parsed segments.
//!
//! The segments are kept as one JSON document (the docs/cli.md segment shape) so that
//! a transcript loads in one read; the search index gets one document per segment
//! from triggers in the schema (`migrations/0002_search.sql`).

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

use super::db::{ensure_episode, path_text};
use super::{EpisodeId, Store, StoreError, StoreResult};
use crate::transcript::{Segment, Transcript, TranscriptFormat};

/// What the library knows about an episode's transcript, without its segments.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TranscriptInfo {
    /// The format it was read from.
    pub format: TranscriptFormat,
    /// Every segment has a start time.
    pub timed: bool,
    /// The file it was read from, when it came from a file.
    pub source_path: Option<PathBuf>,
    /// When it was stored, RFC 3339.
    pub updated: String,
}

impl Store {
    /// Stores `transcript` as the episode's transcript, replacing any previous one,
    /// re-indexes it for search, and moves the episode's highlights to where their
    /// quoted text now lies (see [`crate::anchor`]). `source_path` is the file it was
    /// read from, if any.
    pub fn set_transcript(
        &self,
        episode: EpisodeId,
        transcript: &Transcript,
        source_path: Option<&Path>,
    ) -> StoreResult<()> {
        self.write(|tx| store_transcript(tx, episode, transcript, source_path))
    }

    /// The episode's transcript, or `None` when it has none.
    pub fn get_transcript(&self, episode: EpisodeId) -> StoreResult<Option<Transcript>> {
        let row: Option<(String, String)> = self
            .conn()
            .query_row(
                "SELECT format, segments_json FROM transcripts WHERE episode_id = ?1",
                [episode],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((format, segments)) = row else {
            return Ok(None);
        };
        let corrupt = |source| StoreError::StoredTranscript { episode, source };
        let format = parse_format(&format).map_err(corrupt)?;
        let segments: Vec<Segment> = serde_json::from_str(&segments).map_err(corrupt)?;
        Ok(Some(Transcript {
            format,
            segments,
            warnings: Vec::new(),
        }))
    }

    /// Format, timing and source of the episode's transcript, without loading it.
    pub fn transcript_info(&self, episode: EpisodeId) -> StoreResult<Option<TranscriptInfo>> {
        let row: Option<(String, bool, Option<String>, String)> = self
            .conn()
            .query_row(
                "SELECT format, timed, source_path, updated_at FROM transcripts \
                 WHERE episode_id = ?1",
                [episode],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        let Some((format, timed, source_path, updated)) = row else {
            return Ok(None);
        };
        let format = parse_format(&format)
            .map_err(|source| StoreError::StoredTranscript { episode, source })?;
        Ok(Some(TranscriptInfo {
            format,
            timed,
            source_path: source_path.map(PathBuf::from),
            updated,
        }))
    }

    /// Removes the episode's transcript (and its search entries); `false` when it had
    /// none.
    pub fn delete_transcript(&self, episode: EpisodeId) -> StoreResult<bool> {
        let deleted = self
            .conn()
            .execute("DELETE FROM transcripts WHERE episode_id = ?1", [episode])?;
        Ok(deleted > 0)
    }
}

/// [`Store::set_transcript`] inside a transaction the caller holds.
pub(crate) fn store_transcript(
    conn: &Connection,
    episode: EpisodeId,
    transcript: &Transcript,
    source_path: Option<&Path>,
) -> StoreResult<()> {
    let segments = serde_json::to_string(&transcript.segments)
        .map_err(|source| StoreError::StoredTranscript { episode, source })?;
    let format = format_name(transcript.format, episode)?;
    ensure_episode(conn, episode)?;
    conn.execute(
        "INSERT INTO transcripts (episode_id, format, timed, source_path, segments_json) \
         VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (episode_id) DO UPDATE SET format = excluded.format, \
             timed = excluded.timed, source_path = excluded.source_path, \
             segments_json = excluded.segments_json, \
             updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        params![
            episode,
            format,
            transcript.timed(),
            source_path.map(path_text),
            segments
        ],
    )?;
    reanchor_highlights(conn, episode, &transcript.segments)
}

/// The stored name of a format: its serde name (`"vtt"`, `"srt"`, …).
fn format_name(format: TranscriptFormat, episode: EpisodeId) -> StoreResult<String> {
    match serde_json::to_value(format) {
        Ok(serde_json::Value::String(name)) => Ok(name),
        Ok(other) => Err(StoreError::StoredTranscript {
            episode,
            source: serde::de::Error::custom(format!("format is not a name: {other}")),
        }),
        Err(source) => Err(StoreError::StoredTranscript { episode, source }),
    }
}

/// Reads a stored format name back.
fn parse_format(name: &str) -> Result<TranscriptFormat, serde_json::Error> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
}

/// Moves each highlight of `episode` to where its quoted text lies in `segments`;
/// a highlight whose text is not found keeps its range.
fn reanchor_highlights(
    tx: &Connection,
    episode: EpisodeId,
    segments: &[Segment],
) -> StoreResult<()> {
    let mut select =
        tx.prepare("SELECT id, start_ms, text FROM highlights WHERE episode_id = ?1")?;
    let highlights = select
        .query_map(params![episode], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, u64>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, start_ms, text) in highlights {
        if let Some((start, end)) = crate::anchor::locate(segments, &text, start_ms) {
            tx.execute(
                "UPDATE highlights SET start_ms = ?2, end_ms = ?3 WHERE id = ?1",
                params![id, start, end],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in [
            TranscriptFormat::Vtt,
            TranscriptFormat::Srt,
            TranscriptFormat::Json,
            TranscriptFormat::Html,
            TranscriptFormat::Text,
        ] {
            let name = format_name(format, 1).unwrap();
            assert_eq!(parse_format(&name).unwrap(), format, "{name}");
        }
        assert_eq!(format_name(TranscriptFormat::Vtt, 1).unwrap(), "vtt");
    }

    #[test]
    fn unknown_stored_format_is_an_error() {
        assert!(parse_format("mp3").is_err());
    }
}
