//! Pauses in speech, found from the audio's loudness: where an untimed transcript's
//! paragraphs most likely begin.
//!
//! [`LoudnessMeter`] takes decoded samples in any number of pieces (so a four-hour
//! episode never has to be in memory at once) and keeps one RMS level per
//! [`HOP_MS`] of audio, in dBFS. [`find_pauses`] then marks as a pause every stretch
//! of at least [`MIN_PAUSE_MS`] quieter than a threshold set from the recording
//! itself: [`SILENCE_BELOW_SPEECH_DB`] under its loud (95th percentile) level,
//! clamped to [[`QUIETEST_THRESHOLD_DB`], [`LOUDEST_THRESHOLD_DB`]] — a quiet
//! recording keeps its pauses and a noisy one does not turn into one long pause.
//! Blips shorter than [`BLIP_MS`] (a click, a breath) do not break a pause.
//!
//! Pure arithmetic, no I/O: the caller decodes.

use earmark_core::transcript::Pause;

/// The loudness is measured over windows of this many milliseconds.
pub const HOP_MS: u64 = 10;
/// The shortest quiet stretch counted as a pause.
pub const MIN_PAUSE_MS: u64 = 250;
/// Louder stretches shorter than this inside a pause do not end it.
pub const BLIP_MS: u64 = 30;
/// The silence threshold sits this far below the recording's loud level.
pub const SILENCE_BELOW_SPEECH_DB: f32 = 30.0;
/// The threshold is never lower than this (very quiet recordings).
pub const QUIETEST_THRESHOLD_DB: f32 = -60.0;
/// The threshold is never higher than this (noisy recordings).
pub const LOUDEST_THRESHOLD_DB: f32 = -30.0;
/// The level given to digital silence.
const FLOOR_DB: f32 = -120.0;

/// The loudness of a recording: one RMS level (dBFS) per [`HOP_MS`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loudness {
    /// One level per window, in dBFS (`-120` for digital silence).
    pub levels_db: Vec<f32>,
}

impl Loudness {
    /// The length of audio measured.
    pub fn duration_ms(&self) -> u64 {
        self.levels_db.len() as u64 * HOP_MS
    }
}

/// Measures loudness from interleaved samples pushed in pieces of any size.
///
/// Window `k` holds frames `k × rate × HOP_MS / 1000` up to the next window's
/// first, so windows stay on the 10 ms grid at rates where 10 ms is not a whole
/// number of frames (22 050 Hz: 220.5): 220-frame windows there would drift by
/// 0.23 %, a quarter of a second after two minutes.
#[derive(Debug, Clone)]
pub struct LoudnessMeter {
    sample_rate: u64,
    channels: u64,
    /// Samples (all channels) in the current window.
    samples_per_hop: usize,
    sum_squares: f64,
    count: usize,
    levels_db: Vec<f32>,
}

impl LoudnessMeter {
    /// A meter for audio at `sample_rate` frames per second with `channels` channels.
    pub fn new(sample_rate: u32, channels: u16) -> Self {
        let mut meter = LoudnessMeter {
            sample_rate: u64::from(sample_rate.max(1)),
            channels: u64::from(channels.max(1)),
            samples_per_hop: 1,
            sum_squares: 0.0,
            count: 0,
            levels_db: Vec::new(),
        };
        meter.samples_per_hop = meter.window_samples(0);
        meter
    }

    /// Samples (all channels) in window `k`, at least one frame.
    fn window_samples(&self, k: u64) -> usize {
        let first_frame = |k: u64| k * self.sample_rate * HOP_MS / 1000;
        let frames = (first_frame(k + 1) - first_frame(k)).max(1);
        usize::try_from(frames * self.channels).unwrap_or(usize::MAX)
    }

    /// Adds the next interleaved samples.
    pub fn push(&mut self, samples: &[f32]) {
        for &sample in samples {
            let s = f64::from(sample);
            self.sum_squares += s * s;
            self.count += 1;
            if self.count == self.samples_per_hop {
                self.close_window();
            }
        }
    }

    /// The levels measured; a last partial window counts when it is at least half full.
    pub fn finish(mut self) -> Loudness {
        if self.count * 2 >= self.samples_per_hop {
            self.close_window();
        }
        Loudness {
            levels_db: self.levels_db,
        }
    }

    fn close_window(&mut self) {
        let mean = self.sum_squares / self.count.max(1) as f64;
        let db = if mean > 0.0 {
            (10.0 * mean.log10()) as f32
        } else {
            FLOOR_DB
        };
        self.levels_db.push(db.max(FLOOR_DB));
        self.sum_squares = 0.0;
        self.count = 0;
        self.samples_per_hop = self.window_samples(self.levels_db.len() as u64);
    }
}

/// The level under which a window counts as quiet, for this recording.
pub fn silence_threshold_db(loudness: &Loudness) -> f32 {
    let mut sorted: Vec<f32> = loudness
        .levels_db
        .iter()
        .copied()
        .filter(|db| db.is_finite())
        .collect();
    if sorted.is_empty() {
        return LOUDEST_THRESHOLD_DB;
    }
    sorted.sort_by(f32::total_cmp);
    let loud = sorted[(sorted.len() - 1) * 95 / 100];
    (loud - SILENCE_BELOW_SPEECH_DB).clamp(QUIETEST_THRESHOLD_DB, LOUDEST_THRESHOLD_DB)
}

/// The pauses in a recording, in order (see the module documentation).
pub fn find_pauses(loudness: &Loudness) -> Vec<Pause> {
    let threshold = silence_threshold_db(loudness);
    let blip = (BLIP_MS / HOP_MS) as usize;
    let mut pauses = Vec::new();
    // Quiet runs, with short loud blips inside them bridged.
    let mut run_start: Option<usize> = None;
    let mut loud_since: Option<usize> = None;
    let levels = &loudness.levels_db;
    let close = |start: usize, end: usize, pauses: &mut Vec<Pause>| {
        let pause = Pause {
            start_ms: start as u64 * HOP_MS,
            end_ms: end as u64 * HOP_MS,
        };
        if pause.len_ms() >= MIN_PAUSE_MS {
            pauses.push(pause);
        }
    };
    for (i, &db) in levels.iter().enumerate() {
        let quiet = db < threshold;
        match (run_start, quiet) {
            (None, true) => {
                run_start = Some(i);
                loud_since = None;
            }
            (Some(_), true) => loud_since = None,
            (Some(start), false) => {
                let since = *loud_since.get_or_insert(i);
                if i + 1 - since > blip {
                    close(start, since, &mut pauses);
                    run_start = None;
                    loud_since = None;
                }
            }
            (None, false) => {}
        }
    }
    if let Some(start) = run_start {
        close(start, loud_since.unwrap_or(levels.len()), &mut pauses);
    }
    pauses
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Levels from a pattern: `#` loud (-12 dB), `.` quiet (-70 dB), one char per hop.
    fn levels(pattern: &str) -> Loudness {
        Loudness {
            levels_db: pattern
                .chars()
                .map(|c| if c == '#' { -12.0 } else { -70.0 })
                .collect(),
        }
    }

    #[test]
    fn meter_measures_rms_per_window() {
        let mut meter = LoudnessMeter::new(1000, 2); // 10 frames of 2 channels per hop
        meter.push(&[0.5; 15]);
        meter.push(&[0.5; 5]);
        meter.push(&[0.0; 20]);
        meter.push(&[0.5; 4]); // under half a window: dropped
        let loudness = meter.finish();
        assert_eq!(loudness.levels_db.len(), 2);
        assert!((loudness.levels_db[0] - (-6.0206)).abs() < 0.01);
        assert_eq!(loudness.levels_db[1], FLOOR_DB);
        assert_eq!(loudness.duration_ms(), 20);
    }

    #[test]
    fn windows_stay_on_the_grid_at_22050_hz() {
        // 60 s of a click every second at 22 050 Hz: each click lands in the window
        // of its own time, however many 220.5-frame steps lie before it.
        let rate = 22_050;
        let mut samples = vec![0.0f32; rate * 60];
        for second in 0..60 {
            samples[second * rate] = 1.0;
        }
        let mut meter = LoudnessMeter::new(rate as u32, 1);
        meter.push(&samples);
        let loudness = meter.finish();
        assert_eq!(loudness.levels_db.len(), 6_000, "one window per 10 ms");
        for second in 0..60 {
            assert!(
                loudness.levels_db[second * 100] > FLOOR_DB,
                "the click at {second} s is in window {}",
                second * 100
            );
        }
    }

    #[test]
    fn pauses_are_long_quiet_runs() {
        let pattern = format!(
            "{}{}{}{}{}",
            "#".repeat(50),
            ".".repeat(40),
            "#".repeat(50),
            ".".repeat(10), // 100 ms: too short
            "#".repeat(50)
        );
        let pauses = find_pauses(&levels(&pattern));
        assert_eq!(
            pauses,
            vec![Pause {
                start_ms: 500,
                end_ms: 900
            }]
        );
    }

    #[test]
    fn a_blip_does_not_split_a_pause() {
        let pattern = format!(
            "{}{}##{}{}",
            "#".repeat(20),
            ".".repeat(20),
            ".".repeat(20),
            "#".repeat(20)
        );
        let pauses = find_pauses(&levels(&pattern));
        assert_eq!(
            pauses,
            vec![Pause {
                start_ms: 200,
                end_ms: 620
            }]
        );
    }

    #[test]
    fn trailing_silence_is_a_pause() {
        let pattern = format!("{}{}", "#".repeat(20), ".".repeat(30));
        assert_eq!(
            find_pauses(&levels(&pattern)),
            vec![Pause {
                start_ms: 200,
                end_ms: 500
            }]
        );
    }

    #[test]
    fn threshold_follows_the_recording() {
        let quiet = Loudness {
            levels_db: vec![-40.0; 100],
        };
        assert_eq!(silence_threshold_db(&quiet), QUIETEST_THRESHOLD_DB);
        let loud = Loudness {
            levels_db: vec![0.0; 100],
        };
        assert_eq!(silence_threshold_db(&loud), LOUDEST_THRESHOLD_DB);
        assert!(find_pauses(&Loudness::default()).is_empty());
    }
}
