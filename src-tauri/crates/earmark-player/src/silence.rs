//! Skip silence: decides, frame by frame ahead of the stretcher, which audio to play
//! and which long silences to drop.
//!
//! A frame is silent when every channel is under [`SILENCE_DBFS`]. A run of silence
//! longer than [`MIN_SILENCE_MS`] is dropped except [`PAD_MS`] at each end, so speech
//! never starts or stops abruptly. Shorter pauses (between words, for breath) are
//! played as they are. The dropped frames are still media frames: the stream counts
//! them as consumed, so the clock jumps over the silence instead of falling behind.
//!
//! The gate looks ahead into the decoded ring (which holds seconds of audio) and is
//! pure arithmetic on what it is shown, so it runs on the audio thread. When skipping
//! has used up everything decoded, it plays at most one more pad of silence while the
//! decoder catches up, so the end of the word before the silence (still inside the
//! stretcher) is never cut off by a stall.

/// Level under which a frame counts as silent.
pub const SILENCE_DBFS: f32 = -30.0;
/// Silences at least this long are shortened.
pub const MIN_SILENCE_MS: u32 = 150;
/// Silence kept at each end of a shortened silence.
pub const PAD_MS: u32 = 20;

/// What to do with the frames at the front of the ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GateAction {
    /// Play this many frames.
    Pass(usize),
    /// Drop this many frames (silence).
    Skip(usize),
    /// Not enough audio is decoded yet to decide.
    Wait,
}

/// The skip-silence decision state of one stream.
#[derive(Debug, Clone)]
pub(crate) struct SilenceGate {
    /// Linear amplitude of [`SILENCE_DBFS`].
    threshold: f32,
    /// [`MIN_SILENCE_MS`] in frames.
    min_run: usize,
    /// [`PAD_MS`] in frames.
    pad: usize,
    /// Frames already decided to play.
    pass_left: usize,
    /// Inside a long silence, past its leading pad.
    skipping: bool,
    /// Silence played in this long silence beyond its pads, while waiting for the
    /// decoder (at most one pad).
    extra_passed: usize,
}

impl SilenceGate {
    /// A gate for audio at `sample_rate`.
    pub(crate) fn new(sample_rate: u32) -> Self {
        let frames = |ms: u32| (u64::from(sample_rate) * u64::from(ms) / 1000).max(1) as usize;
        Self {
            threshold: 10f32.powf(SILENCE_DBFS / 20.0),
            min_run: frames(MIN_SILENCE_MS),
            pad: frames(PAD_MS),
            pass_left: 0,
            skipping: false,
            extra_passed: 0,
        }
    }

    /// Decides about the next frames. `available` frames can be looked at, `peak(i)`
    /// is the largest absolute sample of frame `i` of them; `end` says no more frames
    /// will follow them (end of file). At most `max_pass` frames are passed at once.
    pub(crate) fn decide(
        &mut self,
        enabled: bool,
        available: usize,
        end: bool,
        max_pass: usize,
        peak: impl Fn(usize) -> f32,
    ) -> GateAction {
        if available == 0 || max_pass == 0 {
            return GateAction::Wait;
        }
        if !enabled {
            self.pass_left = 0;
            self.skipping = false;
            return GateAction::Pass(available.min(max_pass));
        }
        if self.pass_left > 0 {
            return self.pass(available.min(max_pass).min(self.pass_left));
        }
        let loud = (0..available.min(max_pass))
            .take_while(|&i| peak(i) >= self.threshold)
            .count();
        if loud > 0 {
            self.skipping = false;
            return GateAction::Pass(loud);
        }
        // A silence starts at the front: measure it, as far as we need to know.
        let limit = if self.skipping {
            available
        } else {
            available.min(self.min_run)
        };
        let run = (0..limit).take_while(|&i| peak(i) < self.threshold).count();
        let sound_follows = run < limit;
        if self.skipping {
            if sound_follows || end {
                // Keep the trailing pad before the sound (none at the end of the file).
                let keep = if end && !sound_follows {
                    0
                } else {
                    run.min(self.pad)
                };
                self.skipping = false;
                self.pass_left = keep;
                return match run - keep {
                    0 => self.pass(available.min(max_pass).min(keep)),
                    drop => GateAction::Skip(drop),
                };
            }
            // Still silent as far as decoded: drop all but a pad's worth, in case
            // sound follows right after it.
            if run > self.pad {
                return GateAction::Skip(run - self.pad);
            }
            // Nothing more is decoded yet. The stretcher still holds the end of the
            // sound before this silence and needs a little input after it to play it
            // out: give it up to one more pad of silence rather than stall mid-word.
            let extra = run.min(self.pad - self.extra_passed).min(max_pass);
            if extra == 0 {
                return GateAction::Wait;
            }
            self.extra_passed += extra;
            return GateAction::Pass(extra);
        }
        if run >= self.min_run {
            // A long silence: play its leading pad, then skip.
            self.skipping = true;
            self.extra_passed = 0;
            self.pass_left = self.pad;
            return self.pass(available.min(max_pass).min(self.pad));
        }
        if sound_follows || end {
            // A short pause: play it as it is.
            self.pass_left = run;
            return self.pass(available.min(max_pass).min(run));
        }
        GateAction::Wait
    }

    fn pass(&mut self, n: usize) -> GateAction {
        self.pass_left -= n.min(self.pass_left);
        GateAction::Pass(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u32 = 1_000; // one frame per millisecond keeps the arithmetic readable

    /// Runs the gate over `levels` (one peak per frame) with `lookahead` frames visible
    /// at a time; returns (frames played, frames skipped).
    fn run(levels: &[f32], lookahead: usize) -> (Vec<usize>, usize) {
        let mut gate = SilenceGate::new(RATE);
        let mut played = Vec::new();
        let mut skipped = 0;
        let mut at = 0;
        let mut waits = 0;
        while at < levels.len() {
            let available = (levels.len() - at).min(lookahead);
            let end = at + available == levels.len();
            match gate.decide(true, available, end, 64, |i| levels[at + i]) {
                GateAction::Pass(n) => {
                    played.extend(at..at + n);
                    at += n;
                }
                GateAction::Skip(n) => {
                    skipped += n;
                    at += n;
                }
                GateAction::Wait => {
                    waits += 1;
                    assert!(waits < 10_000, "the gate never decided");
                }
            }
        }
        (played, skipped)
    }

    fn speech(ms: usize) -> Vec<f32> {
        vec![0.5; ms]
    }

    fn quiet(ms: usize) -> Vec<f32> {
        vec![0.001; ms]
    }

    #[test]
    fn long_silence_is_cut_to_its_pads() {
        let levels = [speech(100), quiet(1_000), speech(100)].concat();
        let (played, skipped) = run(&levels, 2_000);
        assert_eq!(skipped, 1_000 - 40, "all but 20 ms each side dropped");
        assert_eq!(played.len(), 240);
        assert!(played.contains(&(100 + 19)), "leading pad kept");
        assert!(played.contains(&(1_100 - 20)), "trailing pad kept");
        assert!(!played.contains(&600), "the middle is dropped");
    }

    #[test]
    fn short_pauses_are_kept() {
        let levels = [speech(100), quiet(149), speech(100)].concat();
        let (played, skipped) = run(&levels, 2_000);
        assert_eq!(skipped, 0, "a 149 ms pause is not a silence to skip");
        assert_eq!(played.len(), levels.len());
    }

    #[test]
    fn a_silence_longer_than_the_lookahead_is_still_cut() {
        let levels = [speech(50), quiet(5_000), speech(50)].concat();
        let (played, skipped) = run(&levels, 300);
        assert_eq!(skipped, 5_000 - 40);
        assert_eq!(played.len(), 140);
    }

    #[test]
    fn a_stalled_decoder_gets_one_more_pad_of_silence_then_a_wait() {
        let levels = [speech(50), quiet(1_000), speech(50)].concat();
        let mut gate = SilenceGate::new(RATE);
        let (mut at, mut decoded, mut played, mut skipped, mut waits) = (0, 300, 0, 0, 0);
        while at < levels.len() {
            let available = decoded.min(levels.len()) - at;
            let end = at + available == levels.len();
            match gate.decide(true, available, end, 64, |i| levels[at + i]) {
                GateAction::Pass(n) => (played, at) = (played + n, at + n),
                GateAction::Skip(n) => (skipped, at) = (skipped + n, at + n),
                GateAction::Wait => (waits, decoded) = (waits + 1, decoded + 300),
            }
        }
        assert_eq!(
            played,
            50 + 20 + 20 + 20 + 50,
            "one extra pad while stalled"
        );
        assert_eq!(skipped, 1_000 - 60);
        assert!(waits >= 2, "then it waits for the decoder");
    }

    #[test]
    fn silence_at_the_end_of_the_file_is_dropped_after_its_pad() {
        let levels = [speech(50), quiet(500)].concat();
        let (played, skipped) = run(&levels, 2_000);
        assert_eq!(played.len(), 70);
        assert_eq!(skipped, 480);
    }

    #[test]
    fn disabled_gate_plays_everything() {
        let mut gate = SilenceGate::new(RATE);
        assert_eq!(
            gate.decide(false, 500, false, 64, |_| 0.0),
            GateAction::Pass(64)
        );
    }

    #[test]
    fn waits_when_it_cannot_see_far_enough() {
        let mut gate = SilenceGate::new(RATE);
        assert_eq!(gate.decide(true, 100, false, 64, |_| 0.0), GateAction::Wait);
        assert_eq!(
            gate.decide(true, 100, true, 64, |_| 0.0),
            GateAction::Pass(64),
            "at the end of the file there is nothing to wait for"
        );
    }

    #[test]
    fn threshold_is_minus_30_dbfs() {
        let levels = [speech(10), vec![0.03; 300], speech(10), vec![0.033; 300]].concat();
        let (_, skipped) = run(&levels, 2_000);
        assert_eq!(
            skipped, 260,
            "0.03 (-30.5 dBFS) is silence, 0.033 (-29.6) is not"
        );
    }
}
