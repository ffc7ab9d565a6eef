//! A second look at the warp: which segments are spoken, and where.
//!
//! The warp ([`super::multiscale`]) must pair every frame of the text with the
//! audio. When a paragraph was never spoken and a human voice is far from the
//! synthetic one, shifting every line after it onto its neighbour's audio costs
//! it less than squeezing the paragraph, so lines land seconds off and nothing
//! is flagged. This step judges each segment on its own instead:
//!
//! 1. Each segment's synthetic speech is slid over the audio from [`WINDOW_FRAMES`]
//!    before to [`WINDOW_FRAMES`] after where the warp put it (subsequence
//!    warping, slopes ½ to 2, every step weighted by the frames it spans so a
//!    match is neither rewarded for being short nor for being long). Frames are
//!    compared by cosine distance: measured on recorded voices against espeak-ng,
//!    it told the right paragraph's audio from the others' far better than the
//!    Euclidean distance the warp uses (AUC 0.99 against 0.85), though it places
//!    boundaries less sharply.
//! 2. A match is worth `frames × (threshold − mean distance)`, the threshold
//!    [`THRESHOLD_SHARE`] of the segment's median match over its window: each
//!    segment is measured against the audio around it, so a voice far from the
//!    synthetic one is not held to a close voice's standard.
//! 3. A monotone choice (dynamic programming over the segments in order) keeps
//!    the matches worth most in total, each segment matched once or left out,
//!    none overlapping. A segment left out is one the audio does not hold.
//!
//! The caller uses the verdict to warp again: the segments left out cost nothing
//! to pass, and the audio no segment was matched to costs nothing to wait
//! through (see [`super::dtw::FreeMoves`]).

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use super::dtw::FreeMoves;
use super::features::Features;
use super::mismatch::median;
use super::AlignError;

/// How far around the warp's placement each segment is looked for (15 s).
pub const WINDOW_FRAMES: usize = 750;
/// A match counts when its mean distance is under this share of the segment's
/// median match over its window.
pub const THRESHOLD_SHARE: f32 = 0.9;

/// Segments shorter than this (2 s of synthetic speech) are too short to judge:
/// a few words match too little to outweigh their neighbours' loose edges, and
/// can match an ad's words as well as their own. They are never left out, and
/// both where they matched and where the warp put them count as theirs, unless
/// the warp stretched them over more than [`MAX_STRETCH`] times their length
/// (then it put them over audio that is not theirs, such as an ad).
pub const MIN_JUDGED_FRAMES: usize = 100;
/// The most audio a segment's placement by the warp can plausibly span, in
/// multiples of its synthetic length.
pub const MAX_STRETCH: usize = 3;

/// Where each segment's speech was found, in audio frames; `None` for a segment
/// the audio does not hold.
pub type Verdict = Vec<Option<Range<usize>>>;

/// Judges `segments` (their synthetic frames, in order) against `audio`, each
/// looked for around `placed` (the audio frames the warp gave it). Both feature
/// sequences must be normalized; they are compared by cosine distance.
pub fn verify(
    audio: &Features,
    synth: &Features,
    segments: &[Range<usize>],
    placed: &[Range<usize>],
    cancel: &AtomicBool,
) -> Result<Verdict, AlignError> {
    let audio = audio.unit();
    let synth = synth.unit();
    let n = audio.len();
    let mut windows: Vec<Range<usize>> = Vec::with_capacity(segments.len());
    for at in placed {
        let previous = windows.last().cloned().unwrap_or(0..0);
        let start = at.start.saturating_sub(WINDOW_FRAMES).max(previous.start);
        let end = (at.end + WINDOW_FRAMES).min(n).max(previous.end).max(start);
        windows.push(start..end);
    }
    let mut table = Table::default();
    for (frames, window) in segments.iter().zip(&windows) {
        if cancel.load(Ordering::Relaxed) {
            return Err(AlignError::Cancelled);
        }
        let columns = synth.slice(frames.start, frames.end);
        let matches = slide(&audio.slice(window.start, window.end), &columns);
        table.add(window.clone(), &matches, columns.len());
    }
    let mut verdict = table.best();
    for ((found, frames), at) in verdict.iter_mut().zip(segments).zip(placed) {
        if frames.len() < MIN_JUDGED_FRAMES {
            let plausible = at.len() <= frames.len() * MAX_STRETCH;
            *found = Some(match found {
                Some(there) if plausible => there.start.min(at.start)..there.end.max(at.end),
                Some(there) => there.clone(),
                None => at.clone(),
            });
        }
    }
    Ok(verdict)
}

/// The best match of a segment ending at one audio frame.
#[derive(Debug, Clone, Copy)]
struct Match {
    mean: f32,
    start: usize,
}

/// Subsequence warping of `columns` over `rows`, steps (1,1), (1,2) and (2,1),
/// each costing the distance of the cell it reaches times the frames it spans;
/// for every end row, the best match's mean distance per spanned frame and its
/// start row.
fn slide(rows: &Features, columns: &Features) -> Vec<Option<Match>> {
    let (n, m) = (rows.len(), columns.len());
    if m == 0 {
        return vec![None; n];
    }
    // Three rows of (cost, start row), the oldest first.
    let mut cost = [
        vec![f32::INFINITY; m],
        vec![f32::INFINITY; m],
        vec![f32::INFINITY; m],
    ];
    let mut start = [vec![0usize; m], vec![0usize; m], vec![0usize; m]];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        cost.rotate_left(1);
        start.rotate_left(1);
        let frame = rows.frame(i);
        for j in 0..m {
            let d = 1.0 - dot(frame, columns.frame(j));
            let (best, from) = if j == 0 {
                (2.0 * d, i)
            } else {
                let mut best = (f32::INFINITY, 0);
                let mut consider = |c: f32, s: usize| {
                    if c < best.0 {
                        best = (c, s);
                    }
                };
                if i > 0 {
                    consider(cost[1][j - 1] + 2.0 * d, start[1][j - 1]);
                    if j > 1 {
                        consider(cost[1][j - 2] + 3.0 * d, start[1][j - 2]);
                    }
                }
                if i > 1 {
                    consider(cost[0][j - 1] + 3.0 * d, start[0][j - 1]);
                }
                best
            };
            cost[2][j] = best;
            start[2][j] = from;
        }
        let end = cost[2][m - 1];
        out.push(end.is_finite().then(|| Match {
            mean: end / (i + 1 - start[2][m - 1] + m) as f32,
            start: start[2][m - 1],
        }));
    }
    out
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// How the best total at an audio frame was reached, for one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// The segment is left out; the total is the previous segment's.
    LeftOut,
    /// The same total as one frame earlier.
    Earlier,
    /// The segment matched, ending at this frame, from this start.
    Matched(usize),
}

/// The dynamic programme: for each segment in order and each audio frame of its
/// window, the best total value of the segments so far using audio up to that
/// frame. Windows never move back, so past a window's end a segment's total is
/// the one at its end, and before its start the previous segment's.
#[derive(Debug, Default)]
struct Table {
    windows: Vec<Range<usize>>,
    totals: Vec<Vec<f32>>,
    choices: Vec<Vec<Choice>>,
}

impl Table {
    /// The best total of segments `..=k` using audio up to frame `frame`.
    fn total(&self, k: Option<usize>, frame: usize) -> f32 {
        let mut k = k;
        while let Some(segment) = k {
            let window = &self.windows[segment];
            if window.is_empty() {
                k = segment.checked_sub(1);
                continue;
            }
            if frame >= window.end {
                return self.totals[segment].last().copied().unwrap_or(0.0);
            }
            if frame >= window.start {
                return self.totals[segment][frame - window.start];
            }
            k = segment.checked_sub(1);
        }
        0.0
    }

    /// Adds the next segment, with its matches over `window` and its length.
    fn add(&mut self, window: Range<usize>, matches: &[Option<Match>], frames: usize) {
        let k = self.windows.len();
        let previous = k.checked_sub(1);
        let threshold = median(matches.iter().flatten().map(|m| m.mean).collect())
            .map_or(0.0, |m| THRESHOLD_SHARE * m);
        let mut totals = Vec::with_capacity(window.len());
        let mut choices = Vec::with_capacity(window.len());
        for (offset, found) in matches.iter().enumerate().take(window.len()) {
            let frame = window.start + offset;
            let mut best = (self.total(previous, frame), Choice::LeftOut);
            if let Some(&earlier) = totals.last() {
                if earlier > best.0 {
                    best = (earlier, Choice::Earlier);
                }
            }
            if let Some(found) = found {
                let from = window.start + found.start;
                let before = from.checked_sub(1).map_or(0.0, |f| self.total(previous, f));
                let value = before + frames as f32 * (threshold - found.mean);
                if value > best.0 {
                    best = (value, Choice::Matched(from));
                }
            }
            totals.push(best.0);
            choices.push(best.1);
        }
        self.windows.push(window);
        self.totals.push(totals);
        self.choices.push(choices);
    }

    /// Reads the chosen matches back, last segment first.
    fn best(&self) -> Verdict {
        let mut verdict = vec![None; self.windows.len()];
        // The last audio frame the segments still to read may use.
        let mut limit = Some(usize::MAX);
        for k in (0..self.windows.len()).rev() {
            let window = &self.windows[k];
            let Some(last) = limit else { break };
            if window.is_empty() || last < window.start {
                continue;
            }
            let mut frame = last.min(window.end - 1);
            loop {
                match self.choices[k][frame - window.start] {
                    Choice::Earlier if frame > window.start => frame -= 1,
                    Choice::Matched(from) => {
                        verdict[k] = Some(from..frame + 1);
                        limit = from.checked_sub(1);
                        break;
                    }
                    _ => {
                        limit = Some(frame);
                        break;
                    }
                }
            }
        }
        verdict
    }
}

/// The audio kept around each match when finding audio no segment was matched
/// to, as a share of the segment's synthetic length: a long segment's match
/// tends to start late and end early (measured: up to 2 s on 6 s of speech).
pub const MARGIN_SHARE: f32 = 0.4;
/// The least and the most audio kept around a match (0.5 s and 2.5 s).
pub const MARGIN_FRAMES: Range<usize> = 25..125;
/// Audio no segment was matched to counts only from this long (1 s).
pub const MIN_GAP_FRAMES: usize = 50;

/// The moves a second warp may make for nothing after `verdict`: passing the
/// synthetic frames of segments left out, and waiting through audio (`rows`
/// frames) far enough from every match (see [`MARGIN_SHARE`]).
pub fn free_moves(
    verdict: &Verdict,
    segments: &[Range<usize>],
    rows: usize,
    columns: usize,
) -> FreeMoves {
    let mut free_columns = vec![false; columns];
    // Only between two matches: the warp leaves out an intro or an outro itself.
    let first = verdict
        .iter()
        .flatten()
        .map(|at| at.start)
        .min()
        .unwrap_or(rows);
    let last = verdict.iter().flatten().map(|at| at.end).max().unwrap_or(0);
    let mut free_rows: Vec<bool> = (0..rows).map(|i| i >= first && i < last).collect();
    for (found, frames) in verdict.iter().zip(segments) {
        match found {
            Some(at) => {
                let margin = ((frames.len() as f32 * MARGIN_SHARE) as usize)
                    .clamp(MARGIN_FRAMES.start, MARGIN_FRAMES.end);
                let near = at.start.saturating_sub(margin)..(at.end + margin).min(rows);
                free_rows[near].fill(false);
            }
            None => free_columns[frames.start.min(columns)..frames.end.min(columns)].fill(true),
        }
    }
    let mut start = 0;
    while start < rows {
        let end = (start..rows)
            .find(|&i| free_rows[i] != free_rows[start])
            .unwrap_or(rows);
        if free_rows[start] && end - start < MIN_GAP_FRAMES {
            free_rows[start..end].fill(false);
        }
        start = end;
    }
    FreeMoves {
        columns: free_columns,
        rows: free_rows,
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::COEFFICIENTS;
    use super::*;

    /// Frames for `tokens`: each token a fixed direction, so different tokens
    /// are far apart by cosine distance.
    fn frames(tokens: impl Iterator<Item = usize>) -> Features {
        Features::from_values(
            tokens
                .flat_map(|t| {
                    (0..COEFFICIENTS).map(move |c| ((t * 31 + c * 17) as f32 * 1.7).sin())
                })
                .collect(),
        )
    }

    /// A segment of `length` frames, each token held for two frames.
    fn segment(first_token: usize, length: usize) -> Vec<usize> {
        (0..length).map(|i| first_token + i / 2).collect()
    }

    #[test]
    fn a_segment_the_audio_lacks_is_left_out_and_the_others_are_found() {
        let (a, b, c) = (segment(0, 150), segment(1_000, 150), segment(2_000, 150));
        let synth = frames(a.iter().chain(&b).chain(&c).copied());
        // The audio: A, then C a little slower; B was never spoken.
        let slower: Vec<usize> = (0..180).map(|i| c[i * 150 / 180]).collect();
        let audio = frames(a.iter().chain(&slower).copied());
        let segments = [0..150, 150..300, 300..450];
        // The warp's placements: B squeezed between A and C, C shifted.
        let placed = [0..140, 140..160, 160..330];
        let verdict = verify(&audio, &synth, &segments, &placed, &AtomicBool::new(false))
            .expect("not cancelled");
        let found_a = verdict[0].clone().expect("A is found");
        let found_c = verdict[2].clone().expect("C is found");
        assert!(found_a.start <= 2 && found_a.end >= 145, "A: {found_a:?}");
        assert_eq!(verdict[1], None, "B is left out");
        assert!(
            found_c.start.abs_diff(150) <= 3 && found_c.end >= 325,
            "C: {found_c:?}"
        );
    }

    #[test]
    fn cancel_stops_the_look() {
        let audio = frames(0..400);
        let cancel = AtomicBool::new(true);
        let halves = [0..200, 200..400];
        let result = verify(&audio, &audio, &halves, &halves, &cancel);
        assert_eq!(result, Err(AlignError::Cancelled));
    }

    #[test]
    fn left_out_text_and_audio_between_matches_are_free() {
        let verdict = vec![Some(0..100), None, Some(400..500)];
        let segments = [0..150, 150..300, 300..450];
        let free = free_moves(&verdict, &segments, 600, 450);
        let free_columns: Vec<usize> = (0..450).filter(|&j| free.columns[j]).collect();
        assert_eq!(free_columns, (150..300).collect::<Vec<_>>());
        // Margins: 0.4 of 150 frames = 60 on each side of each match; nothing
        // after the last match (the warp leaves an outro out itself).
        let free_rows: Vec<usize> = (0..600).filter(|&i| free.rows[i]).collect();
        assert_eq!(free_rows, (160..340).collect::<Vec<_>>());
    }

    #[test]
    fn a_short_gap_is_not_free() {
        let verdict = vec![Some(0..100), Some(170..300)];
        let free = free_moves(&verdict, &[0..50, 50..100], 300, 100);
        assert!(free.is_empty(), "{free:?}");
    }
}
