//! Reading a transcript from a file or from bytes, within a size limit, without the
//! library: the slow part of adding a transcript (a 50 MB file takes a while to
//! parse) runs before the library is touched, so it never holds the library up.

use std::path::Path;

use crate::limits::{read_capped, ReadError};
use crate::transcript::{parse_bytes, parse_bytes_as, FormatHint, Transcript, TranscriptFormat};

use super::LibraryError;

/// The largest transcript file Earmark reads (a 4-hour transcript with word
/// timings is a few MB; anything far beyond is not a transcript).
pub const MAX_TRANSCRIPT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads and parses a transcript file, the format detected from its content (the
/// extension a hint). A file over [`MAX_TRANSCRIPT_BYTES`] is refused unread.
pub fn read_transcript(path: &Path) -> Result<Transcript, LibraryError> {
    parse_named(&read_file(path)?, path)
}

/// Reads and parses a transcript file as `format`, whatever its content looks like
/// (for a format the user named). A file over [`MAX_TRANSCRIPT_BYTES`] is refused
/// unread.
pub fn read_transcript_as(
    path: &Path,
    format: TranscriptFormat,
) -> Result<Transcript, LibraryError> {
    let bytes = read_file(path)?;
    parse_bytes_as(&bytes, format).map_err(|source| LibraryError::Transcript {
        path: path.to_path_buf(),
        source,
    })
}

/// The bytes of a transcript file, at most [`MAX_TRANSCRIPT_BYTES`].
fn read_file(path: &Path) -> Result<Vec<u8>, LibraryError> {
    read_capped(path, MAX_TRANSCRIPT_BYTES).map_err(|e| match e {
        ReadError::Io { path, source } => LibraryError::Io { path, source },
        ReadError::TooLarge { path, size, .. } => too_large(&path, size),
    })
}

/// Parses `bytes`, read from a file called `file_name` (its extension a hint). More
/// than [`MAX_TRANSCRIPT_BYTES`] are refused unparsed.
pub fn read_transcript_bytes(bytes: &[u8], file_name: &str) -> Result<Transcript, LibraryError> {
    parse_named(bytes, Path::new(file_name))
}

fn parse_named(bytes: &[u8], name: &Path) -> Result<Transcript, LibraryError> {
    let size = bytes.len() as u64;
    if size > MAX_TRANSCRIPT_BYTES {
        return Err(too_large(name, size));
    }
    parse_bytes(bytes, FormatHint::from_path(name)).map_err(|source| LibraryError::Transcript {
        path: name.to_path_buf(),
        source,
    })
}

fn too_large(path: &Path, bytes: u64) -> LibraryError {
    LibraryError::TooLarge {
        path: path.to_path_buf(),
        bytes,
    }
}
