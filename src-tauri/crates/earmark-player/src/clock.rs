//! The media clock: which frame of the file the listener hears now.
//!
//! It counts media frames (before the time-stretch, so it stays media time at every
//! speed): frames the stream has played out of its stretcher, skipped silences
//! included. While playing it subtracts what the output still holds: the output's
//! latency, a named constant in output time, is `latency × speed` in media time.

use serde::Serialize;

/// What the UI needs to draw the position: sent ~10 times a second and on every change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClockSnapshot {
    /// Media position heard now, in milliseconds.
    pub media_ms: u64,
    /// Playback speed (1.0 = normal): media milliseconds per millisecond of listening.
    pub rate: f32,
    /// True while audio is playing.
    pub playing: bool,
    /// Exact length of the open file in milliseconds (0 when nothing is open).
    pub duration_ms: u64,
    /// Listening time saved by skipping silence since the episode was opened, in
    /// milliseconds of listening.
    pub saved_ms: u64,
    /// Linear output volume, 0.0–1.0.
    pub volume: f32,
    /// Times since the engine started that the output had nothing to play mid-file
    /// (decoding fell behind): a stutter the listener hears. 0 on a healthy machine.
    pub underruns: u64,
}

/// Frame bookkeeping of one stream, from which the heard position is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StreamClock {
    /// The file frame the stream started at (the seek target).
    pub base_frame: u64,
    /// Media frames played when playback last resumed.
    pub played_at_resume: u64,
    /// Output latency, in frames of the file's rate at normal speed.
    pub latency_frames: u64,
}

impl StreamClock {
    /// The file frame heard now, given the media frames the stream has played.
    ///
    /// While playing, the output still holds the last `latency × rate` media frames,
    /// so the heard position lags; it never goes behind where playback resumed. While
    /// paused, the output has played out: everything played was heard.
    pub fn heard_frame(&self, played: u64, playing: bool, rate: f32) -> u64 {
        let heard = if playing {
            let latency = (self.latency_frames as f64 * f64::from(rate.max(0.0))).round() as u64;
            played
                .saturating_sub(latency)
                .max(self.played_at_resume.min(played))
        } else {
            played
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
            played_at_resume: 0,
            latency_frames: 100,
        };
        assert_eq!(
            clock.heard_frame(50, true, 1.0),
            1000,
            "inside the first buffer"
        );
        assert_eq!(clock.heard_frame(500, true, 1.0), 1400, "lags by latency");
        assert_eq!(
            clock.heard_frame(500, false, 1.0),
            1500,
            "paused: all heard"
        );
        let resumed = StreamClock {
            played_at_resume: 500,
            ..clock
        };
        assert_eq!(
            resumed.heard_frame(520, true, 1.0),
            1500,
            "never behind resume"
        );
        assert_eq!(
            resumed.heard_frame(700, true, 1.0),
            1600,
            "lag again after buffer"
        );
    }

    #[test]
    fn latency_is_output_time_so_it_scales_with_speed() {
        let clock = StreamClock {
            base_frame: 0,
            played_at_resume: 0,
            latency_frames: 100,
        };
        assert_eq!(
            clock.heard_frame(1000, true, 2.0),
            800,
            "100 output frames at 2x"
        );
        assert_eq!(
            clock.heard_frame(1000, true, 0.5),
            950,
            "100 output frames at 0.5x"
        );
    }
}
