//! The moves the second warp may make for nothing after [`super::verify`]'s
//! verdict: passing the synthetic speech of segments the audio does not hold, and
//! waiting, between two segments, through audio no segment was matched to.

use std::ops::Range;

use super::dtw::FreeMoves;
use super::verify::Verdict;

/// The audio kept around each match when finding audio no segment was matched
/// to, as a share of the segment's synthetic length: a long segment's match
/// tends to start late and end early (measured: up to 2 s on 6 s of speech).
pub const MARGIN_SHARE: f32 = 0.4;
/// The least and the most audio kept around a match (0.5 s and 2.5 s).
pub const MARGIN_FRAMES: Range<usize> = 25..125;
/// Audio no segment was matched to counts only from this long (3 s). Shorter
/// stretches between two matches are mostly a slow speaker's speech that the
/// matches missed at their edges, and an ad or a jingle is longer.
pub const MIN_GAP_FRAMES: usize = 150;

/// The free moves after `verdict`, for `segments` (their synthetic frames, in
/// order, out of `columns`) over `rows` audio frames with the given `pauses`
/// (quiet stretches, in audio frames, in order).
///
/// - The synthetic frames of the segments left out are passed for nothing.
/// - Audio far enough from every match (see [`MARGIN_SHARE`]) is waited through
///   for nothing, in the pauses between segments only. After a match, the audio
///   kept ends at the first pause, where its segment stopped speaking: without
///   that, the next segment could take the start of an ad it follows.
pub fn free_moves(
    verdict: &Verdict,
    segments: &[Range<usize>],
    rows: usize,
    columns: usize,
    pauses: &[Range<usize>],
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
                let quiet_from = pauses
                    .iter()
                    .find(|pause| pause.end > at.end)
                    .map_or(usize::MAX, |pause| pause.start);
                let after = quiet_from.saturating_sub(at.end).min(margin);
                let near = at.start.saturating_sub(margin)..(at.end + after).min(rows);
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
    let mut waits = vec![true; columns];
    for frames in segments {
        waits[frames.start.min(columns)..frames.end.min(columns)].fill(false);
    }
    FreeMoves {
        columns: free_columns,
        rows: free_rows,
        waits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn free(rows: &[bool]) -> Vec<usize> {
        (0..rows.len()).filter(|&i| rows[i]).collect()
    }

    #[test]
    fn left_out_text_and_audio_between_matches_are_free() {
        let verdict = vec![Some(0..100), None, Some(500..600)];
        let segments = [0..150, 160..310, 320..470];
        let moves = free_moves(&verdict, &segments, 700, 480, &[]);
        assert_eq!(free(&moves.columns), (160..310).collect::<Vec<_>>());
        // Margins: 0.4 of 150 frames = 60 on each side of each match; nothing
        // after the last match (the warp leaves an outro out itself).
        assert_eq!(free(&moves.rows), (160..440).collect::<Vec<_>>());
        // Waiting is free only in the pauses around the segments.
        let waits: Vec<usize> = [0..0, 150..160, 310..320, 470..480]
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(free(&moves.waits), waits);
    }

    #[test]
    fn the_audio_kept_after_a_match_ends_where_its_speaker_pauses() {
        let verdict = vec![Some(0..100), Some(500..600)];
        let segments = [0..150, 160..310];
        let moves = free_moves(&verdict, &segments, 700, 320, &[110..130, 300..320]);
        // The first match keeps 10 frames after it, up to the pause, not 60.
        assert_eq!(free(&moves.rows), (110..440).collect::<Vec<_>>());
    }

    #[test]
    fn a_short_gap_is_not_free() {
        let verdict = vec![Some(0..100), Some(270..400)];
        let moves = free_moves(&verdict, &[0..50, 50..100], 400, 100, &[]);
        assert!(free(&moves.rows).is_empty(), "{moves:?}");
    }

    #[test]
    fn a_coarse_column_may_be_waited_in_when_any_of_its_frames_may() {
        let moves = FreeMoves {
            columns: vec![false; 8],
            rows: vec![true; 8],
            waits: vec![false, false, false, true, false, false, false, false],
        };
        let coarse = moves.coarsened(4);
        assert_eq!(coarse.waits, [true, false]);
        assert_eq!(coarse.rows, [true, true]);
    }
}
