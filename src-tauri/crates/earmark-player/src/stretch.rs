//! Pitch-preserving speed: a wrapper around the `wsola` crate's streaming WSOLA
//! time-stretcher that runs on the audio thread and keeps the media bookkeeping.
//!
//! # Why `wsola`
//!
//! We compared it with `ssstretch` (bindings to Signalsmith Stretch) on the demo
//! episode (speech, 44.1 kHz mono; see `docs/decisions.md` for the figures):
//!
//! - **Real-time safety.** `wsola` is pure Rust and its `pull` writes into a buffer we
//!   own. Its `push` grows a `Vec`, so [`Stretcher::new`] reserves that `Vec`'s high-water
//!   mark up front (off the audio thread); after that nothing on the audio path
//!   allocates. `ssstretch`'s only non-allocating call is `unsafe` (raw channel
//!   pointers), which this workspace forbids; its safe wrapper allocates on every call.
//! - **Speed changes heard at once.** WSOLA works in 15 ms hops and reads the tempo
//!   every hop; Signalsmith's default block is 120 ms (60 ms in, 60 ms out), which
//!   with the device's own buffer misses the 100 ms target.
//! - **Range.** Signalsmith's authors say its time-stretch sounds best between 0.75×
//!   and 1.5×; podcast listeners use 2–3×. WSOLA is the classic method for speech.
//! - **Cost.** Signalsmith is ~4× cheaper (~130× real time against ~30× at 1.5×),
//!   but `wsola` at ~3 % of one core for mono speech is affordable, and needs no C++
//!   toolchain. Both kept the pitch (median F0 of voiced frames within 2 %).
//!
//! # Media bookkeeping
//!
//! The clock counts media frames, never output frames. The stretcher holds a little
//! input it has not played yet (two hops plus the similarity search), so the media
//! position of what comes out is tracked here, mirroring WSOLA's own bookkeeping.
//! Each step picks a frame near its ideal input position (`ideal`, advanced by
//! `hop × tempo` per step) and cross-fades the tail of the previous frame into it. So
//! the hop a step outputs runs, on average over the cross-fade, from the previous
//! ideal position plus one hop to this one's plus one hop: a new tempo is heard one
//! hop (15 ms) after the step that took it. Measured against the audio itself over an
//! hour at speeds from 0.5× to 3× (`tests/player/long_run.rs`), this keeps the clock
//! within a few milliseconds of what is heard.

use std::num::{NonZeroU16, NonZeroU32};

use wsola::{Config, TimeStretch};

use crate::error::PlayerError;

/// WSOLA synthesis hop (half a Hann frame). 15 ms suits speech.
const HOP_MS: f32 = 15.0;
/// Half-width of WSOLA's similarity search. 8 ms spans a full pitch period of voices
/// down to ~60 Hz, and bounds how far the audio heard can sit from the clock.
pub const STRETCH_SEARCH_MS: f32 = 8.0;
/// `wsola` keeps up to 2^16 frames of consumed input before compacting its buffer.
const WSOLA_COMPACT_FRAMES: usize = 1 << 16;
/// Extra input room reserved on top of that: a second covers the window, the search
/// and the largest push at any rate.
const RESERVE_SECONDS: usize = 1;

/// One hop of stretched output and where in the input it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hop {
    /// Interleaved samples written to [`Stretcher::output`].
    pub samples: usize,
    /// Stretcher-input frame of the hop's first output frame.
    pub start: f64,
    /// Input frames per output frame (the tempo in effect for this hop).
    pub step: f64,
}

/// A streaming time-stretcher with preallocated buffers and media bookkeeping.
pub(crate) struct Stretcher {
    wsola: TimeStretch,
    channels: usize,
    hop_frames: usize,
    /// One hop of output.
    output: Box<[f32]>,
    /// The first hop of input since the last reset, played unwindowed (see `pull_hop`).
    first_hop: Box<[f32]>,
    first_hop_len: usize,
    /// Whether the first hop has been played since the last reset.
    primed: bool,
    /// Frames pushed since the last reset.
    pushed: u64,
    /// Ideal input position of the next step (mirrors WSOLA's own).
    ideal: f64,
    /// Ideal input position of the previous step.
    previous_ideal: f64,
}

impl std::fmt::Debug for Stretcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stretcher")
            .field("channels", &self.channels)
            .field("hop_frames", &self.hop_frames)
            .field("pushed", &self.pushed)
            .field("ideal", &self.ideal)
            .finish_non_exhaustive()
    }
}

impl Stretcher {
    /// A stretcher for audio of this layout, its buffers reserved for a whole stream.
    pub(crate) fn new(sample_rate: NonZeroU32, channels: NonZeroU16) -> Result<Self, PlayerError> {
        let config = Config {
            hop_ms: HOP_MS,
            search_ms: STRETCH_SEARCH_MS,
        };
        let mut wsola = TimeStretch::with_config(sample_rate, channels, config)
            .map_err(|e| PlayerError::TimeStretch(e.to_string()))?;
        let ch = usize::from(channels.get());
        // Reserve the input buffer's high-water mark now, so `push` never reallocates
        // on the audio thread: fill it once, then `reset` keeps the capacity.
        let reserve = WSOLA_COMPACT_FRAMES + RESERVE_SECONDS * sample_rate.get() as usize;
        wsola.push(&vec![0.0; reserve * ch]);
        wsola.reset();
        let hop_samples = wsola.min_output_buff_size();
        Ok(Self {
            wsola,
            channels: ch,
            hop_frames: hop_samples / ch,
            output: vec![0.0; hop_samples].into_boxed_slice(),
            first_hop: vec![0.0; hop_samples].into_boxed_slice(),
            first_hop_len: 0,
            primed: false,
            pushed: 0,
            ideal: 0.0,
            previous_ideal: 0.0,
        })
    }

    /// Frames of output per hop.
    pub(crate) fn hop_frames(&self) -> usize {
        self.hop_frames
    }

    /// The most recent hop of output.
    pub(crate) fn output(&self) -> &[f32] {
        &self.output
    }

    /// Frames pushed since the stream started (stretcher-input coordinates).
    #[cfg(test)]
    pub(crate) fn pushed(&self) -> u64 {
        self.pushed
    }

    /// Feeds interleaved input (whole frames).
    pub(crate) fn push(&mut self, samples: &[f32]) {
        if !self.primed && self.first_hop_len < self.first_hop.len() {
            let n = (self.first_hop.len() - self.first_hop_len).min(samples.len());
            self.first_hop[self.first_hop_len..self.first_hop_len + n]
                .copy_from_slice(&samples[..n]);
            self.first_hop_len += n;
        }
        self.wsola.push(samples);
        self.pushed += (samples.len() / self.channels) as u64;
    }

    /// Stretches the next hop at `tempo` into [`Stretcher::output`]; `None` when more
    /// input is needed. With `draining`, the last input is played out instead; `None`
    /// then means everything has been played, and the stretcher starts afresh.
    pub(crate) fn pull_hop(&mut self, tempo: f32, draining: bool) -> Option<Hop> {
        self.wsola.set_tempo(tempo);
        if draining {
            self.wsola.set_draining();
        }
        match self.wsola.pull(&mut self.output) {
            Ok(samples) => {
                let hop_frames = self.hop_frames as f64;
                let hop = if self.primed {
                    // Cross-fades from the previous frame's tail to this step's frame.
                    Hop {
                        samples,
                        start: self.previous_ideal + hop_frames,
                        step: (self.ideal - self.previous_ideal) / hop_frames,
                    }
                } else {
                    self.primed = true;
                    // WSOLA fades its first hop in; the windows of the first two hops
                    // sum to one, so playing the first hop's input as it is makes the
                    // start (after a seek) sample-exact instead of a 15 ms fade.
                    if samples == self.first_hop.len() && self.first_hop_len == samples {
                        self.output.copy_from_slice(&self.first_hop);
                    }
                    Hop {
                        samples,
                        start: 0.0,
                        step: 1.0,
                    }
                };
                self.previous_ideal = self.ideal;
                self.ideal += hop_frames * f64::from(self.wsola.tempo());
                Some(hop)
            }
            Err(_) => {
                if draining {
                    self.primed = false;
                    self.first_hop_len = 0;
                    self.pushed = 0;
                    self.ideal = 0.0;
                    self.previous_ideal = 0.0;
                }
                None
            }
        }
    }
}

/// Stretches a whole interleaved buffer to `speed` through the same stretcher, in the
/// same hops, as playback: for benchmarks and offline checks.
pub fn stretch_all(
    samples: &[f32],
    sample_rate: u32,
    channels: u16,
    speed: f32,
) -> Result<Vec<f32>, PlayerError> {
    let rate = NonZeroU32::new(sample_rate)
        .ok_or_else(|| PlayerError::TimeStretch("a sample rate of 0".into()))?;
    let layout =
        NonZeroU16::new(channels).ok_or_else(|| PlayerError::TimeStretch("no channels".into()))?;
    let mut stretcher = Stretcher::new(rate, layout)?;
    let ch = usize::from(channels);
    let chunk = stretcher.hop_frames() * ch;
    let mut out = Vec::with_capacity((samples.len() as f64 / f64::from(speed)) as usize + chunk);
    let whole = samples.len() - samples.len() % ch;
    let mut at = 0;
    loop {
        let draining = at >= whole;
        if let Some(hop) = stretcher.pull_hop(speed, draining) {
            out.extend_from_slice(&stretcher.output()[..hop.samples]);
        } else if draining {
            return Ok(out);
        } else {
            let end = (at + chunk).min(whole);
            stretcher.push(&samples[at..end]);
            at = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stretcher(rate: u32) -> Stretcher {
        let rate = NonZeroU32::new(rate).expect("rate");
        Stretcher::new(rate, NonZeroU16::MIN).expect("stretcher")
    }

    /// Runs `input` through at `tempo`, pushing one hop at a time as WSOLA asks.
    fn run(s: &mut Stretcher, input: &[f32], tempo: f32) -> Vec<f32> {
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            if let Some(hop) = s.pull_hop(tempo, at >= input.len()) {
                out.extend_from_slice(&s.output()[..hop.samples]);
                continue;
            }
            if at >= input.len() {
                return out;
            }
            let end = (at + s.hop_frames()).min(input.len());
            s.push(&input[at..end]);
            at = end;
        }
    }

    #[test]
    fn normal_speed_reproduces_the_input() {
        let mut s = stretcher(8_000);
        let input: Vec<f32> = (0..8_000)
            .map(|i| (i as f32 * 0.37).sin() * 0.5 + (i as f32 * 0.051).sin() * 0.3)
            .collect();
        let out = run(&mut s, &input, 1.0);
        let n = out.len().min(input.len()) - 400;
        let worst = (0..n)
            .map(|i| (out[i] - input[i]).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-4, "1.0x differs from the input by up to {worst}");
    }

    #[test]
    fn double_speed_halves_the_length_and_tracks_media() {
        let mut s = stretcher(8_000);
        let input: Vec<f32> = (0..16_000).map(|i| (i as f32 * 0.3).sin()).collect();
        let mut last = None;
        let mut at = 0;
        let mut out_frames = 0usize;
        while at < input.len() {
            match s.pull_hop(2.0, false) {
                Some(hop) => {
                    out_frames += hop.samples;
                    last = Some(hop);
                }
                None => {
                    let end = (at + 120).min(input.len());
                    s.push(&input[at..end]);
                    at = end;
                }
            }
        }
        let hop = last.expect("some output");
        assert_eq!(hop.step, 2.0);
        let media = hop.start + hop.samples as f64 * hop.step;
        assert!(
            (media - 2.0 * out_frames as f64).abs() <= s.hop_frames() as f64,
            "media {media} after {out_frames} output frames (the first hop is at 1x)"
        );
        assert!(
            s.pushed() as f64 - media < 0.06 * 8_000.0,
            "holds at most ~60 ms of input: pushed {} media {media}",
            s.pushed()
        );
    }
}
