//! The moves the second warp may make for nothing after [`super::verify`]'s
//! verdict: passing the synthetic speech of segments the audio does not hold, and
//! waiting, between two segments, through audio no segment was matched to.

use std::ops::Range;

use super::dtw::{FreeMoves, Gap};
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
/// - Audio between two matches and far enough from both (see [`MARGIN_SHARE`])
///   is waited through for nothing, in the pauses between the segments of those
///   two matches only: not before them, which would let a short line said
///   before an ad be moved to the ad's end. After a match, the audio kept ends
///   at the first pause, where its segment stopped speaking: without that, the
///   next segment could take the start of an ad it follows.
pub fn free_moves(
    verdict: &Verdict,
    segments: &[Range<usize>],
    rows: usize,
    columns: usize,
    pauses: &[Range<usize>],
) -> FreeMoves {
    let mut free_columns = vec![false; columns];
    for (found, frames) in verdict.iter().zip(segments) {
        if found.is_none() {
            free_columns[frames.start.min(columns)..frames.end.min(columns)].fill(true);
        }
    }
    // Each match with the segments it covers (a group's members share one).
    let mut matches: Vec<(Range<usize>, &Range<usize>)> = Vec::new();
    for (k, found) in verdict.iter().enumerate() {
        match (found, matches.last_mut()) {
            (Some(at), Some((members, last))) if *last == at && members.end == k => {
                members.end = k + 1;
            }
            (Some(at), _) => matches.push((k..k + 1, at)),
            (None, _) => {}
        }
    }
    let margin = |members: &Range<usize>| {
        segments[members.clone()]
            .iter()
            .map(|frames| {
                ((frames.len() as f32 * MARGIN_SHARE) as usize)
                    .clamp(MARGIN_FRAMES.start, MARGIN_FRAMES.end)
            })
            .max()
            .unwrap_or(MARGIN_FRAMES.start)
    };
    // Only between two matches: the warp leaves out an intro or an outro itself.
    let mut free_rows = vec![0; rows];
    let mut waits = vec![0; columns];
    for pair in matches.windows(2) {
        let ((before, at_before), (after, at_after)) = (&pair[0], &pair[1]);
        let quiet_from = pauses
            .iter()
            .find(|pause| pause.end > at_before.end)
            .map_or(usize::MAX, |pause| pause.start);
        let kept = quiet_from.saturating_sub(at_before.end).min(margin(before));
        let from = (at_before.end + kept).min(rows);
        let to = at_after.start.saturating_sub(margin(after)).min(rows);
        if to < from + MIN_GAP_FRAMES {
            continue;
        }
        let gap = after.start as Gap + 1;
        free_rows[from..to].fill(gap);
        // The pauses from the first segment of the match before to the last of
        // the match after: a group's match places its members only roughly.
        let between =
            segments[before.start].end.min(columns)..segments[after.end - 1].start.min(columns);
        waits[between.clone()].fill(gap);
        for frames in &segments[before.start + 1..after.end - 1] {
            waits[frames.start.clamp(between.start, between.end)
                ..frames.end.clamp(between.start, between.end)]
                .fill(0);
        }
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

    fn free(columns: &[bool]) -> Vec<usize> {
        (0..columns.len()).filter(|&i| columns[i]).collect()
    }

    fn in_gap(frames: &[Gap], gap: Gap) -> Vec<usize> {
        (0..frames.len()).filter(|&i| frames[i] == gap).collect()
    }

    #[test]
    fn left_out_text_and_audio_between_matches_are_free() {
        let verdict = vec![Some(0..100), None, Some(500..600)];
        let segments = [0..150, 160..310, 320..470];
        let moves = free_moves(&verdict, &segments, 700, 480, &[]);
        assert_eq!(free(&moves.columns), (160..310).collect::<Vec<_>>());
        // Margins: 0.4 of 150 frames = 60 on each side of each match; nothing
        // after the last match (the warp leaves an outro out itself). The gap
        // is numbered after the segment that follows it.
        assert_eq!(in_gap(&moves.rows, 3), (160..440).collect::<Vec<_>>());
        assert_eq!(in_gap(&moves.rows, 0).len(), 700 - 280);
        // Waiting is free only in the pauses between the two matched segments.
        let waits: Vec<usize> = [150..160, 310..320].into_iter().flatten().collect();
        assert_eq!(in_gap(&moves.waits, 3), waits);
        assert_eq!(in_gap(&moves.waits, 0).len(), 480 - 20);
    }

    #[test]
    fn audio_between_two_matches_is_waited_through_only_between_those_two() {
        // A short line matched right after the first line, an ad, then the
        // next line: the ad may be waited through after the short line, not
        // before it (which would move the short line to the ad's end).
        let verdict = vec![Some(0..100), Some(110..150), Some(900..1_000)];
        let segments = [0..100, 110..150, 160..260];
        let moves = free_moves(&verdict, &segments, 1_000, 270, &[]);
        assert!(in_gap(&moves.waits, 2).is_empty(), "{:?}", moves.waits);
        assert_eq!(in_gap(&moves.waits, 3), (150..160).collect::<Vec<_>>());
        assert_eq!(in_gap(&moves.rows, 3), (175..860).collect::<Vec<_>>());
    }

    #[test]
    fn the_audio_kept_after_a_match_ends_where_its_speaker_pauses() {
        let verdict = vec![Some(0..100), Some(500..600)];
        let segments = [0..150, 160..310];
        let moves = free_moves(&verdict, &segments, 700, 320, &[110..130, 300..320]);
        // The first match keeps 10 frames after it, up to the pause, not 60.
        assert_eq!(in_gap(&moves.rows, 2), (110..440).collect::<Vec<_>>());
    }

    #[test]
    fn a_short_gap_is_not_free() {
        let verdict = vec![Some(0..100), Some(270..400)];
        let moves = free_moves(&verdict, &[0..50, 50..100], 400, 100, &[]);
        assert!(moves.is_empty(), "{moves:?}");
    }

    #[test]
    fn a_coarse_column_may_be_waited_in_when_any_of_its_frames_may() {
        let moves = FreeMoves {
            columns: vec![false; 8],
            rows: vec![0, 0, 0, 0, 2, 2, 2, 1],
            waits: vec![0, 0, 0, 2, 0, 0, 0, 0],
        };
        let coarse = moves.coarsened(4);
        assert_eq!(coarse.waits, [2, 0]);
        // A coarse row is free when all of its frames are, in one gap.
        assert_eq!(coarse.rows, [0, 0]);
        assert_eq!(moves.coarsened(2).rows, [0, 0, 2, 0]);
    }
}
