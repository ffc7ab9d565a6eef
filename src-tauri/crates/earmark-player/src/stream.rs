//! The real-time side of playback: a rodio [`Source`] that drains a lock-free ring
//! filled by the engine thread, drops long silences (when asked), stretches time at the
//! chosen speed with the pitch kept, and counts the media frames it has played. At
//! normal speed, until the speed first changes, the audio bypasses the stretcher: it
//! comes out sample for sample, and costs next to nothing.
//!
//! Nothing here locks, allocates, logs or panics: `next()` runs on the audio thread.
//! Every buffer is made by [`stream_pair`] on the engine thread; when the stream is
//! stopped, the source hands them back through a one-slot ring ([`StreamFeed::reclaim`]),
//! so they are freed on the engine thread too.
//!
//! The position is counted in media frames before the stretch: frames taken from the
//! ring (played or skipped as silence), less those still inside the stretcher's window.

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rodio::Source;
use rtrb::{Consumer, Producer, RingBuffer};

use crate::error::PlayerError;
use crate::silence::{GateAction, SilenceGate};
use crate::skip_log::SkipLog;
use crate::stretch::{Hop, Stretcher};

/// Seconds of decoded audio buffered between the engine and the audio thread. It is
/// media before the stretch, so a speed change never waits for it to play out.
const RING_SECONDS: usize = 2;
/// Refills of the stretcher tried per output hop before giving up with silence (a
/// bound on the work of one `next()` call).
const MAX_FEEDS_PER_HOP: usize = 64;

/// State shared between the engine thread and one [`StreamSource`].
#[derive(Debug)]
pub(crate) struct StreamShared {
    /// Media frames taken from the ring (played or skipped) since the stream started.
    frames_consumed: AtomicU64,
    /// Media frames played out of the stretcher since the stream started.
    frames_played: AtomicU64,
    /// Listening time saved by skipping silence, in frames at normal speed.
    frames_saved: AtomicU64,
    /// When set, the source outputs silence and consumes nothing.
    paused: AtomicBool,
    /// When set, the source ends and the mixer drops it.
    stopped: AtomicBool,
    /// The producer has pushed the last frame of the file.
    input_done: AtomicBool,
    /// The source has played every frame (the ring ran dry after `input_done`).
    drained: AtomicBool,
    /// Linear gain as `f32` bits.
    volume: AtomicU32,
    /// Playback speed as `f32` bits.
    speed: AtomicU32,
    /// Whether long silences are skipped.
    skip_silence: AtomicBool,
    /// Times the output found nothing to play while playing mid-file (the engine
    /// thread fell behind): each run of silence counts once.
    underruns: AtomicU64,
}

impl StreamShared {
    /// Media frames played out so far (what the mixer has been handed).
    pub(crate) fn frames_played(&self) -> u64 {
        self.frames_played.load(Ordering::Acquire)
    }

    /// Listening time saved by skipping silence, in frames at normal speed.
    pub(crate) fn frames_saved(&self) -> u64 {
        self.frames_saved.load(Ordering::Acquire)
    }

    /// Output underruns of this stream so far.
    pub(crate) fn underruns(&self) -> u64 {
        self.underruns.load(Ordering::Acquire)
    }

    /// Pauses (outputs silence) or resumes.
    pub(crate) fn set_paused(&self, paused: bool) {
        self.paused.store(paused, Ordering::Release);
    }

    /// Ends the source; the mixer drops it on its next pull.
    pub(crate) fn stop(&self) {
        self.stopped.store(true, Ordering::Release);
    }

    /// Marks that no more frames will be pushed.
    pub(crate) fn finish_input(&self) {
        self.input_done.store(true, Ordering::Release);
    }

    /// True once every frame of the file has been handed to the mixer.
    pub(crate) fn drained(&self) -> bool {
        self.drained.load(Ordering::Acquire)
    }

    /// Sets the linear gain.
    pub(crate) fn set_volume(&self, volume: f32) {
        self.volume.store(volume.to_bits(), Ordering::Release);
    }

    /// Sets the playback speed, taken up at the next hop of output (15 ms).
    pub(crate) fn set_speed(&self, speed: f32) {
        self.speed.store(speed.to_bits(), Ordering::Release);
    }

    /// Turns skipping of long silences on or off.
    pub(crate) fn set_skip_silence(&self, on: bool) {
        self.skip_silence.store(on, Ordering::Release);
    }
}

/// How a new stream starts out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct StreamSettings {
    /// Linear gain.
    pub volume: f32,
    /// Playback speed.
    pub speed: f32,
    /// Skip long silences.
    pub skip_silence: bool,
}

/// The engine's end of a stream: push decoded samples, control the source.
#[derive(Debug)]
pub(crate) struct StreamFeed {
    producer: Producer<f32>,
    /// Where the source hands its buffers back when it stops.
    reclaim: Consumer<Box<Pipeline>>,
    /// Controls shared with the source.
    pub(crate) shared: Arc<StreamShared>,
}

impl StreamFeed {
    /// Free sample slots in the ring.
    pub(crate) fn free_slots(&self) -> usize {
        self.producer.slots()
    }

    /// Pushes as many of `samples` as fit; returns how many were pushed.
    pub(crate) fn push(&mut self, samples: &[f32]) -> usize {
        let n = samples.len().min(self.producer.slots());
        match self.producer.write_chunk_uninit(n) {
            Ok(chunk) => chunk.fill_from_iter(samples[..n].iter().copied()),
            Err(_) => 0,
        }
    }

    /// True once a stopped source has handed its buffers back (they are dropped here,
    /// on the engine thread).
    pub(crate) fn reclaim(&mut self) -> bool {
        self.reclaim.pop().is_ok()
    }
}

/// The audio thread's working state: ring, silence gate, stretcher, bookkeeping.
#[derive(Debug)]
pub(crate) struct Pipeline {
    consumer: Consumer<f32>,
    gate: SilenceGate,
    stretcher: Stretcher,
    skips: SkipLog,
    /// Whether audio goes through the stretcher. A stream starts without it at normal
    /// speed (sample-exact and nearly free) and takes it up, seamlessly, at the first
    /// other speed; it then keeps it until the stream is replaced (a seek).
    stretching: bool,
    /// The hop being played out of `out`.
    hop: Hop,
    /// One hop of output.
    out: Box<[f32]>,
    /// Next sample of the hop to hand out.
    out_pos: usize,
    /// The ring is empty after the last frame: play out the stretcher's tail.
    draining: bool,
    /// The output is in a run of underrun silence (counted once, at its start).
    starving: bool,
    /// Frames taken from the ring so far (played or skipped).
    consumed: u64,
    /// Frames let through by the silence gate so far: the coordinates of `hop.start`
    /// and of the skip log.
    passed: u64,
    /// `passed` when the stretcher took over (its input frame 0).
    stretch_from: u64,
    /// Saved listening time, in frames at normal speed.
    saved: f64,
}

/// What one look at the ring did.
enum Fed {
    /// Frames went on towards the output.
    Passed,
    /// Silence was skipped.
    Skipped,
    /// Nothing could be taken (underrun), or the ring ran dry at the end of the file.
    Nothing,
}

/// The audio thread's end of a stream.
pub(crate) struct StreamSource {
    shared: Arc<StreamShared>,
    channels: NonZero<u16>,
    sample_rate: NonZero<u32>,
    /// Samples of silence still to hand out to finish the current frame.
    silence_left: u16,
    /// Everything with a buffer, handed back to the engine when the stream stops.
    pipeline: Option<Box<Pipeline>>,
    reclaim: Producer<Box<Pipeline>>,
}

/// Creates a connected feed/source pair for audio of the given layout.
pub(crate) fn stream_pair(
    channels: NonZero<u16>,
    sample_rate: NonZero<u32>,
    settings: StreamSettings,
) -> Result<(StreamFeed, StreamSource), PlayerError> {
    let capacity = RING_SECONDS * sample_rate.get() as usize * usize::from(channels.get());
    let (producer, consumer) = RingBuffer::new(capacity);
    let (reclaim_tx, reclaim_rx) = RingBuffer::new(1);
    let shared = Arc::new(StreamShared {
        frames_consumed: AtomicU64::new(0),
        frames_played: AtomicU64::new(0),
        frames_saved: AtomicU64::new(0),
        paused: AtomicBool::new(true),
        stopped: AtomicBool::new(false),
        input_done: AtomicBool::new(false),
        drained: AtomicBool::new(false),
        volume: AtomicU32::new(settings.volume.to_bits()),
        speed: AtomicU32::new(settings.speed.to_bits()),
        skip_silence: AtomicBool::new(settings.skip_silence),
        underruns: AtomicU64::new(0),
    });
    let stretcher = Stretcher::new(sample_rate, channels)?;
    let hop_samples = stretcher.hop_frames() * usize::from(channels.get());
    let pipeline = Box::new(Pipeline {
        consumer,
        gate: SilenceGate::new(sample_rate.get()),
        stretcher,
        skips: SkipLog::default(),
        stretching: false,
        hop: Hop {
            samples: 0,
            start: 0.0,
            step: 1.0,
        },
        out: vec![0.0; hop_samples].into_boxed_slice(),
        out_pos: 0,
        draining: false,
        starving: false,
        consumed: 0,
        passed: 0,
        stretch_from: 0,
        saved: 0.0,
    });
    let feed = StreamFeed {
        producer,
        reclaim: reclaim_rx,
        shared: Arc::clone(&shared),
    };
    let source = StreamSource {
        shared,
        channels,
        sample_rate,
        silence_left: 0,
        pipeline: Some(pipeline),
        reclaim: reclaim_tx,
    };
    Ok((feed, source))
}

impl Pipeline {
    /// Makes the next hop of output ready; false when there is none yet (underrun) or
    /// any more (end of file).
    fn refill(&mut self, shared: &StreamShared, channels: usize) -> bool {
        for _ in 0..MAX_FEEDS_PER_HOP {
            let speed = f32::from_bits(shared.speed.load(Ordering::Relaxed));
            if !self.stretching && speed != 1.0 {
                // The stretcher starts on the next frame, its first hop played as it is.
                self.stretching = true;
                self.stretch_from = self.passed;
            }
            if self.stretching {
                if let Some(hop) = self.stretcher.pull_hop(speed, self.draining) {
                    self.out[..hop.samples]
                        .copy_from_slice(&self.stretcher.output()[..hop.samples]);
                    self.hop = Hop {
                        start: hop.start + self.stretch_from as f64,
                        ..hop
                    };
                    self.out_pos = 0;
                    return true;
                }
            }
            if self.draining {
                // Everything has been played.
                shared.frames_played.store(self.consumed, Ordering::Release);
                shared.drained.store(true, Ordering::Release);
                return false;
            }
            let passed_before = self.passed;
            match self.feed(shared, channels, speed) {
                Fed::Passed if !self.stretching => {
                    self.hop = Hop {
                        samples: (self.passed - passed_before) as usize * channels,
                        start: passed_before as f64,
                        step: 1.0,
                    };
                    self.out_pos = 0;
                    return true;
                }
                Fed::Passed | Fed::Skipped => {}
                Fed::Nothing if self.draining => {}
                Fed::Nothing => return false,
            }
        }
        false
    }

    /// Moves frames from the ring into the stretcher, or straight to `out` when not
    /// stretching, or past both (skipped silence).
    fn feed(&mut self, shared: &StreamShared, channels: usize, speed: f32) -> Fed {
        // Read `input_done` first: once set, the ring holds every frame still to come.
        let input_done = shared.input_done.load(Ordering::Acquire);
        let frames = self.consumer.slots() / channels;
        if frames == 0 {
            self.draining = input_done;
            return Fed::Nothing;
        }
        let Ok(chunk) = self.consumer.read_chunk(frames * channels) else {
            return Fed::Nothing;
        };
        let (first, second) = chunk.as_slices();
        let peak = |frame: usize| {
            let at = frame * channels;
            let samples = if at < first.len() {
                &first[at..at + channels]
            } else {
                &second[at - first.len()..at - first.len() + channels]
            };
            samples.iter().fold(0.0f32, |m, s| m.max(s.abs()))
        };
        let skip_silence = shared.skip_silence.load(Ordering::Relaxed);
        let max_pass = self.stretcher.hop_frames();
        let fed = match self
            .gate
            .decide(skip_silence, frames, input_done, max_pass, peak)
        {
            GateAction::Pass(n) => {
                let samples = n * channels;
                let from_first = samples.min(first.len());
                let (a, b) = (&first[..from_first], &second[..samples - from_first]);
                if self.stretching {
                    self.stretcher.push(a);
                    self.stretcher.push(b);
                } else {
                    self.out[..a.len()].copy_from_slice(a);
                    self.out[a.len()..samples].copy_from_slice(b);
                }
                chunk.commit(samples);
                self.consumed += n as u64;
                self.passed += n as u64;
                Fed::Passed
            }
            GateAction::Skip(n) => {
                chunk.commit(n * channels);
                self.skips.record(self.passed, n as u64);
                self.consumed += n as u64;
                self.saved += n as f64 / f64::from(speed.max(f32::EPSILON));
                shared
                    .frames_saved
                    .store(self.saved as u64, Ordering::Release);
                Fed::Skipped
            }
            GateAction::Wait => return Fed::Nothing,
        };
        shared
            .frames_consumed
            .store(self.consumed, Ordering::Release);
        fed
    }

    /// Records that output frame `frame` of the current hop has been handed out.
    fn played_frame(&mut self, shared: &StreamShared, frame: usize) {
        let input = self.hop.start + (frame + 1) as f64 * self.hop.step;
        let media = (self.skips.media_at(input) as u64).min(self.consumed);
        shared.frames_played.fetch_max(media, Ordering::AcqRel);
    }
}

impl StreamSource {
    /// Hands the buffers back to the engine (no free on the audio thread).
    fn retire(&mut self) {
        if let Some(pipeline) = self.pipeline.take() {
            // With no room (cannot happen: one stream, one pipeline), it drops here.
            let _ = self.reclaim.push(pipeline);
        }
    }

    /// Starts a frame of silence; returns its first sample.
    fn silent_frame(&mut self) -> Option<f32> {
        self.silence_left = self.channels.get() - 1;
        Some(0.0)
    }
}

impl Iterator for StreamSource {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.shared.stopped.load(Ordering::Acquire) {
            self.retire();
            return None;
        }
        if self.silence_left > 0 {
            self.silence_left -= 1;
            return Some(0.0);
        }
        let channels = usize::from(self.channels.get());
        let pipeline = self.pipeline.as_deref_mut()?;
        // Only ever here on a frame boundary: pause, refill or keep going.
        if pipeline.out_pos % channels == 0 {
            if self.shared.paused.load(Ordering::Acquire) {
                return self.silent_frame();
            }
            if pipeline.out_pos >= pipeline.hop.samples {
                let refilled = pipeline.refill(&self.shared, channels);
                // Mid-file, after the first frame, nothing to play is an underrun.
                let underrun = !refilled && !pipeline.draining && pipeline.passed > 0;
                if underrun && !pipeline.starving {
                    self.shared.underruns.fetch_add(1, Ordering::AcqRel);
                }
                pipeline.starving = underrun;
                if !refilled {
                    // Underrun or end of file: silence keeps the channels aligned.
                    return self.silent_frame();
                }
            }
        }
        let sample = pipeline.out[pipeline.out_pos];
        pipeline.out_pos += 1;
        if pipeline.out_pos % channels == 0 {
            let frame = pipeline.out_pos / channels - 1;
            pipeline.played_frame(&self.shared, frame);
        }
        Some(sample * f32::from_bits(self.shared.volume.load(Ordering::Relaxed)))
    }
}

impl Source for StreamSource {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> NonZero<u16> {
        self.channels
    }

    fn sample_rate(&self) -> NonZero<u32> {
        self.sample_rate
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}

#[cfg(test)]
mod tests;
