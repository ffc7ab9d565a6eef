//! Multiscale warping: the whole grid at a coarse scale, then finer and finer
//! scales inside a narrow band around the coarser path (FastDTW's scheme).
//!
//! The top scale averages [`FACTOR`]`^k` frames into one, with `k` the smallest
//! that brings both sides under [`TOP_FRAMES`] frames, and warps the full grid
//! there: an untranscribed intro or an inserted ad of any length can be skipped,
//! where a fixed band around the diagonal (aeneas' "stripe") would have to be as
//! wide as the longest mismatch. Each finer scale looks only [`RADIUS`] frames
//! (of that scale) around the path above it, so two hours at 20 ms cost a few
//! tens of millions of cells and as many bytes.
//!
//! A top scale of a second or more per frame says little about the words: one
//! synthetic voice against several real ones, averaged over whole words, mostly
//! shows where the pauses are. Measured on a two-hour episode, its path strayed
//! up to 37 s for twenty minutes. So when the top scale is that coarse
//! ([`WIDE_FROM_FACTOR`]), the scale under it looks [`WIDE_RADIUS_MS`] around
//! the path instead of [`RADIUS`] frames.

use std::sync::atomic::AtomicBool;

use super::dtw::{warp, Band, Cell, Ends, FreeMoves};
use super::features::{unrelated_distance, Features, HOP_MS};
use super::AlignError;

/// Each scale is this many times coarser than the one below.
pub const FACTOR: usize = 4;
/// The top scale has at most this many frames on either side.
pub const TOP_FRAMES: usize = 5_000;
/// How far around the coarser path each finer scale looks, in its own frames.
pub const RADIUS: usize = 16;
/// A top scale averaging this many frames or more is only trusted to within
/// [`WIDE_RADIUS_MS`].
pub const WIDE_FROM_FACTOR: usize = 64;
/// How far around a coarse top scale's path the scale under it looks.
pub const WIDE_RADIUS_MS: u64 = 60_000;

/// The warping path between `audio` (rows) and `synth` (columns) at full
/// resolution, with the distance of each cell. Rows left out at the `ends` cost,
/// at each scale, the distance between unrelated frames of that scale; the
/// `free` moves (given at full resolution) cost nothing. `progress` gets the
/// fraction of the work done.
pub fn multiscale_warp(
    audio: &Features,
    synth: &Features,
    ends: Ends,
    free: &FreeMoves,
    progress: &mut dyn FnMut(f32),
    cancel: &AtomicBool,
) -> Result<Vec<(Cell, f32)>, AlignError> {
    let mut levels = vec![(audio.clone(), synth.clone())];
    while let Some((rows, columns)) = levels.last() {
        if rows.len().max(columns.len()) <= TOP_FRAMES {
            break;
        }
        let coarser = (rows.coarsened(FACTOR), columns.coarsened(FACTOR));
        levels.push(coarser);
    }
    // Work is counted in rows warped; the top scale counts its whole grid.
    let total: usize = levels
        .iter()
        .map(|(rows, _)| rows.len())
        .sum::<usize>()
        .max(1);
    let mut done = 0usize;
    let mut path: Vec<(Cell, f32)> = Vec::new();
    for (level, (rows, columns)) in levels.iter().enumerate().rev() {
        let band = if level + 1 == levels.len() {
            Band::full(rows.len(), columns.len())
        } else {
            let cells: Vec<Cell> = path.iter().map(|(cell, _)| *cell).collect();
            let top_factor = FACTOR.pow((levels.len() - 1) as u32);
            let radius = if level + 2 == levels.len() && top_factor >= WIDE_FROM_FACTOR {
                let frame_ms = HOP_MS as usize * FACTOR.pow(level as u32);
                RADIUS.max(WIDE_RADIUS_MS as usize / frame_ms)
            } else {
                RADIUS
            };
            Band::around(&cells, FACTOR, rows.len(), columns.len(), radius)
        };
        let skip_cost = unrelated_distance(rows, columns).unwrap_or(0.0);
        let free = free.coarsened(FACTOR.pow(level as u32));
        path = warp(rows, columns, &band, ends, skip_cost, &free, cancel)?;
        done += rows.len();
        progress(done as f32 / total as f32);
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::super::features::COEFFICIENTS;
    use super::*;

    /// A pseudo-random value for `(a, b)` in 0..1.
    fn noise(a: usize, b: usize) -> f32 {
        let mut x = (a as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (b as u64 + 1);
        x ^= x >> 29;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x ^= x >> 32;
        (x % 10_000) as f32 / 10_000.0
    }

    /// A sequence whose frame `i` is a pattern for token `tokens[i]`: half of the
    /// coefficients change with every token, half only every 50 tokens (as speech
    /// has fast sounds and slower words), so coarser scales still see structure.
    fn sequence(tokens: &[usize]) -> Features {
        Features::from_values(
            tokens
                .iter()
                .flat_map(|&t| {
                    (0..COEFFICIENTS).map(move |c| {
                        if c % 2 == 0 {
                            noise(t, c)
                        } else {
                            3.0 * noise(t / 50 + 1_000_000, c)
                        }
                    })
                })
                .collect(),
        )
    }

    #[test]
    fn a_stretched_copy_is_found_after_an_intro() {
        // The synthetic side: 3,000 distinct-ish tokens in slow runs.
        let synth_tokens: Vec<usize> = (0..6_000).map(|i| i / 2).collect();
        // The episode: 2,000 frames of something else, then the same tokens each
        // held 1.5 times as long.
        let mut audio_tokens: Vec<usize> = vec![100_000; 2_000];
        audio_tokens.extend((0..9_000).map(|i| i / 3));
        let audio = sequence(&audio_tokens);
        let synth = sequence(&synth_tokens);
        let ends = Ends {
            skip_start: true,
            skip_end: true,
            open_end: false,
        };
        let mut reported = Vec::new();
        let never = AtomicBool::new(false);
        let path = multiscale_warp(
            &audio,
            &synth,
            ends,
            &FreeMoves::default(),
            &mut |f| reported.push(f),
            &never,
        )
        .expect("not cancelled");
        // The intro waits on a few synthetic frames.
        let during_intro = path
            .iter()
            .filter(|((row, _), _)| *row == 1_990)
            .map(|((_, c), _)| *c)
            .max();
        assert!(
            during_intro < Some(10),
            "the intro waits near the start: {during_intro:?}"
        );
        // Synthetic frame 2k (token k) must land on episode frame 2000 + 3k.. +3k+2.
        for &((row, column), _) in path.iter().filter(|((_, c), _)| c % 500 == 0 && *c > 0) {
            let token = synth_tokens[column];
            let expected = 2_000 + 3 * token;
            assert!(
                row + 3 >= expected && row <= expected + 5,
                "synthetic frame {column} (token {token}) on episode frame {row}, expected ~{expected}"
            );
        }
        assert!(reported.len() >= 2, "progress per scale: {reported:?}");
        assert_eq!(reported.last(), Some(&1.0), "progress ends at 1");
    }

    #[test]
    fn cancel_stops_the_search() {
        let audio = sequence(&(0..20_000).collect::<Vec<_>>());
        let cancel = AtomicBool::new(true);
        let ends = Ends {
            skip_start: false,
            skip_end: false,
            open_end: false,
        };
        let result = multiscale_warp(
            &audio,
            &audio,
            ends,
            &FreeMoves::default(),
            &mut |_| {},
            &cancel,
        );
        assert_eq!(result, Err(AlignError::Cancelled));
    }
}
