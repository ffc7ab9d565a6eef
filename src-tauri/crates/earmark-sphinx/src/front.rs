//! The acoustic model's own front end, run over the episode as it is decoded: 13
//! cepstra per 10 ms of mono audio at the episode's own rate (the filters are set
//! in hertz, so only the FFT grows with the rate: no resampling), computed by sphinxbase with the parameters of
//! the model's `feat.params`. Kept for the whole episode (about 37 MB for two
//! hours), so placed lines can be checked ([`super::check`]) without decoding the
//! audio again.

use std::ffi::c_void;
use std::path::Path;
use std::ptr::NonNull;

use super::library::{api, create, Api, Mfcc, MODEL_DIR};

/// The front end's frame step, nominally: the step is a whole number of samples
/// (sphinxbase rounds), so at 22.05 kHz it is 221 samples, 10.02 ms.
pub const FRAME_MS: u64 = 10;
/// Cepstra per frame.
pub const CEPSTRA: usize = 13;
/// The front end's window length (sphinxbase's default `-wlen`).
const WINDOW_S: f64 = 0.025625;
/// The `feat.params` entries that shape the front end (the rest shape the decoder).
const FRONT_PARAMS: [&str; 5] = ["-lowerf", "-upperf", "-nfilt", "-transform", "-lifter"];

/// An episode's cepstra, [`CEPSTRA`] per [`FRAME_MS`]; empty when the acoustic
/// model is not installed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cepstra {
    values: Vec<f32>,
    /// The frame step, exactly, in milliseconds.
    step_ms: f64,
}

impl Cepstra {
    /// Number of frames.
    pub fn len(&self) -> usize {
        self.values.len() / CEPSTRA
    }

    /// True when there is no frame.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The frames from `start_ms` to `end_ms` (clamped to the episode), flat.
    pub fn between(&self, start_ms: u64, end_ms: u64) -> &[f32] {
        if self.step_ms <= 0.0 {
            return &[];
        }
        let frame = |ms: u64| ((ms as f64 / self.step_ms) as usize).min(self.len());
        let (start, end) = (frame(start_ms), frame(end_ms.max(start_ms)));
        &self.values[start * CEPSTRA..end * CEPSTRA]
    }
}

/// Computes [`Cepstra`] from mono samples pushed in pieces.
pub struct CepstrumFront {
    api: &'static Api,
    fe: NonNull<c_void>,
    /// Samples per frame step.
    shift: usize,
    rate: u32,
    pcm: Vec<i16>,
    block: Vec<Mfcc>,
    cepstra: Vec<f32>,
}

impl std::fmt::Debug for CepstrumFront {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CepstrumFront")
            .field("frames", &(self.cepstra.len() / CEPSTRA))
            .finish_non_exhaustive()
    }
}

impl CepstrumFront {
    /// A front end for mono audio at `sample_rate`; `None` when PocketSphinx or its
    /// en-US model is not installed.
    pub fn new(sample_rate: u32) -> Option<Self> {
        let api = api()?;
        let mut args = front_params(&Path::new(MODEL_DIR).join("en-us/feat.params"))?;
        // Every frame is kept (the default drops those it takes for silence), so
        // frame k is always at k × 10 ms.
        args.extend(["-remove_silence", "no"].map(String::from));
        // The model's 25.6 ms window at this rate, in an FFT long enough for it.
        let window = (f64::from(sample_rate.max(1)) * WINDOW_S).ceil() as usize;
        let fft = window.next_power_of_two().max(512);
        args.extend([
            "-samprate".to_string(),
            sample_rate.max(1).to_string(),
            "-nfft".to_string(),
            fft.to_string(),
        ]);
        // SAFETY: `fe_get_args` is the front end's own table, `fe_init_auto_r` its
        // constructor.
        let fe = unsafe { create(api, (api.fe_get_args)(), &args, api.fe_init_auto_r) }?;
        let front = CepstrumFront {
            api,
            fe,
            // As sphinxbase computes its frame shift.
            shift: (f64::from(sample_rate.max(100)) * FRAME_MS as f64 / 1000.0).round() as usize,
            rate: sample_rate.max(100),
            pcm: Vec::new(),
            block: Vec::new(),
            cepstra: Vec::new(),
        };
        // SAFETY: `fe` is a live front end.
        let ready = unsafe {
            (api.fe_get_output_size)(fe.as_ptr()) == CEPSTRA as i32
                && (api.fe_start_utt)(fe.as_ptr()) == 0
        };
        ready.then_some(front)
    }

    /// Adds the next mono samples.
    pub fn push(&mut self, mono: &[f32]) {
        self.pcm.clear();
        self.pcm.extend(
            mono.iter()
                .map(|s| (s.clamp(-1.0, 1.0) * f32::from(i16::MAX)) as i16),
        );
        self.process();
    }

    /// The cepstra of everything pushed.
    pub fn finish(mut self) -> Cepstra {
        let mut last = [0.0 as Mfcc; CEPSTRA];
        let mut frames = 0;
        // SAFETY: `last` holds one frame, as many as `fe_end_utt` writes.
        unsafe { (self.api.fe_end_utt)(self.fe.as_ptr(), last.as_mut_ptr(), &mut frames) };
        if frames > 0 {
            self.cepstra.extend_from_slice(&last);
        }
        Cepstra {
            values: std::mem::take(&mut self.cepstra),
            step_ms: self.shift as f64 * 1000.0 / f64::from(self.rate),
        }
    }

    fn process(&mut self) {
        // Room for every frame the new samples can complete.
        let room = self.pcm.len() / self.shift + 2;
        self.block.resize(room * CEPSTRA, 0.0);
        let mut rows: Vec<*mut Mfcc> = self
            .block
            .chunks_exact_mut(CEPSTRA)
            .map(<[Mfcc]>::as_mut_ptr)
            .collect();
        let mut samples = self.pcm.as_ptr();
        let mut left = self.pcm.len();
        while left > 0 {
            let mut frames = room as i32;
            let mut first = 0;
            // SAFETY: `samples` and `left` describe the unread part of `pcm`;
            // `rows` points to `room` frames of `block`, the most it may write.
            let status = unsafe {
                (self.api.fe_process_frames)(
                    self.fe.as_ptr(),
                    &mut samples,
                    &mut left,
                    rows.as_mut_ptr(),
                    &mut frames,
                    &mut first,
                )
            };
            if status < 0 {
                return;
            }
            let frames = usize::try_from(frames).unwrap_or(0).min(room);
            self.cepstra
                .extend_from_slice(&self.block[..frames * CEPSTRA]);
            if frames == 0 && left > 0 {
                // Samples it neither used nor kept: nothing more will come of them.
                return;
            }
        }
    }
}

impl Drop for CepstrumFront {
    fn drop(&mut self) {
        // SAFETY: the front end is ours and freed once.
        unsafe { (self.api.fe_free)(self.fe.as_ptr()) };
    }
}

/// The front end's arguments from a model's `feat.params` (`-name value` pairs).
fn front_params(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    let words: Vec<&str> = text.split_whitespace().collect();
    Some(
        words
            .chunks_exact(2)
            .filter(|pair| FRONT_PARAMS.contains(&pair[0]))
            .flat_map(|pair| pair.iter().map(|s| s.to_string()))
            .collect(),
    )
}
