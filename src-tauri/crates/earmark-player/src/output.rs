//! Where the sound goes: the system's default output device through rodio, or a
//! stand-in without a device for tests and benchmarks: a null output pulling in real
//! time, one pulling as fast as it can, or a [`Capture`] the caller pulls itself.

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rodio::mixer::Mixer;
use rodio::{DeviceSinkBuilder, MixerDeviceSink, Source};

use crate::capture::Capture;
use crate::error::PlayerError;

/// Audio the mixer has handed on but the listener has not heard yet: rodio asks the
/// device for a 50 ms buffer. The clock subtracts this while playing.
pub const OUTPUT_LATENCY_MS: u64 = 50;

/// Which output the engine plays through.
#[derive(Debug, Clone)]
pub enum OutputKind {
    /// The system's default output device.
    Device,
    /// No device: a thread pulls 48 kHz stereo in real time and discards it. Its
    /// latency is taken to be a device's ([`OUTPUT_LATENCY_MS`]).
    NullRealtime,
    /// No device and no pacing: a thread pulls and discards samples as fast as it can,
    /// so an hour plays in seconds (benchmarks). It spins while paused.
    NullFast {
        /// Output rate; the file's own rate avoids resampling.
        sample_rate: u32,
        /// Output channels; the file's own count avoids converting.
        channels: u16,
    },
    /// No device: the holder of the [`Capture`] pulls the audio (tests, benchmarks).
    Capture(Capture),
}

/// An open output: a mixer to add sources to, kept alive with what feeds it.
pub(crate) struct Output {
    mixer: Mixer,
    lost: Arc<AtomicBool>,
    latency_ms: u64,
    _keep: OutputHandle,
}

/// Keeps the device stream or the null output's thread alive while the mixer is used.
enum OutputHandle {
    Device { _sink: MixerDeviceSink },
    Null { _null: NullOutput },
    Capture,
}

impl Output {
    /// Opens an output of the given kind.
    pub(crate) fn open(kind: &OutputKind) -> Result<Self, PlayerError> {
        let lost = Arc::new(AtomicBool::new(false));
        match kind {
            OutputKind::Device => {
                let flag = Arc::clone(&lost);
                let on_error = move |_e: rodio::cpal::Error| flag.store(true, Ordering::Release);
                let mut sink = DeviceSinkBuilder::from_default_device()
                    .map(|b| b.with_error_callback(on_error))
                    .and_then(|b| b.open_sink_or_fallback())
                    .map_err(|_| PlayerError::NoOutputDevice)?;
                sink.log_on_drop(false);
                Ok(Self {
                    mixer: sink.mixer().clone(),
                    lost,
                    latency_ms: OUTPUT_LATENCY_MS,
                    _keep: OutputHandle::Device { _sink: sink },
                })
            }
            OutputKind::NullRealtime => {
                let null = NullOutput::start(NULL_RATE, 2, true);
                Ok(Self {
                    mixer: null.mixer.clone(),
                    lost,
                    latency_ms: OUTPUT_LATENCY_MS,
                    _keep: OutputHandle::Null { _null: null },
                })
            }
            OutputKind::NullFast {
                sample_rate,
                channels,
            } => {
                let null = NullOutput::start(*sample_rate, *channels, false);
                Ok(Self {
                    mixer: null.mixer.clone(),
                    lost,
                    latency_ms: 0,
                    _keep: OutputHandle::Null { _null: null },
                })
            }
            OutputKind::Capture(capture) => {
                if capture.is_lost() {
                    return Err(PlayerError::NoOutputDevice);
                }
                Ok(Self {
                    mixer: capture.mixer().clone(),
                    lost: capture.lost_flag(),
                    latency_ms: 0,
                    _keep: OutputHandle::Capture,
                })
            }
        }
    }

    /// The mixer to add sources to.
    pub(crate) fn mixer(&self) -> &Mixer {
        &self.mixer
    }

    /// True once the device reported an error (unplugged, server gone).
    pub(crate) fn is_lost(&self) -> bool {
        self.lost.load(Ordering::Acquire)
    }

    /// Output time between the mixer and the listener's ears, in milliseconds.
    pub(crate) fn latency_ms(&self) -> u64 {
        self.latency_ms
    }
}

/// A device stand-in that pulls the mixer in 10 ms blocks, on a wall-clock schedule or
/// as fast as it can.
struct NullOutput {
    mixer: Mixer,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

const NULL_RATE: u32 = 48_000;

impl NullOutput {
    fn start(rate: u32, channels: u16, paced: bool) -> Self {
        let channels = NonZero::new(channels).unwrap_or(NonZero::<u16>::MIN);
        let rate = NonZero::new(rate).unwrap_or(NonZero::<u32>::MIN);
        let (mixer, mut source) = rodio::mixer::mixer(channels, rate);
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let block_frames = u64::from(rate.get() / 100).max(1);
        let thread = std::thread::Builder::new()
            .name("earmark-null-output".into())
            .spawn(move || {
                let start = Instant::now();
                let mut frames: u64 = 0;
                let block = block_frames as usize * usize::from(source.channels().get());
                while !flag.load(Ordering::Acquire) {
                    for _ in 0..block {
                        source.next();
                    }
                    frames += block_frames;
                    if !paced {
                        continue;
                    }
                    let due = Duration::from_micros(frames * 1_000_000 / u64::from(rate.get()));
                    if let Some(wait) = due.checked_sub(start.elapsed()) {
                        std::thread::sleep(wait);
                    }
                }
            })
            .ok();
        Self {
            mixer,
            stop,
            thread,
        }
    }
}

impl Drop for NullOutput {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
