//! The pauses of an episode's audio are found once per file version and kept in a
//! real library file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Mutex;

use earmark_api::pauses::{cached, find_or_scan};
use earmark_core::store::Store;

#[test]
fn pauses_are_scanned_once_per_file_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = Mutex::new(Store::open_in_data_dir(dir.path()).unwrap());
    let audio = dir.path().join("episode.mp3");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/demo/demo.mp3"),
        &audio,
    )
    .unwrap();
    assert!(
        cached(&store.lock().unwrap(), &audio).is_none(),
        "not scanned yet"
    );
    let found = find_or_scan(&store, &audio).unwrap();
    assert!(found.len() > 10, "{} pauses", found.len());
    assert_eq!(cached(&store.lock().unwrap(), &audio), Some(found.clone()));
    // The file changes: what was found no longer counts.
    let mut bytes = std::fs::read(&audio).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&audio, bytes).unwrap();
    assert!(
        cached(&store.lock().unwrap(), &audio).is_none(),
        "a changed file misses"
    );
    let again = find_or_scan(&store, &audio).unwrap();
    assert!(again.len() < found.len(), "half the audio, fewer pauses");
}
