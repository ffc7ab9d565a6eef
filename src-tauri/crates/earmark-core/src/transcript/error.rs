//! What can go wrong when reading or writing a transcript, each as a sentence the
//! user can act on.

use thiserror::Error;

use super::TranscriptFormat;

/// An error from reading, detecting or exporting a transcript.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TranscriptError {
    /// The bytes are binary (audio, an image, an archive…) rather than text.
    #[error("This file does not look like a transcript.")]
    NotATranscript,
    /// The file was read, but there is no transcript text in it.
    #[error("This transcript has no text in it.")]
    Empty,
    /// A JSON transcript that is not valid JSON.
    #[error("This JSON transcript could not be read: {reason} (line {line}, column {column}).")]
    InvalidJson {
        /// What is wrong, in words.
        reason: String,
        /// The line where reading stopped, from 1.
        line: usize,
        /// The column where reading stopped, from 1.
        column: usize,
    },
    /// Valid JSON, but not in the Podcasting 2.0 transcript shape.
    #[error("This JSON file is not a Podcasting 2.0 transcript: it has no \"segments\" list.")]
    NotPodcastJson,
    /// Subtitles need times on every line, and this transcript lacks them.
    #[error("This transcript has no timestamps on every line, so it cannot be saved as {format} subtitles.")]
    Untimed {
        /// The subtitle format that was asked for.
        format: TranscriptFormat,
    },
    /// A format name that Earmark does not know.
    #[error("\"{0}\" is not a transcript format Earmark knows; use vtt, srt, json, html or text.")]
    UnknownFormat(String),
    /// An episode's web page without a transcript section.
    #[error("This page has no transcript that Earmark could find.")]
    NoTranscriptOnPage,
}

impl TranscriptError {
    /// A short, stable code for the IPC boundary and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            TranscriptError::NotATranscript => "not_a_transcript",
            TranscriptError::Empty => "empty_transcript",
            TranscriptError::InvalidJson { .. } => "invalid_json",
            TranscriptError::NotPodcastJson => "not_podcast_json",
            TranscriptError::Untimed { .. } => "untimed_transcript",
            TranscriptError::UnknownFormat(_) => "unknown_format",
            TranscriptError::NoTranscriptOnPage => "no_transcript_on_page",
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            TranscriptError::InvalidJson {
                reason,
                line,
                column,
            } => vec![
                ("detail", reason.clone()),
                ("line", line.to_string()),
                ("column", column.to_string()),
            ],
            TranscriptError::Untimed { format } => vec![("format", format.to_string())],
            TranscriptError::UnknownFormat(name) => vec![("format", name.clone())],
            _ => Vec::new(),
        }
    }
}
