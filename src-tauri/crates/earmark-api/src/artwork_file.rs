//! The picture kept on this computer for an episode or a show, as a file (for the
//! system's media controls, as a `file://` address) or as a `data:` URL (for the
//! window, whose content policy loads no image from elsewhere). Never the network:
//! only what the artwork cache holds, and an episode file's embedded cover, which is
//! put into the cache the first time it is asked for.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use earmark_core::artwork::ArtworkCache;
pub use earmark_core::artwork::ArtworkSize;
use earmark_core::library::{read_cover, Cover};
use earmark_core::store::{EpisodeArtwork, EpisodeId, PodcastId, Store, StoreResult};
use serde::Deserialize;

use crate::artwork::data_url;
use crate::shared::lock;

/// The best picture file for `episode`, 512 px: its own, else its show's, else the
/// cover embedded in its audio file; `None` when it has none (or is not in the
/// library). For the system's media controls (`file://` art address).
pub fn artwork_file(store: &Store, data_dir: &Path, episode: EpisodeId) -> Option<PathBuf> {
    let sources = store.episode_artwork(episode).ok()?;
    best_file(&sources, data_dir, ArtworkSize::Large)
}

/// What a picture is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PictureOf {
    /// An episode: its own picture, else its show's, else its file's cover.
    Episode(EpisodeId),
    /// A show.
    Podcast(PodcastId),
}

/// The picture kept for `of` in `size`, as a `data:` URL; `None` while there is none
/// (or the library is not in a data directory). The data directory is the one the
/// library's database is in; an audio file is read without holding the store.
pub fn artwork_url(
    store: &Mutex<Store>,
    of: PictureOf,
    size: ArtworkSize,
) -> StoreResult<Option<String>> {
    let (sources, data_dir) = {
        let store = lock(store);
        let sources = match of {
            PictureOf::Episode(id) => store.episode_artwork(id)?,
            PictureOf::Podcast(id) => EpisodeArtwork {
                show: store.podcast(id)?.image_url,
                ..EpisodeArtwork::default()
            },
        };
        let data_dir = store.path().and_then(Path::parent).map(Path::to_path_buf);
        (sources, data_dir)
    };
    let file = data_dir.and_then(|dir| best_file(&sources, &dir, size));
    Ok(file.and_then(|file| file_data_url(&file)))
}

fn best_file(sources: &EpisodeArtwork, data_dir: &Path, size: ArtworkSize) -> Option<PathBuf> {
    let cache = ArtworkCache::in_data_dir(data_dir);
    [&sources.episode, &sources.show]
        .into_iter()
        .flatten()
        .find_map(|url| cache.file(url, size))
        .or_else(|| embedded_file(&cache, sources.audio_path.as_deref()?, size))
}

/// The cover embedded in `audio`, put into the cache under the file's path, size and
/// time (a changed file is read again); a file without one is remembered too.
fn embedded_file(cache: &ArtworkCache, audio: &Path, size: ArtworkSize) -> Option<PathBuf> {
    let meta = std::fs::metadata(audio).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let source = format!(
        "file:{}#{}-{}",
        audio.display(),
        meta.len(),
        modified.as_nanos()
    );
    if let Some(file) = cache.file(&source, size) {
        return Some(file);
    }
    if cache.failed_recently(&source) {
        return None;
    }
    // A tag reader that panics on a strange file costs the cover, not the caller.
    let cover = std::panic::catch_unwind(|| read_cover(audio))
        .ok()
        .flatten();
    match cover.map(|cover| cache.put(&source, &cover.bytes)) {
        Some(Ok(true)) => cache.file(&source, size),
        _ => {
            let _ = cache.remember_failure(&source);
            None
        }
    }
}

/// The picture file at `path` as a `data:` URL (its type read from its bytes).
fn file_data_url(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    Cover::of_bytes(bytes).map(|cover| data_url(&cover))
}
