//! The player's MP3 seek index of an episode's audio, kept in the library per file
//! version (`store/file_cache.rs`) so that opening the episode again skips the scan of
//! every frame header. A cache that cannot be read or written only costs a scan.

use std::path::Path;

use earmark_core::store::{FileCache, FileKey, Store};
use earmark_player::SeekIndex;

/// The index stored for the file at `audio` as it is on disk now, if any.
pub fn cached(store: &Store, audio: &Path) -> Option<SeekIndex> {
    let key = FileKey::for_file(audio).ok()?;
    let bytes = store.cached(FileCache::SeekIndex, &key).ok().flatten()?;
    SeekIndex::from_bytes(&bytes)
}

/// Stores `used`, the index the player opened `audio` with, unless it is the one
/// that came from the cache.
pub fn remember(store: &Store, audio: &Path, from_cache: Option<&SeekIndex>, used: &SeekIndex) {
    if from_cache == Some(used) {
        return;
    }
    let Ok(key) = FileKey::for_file(audio) else {
        return;
    };
    if let Err(e) = store.put_cached(FileCache::SeekIndex, &key, &used.to_bytes()) {
        eprintln!("earmark: could not keep the seek index: {e}");
    }
}
