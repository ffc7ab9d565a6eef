//! Bringing local audio in by the handful: files and whole folders dropped on the
//! window or picked in a dialog. Each file is measured (which also proves it plays),
//! its tags read (title; album or artist files it under a show), its same-named
//! transcript attached and its embedded chapters stored.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::chapters::read_embedded_chapters;
use crate::store::{EpisodeId, Store};

use super::tags::read_tags;
use super::{import_local, LibraryError, LocalImport};

/// The extensions of files taken for audio.
pub const AUDIO_EXTENSIONS: &[&str] = &[
    "mp3", "m4a", "m4b", "mp4", "aac", "ogg", "oga", "opus", "flac", "wav", "aif", "aiff", "aifc",
];

/// How deep folders are walked.
pub const MAX_FOLDER_DEPTH: usize = 8;

/// The most files taken from one drop or pick.
pub const MAX_FILES: usize = 5_000;

/// True when `path` is named like an audio file.
pub fn is_audio_file_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| AUDIO_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The audio files among `paths`: files named like audio, and those inside folders
/// (to [`MAX_FOLDER_DEPTH`], hidden entries skipped), each once, folders' files in
/// name order, at most [`MAX_FILES`].
pub fn collect_audio_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, 0, &mut found);
        } else if path.is_file() && is_audio_file_name(path) {
            found.push(path.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert(p.clone()));
    found.truncate(MAX_FILES);
    found
}

fn walk(dir: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    if depth > MAX_FOLDER_DEPTH || found.len() >= MAX_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        // Symbolic links to folders are not followed (no loops).
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() && !is_link {
            walk(&path, depth + 1, found);
        } else if path.is_file() && is_audio_file_name(&path) {
            found.push(path);
        }
    }
}

/// What [`import_audio_files`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FilesImported {
    /// The episodes, in the order of the files (one already in the library included).
    pub episodes: Vec<EpisodeId>,
    /// Files that were not taken, each as a sentence.
    pub problems: Vec<String>,
}

/// Imports each audio file: `measure` gives its exact duration (or why it cannot be
/// played, and then the file is skipped); tags give the title and the show; a
/// same-named transcript beside it is attached; embedded chapters are stored. One
/// bad file does not stop the others.
pub fn import_audio_files(
    store: &Store,
    files: &[PathBuf],
    measure: &dyn Fn(&Path) -> Result<u64, String>,
) -> FilesImported {
    let mut done = FilesImported::default();
    for file in files {
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match import_audio_file(store, file, measure) {
            Ok(id) => done.episodes.push(id),
            Err(reason) => done.problems.push(format!("{name}: {reason}")),
        }
    }
    done
}

fn import_audio_file(
    store: &Store,
    file: &Path,
    measure: &dyn Fn(&Path) -> Result<u64, String>,
) -> Result<EpisodeId, String> {
    let duration_ms = measure(file)?;
    import_tagged(
        store,
        LocalImport {
            audio: file.to_path_buf(),
            duration_ms: Some(duration_ms),
            ..LocalImport::default()
        },
    )
    .map_err(|e| e.to_string())
}

/// [`import_local`] with what the file's tags say: its title (unless `import`
/// gives one) and its show (unless `import` files it under one), and its
/// embedded chapters (unless the episode has chapters already).
pub fn import_tagged(store: &Store, mut import: LocalImport) -> Result<EpisodeId, LibraryError> {
    let tags = read_tags(&import.audio);
    if import.title.is_none() {
        import.title = tags.title.clone();
    }
    if import.podcast.is_none() {
        import.podcast = tags.show().map(|show| store.local_show(show)).transpose()?;
    }
    let id = import_local(store, &import)?;
    if store.chapters(id)?.is_none() {
        if let Ok((chapters, source)) = read_embedded_chapters(&import.audio) {
            if !chapters.is_empty() {
                store.set_chapters(id, &chapters, source)?;
            }
        }
    }
    Ok(id)
}
