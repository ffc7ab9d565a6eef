//! Boundaries moved onto where the voice starts and stops.
//!
//! The warping path places a segment's first sound to within a frame or two, but
//! its frames are 20 ms long and a soft onset (an "h", a "w") can pull it either
//! way. The loudness levels ([`earmark_core::transcript::pauses`], one per 10 ms) know
//! better: an *onset* is a 10 ms window at least [`ABOVE_FLOOR_DB`] louder than
//! the local noise floor after at least [`QUIET_MS`] below that; an *offset* is
//! the mirror image. A start moves to the nearest onset within [`SNAP_MS`], an end
//! to the nearest offset. Pinned starts never move. Afterwards starts are made
//! non-decreasing and each end lies between its start and the next start.
//!
//! (The pauses of [`earmark_core::transcript::pauses`] were tried first: their threshold
//! is set for the whole recording, 30 dB under its loud level, and their ends sat
//! 50–300 ms after soft onsets.)

use crate::loudness::{Loudness, HOP_MS as LEVEL_MS};

/// How far a boundary may move.
pub const SNAP_MS: u64 = 250;
/// An onset is this much louder than the local noise floor.
pub const ABOVE_FLOOR_DB: f32 = 12.0;
/// The quiet needed before an onset (or after an offset).
pub const QUIET_MS: u64 = 100;
/// The noise floor is measured this far on either side of a boundary.
const FLOOR_SPAN_MS: u64 = 1_500;
/// The noise floor is this percentile of the levels around the boundary.
const FLOOR_PERCENTILE: usize = 10;

/// A segment's times while they are being settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Start, in milliseconds.
    pub start_ms: u64,
    /// End, in milliseconds.
    pub end_ms: u64,
    /// A pin: the start stays as it is.
    pub pinned: bool,
}

/// Snaps `bounds` (in order) to the onsets and offsets in `loudness`, then puts
/// them in order.
pub fn snap_to_speech(bounds: &mut [Bounds], loudness: &Loudness) {
    snap_within(bounds, loudness, SNAP_MS);
}

/// [`snap_to_speech`] with boundaries moving up to `reach_ms` (a speech recogniser's
/// line starts can sit further from the voice than the warp's).
pub fn snap_within(bounds: &mut [Bounds], loudness: &Loudness, reach_ms: u64) {
    let levels = &loudness.levels_db;
    for b in bounds.iter_mut() {
        if !b.pinned {
            if let Some(onset) = nearest(levels, b.start_ms, Edge::Onset, reach_ms) {
                b.start_ms = onset;
            }
        }
        if let Some(offset) = nearest(levels, b.end_ms, Edge::Offset, reach_ms) {
            b.end_ms = offset;
        }
    }
    settle(bounds);
}

/// Starts made non-decreasing (pins win over the segments around them), each end
/// kept between its own start and the next start.
pub fn settle(bounds: &mut [Bounds]) {
    // A pinned start holds back the unpinned starts before it...
    let mut limit = u64::MAX;
    for b in bounds.iter_mut().rev() {
        if b.pinned {
            limit = b.start_ms;
        } else {
            b.start_ms = b.start_ms.min(limit);
            limit = b.start_ms;
        }
    }
    // ...and pushes forward those after it.
    let mut floor = 0;
    for b in bounds.iter_mut() {
        b.start_ms = b.start_ms.max(floor);
        floor = b.start_ms;
    }
    let starts: Vec<u64> = bounds.iter().map(|b| b.start_ms).collect();
    for (k, b) in bounds.iter_mut().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(u64::MAX);
        b.end_ms = b.end_ms.min(next).max(b.start_ms);
    }
}

/// Which edge of speech is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// Quiet, then sound: a start.
    Onset,
    /// Sound, then quiet: an end.
    Offset,
}

/// The onset or offset nearest `at_ms` within `reach_ms`, in milliseconds.
fn nearest(levels: &[f32], at_ms: u64, edge: Edge, reach_ms: u64) -> Option<u64> {
    let window = |ms: u64| usize::try_from(ms / LEVEL_MS).unwrap_or(usize::MAX);
    let at = window(at_ms);
    let quiet = window(QUIET_MS).max(1);
    let threshold = noise_floor(levels, at, window(FLOOR_SPAN_MS))? + ABOVE_FLOOR_DB;
    let loud = |w: usize| levels.get(w).is_some_and(|&db| db >= threshold);
    let is_edge = |w: usize| match edge {
        // Window w is the first loud one after a quiet stretch.
        Edge::Onset => w >= quiet && loud(w) && (w - quiet..w).all(|q| !loud(q)),
        // Window w is the first quiet one after sound, and quiet follows.
        Edge::Offset => {
            w >= 1 && loud(w - 1) && w + quiet <= levels.len() && (w..w + quiet).all(|q| !loud(q))
        }
    };
    let reach = window(reach_ms);
    (at.saturating_sub(reach)..=at + reach)
        .filter(|&w| is_edge(w))
        .min_by_key(|&w| w.abs_diff(at))
        .map(|w| w as u64 * LEVEL_MS)
}

/// The local noise floor around window `at`: a low percentile of the levels.
fn noise_floor(levels: &[f32], at: usize, span: usize) -> Option<f32> {
    let from = at.saturating_sub(span).min(levels.len());
    let to = (at + span).min(levels.len());
    let mut around: Vec<f32> = levels[from..to].to_vec();
    if around.is_empty() {
        return None;
    }
    let k = (around.len() - 1) * FLOOR_PERCENTILE / 100;
    let (_, floor, _) = around.select_nth_unstable_by(k, f32::total_cmp);
    Some(*floor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(start_ms: u64, end_ms: u64) -> Bounds {
        Bounds {
            start_ms,
            end_ms,
            pinned: false,
        }
    }

    /// Levels from a pattern, one char per 10 ms: `.` noise (-54 dB), `-` a soft
    /// onset (-40 dB), `#` speech (-15 dB).
    fn loudness(pattern: &str) -> Loudness {
        Loudness {
            levels_db: pattern
                .chars()
                .map(|c| match c {
                    '#' => -15.0,
                    '-' => -40.0,
                    _ => -54.0,
                })
                .collect(),
        }
    }

    #[test]
    fn starts_and_ends_move_to_the_voice() {
        // Speech 0-1 s, quiet 1-1.6 s, a soft onset at 1.6 s, speech 1.64-3 s.
        let pattern = format!(
            "{}{}----{}{}",
            "#".repeat(100),
            ".".repeat(60),
            "#".repeat(136),
            ".".repeat(100)
        );
        let levels = loudness(&pattern);
        let mut b = [bounds(0, 1_150), bounds(1_760, 2_600)];
        snap_to_speech(&mut b, &levels);
        assert_eq!(
            b[0].end_ms, 1_000,
            "the end moves back to where the voice stops"
        );
        assert_eq!(b[1].start_ms, 1_600, "the start moves to the soft onset");
        assert_eq!(b[1].end_ms, 2_600, "no offset within reach: kept");
    }

    #[test]
    fn pins_do_not_move_and_order_is_kept() {
        let levels = loudness(&format!("{}{}", ".".repeat(100), "#".repeat(200)));
        let mut b = [
            bounds(0, 1_400),
            Bounds {
                start_ms: 1_100,
                end_ms: 1_200,
                pinned: true,
            },
            bounds(700, 2_000),
        ];
        snap_to_speech(&mut b, &levels);
        assert_eq!(
            b[1].start_ms, 1_100,
            "the pin stays although speech starts at 1 s"
        );
        assert_eq!(b[0].end_ms, 1_100, "an end never passes the next start");
        assert_eq!(
            b[2].start_ms, 1_100,
            "a start never goes before a pinned one"
        );
    }
}
