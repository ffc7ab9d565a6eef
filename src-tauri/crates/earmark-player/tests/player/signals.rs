//! Test signals written to WAV files, and the measurements that read them back out of
//! captured audio.
//!
//! The main signal encodes media time in its loudness: a 1 kHz tone at 8 kHz whose
//! amplitude climbs linearly over [`RAMP_SECONDS`] and starts again. A time-stretch
//! keeps a signal's local loudness and pitch, so the loudness of any 10 ms of output
//! says which media moment it came from (modulo the ramp), independently of the clock.

use std::f32::consts::PI;
use std::path::Path;

/// Rate of the generated files.
pub const RATE: u32 = 8_000;
/// The carrier: exactly 8 samples per period at [`RATE`].
const CARRIER_HZ: f32 = 1_000.0;
/// Length of one loudness ramp.
pub const RAMP_SECONDS: f64 = 8.0;
/// Amplitude at the bottom and the top of the ramp.
const LOW: f64 = 0.05;
const HIGH: f64 = 0.85;
/// Output frames per measurement window (10 ms, ten carrier periods).
pub const WINDOW: usize = 80;

/// Writes mono 16-bit `samples` at `rate` to `path`.
pub fn write_wav(path: &Path, rate: u32, samples: impl IntoIterator<Item = f32>) {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(path, spec).expect("create wav");
    for s in samples {
        let v = (s.clamp(-1.0, 1.0) * f32::from(i16::MAX)).round() as i16;
        writer.write_sample(v).expect("write sample");
    }
    writer.finalize().expect("finalize wav");
}

/// Sample `n` of a 1 kHz carrier at 8 kHz, never exactly zero (phase π/8).
fn carrier(n: u64) -> f32 {
    (2.0 * PI * CARRIER_HZ * (n % 8) as f32 / RATE as f32 + PI / 8.0).sin()
}

/// The ramp signal, `seconds` long.
pub fn ramp(seconds: u64) -> impl Iterator<Item = f32> {
    (0..seconds * u64::from(RATE)).map(|n| {
        let t = n as f64 / f64::from(RATE);
        let phase = (t % RAMP_SECONDS) / RAMP_SECONDS;
        ((LOW + (HIGH - LOW) * phase) as f32) * carrier(n)
    })
}

/// A steady tone of `amplitude`, `ms` long, starting at sample `from`.
pub fn tone(from: u64, ms: u64, amplitude: f32) -> impl Iterator<Item = f32> {
    let n = ms * u64::from(RATE) / 1000;
    (from..from + n).map(move |i| amplitude * carrier(i))
}

/// Root mean square of `samples`.
pub fn rms(samples: &[f32]) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    (samples
        .iter()
        .map(|&s| f64::from(s) * f64::from(s))
        .sum::<f64>()
        / samples.len() as f64)
        .sqrt()
}

/// The media moment (seconds into the ramp, `0..RAMP_SECONDS`) a window of captured
/// ramp output comes from; `None` for silence.
pub fn ramp_position(window: &[f32]) -> Option<f64> {
    let amplitude = rms(window) * std::f64::consts::SQRT_2;
    if amplitude < LOW * 0.5 {
        return None;
    }
    Some(((amplitude - LOW) / (HIGH - LOW)).clamp(0.0, 1.0) * RAMP_SECONDS)
}

/// `x` wrapped into `-RAMP_SECONDS/2 .. RAMP_SECONDS/2`.
pub fn wrap(x: f64) -> f64 {
    (x + RAMP_SECONDS / 2.0).rem_euclid(RAMP_SECONDS) - RAMP_SECONDS / 2.0
}

/// The frequency between `lo` and `hi` Hz (1 Hz steps) with the most energy in
/// `samples` at `rate`: a direct DFT at each candidate, enough for one tone.
pub fn dominant_frequency(samples: &[f32], rate: u32, lo: u32, hi: u32) -> u32 {
    let energy = |f: u32| {
        let w = 2.0 * std::f64::consts::PI * f64::from(f) / f64::from(rate);
        let (mut re, mut im) = (0.0f64, 0.0f64);
        for (n, &s) in samples.iter().enumerate() {
            let (sin, cos) = (w * n as f64).sin_cos();
            re += f64::from(s) * cos;
            im += f64::from(s) * sin;
        }
        re * re + im * im
    };
    (lo..=hi)
        .max_by(|&a, &b| energy(a).total_cmp(&energy(b)))
        .unwrap_or(lo)
}

/// A sine of `hz` at [`RATE`], `seconds` long.
pub fn sine(hz: f32, seconds: u64, amplitude: f32) -> impl Iterator<Item = f32> {
    (0..seconds * u64::from(RATE))
        .map(move |n| amplitude * (2.0 * PI * hz * n as f32 / RATE as f32).sin())
}

/// Least-squares line through `(x, y)` points: `(intercept, slope)`.
pub fn fit_line(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let slope = sxy / sxx;
    (my - slope * mx, slope)
}
