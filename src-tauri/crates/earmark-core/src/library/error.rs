//! What can go wrong bringing an episode in.

use std::path::PathBuf;

use crate::store::StoreError;
use crate::transcript::TranscriptError;

/// An import failed; the message is for the user.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The library database refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A transcript file could not be read as a transcript.
    #[error("The transcript {path} could not be read: {source}")]
    Transcript {
        /// The file.
        path: PathBuf,
        /// Why.
        source: TranscriptError,
    },
    /// A file could not be read or written.
    #[error("Could not use {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl LibraryError {
    /// A short machine-readable code for the IPC boundary.
    pub fn code(&self) -> &'static str {
        match self {
            LibraryError::Store(e) => e.code(),
            LibraryError::Transcript { .. } => "bad_transcript",
            LibraryError::Io { .. } => "io",
        }
    }
}
