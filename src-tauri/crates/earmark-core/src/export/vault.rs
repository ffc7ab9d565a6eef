//! Writing one Markdown note file per episode into a folder the user keeps other
//! files in (an Obsidian vault, say), without ever overwriting one Earmark did not
//! write.
//!
//! Each note file Earmark writes carries, in its front matter, the episode it is
//! about (`earmark_episode: 12`, there already) and a fingerprint of itself:
//! `earmark_digest: "sha256:…"`, the SHA-256 of the file without that line. A file
//! counts as **Earmark's own** when both are there, the episode is the one being
//! exported, and the fingerprint still matches — so a file the user wrote, one of
//! another episode, and an Earmark file the user has since edited (a line added, a
//! tag set in the front matter) are all someone else's.
//!
//! For each episode the file name is `Podcast - Title.md`; when a file of that name
//! is there and is not Earmark's own, the notes go beside it as `… (2).md`,
//! `… (3).md`, the first name that is free or Earmark's own for this episode, and
//! the file that was there is left exactly as it was. Earmark's own file is replaced,
//! so exporting again brings new notes in. Every file is written atomically
//! ([`crate::atomic_file`]), and a new name is claimed without replacing anything
//! that appeared meanwhile.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::bundle::EpisodeNotes;
use super::error::ExportError;
use super::language::ExportLanguage;
use super::markdown::{episode_file_name, to_markdown};
use crate::atomic_file::{create_atomically, write_atomically};
use crate::store::EpisodeId;

/// The front matter key of the fingerprint.
const DIGEST_KEY: &str = "earmark_digest: ";
/// The front matter key of the episode id.
const EPISODE_KEY: &str = "earmark_episode: ";
/// A file larger than this is not one of Earmark's note files (and is not read).
const MAX_NOTE_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What became of one episode's note file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VaultFile {
    /// The file written.
    pub path: PathBuf,
    /// Files of the names tried first, not written by Earmark (or edited since), left
    /// as they were.
    pub kept: Vec<PathBuf>,
    /// It replaced Earmark's earlier note file for the episode.
    pub replaced: bool,
}

/// Writes each episode's note file into `folder` (see the module documentation), its
/// own words in `language`.
pub fn export_to_folder(
    folder: &Path,
    episodes: &[EpisodeNotes],
    language: ExportLanguage,
) -> Result<Vec<VaultFile>, ExportError> {
    let mut written: Vec<VaultFile> = Vec::with_capacity(episodes.len());
    for episode in episodes {
        let document = signed(&to_markdown(std::slice::from_ref(episode), language));
        let name = episode_file_name(episode);
        let stem = name.trim_end_matches(".md");
        let mut kept = Vec::new();
        for n in 1.. {
            let path = if n == 1 {
                folder.join(&name)
            } else {
                folder.join(format!("{stem} ({n}).md"))
            };
            if written.iter().any(|w| w.path == path) {
                continue;
            }
            let failed = |source| ExportError::Write {
                path: path.clone(),
                source,
            };
            let replaced = match std::fs::symlink_metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    match create_atomically(&path, document.as_bytes()) {
                        Ok(()) => false,
                        // Someone made it a moment ago: look at it again.
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                            kept.push(path);
                            continue;
                        }
                        Err(e) => return Err(failed(e)),
                    }
                }
                Err(e) => return Err(failed(e)),
                Ok(meta) if meta.is_file() && is_own_note_file(&path, episode.episode.id) => {
                    write_atomically(&path, document.as_bytes()).map_err(failed)?;
                    true
                }
                Ok(_) => {
                    kept.push(path);
                    continue;
                }
            };
            written.push(VaultFile {
                path,
                kept,
                replaced,
            });
            break;
        }
    }
    Ok(written)
}

/// The document with its fingerprint line added at the end of its front matter.
fn signed(document: &str) -> String {
    let digest = digest_of(document);
    match document.find("\n---\n") {
        Some(end) => format!(
            "{}\n{DIGEST_KEY}\"sha256:{digest}\"{}",
            &document[..end],
            &document[end..]
        ),
        None => document.to_owned(),
    }
}

/// Whether the file at `path` is Earmark's own, unedited note file for `episode`.
fn is_own_note_file(path: &Path, episode: EpisodeId) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut text = String::new();
    if file
        .take(MAX_NOTE_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .is_err()
        || text.len() as u64 > MAX_NOTE_FILE_BYTES
    {
        return false;
    }
    is_own_note(&text, episode)
}

/// Whether `text` is a note file Earmark wrote for `episode`, unchanged since.
fn is_own_note(text: &str, episode: EpisodeId) -> bool {
    let Some(front) = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[..end]))
    else {
        return false;
    };
    let episode_line = format!("{EPISODE_KEY}{episode}");
    if !front.lines().any(|line| line == episode_line) {
        return false;
    }
    let Some(line) = front.lines().find(|line| line.starts_with(DIGEST_KEY)) else {
        return false;
    };
    let Some(claimed) = line[DIGEST_KEY.len()..]
        .strip_prefix("\"sha256:")
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    // The line is unique in the front matter, which the document starts with.
    let without = text.replacen(&format!("\n{line}"), "", 1);
    digest_of(&without) == claimed
}

/// The SHA-256 of `text`, in lower-case hex.
fn digest_of(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "---\nepisode: \"E\"\nearmark_episode: 7\n---\n\n# E\n";

    #[test]
    fn a_signed_document_is_recognised_for_its_episode_only() {
        let signed = signed(DOC);
        assert!(signed.contains("\nearmark_digest: \"sha256:"), "{signed}");
        assert!(signed.ends_with("\n---\n\n# E\n"), "{signed}");
        assert!(is_own_note(&signed, 7));
        assert!(!is_own_note(&signed, 8), "another episode's file");
    }

    #[test]
    fn an_edit_anywhere_makes_it_someone_elses() {
        let signed = signed(DOC);
        assert!(!is_own_note(&format!("{signed}My own line.\n"), 7));
        assert!(!is_own_note(
            &signed.replace("episode: \"E\"", "episode: \"F\""),
            7
        ));
        assert!(!is_own_note(
            &signed.replace("---\n", "---\ntags: [x]\n"),
            7
        ));
        assert!(!is_own_note(DOC, 7), "no fingerprint: not known to be ours");
        assert!(!is_own_note("# Just notes\n", 7));
    }
}
