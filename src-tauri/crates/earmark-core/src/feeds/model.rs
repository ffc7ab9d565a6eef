//! What a podcast feed says, after parsing: the show and its episodes, every piece of
//! outside text already reduced to sanitized plain text.

use serde::Serialize;

use crate::chapters::Chapter;
use crate::transcript::TranscriptFormat;

/// The kind of document a feed was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedKind {
    /// RSS 2.0 (or 0.9x / 1.0), with iTunes and Podcasting 2.0 tags.
    Rss,
    /// Atom 1.0.
    Atom,
}

/// A parsed podcast feed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feed {
    /// RSS or Atom.
    pub kind: FeedKind,
    /// The show's title (never empty: "Untitled podcast" when the feed has none).
    pub title: String,
    /// The show's description, as sanitized plain text.
    pub description: Option<String>,
    /// The cover image's address.
    pub image_url: Option<String>,
    /// The show's web page.
    pub link: Option<String>,
    /// Who makes it.
    pub author: Option<String>,
    /// The show's language as the feed names it (`en-us`, `fi`), when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The episodes with audio, in feed order.
    pub episodes: Vec<FeedEpisode>,
    /// Items left out because they have no audio enclosure.
    pub skipped_items: usize,
    /// The address the feed says it has moved to (`itunes:new-feed-url`, or RSS
    /// `<redirect><newLocation>`).
    pub new_feed_url: Option<String>,
    /// How often the feed says it changes, in seconds (`podcast:updateFrequency`,
    /// `sy:updatePeriod`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_every_secs: Option<u64>,
    /// What was repaired in a feed whose XML was broken, as coded sentences (empty for
    /// a well-formed feed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub repairs: Vec<crate::coded_message::CodedMessage>,
}

/// One episode of a feed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedEpisode {
    /// A stable id within the feed: the `<guid>` (or Atom `<id>`), else the enclosure
    /// address.
    pub guid: String,
    /// Title (never empty: "Untitled episode").
    pub title: String,
    /// Show notes as sanitized plain text, paragraphs separated by blank lines.
    pub description: Option<String>,
    /// Publication time, RFC 3339 UTC (`2024-05-01T12:00:00Z`).
    pub published: Option<String>,
    /// Duration from `itunes:duration`, when the feed gives a usable one.
    pub duration_ms: Option<u64>,
    /// The audio.
    pub enclosure: Enclosure,
    /// Transcripts (`podcast:transcript`), in feed order.
    pub transcripts: Vec<TranscriptLink>,
    /// Chapters (`podcast:chapters`).
    pub chapters: Option<ChaptersLink>,
    /// Chapters written in the feed itself (Podlove Simple Chapters).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inline_chapters: Vec<Chapter>,
    /// People (`podcast:person`).
    pub people: Vec<Person>,
    /// The episode's web page.
    pub link: Option<String>,
    /// The episode's own image.
    pub image_url: Option<String>,
}

/// An episode's audio file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Enclosure {
    /// Where to download it.
    pub url: String,
    /// MIME type the feed claims (`audio/mpeg`).
    pub mime: Option<String>,
    /// Size in bytes the feed claims (often wrong; never trusted for a download).
    pub length: Option<u64>,
}

impl Enclosure {
    /// The byte length a feed claims, when it is a number the library can keep: more
    /// than zero and at most `i64::MAX` (SQLite's integers). Anything else drops the
    /// length only, never the episode.
    pub fn claimed_length(raw: &str) -> Option<u64> {
        raw.trim()
            .parse::<u64>()
            .ok()
            .filter(|n| *n > 0 && i64::try_from(*n).is_ok())
    }
}

/// A `podcast:transcript` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranscriptLink {
    /// Where the transcript is.
    pub url: String,
    /// Its MIME type (`text/vtt`, `application/x-subrip`, `application/json`,
    /// `text/html`, `text/plain`).
    pub mime: String,
    /// Its language (`en`), when given.
    pub language: Option<String>,
    /// `captions` for closed captions, when given.
    pub rel: Option<String>,
}

impl TranscriptLink {
    /// The transcript format its MIME type names, if Earmark knows it.
    pub fn format(&self) -> Option<TranscriptFormat> {
        crate::transcript::FormatHint::from_mime(&self.mime).map(|h| h.format())
    }

    /// Rank for choosing one transcript among several: lower is better (timed formats
    /// first: VTT, SRT, JSON, then HTML, then plain text); `None` for unknown types.
    pub fn preference(&self) -> Option<u8> {
        Some(match self.format()? {
            TranscriptFormat::Vtt => 0,
            TranscriptFormat::Srt => 1,
            TranscriptFormat::Json => 2,
            TranscriptFormat::Html => 3,
            TranscriptFormat::Text => 4,
            TranscriptFormat::Speech => 5,
        })
    }
}

/// Picks the transcript to download: the best-ranked known format (see
/// [`TranscriptLink::preference`]), first in feed order among equals.
pub fn best_transcript(links: &[TranscriptLink]) -> Option<&TranscriptLink> {
    links
        .iter()
        .filter_map(|l| l.preference().map(|p| (p, l)))
        .min_by_key(|(p, _)| *p)
        .map(|(_, l)| l)
}

/// A `podcast:chapters` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChaptersLink {
    /// Where the chapters document is.
    pub url: String,
    /// Its MIME type (`application/json+chapters`).
    pub mime: Option<String>,
}

/// A `podcast:person`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Their name.
    pub name: String,
    /// Their role (`host`, `guest`), when given.
    pub role: Option<String>,
    /// Their web page, when given.
    pub href: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(mime: &str) -> TranscriptLink {
        TranscriptLink {
            url: format!("https://x/{mime}"),
            mime: mime.to_owned(),
            language: None,
            rel: None,
        }
    }

    #[test]
    fn timed_transcripts_are_preferred() {
        let links = vec![
            link("text/plain"),
            link("text/html"),
            link("application/json"),
            link("application/x-subrip"),
            link("text/vtt"),
            link("application/pdf"),
        ];
        assert_eq!(
            best_transcript(&links).map(|l| l.mime.as_str()),
            Some("text/vtt")
        );
        assert_eq!(
            best_transcript(&links[..3]).map(|l| l.mime.as_str()),
            Some("application/json")
        );
        assert_eq!(
            best_transcript(&links[5..]),
            None,
            "unknown types are skipped"
        );
    }
}
