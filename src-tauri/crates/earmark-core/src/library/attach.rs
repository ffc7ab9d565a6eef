//! Adding or replacing the transcript of an episode already in the library: from a
//! file the user picked or dropped, or from bytes the window read from a file.
//!
//! The transcript is parsed before anything is stored, so a bad file changes
//! nothing: the episode keeps the transcript it had.

use std::path::Path;

use crate::store::{EpisodeId, Store};
use crate::transcript::{parse_bytes, FormatHint, Transcript};

use super::LibraryError;

/// The largest transcript file Earmark reads (a 4-hour transcript with word
/// timings is a few MB; anything far beyond is not a transcript).
pub const MAX_TRANSCRIPT_BYTES: u64 = 64 * 1024 * 1024;

/// The extensions of files taken for transcripts when dropped on the window.
pub const TRANSCRIPT_EXTENSIONS: &[&str] = &["vtt", "srt", "json", "html", "htm", "txt"];

/// True when `path` is named like a transcript file.
pub fn is_transcript_file_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TRANSCRIPT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads the transcript file at `path` and makes it the episode's transcript.
pub fn attach_transcript_file(
    store: &Store,
    episode: EpisodeId,
    path: &Path,
) -> Result<Transcript, LibraryError> {
    let io = |source| LibraryError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_TRANSCRIPT_BYTES {
        return Err(too_large(path, size));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    attach(store, episode, &bytes, path, Some(path))
}

/// Parses `bytes`, read from a file called `file_name`, and makes them the
/// episode's transcript (the file's location is not known).
pub fn attach_transcript_bytes(
    store: &Store,
    episode: EpisodeId,
    bytes: &[u8],
    file_name: &str,
) -> Result<Transcript, LibraryError> {
    let name = Path::new(file_name);
    if bytes.len() as u64 > MAX_TRANSCRIPT_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    attach(store, episode, bytes, name, None)
}

fn attach(
    store: &Store,
    episode: EpisodeId,
    bytes: &[u8],
    name: &Path,
    source_path: Option<&Path>,
) -> Result<Transcript, LibraryError> {
    // Check the episode first: a missing one is the clearer message.
    store.episode(episode)?;
    let transcript = parse_bytes(bytes, FormatHint::from_path(name)).map_err(|source| {
        LibraryError::Transcript {
            path: name.to_path_buf(),
            source,
        }
    })?;
    store.set_transcript(episode, &transcript, source_path)?;
    Ok(transcript)
}

fn too_large(path: &Path, bytes: u64) -> LibraryError {
    LibraryError::TooLarge {
        path: path.to_path_buf(),
        bytes,
    }
}
