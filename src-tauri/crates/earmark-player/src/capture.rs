//! An output for tests and benchmarks: no device, no thread, no pacing. Whoever holds
//! the [`Capture`] pulls the mixed audio when it wants it, as fast as it likes, and
//! sees exactly what a sound card would have been handed.
//!
//! It can also play an output device that disappears and comes back
//! ([`Capture::set_lost`]), to test what the engine does then.
//!
//! Not for playback to a person: the pulling happens on the caller's thread, behind a
//! mutex, which is fine for a test and wrong for a real-time audio callback.

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rodio::mixer::{Mixer, MixerSource};

/// A handle on a pull-driven output (clone it to keep one and give one to the engine).
#[derive(Clone)]
pub struct Capture {
    inner: Arc<CaptureInner>,
}

struct CaptureInner {
    mixer: Mixer,
    source: Mutex<MixerSource>,
    lost: Arc<AtomicBool>,
    sample_rate: u32,
    channels: u16,
}

impl std::fmt::Debug for Capture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Capture")
            .field("sample_rate", &self.inner.sample_rate)
            .field("channels", &self.inner.channels)
            .field("lost", &self.is_lost())
            .finish_non_exhaustive()
    }
}

impl Capture {
    /// An output running at `sample_rate` with `channels` (give it the file's own
    /// layout to get the stream's samples unconverted).
    pub fn new(sample_rate: u32, channels: u16) -> Self {
        let rate = NonZero::new(sample_rate).unwrap_or(NonZero::<u32>::MIN);
        let layout = NonZero::new(channels).unwrap_or(NonZero::<u16>::MIN);
        let (mixer, source) = rodio::mixer::mixer(layout, rate);
        Self {
            inner: Arc::new(CaptureInner {
                mixer,
                source: Mutex::new(source),
                lost: Arc::new(AtomicBool::new(false)),
                sample_rate: rate.get(),
                channels: layout.get(),
            }),
        }
    }

    /// Frames per second of the output.
    pub fn sample_rate(&self) -> u32 {
        self.inner.sample_rate
    }

    /// Channels of the output.
    pub fn channels(&self) -> u16 {
        self.inner.channels
    }

    /// Fills `out` with the next interleaved samples, as a sound card would pull them
    /// (silence where nothing plays). `out` should hold whole frames.
    pub fn pull(&self, out: &mut [f32]) {
        let Ok(mut source) = self.inner.source.lock() else {
            out.fill(0.0);
            return;
        };
        for sample in out.iter_mut() {
            *sample = source.next().unwrap_or(0.0);
        }
    }

    /// Pretends the device was unplugged (`true`) or came back (`false`). While lost,
    /// the engine's output reports an error and opening a new one fails.
    pub fn set_lost(&self, lost: bool) {
        self.inner.lost.store(lost, Ordering::Release);
    }

    /// True while the pretend device is gone.
    pub fn is_lost(&self) -> bool {
        self.inner.lost.load(Ordering::Acquire)
    }

    pub(crate) fn mixer(&self) -> &Mixer {
        &self.inner.mixer
    }

    pub(crate) fn lost_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.inner.lost)
    }
}
