//! What can go wrong when aligning a transcript, each as a sentence the user can
//! act on.

use std::path::PathBuf;

use thiserror::Error;

/// An error from aligning a transcript to its audio.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AlignError {
    /// The speech synthesizer the aligner needs is not installed.
    #[error(
        "Aligning needs the espeak-ng speech synthesizer, and \"{}\" was not found. \
         Install it (on Debian or Ubuntu: apt install espeak-ng).",
        program.display()
    )]
    SynthesizerMissing {
        /// The program that was looked for.
        program: PathBuf,
    },
    /// The synthesizer ran but did not give usable speech.
    #[error("The speech synthesizer failed: {0}.")]
    Synthesizer(String),
    /// The transcript has no text to align.
    #[error("This transcript has no text to align.")]
    NoText,
    /// The audio is too short or silent to align anything to.
    #[error("This audio is too short to align a transcript to.")]
    NoAudio,
    /// The alignment was cancelled.
    #[error("The alignment was cancelled.")]
    Cancelled,
}

impl AlignError {
    /// A short, stable code for the IPC boundary and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            AlignError::SynthesizerMissing { .. } => "synthesizer_missing",
            AlignError::Synthesizer(_) => "synthesizer_failed",
            AlignError::NoText => "nothing_to_align",
            AlignError::NoAudio => "audio_too_short",
            AlignError::Cancelled => "cancelled",
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code; `detail` is what the system or a library said, in English.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            AlignError::SynthesizerMissing { program } => {
                vec![("program", program.display().to_string())]
            }
            AlignError::Synthesizer(detail) => vec![("detail", detail.clone())],
            _ => Vec::new(),
        }
    }
}
