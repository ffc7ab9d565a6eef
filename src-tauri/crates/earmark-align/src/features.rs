//! MFCC features: what the aligner compares, one short vector per [`HOP_MS`] of
//! sound.
//!
//! The same extractor runs over the episode and over the synthesized speech, at
//! whatever rate each comes in: windows and filters are set in milliseconds and
//! hertz, not samples, so two recordings at different rates give comparable
//! vectors. The mel filters stop at [`MAX_HZ`], which every podcast encoding and
//! espeak-ng's 22 kHz output both carry.
//!
//! Samples are pushed in pieces of any size ([`MfccExtractor::push`]), so a long
//! episode is never held in memory, only its features (13 floats per 20 ms: about
//! 19 MB for two hours).

use std::ops::Range;
use std::sync::Arc;

use realfft::num_complex::Complex;
use realfft::{RealFftPlanner, RealToComplex};

/// Features are taken every this many milliseconds.
pub const HOP_MS: u64 = 20;
/// Each feature looks at this many milliseconds of sound (Hamming window).
pub const WINDOW_MS: u64 = 40;
/// Coefficients per frame: the log energy (`c0`) and twelve cepstral coefficients.
pub const COEFFICIENTS: usize = 13;
/// Number of mel filters.
const MEL_FILTERS: usize = 26;
/// The lowest frequency the filters cover.
const MIN_HZ: f32 = 80.0;
/// The highest frequency the filters cover.
pub const MAX_HZ: f32 = 5_000.0;
/// Pre-emphasis of high frequencies, as in most speech front ends.
const PRE_EMPHASIS: f32 = 0.97;
/// Added to every filter energy before the logarithm (digital silence stays finite).
const ENERGY_FLOOR: f32 = 1e-10;

/// A sequence of feature vectors, [`COEFFICIENTS`] floats each, one per [`HOP_MS`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    values: Vec<f32>,
}

impl Features {
    /// Features from a flat list of values ([`COEFFICIENTS`] per frame); a last
    /// incomplete frame is dropped.
    pub fn from_values(mut values: Vec<f32>) -> Self {
        values.truncate(values.len() / COEFFICIENTS * COEFFICIENTS);
        Features { values }
    }

    /// Number of frames.
    pub fn len(&self) -> usize {
        self.values.len() / COEFFICIENTS
    }

    /// True when there is no frame.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Frame `index`.
    pub fn frame(&self, index: usize) -> &[f32] {
        &self.values[index * COEFFICIENTS..(index + 1) * COEFFICIENTS]
    }

    /// Frames `start..end` as a new sequence.
    pub fn slice(&self, start: usize, end: usize) -> Features {
        let end = end.min(self.len());
        let start = start.min(end);
        Features {
            values: self.values[start * COEFFICIENTS..end * COEFFICIENTS].to_vec(),
        }
    }

    /// Appends one frame.
    pub(super) fn push_frame(&mut self, frame: &[f32; COEFFICIENTS]) {
        self.values.extend_from_slice(frame);
    }

    /// Every coefficient brought to zero mean and unit variance over the sequence
    /// (cepstral mean and variance normalization): removes the fixed colouring of a
    /// microphone or a synthetic voice, so two recordings of the same words match.
    pub fn normalized(&self) -> Features {
        let n = self.len();
        if n == 0 {
            return self.clone();
        }
        let mut mean = [0.0f64; COEFFICIENTS];
        let mut square = [0.0f64; COEFFICIENTS];
        for frame in self.values.chunks_exact(COEFFICIENTS) {
            for (c, &v) in frame.iter().enumerate() {
                mean[c] += f64::from(v);
                square[c] += f64::from(v) * f64::from(v);
            }
        }
        let mut scale = [1.0f32; COEFFICIENTS];
        let mut offset = [0.0f32; COEFFICIENTS];
        for c in 0..COEFFICIENTS {
            let m = mean[c] / n as f64;
            let variance = (square[c] / n as f64 - m * m).max(1e-9);
            offset[c] = m as f32;
            scale[c] = (1.0 / variance.sqrt()) as f32;
        }
        let mut values = self.values.clone();
        for frame in values.chunks_exact_mut(COEFFICIENTS) {
            for (c, v) in frame.iter_mut().enumerate() {
                *v = (*v - offset[c]) * scale[c];
            }
        }
        Features { values }
    }

    /// Every frame scaled to unit length (an all-zero frame stays zero): the dot
    /// product of two frames is then the cosine of their angle.
    pub fn unit(&self) -> Features {
        let mut values = self.values.clone();
        for frame in values.chunks_exact_mut(COEFFICIENTS) {
            let norm = frame.iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                frame.iter_mut().for_each(|v| *v /= norm);
            }
        }
        Features { values }
    }

    /// The mean of the `share` of frames with the lowest `c0` (the quietest): what
    /// the recording sounds like when nobody speaks.
    pub fn quietest_mean(&self, share: f32) -> [f32; COEFFICIENTS] {
        let mut mean = [0.0f32; COEFFICIENTS];
        if self.is_empty() {
            return mean;
        }
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_unstable_by(|&a, &b| self.frame(a)[0].total_cmp(&self.frame(b)[0]));
        let take = ((self.len() as f32 * share) as usize).clamp(1, self.len());
        for &i in &order[..take] {
            for (m, v) in mean.iter_mut().zip(self.frame(i)) {
                *m += v / take as f32;
            }
        }
        mean
    }

    /// A copy in which every frame outside the `sounded` ranges is `pause`.
    pub fn with_pauses_as(
        &self,
        sounded: &[Range<usize>],
        pause: &[f32; COEFFICIENTS],
    ) -> Features {
        let mut keep = vec![false; self.len()];
        for range in sounded {
            let end = range.end.min(self.len());
            keep[range.start.min(end)..end].fill(true);
        }
        let mut values = self.values.clone();
        for (frame, keep) in values.chunks_exact_mut(COEFFICIENTS).zip(&keep) {
            if !keep {
                frame.copy_from_slice(pause);
            }
        }
        Features { values }
    }

    /// Every `factor` frames averaged into one (a last partial group too): the
    /// coarser levels of the multiscale search.
    pub fn coarsened(&self, factor: usize) -> Features {
        let factor = factor.max(1);
        let mut values = Vec::with_capacity(self.values.len() / factor + COEFFICIENTS);
        for group in self.values.chunks(factor * COEFFICIENTS) {
            let frames = (group.len() / COEFFICIENTS).max(1) as f32;
            for c in 0..COEFFICIENTS {
                let sum: f32 = group.iter().skip(c).step_by(COEFFICIENTS).sum();
                values.push(sum / frames);
            }
        }
        Features { values }
    }
}

/// The distance between two feature vectors (Euclidean).
pub fn distance(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f32>()
        .sqrt()
}

/// Frame pairs sampled by [`unrelated_distance`].
const RANDOM_PAIRS: usize = 4_096;

/// The median distance between frames of `a` and `b` picked at random (the same
/// picks every time): what a match between unrelated sounds costs. `None` when
/// either is empty.
pub fn unrelated_distance(a: &Features, b: &Features) -> Option<f32> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut distances: Vec<f32> = (0..RANDOM_PAIRS)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let i = (state % a.len() as u64) as usize;
            let j = ((state >> 32) % b.len() as u64) as usize;
            distance(a.frame(i), b.frame(j))
        })
        .collect();
    let middle = distances.len() / 2;
    let (_, median, _) = distances.select_nth_unstable_by(middle, f32::total_cmp);
    Some(*median)
}

/// Computes MFCC features from mono samples pushed in pieces of any size.
pub struct MfccExtractor {
    window: Vec<f32>,
    hop: usize,
    fft: Arc<dyn RealToComplex<f32>>,
    fft_input: Vec<f32>,
    spectrum: Vec<Complex<f32>>,
    scratch: Vec<Complex<f32>>,
    filters: Vec<MelFilter>,
    dct: Vec<[f32; MEL_FILTERS]>,
    pending: Vec<f32>,
    last_sample: f32,
    features: Features,
}

impl std::fmt::Debug for MfccExtractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MfccExtractor")
            .field("window", &self.window.len())
            .field("hop", &self.hop)
            .field("frames", &self.features.len())
            .finish_non_exhaustive()
    }
}

/// One triangular mel filter over FFT bins `first..first + weights.len()`.
#[derive(Debug, Clone)]
struct MelFilter {
    first: usize,
    weights: Vec<f32>,
}

impl MfccExtractor {
    /// An extractor for mono audio at `sample_rate` frames per second.
    pub fn new(sample_rate: u32) -> Self {
        let rate = sample_rate.max(8_000) as usize;
        let window_len = (rate * WINDOW_MS as usize / 1000).max(2);
        let hop = (rate * HOP_MS as usize / 1000).max(1);
        let fft_len = window_len.next_power_of_two();
        let fft = RealFftPlanner::<f32>::new().plan_fft_forward(fft_len);
        let window = (0..window_len)
            .map(|n| {
                let phase = 2.0 * std::f32::consts::PI * n as f32 / (window_len - 1) as f32;
                0.54 - 0.46 * phase.cos()
            })
            .collect();
        MfccExtractor {
            window,
            hop,
            fft_input: fft.make_input_vec(),
            spectrum: fft.make_output_vec(),
            scratch: fft.make_scratch_vec(),
            fft,
            filters: mel_filters(rate as f32, fft_len),
            dct: dct_matrix(),
            pending: Vec::with_capacity(window_len * 4),
            last_sample: 0.0,
            features: Features::default(),
        }
    }

    /// Adds the next mono samples.
    pub fn push(&mut self, samples: &[f32]) {
        for &sample in samples {
            // Pre-emphasis, kept continuous across pieces.
            self.pending.push(sample - PRE_EMPHASIS * self.last_sample);
            self.last_sample = sample;
        }
        let mut start = 0;
        while self.pending.len() - start >= self.window.len() {
            self.analyse(start);
            start += self.hop;
        }
        self.pending.drain(..start);
    }

    /// The features of everything pushed; a last partial window is padded with
    /// silence when at least half of a hop of sound is waiting.
    pub fn finish(mut self) -> Features {
        if self.pending.len() * 2 >= self.hop {
            self.pending.resize(self.window.len(), 0.0);
            self.analyse(0);
        }
        self.features
    }

    /// Computes one frame from `pending[start..start + window]`.
    fn analyse(&mut self, start: usize) {
        let samples = &self.pending[start..start + self.window.len()];
        for ((slot, &s), &w) in self.fft_input.iter_mut().zip(samples).zip(&self.window) {
            *slot = s * w;
        }
        self.fft_input[self.window.len()..].fill(0.0);
        // The lengths come from the plan itself, so this cannot fail.
        let _ = self.fft.process_with_scratch(
            &mut self.fft_input,
            &mut self.spectrum,
            &mut self.scratch,
        );
        let mut log_energies = [0.0f32; MEL_FILTERS];
        for (energy, filter) in log_energies.iter_mut().zip(&self.filters) {
            let sum: f32 = filter
                .weights
                .iter()
                .zip(&self.spectrum[filter.first..])
                .map(|(w, bin)| w * bin.norm_sqr())
                .sum();
            *energy = (sum + ENERGY_FLOOR).ln();
        }
        let mut frame = [0.0f32; COEFFICIENTS];
        for (coefficient, row) in frame.iter_mut().zip(&self.dct) {
            *coefficient = row.iter().zip(&log_energies).map(|(a, b)| a * b).sum();
        }
        self.features.push_frame(&frame);
    }
}

/// Triangular filters spaced evenly on the mel scale from [`MIN_HZ`] to
/// [`MAX_HZ`] (or just under the Nyquist frequency).
fn mel_filters(rate: f32, fft_len: usize) -> Vec<MelFilter> {
    let mel = |hz: f32| 2595.0 * (1.0 + hz / 700.0).log10();
    let hz = |mel: f32| 700.0 * (10f32.powf(mel / 2595.0) - 1.0);
    let top = MAX_HZ.min(rate * 0.45);
    let (low, high) = (mel(MIN_HZ), mel(top));
    let bin_hz = rate / fft_len as f32;
    let edges: Vec<f32> = (0..MEL_FILTERS + 2)
        .map(|k| hz(low + (high - low) * k as f32 / (MEL_FILTERS + 1) as f32) / bin_hz)
        .collect();
    edges
        .windows(3)
        .map(|edge| {
            let (left, centre, right) = (edge[0], edge[1], edge[2]);
            let first = left.ceil() as usize;
            let last = (right.floor() as usize).min(fft_len / 2);
            let weights = (first..=last.max(first))
                .map(|bin| {
                    let b = bin as f32;
                    if b <= centre {
                        (b - left) / (centre - left).max(1e-6)
                    } else {
                        (right - b) / (right - centre).max(1e-6)
                    }
                    .max(0.0)
                })
                .collect();
            MelFilter { first, weights }
        })
        .collect()
}

/// The DCT-II rows that turn log filter energies into cepstral coefficients.
fn dct_matrix() -> Vec<[f32; MEL_FILTERS]> {
    (0..COEFFICIENTS)
        .map(|k| {
            let mut row = [0.0f32; MEL_FILTERS];
            for (n, value) in row.iter_mut().enumerate() {
                let angle = std::f32::consts::PI * k as f32 * (n as f32 + 0.5) / MEL_FILTERS as f32;
                *value = angle.cos() * (2.0 / MEL_FILTERS as f32).sqrt();
            }
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(rate: u32, hz: f32, seconds: f32) -> Vec<f32> {
        (0..(rate as f32 * seconds) as usize)
            .map(|n| 0.3 * (2.0 * std::f32::consts::PI * hz * n as f32 / rate as f32).sin())
            .collect()
    }

    fn features(rate: u32, samples: &[f32], piece: usize) -> Features {
        let mut extractor = MfccExtractor::new(rate);
        for chunk in samples.chunks(piece) {
            extractor.push(chunk);
        }
        extractor.finish()
    }

    #[test]
    fn one_frame_per_hop_whatever_the_pieces() {
        let samples = tone(16_000, 440.0, 1.0);
        let whole = features(16_000, &samples, samples.len());
        let pieces = features(16_000, &samples, 37);
        assert_eq!(whole.len(), 50, "1 s at 20 ms hops, the last window padded");
        assert_eq!(whole, pieces, "pushing in pieces gives the same features");
    }

    #[test]
    fn the_same_sound_at_two_rates_gives_close_features() {
        let a = features(22_050, &tone(22_050, 700.0, 0.5), 4096);
        let b = features(44_100, &tone(44_100, 700.0, 0.5), 4096);
        let c = features(44_100, &tone(44_100, 2_500.0, 0.5), 4096);
        let same = distance(a.frame(10), b.frame(10));
        let other = distance(a.frame(10), c.frame(10));
        assert!(
            same * 4.0 < other,
            "a tone at two rates ({same}) is closer than two tones ({other})"
        );
    }

    #[test]
    fn pauses_take_the_quietest_frames_mean() {
        // c0 of frame i is i: the two quietest of ten are frames 0 and 1.
        let values: Vec<f32> = (0..10)
            .flat_map(|i| (0..COEFFICIENTS).map(move |c| if c == 0 { i as f32 } else { 1.0 }))
            .collect();
        let features = Features::from_values(values);
        let quiet = features.quietest_mean(0.2);
        assert_eq!(quiet[0], 0.5);
        assert_eq!(quiet[1], 1.0);
        let paused = features.with_pauses_as(&[2..5, 8..20], &quiet);
        let c0: Vec<f32> = (0..10).map(|i| paused.frame(i)[0]).collect();
        assert_eq!(c0, vec![0.5, 0.5, 2.0, 3.0, 4.0, 0.5, 0.5, 0.5, 8.0, 9.0]);
    }

    #[test]
    fn normalized_has_zero_mean_and_unit_variance() {
        let values: Vec<f32> = (0..COEFFICIENTS * 50).map(|v| (v % 7) as f32).collect();
        let normalized = Features::from_values(values).normalized();
        for c in 0..COEFFICIENTS {
            let column: Vec<f32> = (0..50).map(|i| normalized.frame(i)[c]).collect();
            let mean = column.iter().sum::<f32>() / 50.0;
            let var = column.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / 50.0;
            assert!(mean.abs() < 1e-4, "mean of c{c} is {mean}");
            assert!((var - 1.0).abs() < 1e-3, "variance of c{c} is {var}");
        }
    }

    #[test]
    fn coarsened_averages_groups() {
        let values: Vec<f32> = (0..5)
            .flat_map(|i| std::iter::repeat_n(i as f32, COEFFICIENTS))
            .collect();
        let coarse = Features::from_values(values).coarsened(2);
        assert_eq!(coarse.len(), 3);
        assert_eq!(coarse.frame(0)[0], 0.5);
        assert_eq!(coarse.frame(2)[5], 4.0, "the last partial group");
    }
}
