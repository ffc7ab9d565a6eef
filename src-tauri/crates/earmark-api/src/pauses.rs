//! The pauses in an episode's audio, for estimating an untimed transcript's times
//! ([`crate::analysis::pauses`]), kept in the library (per file version) so that the
//! audio is scanned once per file.

use std::path::Path;
use std::sync::Mutex;

use earmark_core::store::{FileCache, FileKey, Store};
use earmark_core::transcript::Pause;
use earmark_player::PlayerError;

use crate::shared::lock;

/// The pauses of `audio` as stored in the library, if they were found before.
pub fn cached(store: &Store, audio: &Path) -> Option<Vec<Pause>> {
    let key = FileKey::for_file(audio).ok()?;
    let bytes = store.cached(FileCache::Pauses, &key).ok().flatten()?;
    // A list that does not read back is a miss: the audio is scanned again.
    serde_json::from_slice(&bytes).ok()
}

/// The pauses of `audio`: from the library, else scanned now and stored. Blocking;
/// the store is locked only to read and to write, never while the audio decodes.
pub fn find_or_scan(store: &Mutex<Store>, audio: &Path) -> Result<Vec<Pause>, PlayerError> {
    if let Some(pauses) = cached(&lock(store), audio) {
        return Ok(pauses);
    }
    let pauses = crate::analysis::pauses(audio)?;
    if let (Ok(key), Ok(json)) = (FileKey::for_file(audio), serde_json::to_vec(&pauses)) {
        // A cache that cannot be written only means scanning again next time.
        let _ = lock(store).put_cached(FileCache::Pauses, &key, &json);
    }
    Ok(pauses)
}
