//! The MP3 seek index of an episode's audio, kept in the library per file version so
//! that opening an episode a second time skips the scan of every frame header.
//!
//! The player builds the index on the first open; the library stores it as opaque
//! bytes keyed by the file's path, size and modification time (a changed file simply
//! misses). A cache that cannot be read or written only costs a scan.

use std::path::Path;

use earmark_core::store::{SeekKey, Store};
use earmark_player::SeekIndex;

/// The index stored for the file at `audio` as it is on disk now, if any.
pub fn cached(store: &Store, audio: &Path) -> Option<SeekIndex> {
    let key = SeekKey::for_file(audio).ok()?;
    let bytes = store.seek_index(&key).ok().flatten()?;
    SeekIndex::from_bytes(&bytes)
}

/// Stores `used`, the index the player opened `audio` with, unless it is the one
/// that came from the cache.
pub fn remember(store: &Store, audio: &Path, from_cache: Option<&SeekIndex>, used: &SeekIndex) {
    if from_cache == Some(used) {
        return;
    }
    let Ok(key) = SeekKey::for_file(audio) else {
        return;
    };
    if let Err(e) = store.put_seek_index(&key, &used.to_bytes()) {
        eprintln!("earmark: could not keep the seek index: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use earmark_player::{OutputKind, Player};
    use std::path::PathBuf;

    fn demo_copy(dir: &Path) -> PathBuf {
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/demo/demo.mp3");
        let copy = dir.join("episode.mp3");
        std::fs::copy(demo, &copy).expect("copy the demo episode");
        copy
    }

    fn player() -> Player {
        let output = OutputKind::NullFast {
            sample_rate: 44_100,
            channels: 1,
        };
        Player::spawn(output, |_| {}).expect("player")
    }

    #[test]
    fn the_first_open_stores_the_index_and_the_next_open_reuses_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let store = Store::open_in_data_dir(dir.path()).expect("store");
        let player = player();

        assert_eq!(
            cached(&store, &audio),
            None,
            "nothing cached before the first open"
        );
        let first = player
            .open_indexed(audio.clone(), 0, None)
            .expect("first open");
        let built = first.index.expect("an MP3 gets a seek index");
        remember(&store, &audio, None, &built);

        let again = cached(&store, &audio).expect("the index was stored");
        assert_eq!(again, built, "the stored index reads back the same");
        let second = player
            .open_indexed(audio.clone(), 0, Some(again.clone()))
            .expect("second open");
        assert_eq!(
            second.index.as_ref(),
            Some(&again),
            "the cached index was used"
        );
        assert_eq!(second.info, first.info, "same exact length from the cache");
    }

    #[test]
    fn a_changed_file_misses_the_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let store = Store::open_in_data_dir(dir.path()).expect("store");
        let opened = player().open_indexed(audio.clone(), 0, None).expect("open");
        remember(&store, &audio, None, &opened.index.expect("index"));

        let mut bytes = std::fs::read(&audio).expect("read");
        bytes.truncate(bytes.len() / 2);
        std::fs::write(&audio, bytes).expect("rewrite the file shorter");
        assert_eq!(
            cached(&store, &audio),
            None,
            "an index of the old file is not offered"
        );
    }
}
