//! What a use-case can refuse, in sentences, with a stable code for the window and
//! for scripts.

use earmark_core::store::StoreError;
use earmark_core::transcript::CorrectionError;

/// A use-case refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum UseCaseError {
    /// The episode has no transcript.
    #[error("This episode has no transcript yet. Add one with \u{201c}Add transcript\u{201d} or drop a transcript file on the window.")]
    NoTranscript,
    /// The episode's audio is not on this computer.
    #[error("Download this episode first: matching its transcript needs the audio.")]
    NotDownloaded,
    /// Only a timed transcript can be moved.
    #[error("Only a transcript with times can be moved.")]
    NotTimed,
    /// A line number past the transcript's end.
    #[error("That line is not in this transcript any more.")]
    NoSuchLine,
    /// A correction of a line's words could not be made.
    #[error(transparent)]
    Correction(#[from] CorrectionError),
    /// The library database refused.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UseCaseError {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            UseCaseError::NoTranscript => "no_transcript",
            UseCaseError::NoSuchLine => "no_such_line",
            UseCaseError::NotDownloaded => "not_downloaded",
            UseCaseError::NotTimed => "not_timed",
            UseCaseError::Correction(e) => e.code(),
            UseCaseError::Store(e) => e.code(),
        }
    }

    /// The values the sentence carries, by name (a store error's; the others have none).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            UseCaseError::Store(e) => e.params(),
            _ => Vec::new(),
        }
    }
}
