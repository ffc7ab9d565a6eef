//! Importing a local audio file, with the same-named transcript beside it.

use std::path::{Path, PathBuf};

use super::{read_transcript, LibraryError};
use crate::store::{EpisodeId, NewEpisode, PodcastId, Store};

/// Transcript extensions looked for beside an audio file, in order of preference
/// (timed formats first).
const SIDECAR_EXTENSIONS: &[&str] = &["vtt", "srt", "json", "html", "htm", "txt"];

/// A local file to bring into the library.
#[derive(Debug, Clone, Default)]
pub struct LocalImport {
    /// The audio file (stored as an absolute path).
    pub audio: PathBuf,
    /// A transcript to attach; when `None`, a same-named file beside the audio is used.
    pub transcript: Option<PathBuf>,
    /// Title; defaults to the file name without extension.
    pub title: Option<String>,
    /// Show notes.
    pub description: Option<String>,
    /// Exact duration, when the caller has measured it.
    pub duration_ms: Option<u64>,
    /// The show it is filed under; `None` for the "Local files" group.
    pub podcast: Option<PodcastId>,
}

/// The transcript file beside `audio` with the same name, if there is one.
pub fn find_sidecar_transcript(audio: &Path) -> Option<PathBuf> {
    SIDECAR_EXTENSIONS
        .iter()
        .map(|ext| audio.with_extension(ext))
        .find(|p| p.is_file() && p != audio)
}

/// Adds a local file to the library (or finds it, when it is there already) and
/// attaches its transcript. Returns the episode id.
pub fn import_local(store: &Store, import: &LocalImport) -> Result<EpisodeId, LibraryError> {
    let audio = std::path::absolute(&import.audio).map_err(|source| LibraryError::Io {
        path: import.audio.clone(),
        source,
    })?;
    if !audio.is_file() {
        return Err(LibraryError::Io {
            path: audio,
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
    }
    let transcript_path = import
        .transcript
        .clone()
        .or_else(|| find_sidecar_transcript(&audio));
    // Parse before touching the database, so a bad transcript adds nothing.
    let transcript = transcript_path
        .as_deref()
        .map(read_transcript)
        .transpose()?;
    if let Some(existing) = store.episode_by_audio_path(&audio)? {
        if let (Some(t), Some(p)) = (&transcript, transcript_path.as_deref()) {
            store.set_transcript(existing.id, t, Some(p))?;
        }
        return Ok(existing.id);
    }
    let title = import.title.clone().unwrap_or_else(|| {
        audio
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_string())
    });
    let id = store.insert_episode(&NewEpisode {
        podcast_id: import.podcast,
        title,
        description: import.description.clone(),
        audio_path: Some(audio.clone()),
        duration_ms: import.duration_ms,
        ..Default::default()
    })?;
    if let Some(t) = &transcript {
        store.set_transcript(id, t, transcript_path.as_deref())?;
    }
    Ok(id)
}
