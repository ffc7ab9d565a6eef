//! Where skipped silences sit in the stretcher's input, so a position inside the
//! stretcher (which sees the audio with the silences cut out) maps back to media time.
//!
//! A fixed-size queue: it lives on the audio thread and never allocates. Only skips
//! the stretcher has not played past yet are kept, and the stretcher holds well under
//! a tenth of a second, so a handful of entries is plenty.

/// Skips remembered at once; an older one is applied early when this is exceeded.
const CAPACITY: usize = 8;

/// Frames skipped before a given stretcher-input frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Skip {
    /// Stretcher-input frame the skip sits before.
    at: u64,
    /// Media frames skipped there.
    frames: u64,
}

/// The skips the stretcher's output has not reached yet, and the sum of those it has.
#[derive(Debug, Clone, Default)]
pub(crate) struct SkipLog {
    pending: [Skip; CAPACITY],
    head: usize,
    len: usize,
    /// Frames skipped before the output's current position.
    applied: u64,
}

impl SkipLog {
    /// Notes that `frames` media frames were skipped before stretcher-input frame `at`.
    pub(crate) fn record(&mut self, at: u64, frames: u64) {
        if self.len == CAPACITY {
            self.applied += self.pending[self.head].frames;
            self.head = (self.head + 1) % CAPACITY;
            self.len -= 1;
        }
        let tail = (self.head + self.len) % CAPACITY;
        self.pending[tail] = Skip { at, frames };
        self.len += 1;
    }

    /// The media frame of stretcher-input position `input`. Positions must be asked
    /// for in increasing order (the output only moves forward).
    pub(crate) fn media_at(&mut self, input: f64) -> f64 {
        while self.len > 0 && self.pending[self.head].at as f64 <= input {
            self.applied += self.pending[self.head].frames;
            self.head = (self.head + 1) % CAPACITY;
            self.len -= 1;
        }
        input + self.applied as f64
    }
}

#[cfg(test)]
mod tests {
    use super::SkipLog;

    #[test]
    fn positions_past_a_skip_include_it() {
        let mut log = SkipLog::default();
        log.record(100, 1_000);
        log.record(150, 500);
        assert_eq!(log.media_at(50.0), 50.0);
        assert_eq!(log.media_at(99.5), 99.5);
        assert_eq!(log.media_at(100.0), 1_100.0);
        assert_eq!(log.media_at(160.0), 1_660.0);
    }

    #[test]
    fn overflow_applies_the_oldest_early() {
        let mut log = SkipLog::default();
        for i in 0..9 {
            log.record(10 * (i + 1), 1);
        }
        assert_eq!(log.media_at(0.0), 1.0, "the first skip was applied early");
        assert_eq!(log.media_at(1_000.0), 1_009.0, "all nine counted once");
    }
}
