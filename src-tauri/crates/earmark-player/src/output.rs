//! Where the sound goes: the system's default output device through rodio, or a
//! real-time null output that consumes samples at the device's pace without a device
//! (for tests and benchmarks of the clock).

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rodio::mixer::Mixer;
use rodio::{DeviceSinkBuilder, MixerDeviceSink, Source};

use crate::error::PlayerError;

/// Audio the mixer has handed on but the listener has not heard yet: rodio asks the
/// device for a 50 ms buffer. The clock subtracts this while playing.
pub const OUTPUT_LATENCY_MS: u64 = 50;

/// Which output the engine plays through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// The system's default output device.
    Device,
    /// No device: a thread pulls samples in real time and discards them.
    NullRealtime,
}

/// An open output: a mixer to add sources to, kept alive with what feeds it.
pub(crate) struct Output {
    mixer: Mixer,
    lost: Arc<AtomicBool>,
    _keep: OutputHandle,
}

/// Keeps the device stream or the null output's thread alive while the mixer is used.
enum OutputHandle {
    Device { _sink: MixerDeviceSink },
    Null { _null: NullOutput },
}

impl Output {
    /// Opens an output of the given kind.
    pub(crate) fn open(kind: OutputKind) -> Result<Self, PlayerError> {
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
                    _keep: OutputHandle::Device { _sink: sink },
                })
            }
            OutputKind::NullRealtime => {
                let null = NullOutput::start();
                Ok(Self {
                    mixer: null.mixer.clone(),
                    lost,
                    _keep: OutputHandle::Null { _null: null },
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
}

/// A device stand-in that pulls 48 kHz stereo in 10 ms blocks on a wall-clock schedule.
struct NullOutput {
    mixer: Mixer,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

const NULL_RATE: u32 = 48_000;
const NULL_BLOCK_FRAMES: u32 = 480;

impl NullOutput {
    fn start() -> Self {
        let channels = NonZero::<u16>::MIN.saturating_add(1);
        let rate = NonZero::<u32>::MIN.saturating_add(NULL_RATE - 1);
        let (mixer, mut source) = rodio::mixer::mixer(channels, rate);
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("earmark-null-output".into())
            .spawn(move || {
                let start = Instant::now();
                let mut frames: u64 = 0;
                let block = NULL_BLOCK_FRAMES as usize * usize::from(source.channels().get());
                while !flag.load(Ordering::Acquire) {
                    for _ in 0..block {
                        source.next();
                    }
                    frames += u64::from(NULL_BLOCK_FRAMES);
                    let due = Duration::from_micros(frames * 1_000_000 / u64::from(NULL_RATE));
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
