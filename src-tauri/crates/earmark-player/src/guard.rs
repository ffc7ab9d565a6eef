//! Keeping a damaged file's trouble to that file.
//!
//! symphonia can panic on a damaged file (a WAV header with a sample rate of 0 does,
//! in its time-base arithmetic), and some damaged headers make a reader report the
//! same skippable error forever instead of reaching the end (a WAV block size of 0).
//! Either would take the engine thread down, or freeze it, for the rest of the
//! session. Here a panic in decoding becomes an error for that file ([`contain`]) and
//! a reader that hands out nothing but empty packets and errors is noticed
//! ([`Stall`]); the engine goes on with the next file. A packet the decoder refuses
//! as using a feature it lacks is damage to skip, unless packet after packet is
//! ([`Refusals`]): then the stream really needs that feature.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use symphonia::core::formats::Packet;

use crate::error::PlayerError;

/// What a file whose decoding panicked is told.
const DECODER_FAILED: &str = "the decoder failed on damaged data";
/// Empty packets and skipped errors in a row after which a reader is taken to be
/// stuck (a damaged stretch costs one error per resync attempt, far fewer than this).
const MAX_STALLED_READS: u32 = 65_536;
/// Packets in a row refused as using a feature the decoder lacks, after which the
/// stream is taken to need it (damage makes a few such packets; about 1.5 s of AAC).
const MAX_REFUSED_PACKETS: u32 = 64;

/// Runs `step`, symphonia's work on `path`; a panic in it is an error for that file.
///
/// Whatever `step` changed before panicking may be half done: the caller must not use
/// it again (see `MediaDecoder`, which refuses to go on after one).
pub(crate) fn contain<T>(
    path: &Path,
    step: impl FnOnce() -> Result<T, PlayerError>,
) -> Result<T, PlayerError> {
    unless_panicked(step).unwrap_or_else(|| Err(decoder_failed(path)))
}

/// What `step` returns, or `None` when it panicked.
pub(crate) fn unless_panicked<T>(step: impl FnOnce() -> T) -> Option<T> {
    catch_unwind(AssertUnwindSafe(step)).ok()
}

/// The error for a file whose decoding panicked.
pub(crate) fn decoder_failed(path: &Path) -> PlayerError {
    PlayerError::Corrupt {
        path: path.to_path_buf(),
        detail: DECODER_FAILED.to_string(),
    }
}

/// Counts the reads in a row that bring no audio: empty packets and skipped errors.
#[derive(Debug, Default)]
pub(crate) struct Stall(u32);

impl Stall {
    /// Notes `packet`; true once too many reads in a row brought nothing.
    pub(crate) fn stuck_at(&mut self, packet: &Packet) -> bool {
        if packet.buf().is_empty() {
            self.0 += 1;
        } else {
            self.0 = 0;
        }
        self.0 > MAX_STALLED_READS
    }

    /// Notes a skipped error; true once too many reads in a row brought nothing.
    pub(crate) fn stuck_on_error(&mut self) -> bool {
        self.0 += 1;
        self.0 > MAX_STALLED_READS
    }
}

/// Counts the packets in a row the decoder refused as using a feature it lacks
/// (damaged AAC reads as "predictor data", a feature of AAC Main).
#[derive(Debug, Default)]
pub(crate) struct Refusals(u32);

impl Refusals {
    /// Notes a refused packet; true once too many in a row were refused.
    pub(crate) fn too_many(&mut self) -> bool {
        self.0 += 1;
        self.0 > MAX_REFUSED_PACKETS
    }

    /// Notes a packet that decoded.
    pub(crate) fn decoded(&mut self) {
        self.0 = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_refused_packets_are_damage_and_many_in_a_row_are_a_missing_feature() {
        let mut refusals = Refusals::default();
        for _ in 0..MAX_REFUSED_PACKETS {
            assert!(!refusals.too_many(), "skipped as damage");
        }
        refusals.decoded();
        for _ in 0..MAX_REFUSED_PACKETS {
            assert!(
                !refusals.too_many(),
                "a packet that decoded starts the count again"
            );
        }
        assert!(
            refusals.too_many(),
            "the stream needs what the decoder lacks"
        );
    }
}
