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
    /// Where it came from.
    #[serde(flatten)]
    pub origin: TranscriptOrigin,
    /// When it was stored, RFC 3339.
    pub updated: String,
}

/// Where a stored transcript came from; kept when only its times change.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TranscriptOrigin {
    /// The file it was read from.
    pub source_path: Option<PathBuf>,
    /// The web page it was read from (the episode's page, or one the user gave).
    pub page_url: Option<String>,
    /// The page cut it off: it covers only the start of the episode.
    pub incomplete: bool,
}

impl TranscriptOrigin {
    /// Read from `path`, or from nowhere the library keeps (a feed's link).
    pub fn file(path: Option<&Path>) -> TranscriptOrigin {
        TranscriptOrigin {
            source_path: path.map(Path::to_path_buf),
            ..TranscriptOrigin::default()
        }
    }

    /// Read from the web page at `url`.
    pub fn page(url: &str, incomplete: bool) -> TranscriptOrigin {
        TranscriptOrigin {
            source_path: None,
            page_url: Some(url.to_owned()),
            incomplete,
        }
    }
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
        self.set_transcript_from(episode, transcript, &TranscriptOrigin::file(source_path))
    }

    /// [`Store::set_transcript`], for a transcript from anywhere `origin` names.
    pub fn set_transcript_from(
        &self,
        episode: EpisodeId,
        transcript: &Transcript,
        origin: &TranscriptOrigin,
    ) -> StoreResult<()> {
        self.write(|tx| store_transcript(tx, episode, transcript, origin))
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
        let row: Option<(String, bool, TranscriptOrigin, String)> = self
            .conn()
            .query_row(
                "SELECT format, timed, source_path, page_url, incomplete, updated_at \
                 FROM transcripts WHERE episode_id = ?1",
                [episode],
                |row| {
                    let origin = TranscriptOrigin {
                        source_path: row.get::<_, Option<String>>(2)?.map(PathBuf::from),
                        page_url: row.get(3)?,
                        incomplete: row.get(4)?,
                    };
                    Ok((row.get(0)?, row.get(1)?, origin, row.get(5)?))
                },
            )
            .optional()?;
        let Some((format, timed, origin, updated)) = row else {
            return Ok(None);
        };
        let format = parse_format(&format)
            .map_err(|source| StoreError::StoredTranscript { episode, source })?;
        Ok(Some(TranscriptInfo {
            format,
            timed,
            origin,
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
    origin: &TranscriptOrigin,
) -> StoreResult<()> {
    let segments = serde_json::to_string(&transcript.segments)
        .map_err(|source| StoreError::StoredTranscript { episode, source })?;
    let format = format_name(transcript.format, episode)?;
    ensure_episode(conn, episode)?;
    conn.execute(
        "INSERT INTO transcripts \
             (episode_id, format, timed, source_path, page_url, incomplete, segments_json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (episode_id) DO UPDATE SET format = excluded.format, \
             timed = excluded.timed, source_path = excluded.source_path, \
             page_url = excluded.page_url, incomplete = excluded.incomplete, \
             segments_json = excluded.segments_json, \
             updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        params![
            episode,
            format,
            transcript.timed(),
            origin.source_path.as_deref().map(path_text),
            origin.page_url,
            origin.incomplete,
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
