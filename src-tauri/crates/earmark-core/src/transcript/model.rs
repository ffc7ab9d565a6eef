//! The transcript model shared by every format (docs/cli.md JSON shape).

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
    /// Machine-made: recognised from the episode's audio on this computer
    /// (earmark-speech), not read from a file. Never detected or parsed.
    Speech,
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

impl Word {
    /// A word spoken from `start_ms` to `end_ms`.
    pub fn new(start_ms: u64, end_ms: u64, text: impl Into<String>) -> Self {
        Word {
            start_ms,
            end_ms,
            text: text.into(),
        }
    }
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
    /// One sentence per cue the parser left out (a timing line it could not read,
    /// an end before the start); absent from JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Transcript {
    /// True when the transcript was made by speech recognition rather than written
    /// by people ([`TranscriptFormat::Speech`]).
    pub fn machine_made(&self) -> bool {
        self.format == TranscriptFormat::Speech
    }

    /// True when every segment has a start time.
    pub fn timed(&self) -> bool {
        !self.segments.is_empty() && self.segments.iter().all(|s| s.start_ms.is_some())
    }
}

impl TranscriptFormat {
    /// Every format, in the order Earmark tries them when nothing else decides.
    pub const ALL: [TranscriptFormat; 5] = [
        TranscriptFormat::Vtt,
        TranscriptFormat::Srt,
        TranscriptFormat::Json,
        TranscriptFormat::Html,
        TranscriptFormat::Text,
    ];

    /// The short name used on the command line and in JSON: `vtt`, `srt`, `json`,
    /// `html` or `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            TranscriptFormat::Vtt => "vtt",
            TranscriptFormat::Srt => "srt",
            TranscriptFormat::Json => "json",
            TranscriptFormat::Html => "html",
            TranscriptFormat::Text => "text",
            TranscriptFormat::Speech => "speech",
        }
    }

    /// The name a person knows the format by, e.g. "WebVTT".
    pub fn display_name(self) -> &'static str {
        match self {
            TranscriptFormat::Vtt => "WebVTT",
            TranscriptFormat::Srt => "SRT",
            TranscriptFormat::Json => "Podcasting 2.0 JSON",
            TranscriptFormat::Html => "HTML",
            TranscriptFormat::Text => "plain text",
            TranscriptFormat::Speech => "machine-made (speech recognition)",
        }
    }
}

impl std::fmt::Display for TranscriptFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.display_name())
    }
}

impl std::str::FromStr for TranscriptFormat {
    type Err = super::TranscriptError;

    /// Reads the short names (`vtt`, `srt`, `json`, `html`, `text`) and the usual
    /// file extensions (`webvtt`, `htm`, `txt`), ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "vtt" | "webvtt" => Ok(TranscriptFormat::Vtt),
            "srt" | "subrip" => Ok(TranscriptFormat::Srt),
            "json" => Ok(TranscriptFormat::Json),
            "html" | "htm" | "xhtml" => Ok(TranscriptFormat::Html),
            "text" | "txt" | "plain" => Ok(TranscriptFormat::Text),
            _ => Err(super::TranscriptError::UnknownFormat(s.to_string())),
        }
    }
}

impl Segment {
    /// A segment with text only: no times, no speaker, no word timings.
    pub fn untimed(text: impl Into<String>) -> Self {
        Segment {
            start_ms: None,
            end_ms: None,
            speaker: None,
            text: text.into(),
            words: None,
        }
    }

    /// A segment that starts at `start_ms` and ends at `end_ms`.
    pub fn timed(start_ms: u64, end_ms: u64, text: impl Into<String>) -> Self {
        Segment {
            start_ms: Some(start_ms),
            end_ms: Some(end_ms),
            ..Segment::untimed(text)
        }
    }

    /// The same segment, said by `speaker`.
    pub fn with_speaker(mut self, speaker: impl Into<String>) -> Self {
        self.speaker = Some(speaker.into());
        self
    }
}
