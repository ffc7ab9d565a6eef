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
    /// A file far too large to be a transcript.
    #[error("{path} is too large for a transcript ({} MB; the limit is {} MB).", megabytes(*bytes), megabytes(super::MAX_TRANSCRIPT_BYTES))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
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

/// `bytes` in MB of 2^20 bytes, rounded up to a tenth, the tenth left out when it is 0
/// (the limit reads "64 MB", a file one byte over it "64.1 MB").
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        t => format!("{}.{t}", tenths / 10),
    }
}

impl LibraryError {
    /// A short machine-readable code for the IPC boundary.
    pub fn code(&self) -> &'static str {
        match self {
            LibraryError::Store(e) => e.code(),
            LibraryError::Transcript { .. } => "bad_transcript",
            LibraryError::TooLarge { .. } => "transcript_too_large",
            LibraryError::Io { .. } => "io",
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code. A transcript that could not be read carries its own error's code
    /// as `reason` (worded by the front end as `error-<reason>`) and that error's values.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let path = |p: &std::path::Path| ("path", p.display().to_string());
        match self {
            LibraryError::Store(e) => e.params(),
            LibraryError::Transcript { path: p, source } => {
                let mut params = vec![path(p), ("reason", source.code().to_owned())];
                params.extend(source.params());
                params
            }
            LibraryError::TooLarge { path: p, bytes } => vec![
                path(p),
                ("megabytes", megabytes(*bytes)),
                ("limit", megabytes(super::MAX_TRANSCRIPT_BYTES)),
            ],
            LibraryError::Io { path: p, source } => {
                vec![path(p), ("detail", source.to_string())]
            }
        }
    }
}
