//! Where text and audio do not match: a confidence per segment, and the stretches
//! of audio that no text was matched to.
//!
//! - **Confidence** is the product of scores in 0..1. The *length* score falls
//!   when the segment's audio holds far less voice ([`voiced_ms`]) than its
//!   synthetic speech lasts, relative to the episode's own pace
//!   ([`SQUEEZED_BELOW`]..[`FULL_LENGTH_FROM`]): a paragraph that was never
//!   spoken is squeezed into a few frames, or into the pause next to it; and when
//!   it holds far more ([`STRETCHED_FROM`]..[`STRETCHED_TO`]): audio the text
//!   lacks.
//!   The *match* score compares the mean distance along the warping path inside
//!   the segment with the segments' median (1) and with a distance well past that
//!   between unrelated frames (0). It is mild on purpose: measured, the voice
//!   matters more than the words (segments of a voice close to the synthetic one
//!   cost 2.5–3, others 3.5–4.7, unrelated frames 5). The caller multiplies in
//!   the share of the segment outside unmatched audio. A segment below
//!   [`FLAG_BELOW`] is flagged.
//! - **Unmatched audio** is where the path goes (almost) straight down for a long
//!   time — the synthetic speech advances less than [`SLOW_PERCENT`] % as fast as
//!   the episode over [`SLOW_WINDOW_MS`] — while the episode goes on: an inserted
//!   ad, a music bed, an untranscribed intro. Stretches shorter
//!   than [`MIN_UNMATCHED_MS`], or mostly quiet (a long pause is not a mismatch),
//!   are not reported.

use serde::{Deserialize, Serialize};

use super::dtw::Cell;
use super::features::{unrelated_distance, Features, HOP_MS};
use super::snap::Bounds;
use crate::loudness::{Loudness, HOP_MS as LEVEL_MS};
use earmark_core::transcript::Pause;

/// Segments whose confidence is below this are flagged.
pub const FLAG_BELOW: f32 = 0.5;
/// The indexes of the segments flagged by their confidence (under [`FLAG_BELOW`]).
pub fn flagged_indexes(confidence: &[f32]) -> Vec<usize> {
    confidence
        .iter()
        .enumerate()
        .filter(|(_, &c)| c < FLAG_BELOW)
        .map(|(k, _)| k)
        .collect()
}

/// A segment that got at most this fraction of its expected length scores 0.
pub const SQUEEZED_BELOW: f32 = 0.2;
/// A segment that got at least this fraction of its expected length scores 1.
pub const FULL_LENGTH_FROM: f32 = 0.55;
/// A segment that got more than this multiple of its expected length scores less.
pub const STRETCHED_FROM: f32 = 2.5;
/// A segment that got this multiple of its expected length or more scores 0.
pub const STRETCHED_TO: f32 = 5.0;
/// The shortest stretch of unmatched audio reported.
pub const MIN_UNMATCHED_MS: u64 = 2_000;
/// The span of audio over which the path's progress is judged.
pub const SLOW_WINDOW_MS: u64 = 1_000;
/// Over that span, synthetic speech advancing less than this share (in percent)
/// of the audio is unmatched audio.
pub const SLOW_PERCENT: usize = 20;

/// A stretch of the episode, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stretch {
    /// Where it starts.
    pub start_ms: u64,
    /// Where it ends.
    pub end_ms: u64,
}

/// What a typical and a bad match cost, measured on this episode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostScale {
    /// The median of the segments' mean distances along the path.
    pub good: f32,
    /// The median distance between unrelated frames.
    pub unrelated: f32,
}

impl CostScale {
    /// Measures the scale from the segments' mean path distances and the two
    /// feature sequences.
    pub fn measure(segment_costs: &[f32], audio: &Features, synth: &Features) -> CostScale {
        let good = median(segment_costs.to_vec()).unwrap_or(0.0);
        let unrelated = unrelated_distance(audio, synth)
            .unwrap_or(good + 1.0)
            .max(good + 1e-3);
        CostScale { good, unrelated }
    }

    /// The match score of a mean path distance: 1 up to `good`, 0.5 at
    /// `unrelated`, 0 as far past it.
    pub fn score(&self, mean_cost: f32) -> f32 {
        let zero = 2.0 * self.unrelated - self.good;
        ((zero - mean_cost) / (zero - self.good)).clamp(0.0, 1.0)
    }
}

/// The length score: `got` frames of audio where the pace predicts `expected`.
pub fn length_score(got: f32, expected: f32) -> f32 {
    if expected <= 0.0 {
        return 0.0;
    }
    let share = got / expected;
    let squeezed = (share - SQUEEZED_BELOW) / (FULL_LENGTH_FROM - SQUEEZED_BELOW);
    let stretched = (STRETCHED_TO - share) / (STRETCHED_TO - STRETCHED_FROM);
    squeezed.min(stretched).clamp(0.0, 1.0)
}

/// Stretches of audio the path passes without matching text: where, over
/// [`SLOW_WINDOW_MS`] of audio, the synthetic speech advanced less than
/// [`SLOW_PERCENT`] % of that, and the rows the path left out before its start
/// and after its end (runs closer than a quarter of the minimum merged). `offset`
/// is the frame where the path's rows start, `rows` how many rows there were.
pub fn unmatched_stretches(
    path: &[(Cell, f32)],
    offset: usize,
    rows: usize,
    pauses: &[Pause],
) -> Vec<Stretch> {
    // The furthest column reached on each row.
    let mut column_at: Vec<usize> = Vec::new();
    for &((row, column), _) in path {
        if row >= column_at.len() {
            column_at.resize(row + 1, column);
        }
        column_at[row] = column_at[row].max(column);
    }
    let window = (SLOW_WINDOW_MS / HOP_MS) as usize;
    let first_row = path.first().map_or(rows, |((row, _), _)| *row);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for start in first_row..column_at.len().saturating_sub(window) {
        if (column_at[start + window] - column_at[start]) * 100 < window * SLOW_PERCENT {
            match runs.last_mut() {
                Some(run) if run.1 >= start => run.1 = start + window,
                _ => runs.push((start, start + window)),
            }
        }
    }
    // A run's edges stop where the path stops advancing.
    for run in &mut runs {
        while run.0 + 1 < run.1 && column_at[run.0 + 1] > column_at[run.0] {
            run.0 += 1;
        }
        while run.1 - 1 > run.0 + 1 && column_at[run.1 - 1] > column_at[run.1 - 2] {
            run.1 -= 1;
        }
    }
    runs.insert(0, (0, first_row));
    runs.push((column_at.len(), rows));
    let merge_gap = (MIN_UNMATCHED_MS / HOP_MS / 4) as usize;
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in runs.into_iter().filter(|(from, to)| to > from) {
        match merged.last_mut() {
            Some(previous) if from <= previous.1 + merge_gap => previous.1 = previous.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
        .into_iter()
        .map(|(from, to)| Stretch {
            start_ms: (offset + from) as u64 * HOP_MS,
            end_ms: (offset + to) as u64 * HOP_MS,
        })
        .filter(|s| s.end_ms - s.start_ms >= MIN_UNMATCHED_MS && !mostly_quiet(s, pauses))
        .collect()
}

/// Segments moved out of unmatched audio: a start inside a stretch moves to its
/// end (the text's speech comes after the intro or the ad), an end inside one
/// moves to its start. Pinned starts stay.
pub fn keep_out_of_unmatched(bounds: &mut [Bounds], unmatched: &[Stretch]) {
    for b in bounds.iter_mut() {
        for stretch in unmatched {
            let inside = |ms: u64| (stretch.start_ms..stretch.end_ms).contains(&ms);
            if inside(b.start_ms) && !b.pinned {
                b.start_ms = stretch.end_ms;
            }
            if inside(b.end_ms) && stretch.start_ms >= b.start_ms {
                b.end_ms = stretch.start_ms;
            }
        }
        b.end_ms = b.end_ms.max(b.start_ms);
    }
}

/// How much of `start_ms..end_ms` is voice: the 10 ms windows at or above
/// `loud_from` dB, in milliseconds.
pub fn voiced_ms(loudness: &Loudness, loud_from: f32, start_ms: u64, end_ms: u64) -> u64 {
    let window = |ms: u64| usize::try_from(ms / LEVEL_MS).unwrap_or(usize::MAX);
    let levels = &loudness.levels_db;
    let range = window(start_ms).min(levels.len())..window(end_ms).min(levels.len());
    levels[range].iter().filter(|&&db| db >= loud_from).count() as u64 * LEVEL_MS
}

/// True when pauses cover at least half of the stretch.
fn mostly_quiet(stretch: &Stretch, pauses: &[Pause]) -> bool {
    let quiet: u64 = pauses
        .iter()
        .map(|p| {
            p.end_ms
                .min(stretch.end_ms)
                .saturating_sub(p.start_ms.max(stretch.start_ms))
        })
        .sum();
    quiet * 2 >= stretch.end_ms - stretch.start_ms
}

/// The median of `values`, `None` when empty.
pub fn median(mut values: Vec<f32>) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    let middle = values.len() / 2;
    let (_, value, _) = values.select_nth_unstable_by(middle, f32::total_cmp);
    Some(*value)
}

/// The share of `start..end` outside the unmatched stretches (1 for an empty span).
pub fn matched_share(start_ms: u64, end_ms: u64, unmatched: &[Stretch]) -> f32 {
    let length = end_ms.saturating_sub(start_ms);
    if length == 0 {
        return 1.0;
    }
    let covered: u64 = unmatched
        .iter()
        .map(|s| {
            s.end_ms
                .min(end_ms)
                .saturating_sub(s.start_ms.max(start_ms))
        })
        .sum();
    1.0 - (covered.min(length) as f32 / length as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(cells: &[(usize, usize)]) -> Vec<(Cell, f32)> {
        cells.iter().map(|&c| (c, 0.0)).collect()
    }

    #[test]
    fn a_long_stay_on_one_column_is_unmatched_audio() {
        // Diagonal for 100 frames, then 300 frames (6 s) on column 100, then diagonal.
        let mut cells: Vec<(usize, usize)> = (0..100).map(|i| (i, i)).collect();
        cells.extend((100..400).map(|i| (i, 100)));
        cells.extend((400..500).map(|i| (i, i - 299)));
        let stretches = unmatched_stretches(&path(&cells), 50, 500, &[]);
        assert_eq!(
            stretches,
            vec![Stretch {
                start_ms: 3_000,
                end_ms: 9_000
            }]
        );
    }

    #[test]
    fn a_quiet_stay_or_a_short_one_is_not() {
        let mut cells: Vec<(usize, usize)> = (0..100).map(|i| (i, i)).collect();
        cells.extend((100..400).map(|i| (i, 100)));
        cells.extend((400..450).map(|i| (i, 101)));
        let pause = Pause {
            start_ms: 2_000,
            end_ms: 7_000,
        };
        assert!(unmatched_stretches(&path(&cells), 0, 450, &[pause]).is_empty());
        let short: Vec<(usize, usize)> = (0..90).map(|i| (i, i / 40)).collect();
        assert!(unmatched_stretches(&path(&short), 0, 90, &[]).is_empty());
    }

    #[test]
    fn rows_left_out_at_the_ends_are_unmatched() {
        let cells: Vec<(usize, usize)> = (200..300).map(|i| (i, i - 200)).collect();
        assert_eq!(
            unmatched_stretches(&path(&cells), 0, 301, &[]),
            vec![Stretch {
                start_ms: 0,
                end_ms: 4_000
            }]
        );
    }

    #[test]
    fn segments_are_moved_out_of_unmatched_audio() {
        let stretch = Stretch {
            start_ms: 1_000,
            end_ms: 9_000,
        };
        let mut b = [
            Bounds {
                start_ms: 0,
                end_ms: 3_000,
                pinned: false,
            },
            Bounds {
                start_ms: 2_000,
                end_ms: 12_000,
                pinned: false,
            },
            Bounds {
                start_ms: 5_000,
                end_ms: 12_000,
                pinned: true,
            },
        ];
        keep_out_of_unmatched(&mut b, &[stretch]);
        assert_eq!(
            (b[0].start_ms, b[0].end_ms),
            (0, 1_000),
            "an end before the ad"
        );
        assert_eq!(
            (b[1].start_ms, b[1].end_ms),
            (9_000, 12_000),
            "a start after it"
        );
        assert_eq!(b[2].start_ms, 5_000, "a pin stays");
    }

    #[test]
    fn voice_is_counted_from_the_levels() {
        let loudness = Loudness {
            levels_db: vec![-60.0, -10.0, -10.0, -60.0, -10.0],
        };
        assert_eq!(voiced_ms(&loudness, -30.0, 0, 50), 30);
        assert_eq!(voiced_ms(&loudness, -30.0, 20, 40), 10);
        assert_eq!(voiced_ms(&loudness, -30.0, 40, 900), 10, "past the end");
    }

    #[test]
    fn segments_under_the_threshold_are_flagged() {
        assert_eq!(flagged_indexes(&[0.9, 0.49, 0.5, 0.1]), vec![1, 3]);
        assert!(flagged_indexes(&[]).is_empty());
    }

    #[test]
    fn scores() {
        let scale = CostScale {
            good: 2.0,
            unrelated: 6.0,
        };
        assert_eq!(scale.score(1.0), 1.0);
        assert_eq!(scale.score(6.0), 0.5);
        assert_eq!(scale.score(10.0), 0.0);
        assert_eq!(length_score(10.0, 100.0), 0.0);
        assert_eq!(length_score(80.0, 100.0), 1.0);
        assert_eq!(length_score(250.0, 100.0), 1.0);
        assert_eq!(length_score(375.0, 100.0), 0.5);
        assert_eq!(length_score(0.0, 0.0), 0.0);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
    }
}
