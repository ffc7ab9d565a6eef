//! Reading a whole file, never more than a named number of bytes.
//!
//! Each kind of file has its own cap next to its parser: transcripts
//! ([`MAX_TRANSCRIPT_BYTES`](crate::library::MAX_TRANSCRIPT_BYTES)), OPML
//! ([`MAX_OPML_BYTES`](crate::opml::MAX_OPML_BYTES)), feeds
//! ([`MAX_FEED_BYTES`](crate::feeds::MAX_FEED_BYTES)), and the notes import
//! ([`MAX_NOTES_IMPORT_BYTES`]) here.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest export file `import-notes` reads: a whole library's notes, highlights
/// and transcripts as JSON (a library of 1,000 transcribed episodes is well under
/// 100 MB).
pub const MAX_NOTES_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// A capped read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("Could not read {path}: {source}.")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file holds more than the cap for its kind.
    #[error("{path} is too large to read ({}; the limit for this kind of file is {}).", megabytes(*size), megabytes(*limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least `limit + 1` when it grew while being read).
        size: u64,
        /// The cap in bytes.
        limit: u64,
    },
}

impl ReadError {
    /// A short stable code: `io` or `file_too_large`.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "io",
            ReadError::TooLarge { .. } => "file_too_large",
        }
    }

    /// The values the sentence carries, by name: the file's `path`, and what the
    /// system said (`detail`, in English) or the `size` and `limit`.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            ReadError::Io { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
            ReadError::TooLarge { path, size, limit } => vec![
                ("path", path.display().to_string()),
                ("size", megabytes(*size)),
                ("limit", megabytes(*limit)),
            ],
        }
    }
}

/// Reads the whole of `path`, refusing (unread) a file over `limit` bytes. A file
/// that grows while it is read, or that reports no size (a pipe, a device), is read
/// no further than one byte past the limit, then refused.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |size| ReadError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `bytes` as "N bytes" or "N.N MB".
fn megabytes(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{bytes} bytes")
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}
