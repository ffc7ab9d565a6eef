//! Adding or replacing the transcript of an episode already in the library: from a
//! file the user picked or dropped, or from bytes the window read from a file.
//!
//! The transcript is read and parsed first ([`super::read_transcript`],
//! [`super::read_transcript_bytes`], which need no library), then stored with
//! [`attach_parsed`]: a bad file changes nothing (the episode keeps the transcript it
//! had), and a caller that shares the library between threads parses without holding
//! it.

use std::path::Path;

use crate::store::{EpisodeId, Store};
use crate::transcript::Transcript;

use super::LibraryError;

/// The extensions of files taken for transcripts when dropped on the window.
pub const TRANSCRIPT_EXTENSIONS: &[&str] = &["vtt", "srt", "json", "html", "htm", "txt"];

/// True when `path` is named like a transcript file.
pub fn is_transcript_file_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TRANSCRIPT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Makes `transcript`, already read from `source_path` (when it came from a file),
/// the episode's transcript. Returns it.
pub fn attach_parsed(
    store: &Store,
    episode: EpisodeId,
    transcript: Transcript,
    source_path: Option<&Path>,
) -> Result<Transcript, LibraryError> {
    store.episode(episode)?;
    store.set_transcript(episode, &transcript, source_path)?;
    Ok(transcript)
}
