//! The transcript model shared by every format (design.md §6 JSON shape).

use serde::{Deserialize, Serialize};

/// The format a transcript was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranscriptFormat {
    /// WebVTT (`text/vtt`).
    Vtt,
    /// SubRip (`application/x-subrip`).
    Srt,
    /// Podcasting 2.0 JSON (`application/json`).
    Json,
    /// HTML, Podcasting 2.0 form or an ordinary transcript page.
    Html,
    /// Plain text, usually without timestamps.
    Text,
}

/// One word with its timing, where the file gives word timings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Word {
    /// Start, in milliseconds of media time.
    pub start_ms: u64,
    /// End, in milliseconds of media time.
    pub end_ms: u64,
    /// The word as written.
    pub text: String,
}

/// One line or paragraph of a transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Start in milliseconds, `None` where the file gives no time.
    pub start_ms: Option<u64>,
    /// End in milliseconds, `None` where the file gives no time.
    pub end_ms: Option<u64>,
    /// Who speaks, `None` where the file names nobody.
    pub speaker: Option<String>,
    /// The words spoken, as plain text (never HTML).
    pub text: String,
    /// Word timings, present only when the file has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Word>>,
}

/// A parsed transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    /// The format it was read from.
    pub format: TranscriptFormat,
    /// The segments in reading order.
    pub segments: Vec<Segment>,
}

impl Transcript {
    /// True when every segment has a start time.
    pub fn timed(&self) -> bool {
        !self.segments.is_empty() && self.segments.iter().all(|s| s.start_ms.is_some())
    }
}
