//! The real-time side of playback: a rodio [`Source`] that drains a lock-free ring
//! filled by the engine thread, and counts the media frames it hands to the mixer.
//!
//! Nothing here locks, allocates, logs or panics: `next()` runs on the audio thread.

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rodio::Source;
use rtrb::{Consumer, Producer, RingBuffer};

/// Seconds of decoded audio buffered between the engine and the audio thread.
const RING_SECONDS: usize = 2;

/// State shared between the engine thread and one [`StreamSource`].
#[derive(Debug)]
pub(crate) struct StreamShared {
    /// Media frames handed to the mixer since the stream started.
    frames_consumed: AtomicU64,
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
}

impl StreamShared {
    /// Media frames handed to the mixer so far.
    pub(crate) fn frames_consumed(&self) -> u64 {
        self.frames_consumed.load(Ordering::Acquire)
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
}

/// The engine's end of a stream: push decoded samples, control the source.
#[derive(Debug)]
pub(crate) struct StreamFeed {
    producer: Producer<f32>,
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
}

/// The audio thread's end of a stream.
pub(crate) struct StreamSource {
    consumer: Consumer<f32>,
    shared: Arc<StreamShared>,
    channels: NonZero<u16>,
    sample_rate: NonZero<u32>,
    /// Position within the current frame, to count whole frames.
    channel_index: u16,
}

/// Creates a connected feed/source pair for audio of the given layout.
pub(crate) fn stream_pair(
    channels: NonZero<u16>,
    sample_rate: NonZero<u32>,
    volume: f32,
) -> (StreamFeed, StreamSource) {
    let capacity = RING_SECONDS * sample_rate.get() as usize * usize::from(channels.get());
    let (producer, consumer) = RingBuffer::new(capacity);
    let shared = Arc::new(StreamShared {
        frames_consumed: AtomicU64::new(0),
        paused: AtomicBool::new(true),
        stopped: AtomicBool::new(false),
        input_done: AtomicBool::new(false),
        drained: AtomicBool::new(false),
        volume: AtomicU32::new(volume.to_bits()),
    });
    let feed = StreamFeed {
        producer,
        shared: Arc::clone(&shared),
    };
    let source = StreamSource {
        consumer,
        shared,
        channels,
        sample_rate,
        channel_index: 0,
    };
    (feed, source)
}

impl Iterator for StreamSource {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.shared.stopped.load(Ordering::Acquire) {
            return None;
        }
        // Pause only between frames so the channels never swap.
        if self.channel_index == 0 && self.shared.paused.load(Ordering::Acquire) {
            return Some(0.0);
        }
        match self.consumer.pop() {
            Ok(sample) => {
                self.channel_index += 1;
                if self.channel_index == self.channels.get() {
                    self.channel_index = 0;
                    self.shared.frames_consumed.fetch_add(1, Ordering::AcqRel);
                }
                Some(sample * f32::from_bits(self.shared.volume.load(Ordering::Relaxed)))
            }
            Err(_) => {
                if self.shared.input_done.load(Ordering::Acquire) {
                    self.shared.drained.store(true, Ordering::Release);
                }
                // Underrun or end of file: silence keeps the channels aligned.
                Some(0.0)
            }
        }
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
