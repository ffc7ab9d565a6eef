//! The pauses in an episode's audio, for estimating an untimed transcript's times
//! (`earmark_api::analysis::pauses`), kept in the library (per file version) so that
//! the audio is scanned once per file.

use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::supervise;
use earmark_core::store::{SeekKey, Store};
use earmark_core::transcript::pauses::Pause;
use earmark_player::PlayerError;

/// The pauses of `audio` as stored in the library, if they were found before.
pub fn cached(store: &Store, audio: &Path) -> Option<Vec<Pause>> {
    let key = SeekKey::for_file(audio).ok()?;
    store.audio_pauses(&key).ok().flatten()
}

/// The pauses of `audio`: from the library, else scanned now and stored. Blocking:
/// call it off the async workers. The store is locked only to read and to write.
pub fn find_or_scan(store: &Arc<Mutex<Store>>, audio: &Path) -> Result<Vec<Pause>, PlayerError> {
    if let Some(pauses) = cached(&supervise::lock(store), audio) {
        return Ok(pauses);
    }
    let pauses = earmark_api::analysis::pauses(audio)?;
    if let Ok(key) = SeekKey::for_file(audio) {
        // A cache that cannot be written only means scanning again next time.
        let _ = supervise::lock(store).put_audio_pauses(&key, &pauses);
    }
    Ok(pauses)
}
