//! Dynamic time warping inside a band: the cheapest monotone path that pairs
//! every frame of the episode (rows) with a frame of the synthetic speech
//! (columns), looking only at the cells of a [`Band`].
//!
//! Steps are the classic three — diagonal, down (the episode advances, the
//! synthetic speech waits) and right — each costing the distance of the cell it
//! reaches. Audio the text does not hold (an ad) becomes a long way down, which
//! [`super::mismatch`] reports.
//!
//! The path may leave out rows at the start and at the end ([`Ends`]), each left
//! out row costing a fixed `skip_cost` — the typical distance between unrelated
//! frames — so an untranscribed intro or outro is skipped, while speech that
//! matches the text is always cheaper to keep. (Leaving them out for free was
//! tried: the cheapest path then squeezed the whole text into a few seconds of
//! audio, since a shorter path sums fewer distances.)
//!
//! Memory: one byte per cell of the band, plus two rows of costs.

use std::sync::atomic::{AtomicBool, Ordering};

use super::features::{distance, Features};
use super::AlignError;

/// A cell of the warping path: (episode frame, synthetic frame).
pub type Cell = (usize, usize);

/// The columns each row may use, `lo..hi`; both ends never decrease row to row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    ranges: Vec<(usize, usize)>,
    columns: usize,
}

impl Band {
    /// Every cell of a `rows` × `columns` grid.
    pub fn full(rows: usize, columns: usize) -> Band {
        Band {
            ranges: vec![(0, columns); rows],
            columns,
        }
    }

    /// The band of a grid `factor` times finer than the one `path` crosses: the
    /// cells under the path, widened by `radius` cells in every direction.
    pub fn around(
        path: &[Cell],
        factor: usize,
        rows: usize,
        columns: usize,
        radius: usize,
    ) -> Band {
        let mut under = vec![(usize::MAX, 0usize); rows];
        for &(row, column) in path {
            let lo = column * factor;
            let hi = ((column + 1) * factor).min(columns);
            let fine = (row * factor).min(rows)..((row + 1) * factor).min(rows);
            for range in &mut under[fine] {
                *range = (range.0.min(lo), range.1.max(hi));
            }
        }
        // Rows the path did not reach (past its end) take the last row's range.
        let mut last = (0, 1.min(columns));
        for range in &mut under {
            if range.0 == usize::MAX {
                *range = last;
            }
            last = *range;
        }
        let ranges = (0..rows)
            .map(|row| {
                let lo = under[row.saturating_sub(radius)].0.saturating_sub(radius);
                let hi = under[(row + radius).min(rows - 1)].1 + radius;
                (lo, hi.min(columns))
            })
            .collect();
        Band { ranges, columns }
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.ranges.len()
    }
}

/// Whether the path may leave out rows before its start or after its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ends {
    /// Rows before the path may be left out.
    pub skip_start: bool,
    /// Rows after the path may be left out.
    pub skip_end: bool,
    /// The text is known to stop before the audio does (a transcript its page cut
    /// off): rows after the path cost [`OPEN_END_SKIP`] of the usual skip, so the
    /// rest of the audio is left out rather than waited through on the last line.
    pub open_end: bool,
}

/// What leaving out a row after the path costs, as a share of the usual skip, when
/// the text is known to stop early ([`Ends::open_end`]). Unrelated speech waited
/// through costs about the whole skip; the text's own speech far less.
pub const OPEN_END_SKIP: f32 = 0.6;

/// Moves the path may make for nothing: passing the synthetic frames of text the
/// audio does not hold, and waiting through audio no text was matched to (both
/// found by [`super::verify`], made into moves by [`super::free`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FreeMoves {
    /// Columns entered from the left at no cost; missing entries are not free.
    pub columns: Vec<bool>,
    /// Rows entered from above at no cost: each free row carries the number of
    /// the gap between two matches it lies in (0: not free), and is free only in
    /// the [`Self::waits`] columns of that gap; missing entries are not free.
    pub rows: Vec<Gap>,
    /// The columns in which free rows may be waited through, and for which gap:
    /// the pauses between the segments of the two matches on either side of that
    /// audio, so audio no text was matched to is passed between those lines,
    /// never inside one, and never before a line that was matched before it (0:
    /// none; missing entries are none).
    pub waits: Vec<Gap>,
}

/// The number of a gap between two matches in [`FreeMoves`]; 0 is no gap.
pub type Gap = u32;

impl FreeMoves {
    /// True when no move is free.
    pub fn is_empty(&self) -> bool {
        !self.columns.iter().any(|&free| free) && self.rows.iter().all(|&gap| gap == 0)
    }

    /// The moves of a grid `factor` times coarser: a coarse frame is free when
    /// every frame in it is, in the same gap, and a coarse column may be waited
    /// in when any of its frames may (a pause can be shorter than a coarse frame).
    pub fn coarsened(&self, factor: usize) -> FreeMoves {
        let factor = factor.max(1);
        FreeMoves {
            columns: self
                .columns
                .chunks(factor)
                .map(|group| group.iter().all(|&free| free))
                .collect(),
            rows: self
                .rows
                .chunks(factor)
                .map(|group| {
                    let gap = group[0];
                    if group.iter().all(|&g| g == gap) {
                        gap
                    } else {
                        0
                    }
                })
                .collect(),
            waits: self
                .waits
                .chunks(factor)
                .map(|group| group.iter().copied().find(|&g| g != 0).unwrap_or(0))
                .collect(),
        }
    }

    fn column(&self, j: usize) -> bool {
        self.columns.get(j).copied().unwrap_or(false)
    }

    fn wait(&self, i: usize, j: usize) -> bool {
        let gap = self.rows.get(i).copied().unwrap_or(0);
        gap != 0 && self.waits.get(j) == Some(&gap)
    }
}

/// How the path reached a cell.
const FROM_DIAGONAL: u8 = 0;
const FROM_ABOVE: u8 = 1;
const FROM_LEFT: u8 = 2;
const START: u8 = 3;
const UNREACHED: u8 = 4;

/// The cheapest path through `band` from the first to the last column, with the
/// distance of each of its cells. `rows` are the episode's features, `columns`
/// the synthetic speech's; each row left out at the `ends` costs `skip_cost`;
/// the `free` moves cost nothing.
pub fn warp(
    rows: &Features,
    columns: &Features,
    band: &Band,
    ends: Ends,
    skip_cost: f32,
    free: &FreeMoves,
    cancel: &AtomicBool,
) -> Result<Vec<(Cell, f32)>, AlignError> {
    let n = band.rows().min(rows.len());
    let m = band.columns.min(columns.len());
    if n == 0 || m == 0 {
        return Ok(Vec::new());
    }
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0usize);
    for &(lo, hi) in &band.ranges[..n] {
        offsets.push(offsets[offsets.len() - 1] + hi.min(m).saturating_sub(lo));
    }
    let mut steps = vec![UNREACHED; offsets[n]];
    let mut previous = vec![f32::INFINITY; m];
    let mut current = vec![f32::INFINITY; m];
    let mut previous_range = (0, 0);
    let end_skip = if ends.open_end {
        skip_cost * OPEN_END_SKIP
    } else {
        skip_cost
    };
    // The cheapest way to finish from a row of the last column: (cost, row).
    let mut end: Option<(f32, usize)> = None;
    for i in 0..n {
        if i % 256 == 0 && cancel.load(Ordering::Relaxed) {
            return Err(AlignError::Cancelled);
        }
        let (lo, hi) = (band.ranges[i].0, band.ranges[i].1.min(m));
        let row_steps = &mut steps[offsets[i]..offsets[i + 1]];
        let above = |j: usize| {
            if (previous_range.0..previous_range.1).contains(&j) {
                previous[j]
            } else {
                f32::INFINITY
            }
        };
        let frame = rows.frame(i);
        for j in lo..hi {
            let d = distance(frame, columns.frame(j));
            let skipped = if ends.skip_start {
                i as f32 * skip_cost
            } else {
                f32::INFINITY
            };
            let (best, step) = if j == 0 && (i == 0 || skipped <= above(0)) {
                (if i == 0 { d } else { skipped + d }, START)
            } else {
                let diagonal = if j > 0 { above(j - 1) } else { f32::INFINITY } + d;
                let up = above(j) + if free.wait(i, j) { 0.0 } else { d };
                let left = if j > lo {
                    current[j - 1]
                } else {
                    f32::INFINITY
                } + if free.column(j) { 0.0 } else { d };
                if diagonal <= up && diagonal <= left {
                    (diagonal, FROM_DIAGONAL)
                } else if up <= left {
                    (up, FROM_ABOVE)
                } else {
                    (left, FROM_LEFT)
                }
            };
            current[j] = best;
            row_steps[j - lo] = if best.is_finite() { step } else { UNREACHED };
        }
        if (lo..hi).contains(&(m - 1)) && (ends.skip_end || i == n - 1) {
            let total = current[m - 1] + (n - 1 - i) as f32 * end_skip;
            if total.is_finite() && end.is_none_or(|(best, _)| total < best) {
                end = Some((total, i));
            }
        }
        std::mem::swap(&mut previous, &mut current);
        previous_range = (lo, hi);
    }
    let Some((_, end_row)) = end else {
        return Ok(Vec::new());
    };
    let mut path = Vec::with_capacity(n + m);
    let (mut i, mut j) = (end_row, m - 1);
    loop {
        let lo = band.ranges[i].0;
        if j < lo || j >= band.ranges[i].1.min(m) {
            break;
        }
        path.push(((i, j), distance(rows.frame(i), columns.frame(j))));
        match steps[offsets[i] + j - lo] {
            FROM_DIAGONAL if i > 0 && j > 0 => (i, j) = (i - 1, j - 1),
            FROM_ABOVE if i > 0 => i -= 1,
            FROM_LEFT if j > 0 => j -= 1,
            _ => break,
        }
    }
    path.reverse();
    Ok(path)
}
