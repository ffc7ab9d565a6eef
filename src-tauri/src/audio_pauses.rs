//! The pauses in an episode's audio, for estimating an untimed transcript's times:
//! one decoding pass through the audio with a loudness meter, kept in the library
//! (per file version) so that it runs once per file.

use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::supervise;
use earmark_core::store::{SeekKey, Store};
use earmark_core::transcript::pauses::{find_pauses, LoudnessMeter, Pause};
use earmark_player::{MediaDecoder, PlayerError};

/// Decodes `audio` once and finds its pauses. Memory stays small whatever the
/// length: samples are measured as they are decoded and dropped.
pub fn scan(audio: &Path) -> Result<Vec<Pause>, PlayerError> {
    let mut decoder = MediaDecoder::open(audio)?;
    let info = decoder.info().clone();
    let mut meter = LoudnessMeter::new(info.sample_rate, info.channels);
    let mut samples = Vec::with_capacity(8192);
    while decoder.decode_next(&mut samples)? {
        meter.push(&samples);
        samples.clear();
    }
    meter.push(&samples);
    Ok(find_pauses(&meter.finish()))
}

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
    let pauses = scan(audio)?;
    if let Ok(key) = SeekKey::for_file(audio) {
        // A cache that cannot be written only means scanning again next time.
        let _ = supervise::lock(store).put_audio_pauses(&key, &pauses);
    }
    Ok(pauses)
}
