//! What a use-case can refuse, in sentences, with a stable code for the window and
//! for scripts.

use earmark_core::store::StoreError;

/// A use-case refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum UseCaseError {
    /// The episode has no transcript.
    #[error("This episode has no transcript yet. Add one with \u{201c}Add transcript\u{201d} or drop a transcript file on the window.")]
    NoTranscript,
    /// A line number past the transcript's end.
    #[error("That line is not in this transcript any more.")]
    NoSuchLine,
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
            UseCaseError::Store(e) => e.code(),
        }
    }
}
