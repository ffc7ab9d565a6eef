//! A transcript written out: WebVTT and SRT subtitles, Podcasting 2.0 JSON and
//! Markdown. (Notes and highlights are written by the rest of [`crate::export`].)

mod json;
mod markdown;
mod subtitles;

pub use json::to_json;
pub use markdown::{to_markdown, MarkdownOptions};
pub use subtitles::{to_srt, to_vtt, LAST_CUE_MS};

use serde::Deserialize;

use crate::transcript::{Transcript, TranscriptError};

/// What an export of a machine-made transcript says of it (a WebVTT `NOTE`, a line
/// under the Markdown title, the JSON's `machineMade`). SRT has no place for a
/// comment; its file's suggested name says it instead.
pub const MACHINE_MADE_NOTE: &str =
    "Machine-made transcript: recognised from the audio on this computer. Words may be misheard.";

/// The formats a transcript exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranscriptExport {
    /// WebVTT.
    Vtt,
    /// SubRip.
    Srt,
    /// Podcasting 2.0 JSON.
    Json,
    /// Markdown.
    Md,
}

impl TranscriptExport {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            TranscriptExport::Vtt => "vtt",
            TranscriptExport::Srt => "srt",
            TranscriptExport::Json => "json",
            TranscriptExport::Md => "md",
        }
    }

    /// What a save dialog calls files of this format.
    pub fn filter_name(self) -> &'static str {
        match self {
            TranscriptExport::Vtt => "WebVTT subtitles",
            TranscriptExport::Srt => "SRT subtitles",
            TranscriptExport::Json => "Podcasting 2.0 JSON",
            TranscriptExport::Md => "Markdown",
        }
    }

    /// `transcript` as a document in this format; `title` heads the Markdown, and
    /// `estimated` says its times are estimates (an untimed transcript given the
    /// times shown in the app).
    pub fn render(
        self,
        transcript: &Transcript,
        title: &str,
        estimated: bool,
    ) -> Result<String, TranscriptError> {
        match self {
            TranscriptExport::Vtt => to_vtt(transcript),
            TranscriptExport::Srt => to_srt(transcript),
            TranscriptExport::Json => to_json(transcript),
            TranscriptExport::Md => Ok(to_markdown(
                transcript,
                &MarkdownOptions {
                    title: Some(title),
                    estimated,
                },
            )),
        }
    }
}
