//! The MP3 seek index of an episode's audio, kept in the library per file version so
//! that opening an episode a second time skips the scan of every frame header.
//!
//! The player builds the index on the first open; the library stores it as opaque
//! bytes keyed by the file's path, size and modification time (a changed file simply
//! misses). A cache that cannot be read or written only costs a scan.

use std::path::PathBuf;

use earmark_api::seek_tables::{cached, remember};
use earmark_player::{Opened, PlayerError};

use crate::state::AppState;

/// Loads `audio` into the player at `start_ms` with the seek index the library holds
/// for it, and keeps in the library an index the player had to build.
pub async fn open(state: &AppState, audio: PathBuf, start_ms: u64) -> Result<Opened, PlayerError> {
    let key_path = audio.clone();
    let from_cache = state
        .with_store(move |s| Ok(cached(s, &key_path)))
        .await
        .ok()
        .flatten();
    let opened = state
        .player
        .open_indexed(audio.clone(), start_ms, from_cache.clone())?;
    if let Some(used) = opened.index.clone() {
        let _ = state
            .with_store(move |s| {
                remember(s, &audio, from_cache.as_ref(), &used);
                Ok(())
            })
            .await;
    }
    Ok(opened)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use earmark_core::store::{FileCache, FileKey};
    use earmark_player::{MediaDecoder, SeekIndex};

    use super::*;

    fn demo_copy(dir: &Path) -> PathBuf {
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/demo/demo.mp3");
        let copy = dir.join("episode.mp3");
        std::fs::copy(demo, &copy).expect("copy the demo episode");
        copy
    }

    fn stored(state: &AppState, audio: &Path) -> Option<SeekIndex> {
        cached(&state.store.lock().expect("store"), audio)
    }

    #[test]
    fn the_first_open_stores_the_index_and_the_next_open_reuses_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let state = AppState::for_tests(dir.path());

        assert_eq!(
            stored(&state, &audio),
            None,
            "nothing cached before the first open"
        );
        let first =
            tauri::async_runtime::block_on(open(&state, audio.clone(), 0)).expect("first open");
        let built = first.index.expect("an MP3 gets a seek index");
        assert_eq!(
            stored(&state, &audio).as_ref(),
            Some(&built),
            "the open stored the index it built"
        );
        let second =
            tauri::async_runtime::block_on(open(&state, audio.clone(), 0)).expect("second open");
        assert_eq!(second.index, Some(built), "the cached index was used");
        assert_eq!(second.info, first.info, "same exact length from the cache");
    }

    #[test]
    fn opening_hands_the_cached_index_to_the_player() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let state = AppState::for_tests(dir.path());
        // The index of a copy as long as the episode whose last two thirds are zeros
        // describes a shorter stream: only the index from the library gives that length.
        let shorter = dir.path().join("shorter.mp3");
        let mut bytes = std::fs::read(&audio).expect("read");
        let third = bytes.len() / 3;
        bytes[third..].fill(0);
        std::fs::write(&shorter, bytes).expect("write the shorter copy");
        let (short, short_index) = MediaDecoder::open_with_index(&shorter, None).expect("open");
        let short_index = short_index.expect("index");
        let key = FileKey::for_file(&audio).expect("key");
        let store = state.store.lock().expect("store");
        store
            .put_cached(FileCache::SeekIndex, &key, &short_index.to_bytes())
            .expect("cache the index");
        drop(store);

        let opened = tauri::async_runtime::block_on(open(&state, audio.clone(), 0)).expect("open");
        assert_eq!(
            opened.index.as_ref(),
            Some(&short_index),
            "the player used the cached index"
        );
        assert_eq!(
            opened.info.frames,
            short.info().frames,
            "the length comes from the cached index, not from a scan"
        );
        assert_eq!(
            stored(&state, &audio),
            Some(short_index),
            "an index used from the cache is not written again"
        );
    }

    #[test]
    fn a_changed_file_misses_the_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let state = AppState::for_tests(dir.path());
        tauri::async_runtime::block_on(open(&state, audio.clone(), 0)).expect("open");

        let mut bytes = std::fs::read(&audio).expect("read");
        bytes.truncate(bytes.len() / 2);
        std::fs::write(&audio, bytes).expect("rewrite the file shorter");
        assert_eq!(
            stored(&state, &audio),
            None,
            "an index of the old file is not offered"
        );
    }
}
