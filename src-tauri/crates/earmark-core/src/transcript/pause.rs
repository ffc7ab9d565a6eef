//! A quiet stretch of an episode's audio: what the pause finder (`earmark-align`'s
//! loudness) gives, and what estimating an untimed transcript's times snaps lines to.

use serde::{Deserialize, Serialize};

/// A quiet stretch of the audio, in milliseconds of media time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// Where the quiet begins.
    pub start_ms: u64,
    /// Where the sound comes back.
    pub end_ms: u64,
}

impl Pause {
    /// How long the pause lasts.
    pub fn len_ms(&self) -> u64 {
        self.end_ms.saturating_sub(self.start_ms)
    }
}
