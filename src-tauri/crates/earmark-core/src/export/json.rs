//! The JSON export: everything about the episodes, versioned and re-importable.
//!
//! ```text
//! {"earmark_export": 1,
//!  "podcasts": [{"title": "The Show", "feed_url": "https://…", "description": "…",
//!                "image_url": "…", "created": "…"}],
//!  "episodes": [{"id": 12, "podcast": {"title": "The Show", "feed_url": "https://…"},
//!                "guid": "…", "title": "…", "description": "…", "published": "…",
//!                "audio_path": "…", "audio_url": "…", "duration_ms": 3600000,
//!                "position_ms": 0, "played": false, "created": "…",
//!                "last_opened": "…",
//!                "transcript": {"format": "vtt", "segments": [{"start_ms", "end_ms",
//!                               "speaker", "text", "words"}]},
//!                "transcript_page": {"url": "https://…", "incomplete": false},
//!                "notes": [{"at_ms", "text", "created", "updated"}],
//!                "highlights": [{"start_ms", "end_ms", "text", "color", "note",
//!                                "created"}]}]}
//! ```
//!
//! `earmark_export` is the format version: a later Earmark may add fields (readers
//! ignore fields they do not know) and bumps the version only for a change an older
//! reader would get wrong. `id` is the episode's id in the library it came from, for
//! reference only; importing matches episodes by what they are, not by id. Fields
//! other than the version, titles, moments and texts may be left out of a file made
//! by hand. `podcasts` (added after the first files were written) lists the shows of
//! the exported episodes — every show of the library for `export --all --format
//! json`, subscriptions without any episode included; `transcript` is the segments in
//! the `transcript parse --json` shape (docs/cli.md), `null` when there is none;
//! `transcript_page` the web page it was read from (`null` for any other source), with
//! whether the page cut it off.
//! Together they are enough to rebuild a library on another machine with
//! [`import_notes`](super::import_notes): shows, episodes (feed, guid and audio
//! address, so a download can be fetched again), transcripts, positions, notes and
//! highlights. Downloaded audio is not in the file.

use serde::{Deserialize, Serialize};

use super::bundle::EpisodeNotes;
use super::error::ExportError;
use crate::store::{EpisodeId, Podcast, PodcastId, DEFAULT_HIGHLIGHT_COLOR};
use crate::transcript::Transcript;

/// The format version this build writes and the newest it reads.
pub const EXPORT_VERSION: u32 = 1;

/// A whole JSON export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDocument {
    /// The format version ([`EXPORT_VERSION`]).
    pub earmark_export: u32,
    /// The shows of the exported episodes (every show, for a whole library).
    #[serde(default)]
    pub podcasts: Vec<ExportedPodcast>,
    /// The exported episodes.
    #[serde(default)]
    pub episodes: Vec<ExportedEpisode>,
}

/// A show: in the document's `podcasts`, and (title and feed only) in each episode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedPodcast {
    /// The show's title.
    pub title: String,
    /// Its feed address, the surest way to find it again.
    #[serde(default)]
    pub feed_url: Option<String>,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its cover image's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// When it was added to the library, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

impl ExportedPodcast {
    /// The whole show, for the document's `podcasts`.
    fn full(podcast: &Podcast) -> Self {
        ExportedPodcast {
            title: podcast.title.clone(),
            feed_url: podcast.feed_url.clone(),
            description: podcast.description.clone(),
            image_url: podcast.image_url.clone(),
            created: Some(podcast.created.clone()),
        }
    }

    /// The show as an episode names it: title and feed.
    fn named(podcast: &Podcast) -> Self {
        ExportedPodcast {
            title: podcast.title.clone(),
            feed_url: podcast.feed_url.clone(),
            ..ExportedPodcast::default()
        }
    }
}

/// One exported episode with its notes and highlights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedEpisode {
    /// Its id in the library it was exported from (for reference only).
    #[serde(default)]
    pub id: Option<EpisodeId>,
    /// Its podcast; `null` for a local file.
    #[serde(default)]
    pub podcast: Option<ExportedPodcast>,
    /// The feed's `<guid>`.
    #[serde(default)]
    pub guid: Option<String>,
    /// Title.
    pub title: String,
    /// Show notes.
    #[serde(default)]
    pub description: Option<String>,
    /// Publication time, RFC 3339.
    #[serde(default)]
    pub published: Option<String>,
    /// The local audio file it was played from.
    #[serde(default)]
    pub audio_path: Option<String>,
    /// Where the audio can be downloaded from.
    #[serde(default)]
    pub audio_url: Option<String>,
    /// Exact duration.
    #[serde(default)]
    pub duration_ms: Option<u64>,
    /// Where the user had left off.
    #[serde(default)]
    pub position_ms: u64,
    /// Listened to the end.
    #[serde(default)]
    pub played: bool,
    /// When it was added to the library, RFC 3339.
    #[serde(default)]
    pub created: Option<String>,
    /// When it was last opened in the player, RFC 3339.
    #[serde(default)]
    pub last_opened: Option<String>,
    /// Its transcript.
    #[serde(default)]
    pub transcript: Option<Transcript>,
    /// The web page its transcript was read from.
    #[serde(default)]
    pub transcript_page: Option<ExportedPage>,
    /// Its notes, in the order they occur.
    #[serde(default)]
    pub notes: Vec<ExportedNote>,
    /// Its highlights, in the order they occur.
    #[serde(default)]
    pub highlights: Vec<ExportedHighlight>,
}

/// The web page a transcript was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedPage {
    /// Its address.
    pub url: String,
    /// The page cut the transcript off: it covers only the start of the episode.
    #[serde(default)]
    pub incomplete: bool,
}

/// An exported note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedNote {
    /// The moment, in milliseconds of media time.
    pub at_ms: u64,
    /// What the user wrote.
    #[serde(default)]
    pub text: String,
    /// When it was written, RFC 3339 UTC.
    #[serde(default)]
    pub created: Option<String>,
    /// When it was last changed, RFC 3339 UTC.
    #[serde(default)]
    pub updated: Option<String>,
}

/// An exported highlight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedHighlight {
    /// Where the passage starts.
    pub start_ms: u64,
    /// Where it ends.
    pub end_ms: u64,
    /// The quoted transcript text.
    pub text: String,
    /// Its colour.
    #[serde(default = "default_color")]
    pub color: String,
    /// The user's note on it.
    #[serde(default)]
    pub note: Option<String>,
    /// When it was made, RFC 3339 UTC.
    #[serde(default)]
    pub created: Option<String>,
}

fn default_color() -> String {
    DEFAULT_HIGHLIGHT_COLOR.to_owned()
}

impl ExportDocument {
    /// The export document for these episodes, with their shows.
    pub fn new(episodes: &[EpisodeNotes]) -> ExportDocument {
        let mut seen: Vec<PodcastId> = Vec::new();
        let podcasts: Vec<&Podcast> = episodes
            .iter()
            .filter_map(|e| e.podcast.as_ref())
            .filter(|p| {
                let first = !seen.contains(&p.id);
                seen.push(p.id);
                first
            })
            .collect();
        ExportDocument::library(podcasts, episodes)
    }

    /// The export document of a whole library: every show, every episode.
    pub fn library<'a>(
        podcasts: impl IntoIterator<Item = &'a Podcast>,
        episodes: &[EpisodeNotes],
    ) -> ExportDocument {
        ExportDocument {
            earmark_export: EXPORT_VERSION,
            podcasts: podcasts.into_iter().map(ExportedPodcast::full).collect(),
            episodes: episodes.iter().map(ExportedEpisode::from).collect(),
        }
    }
}

impl From<&EpisodeNotes> for ExportedEpisode {
    fn from(source: &EpisodeNotes) -> Self {
        let episode = &source.episode;
        ExportedEpisode {
            id: Some(episode.id),
            podcast: source.podcast.as_ref().map(ExportedPodcast::named),
            guid: episode.guid.clone(),
            title: episode.title.clone(),
            description: episode.description.clone(),
            published: episode.published.clone(),
            audio_path: episode
                .audio_path
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned()),
            audio_url: episode.audio_url.clone(),
            duration_ms: episode.duration_ms,
            position_ms: episode.position_ms,
            played: episode.played,
            created: Some(episode.created.clone()),
            last_opened: episode.last_opened.clone(),
            transcript: source.transcript.clone(),
            transcript_page: source.transcript_page.as_ref().map(|(url, incomplete)| {
                ExportedPage {
                    url: url.clone(),
                    incomplete: *incomplete,
                }
            }),
            notes: source
                .notes
                .iter()
                .map(|n| ExportedNote {
                    at_ms: n.at_ms,
                    text: n.text.clone(),
                    created: Some(n.created.clone()),
                    updated: Some(n.updated.clone()),
                })
                .collect(),
            highlights: source
                .highlights
                .iter()
                .map(|h| ExportedHighlight {
                    start_ms: h.start_ms,
                    end_ms: h.end_ms,
                    text: h.text.clone(),
                    color: h.color.clone(),
                    note: h.note.clone(),
                    created: Some(h.created.clone()),
                })
                .collect(),
        }
    }
}

/// The JSON export of these episodes, pretty-printed, ending with a newline.
pub fn to_json(episodes: &[EpisodeNotes]) -> Result<String, ExportError> {
    document_json(&ExportDocument::new(episodes))
}

/// The JSON export of a whole library (see [`ExportDocument::library`]).
pub fn library_to_json(
    podcasts: &[Podcast],
    episodes: &[EpisodeNotes],
) -> Result<String, ExportError> {
    document_json(&ExportDocument::library(podcasts, episodes))
}

/// A document, pretty-printed, ending with a newline.
fn document_json(document: &ExportDocument) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(document).map_err(ExportError::Json)?;
    text.push('\n');
    Ok(text)
}

/// Reads a JSON export, refusing files that are not one or come from a newer Earmark.
pub fn parse_export(text: &str) -> Result<ExportDocument, ExportError> {
    // Look at the version first: a newer file may not fit this build's shape.
    #[derive(Deserialize)]
    struct Version {
        earmark_export: u32,
    }
    let version: Version = serde_json::from_str(text).map_err(ExportError::NotAnExport)?;
    if version.earmark_export > EXPORT_VERSION {
        return Err(ExportError::NewerExport {
            found: version.earmark_export,
            known: EXPORT_VERSION,
        });
    }
    serde_json::from_str(text).map_err(ExportError::NotAnExport)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_hand_made_file_reads() {
        let doc = parse_export(
            r#"{"earmark_export": 1, "episodes": [{"title": "E",
                "notes": [{"at_ms": 5}], "highlights": [{"start_ms": 1, "end_ms": 2, "text": "t"}]}]}"#,
        )
        .unwrap();
        assert_eq!(doc.episodes[0].notes[0].at_ms, 5);
        assert_eq!(doc.episodes[0].highlights[0].color, DEFAULT_HIGHLIGHT_COLOR);
    }

    #[test]
    fn newer_and_foreign_files_are_refused() {
        let newer = parse_export(r#"{"earmark_export": 2, "episodes": "changed"}"#).unwrap_err();
        assert!(
            matches!(newer, ExportError::NewerExport { found: 2, known: 1 }),
            "{newer}"
        );
        let foreign = parse_export(r#"{"notes": []}"#).unwrap_err();
        assert!(matches!(foreign, ExportError::NotAnExport(_)), "{foreign}");
        let not_json = parse_export("Highlight,Title\n").unwrap_err();
        assert!(
            matches!(not_json, ExportError::NotAnExport(_)),
            "{not_json}"
        );
    }
}
