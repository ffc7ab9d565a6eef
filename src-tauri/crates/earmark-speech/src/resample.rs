//! Decoded audio to what the recogniser hears: interleaved samples in the file's
//! channels and rate become mono at [`crate::SAMPLE_RATE`].
//!
//! Channels are averaged; the rate is converted by band-limited interpolation (a
//! Hann-windowed sinc, cut off at the lower of the two Nyquist frequencies), in
//! pieces of any size, keeping only the few input samples the filter still needs.

use std::f64::consts::PI;

use earmark_align::downmix::Downmix;

/// Zero crossings of the sinc kept on each side of a sample.
const HALF_TAPS: f64 = 16.0;

/// Converts interleaved audio to mono at another rate, in pieces.
#[derive(Debug, Clone)]
pub struct MonoResampler {
    /// Input samples per output sample.
    step: f64,
    /// The filter's cut-off, as a fraction of the input's Nyquist frequency.
    cutoff: f64,
    /// Half the filter's length, in input samples.
    reach: f64,
    /// Mono input not yet fully used; `history[0]` is input sample `base`.
    history: Vec<f32>,
    base: u64,
    /// The next output sample's index.
    produced: u64,
    /// The channels averaged to mono.
    downmix: Downmix,
}

impl MonoResampler {
    /// A converter from `from_rate` with `channels` interleaved channels to mono at
    /// `to_rate`.
    pub fn new(from_rate: u32, channels: u16, to_rate: u32) -> Self {
        let step = f64::from(from_rate.max(1)) / f64::from(to_rate.max(1));
        let cutoff = (1.0 / step).min(1.0);
        MonoResampler {
            step,
            cutoff,
            reach: HALF_TAPS / cutoff,
            history: Vec::new(),
            base: 0,
            produced: 0,
            downmix: Downmix::new(channels),
        }
    }

    /// Adds interleaved samples and appends the mono output they complete to `out`.
    pub fn push(&mut self, samples: &[f32], out: &mut Vec<f32>) {
        self.downmix.push(samples, &mut self.history);
        self.produce(out, false);
    }

    /// Ends the input (as if followed by silence) and appends the last output; push
    /// nothing after it.
    pub fn finish(&mut self, out: &mut Vec<f32>) {
        self.produce(out, true);
    }

    fn produce(&mut self, out: &mut Vec<f32>, last: bool) {
        let available = self.base + self.history.len() as u64;
        loop {
            let centre = self.produced as f64 * self.step;
            if last {
                if centre >= available as f64 {
                    break;
                }
            } else if centre + self.reach >= available as f64 {
                break;
            }
            out.push(self.sample_at(centre));
            self.produced += 1;
        }
        // Drop what no later output can reach.
        let next = self.produced as f64 * self.step;
        let keep_from = (next - self.reach).floor().max(0.0) as u64;
        if keep_from > self.base {
            let drop = ((keep_from - self.base) as usize).min(self.history.len());
            self.history.drain(..drop);
            self.base += drop as u64;
        }
    }

    /// The band-limited value of the input at (fractional) input index `centre`.
    fn sample_at(&self, centre: f64) -> f32 {
        if self.step == 1.0 {
            let i = centre as u64 - self.base;
            return self.history.get(i as usize).copied().unwrap_or(0.0);
        }
        let first = (centre - self.reach).ceil().max(self.base as f64) as u64;
        let last = (centre + self.reach).floor() as u64;
        let mut sum = 0.0;
        for k in first..=last {
            let Some(&x) = self.history.get((k - self.base) as usize) else {
                break;
            };
            let distance = centre - k as f64;
            let window = 0.5 + 0.5 * (PI * distance / self.reach).cos();
            sum += f64::from(x) * self.cutoff * sinc(self.cutoff * distance) * window;
        }
        sum as f32
    }
}

fn sinc(x: f64) -> f64 {
    if x.abs() < 1e-9 {
        1.0
    } else {
        (PI * x).sin() / (PI * x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(rate: u32, hz: f64, seconds: f64) -> Vec<f32> {
        let n = (f64::from(rate) * seconds) as usize;
        (0..n)
            .map(|i| (2.0 * PI * hz * i as f64 / f64::from(rate)).sin() as f32 * 0.5)
            .collect()
    }

    fn run(input: &[f32], from: u32, channels: u16, piece: usize) -> Vec<f32> {
        let mut resampler = MonoResampler::new(from, channels, 16_000);
        let mut out = Vec::new();
        for part in input.chunks(piece) {
            resampler.push(part, &mut out);
        }
        resampler.finish(&mut out);
        out
    }

    #[test]
    fn a_tone_keeps_its_pitch_level_and_length() {
        let out = run(&tone(44_100, 440.0, 1.0), 44_100, 1, 1000);
        assert!(
            (out.len() as i64 - 16_000).abs() <= 1,
            "{} samples",
            out.len()
        );
        let expected = tone(16_000, 440.0, 1.0);
        // Away from the edges the output is the same tone sampled at 16 kHz.
        let worst = out[200..15_800]
            .iter()
            .zip(&expected[200..15_800])
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 0.01, "largest difference {worst}");
    }

    #[test]
    fn tones_above_the_new_nyquist_are_removed() {
        let out = run(&tone(48_000, 12_000.0, 0.5), 48_000, 1, 777);
        let loudest = out[200..7_800].iter().map(|x| x.abs()).fold(0.0, f32::max);
        assert!(loudest < 0.02, "a 12 kHz tone leaks through at {loudest}");
    }

    #[test]
    fn stereo_is_averaged_and_pieces_may_split_frames() {
        let left = tone(16_000, 300.0, 0.25);
        let interleaved: Vec<f32> = left.iter().flat_map(|&x| [x, x * 0.5]).collect();
        let out = run(&interleaved, 16_000, 2, 333);
        assert_eq!(out.len(), left.len());
        for (o, l) in out.iter().zip(&left) {
            assert!((o - l * 0.75).abs() < 1e-6);
        }
    }
}
