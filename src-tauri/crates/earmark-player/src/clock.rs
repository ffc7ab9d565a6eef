//! The media clock: which frame of the file the listener hears now.
//!
//! It counts media frames handed to the mixer (before any time-stretch, so it stays
//! media time at every speed) and subtracts the output's latency while playing.

use serde::Serialize;

/// What the UI needs to draw the position: sent ~10 times a second and on every change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClockSnapshot {
    /// Media position heard now, in milliseconds.
    pub media_ms: u64,
    /// Playback rate (1.0 = normal speed).
    pub rate: f32,
    /// True while audio is playing.
    pub playing: bool,
    /// Exact length of the open file in milliseconds (0 when nothing is open).
    pub duration_ms: u64,
}

/// Frame bookkeeping of one stream, from which the heard position is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StreamClock {
    /// The file frame the stream started at (the seek target).
    pub base_frame: u64,
    /// Frames consumed when playback last resumed.
    pub consumed_at_resume: u64,
    /// Output latency in frames of the file's rate.
    pub latency_frames: u64,
}

impl StreamClock {
    /// The file frame heard now, given the frames consumed so far.
    ///
    /// While playing, the last `latency_frames` consumed are still in the output
    /// buffer, so the heard position lags; it never goes behind where playback
    /// resumed. While paused, the buffer has played out: everything consumed was heard.
    pub fn heard_frame(&self, consumed: u64, playing: bool) -> u64 {
        let heard = if playing {
            consumed
                .saturating_sub(self.latency_frames)
                .max(self.consumed_at_resume.min(consumed))
        } else {
            consumed
        };
        self.base_frame + heard
    }
}

#[cfg(test)]
mod tests {
    use super::StreamClock;

    #[test]
    fn playing_lags_by_latency_but_not_behind_resume_point() {
        let clock = StreamClock {
            base_frame: 1000,
            consumed_at_resume: 0,
            latency_frames: 100,
        };
        assert_eq!(clock.heard_frame(50, true), 1000, "inside the first buffer");
        assert_eq!(clock.heard_frame(500, true), 1400, "lags by latency");
        assert_eq!(clock.heard_frame(500, false), 1500, "paused: all heard");
        let resumed = StreamClock {
            consumed_at_resume: 500,
            ..clock
        };
        assert_eq!(resumed.heard_frame(520, true), 1500, "never behind resume");
        assert_eq!(
            resumed.heard_frame(700, true),
            1600,
            "lag again after buffer"
        );
    }
}
