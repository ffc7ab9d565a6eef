//! Where the desktop's Next and Previous go in an episode: the next or previous
//! chapter, or the skip distances when it has no chapters (an episode is one track;
//! Earmark does not jump to another episode from a media key).

/// A press of Previous this far into a chapter goes back to its start; closer to it,
/// to the chapter before (as a music player's Previous restarts a track).
const RESTART_WITHIN_MS: u64 = 3_000;
/// A chapter starting this soon after the position is the one just jumped to, not the
/// next.
const AT_START_MS: u64 = 500;

/// Where Next goes from `position_ms`: the next chapter's start (`None` after the last
/// one), else `forward_ms` on, never past `duration_ms` (when known).
pub fn next_ms(starts: &[u64], position_ms: u64, forward_ms: u64, duration_ms: u64) -> Option<u64> {
    if !starts.is_empty() {
        return starts
            .iter()
            .copied()
            .find(|&start| start > position_ms + AT_START_MS);
    }
    let target = position_ms.saturating_add(forward_ms);
    Some(if duration_ms > 0 {
        target.min(duration_ms)
    } else {
        target
    })
}

/// Where Previous goes from `position_ms`: the start of the chapter it is in (or of the
/// one before, within its first seconds), else `back_ms` back.
pub fn previous_ms(starts: &[u64], position_ms: u64, back_ms: u64) -> u64 {
    if starts.is_empty() {
        return position_ms.saturating_sub(back_ms);
    }
    let current = starts.iter().rposition(|&start| start <= position_ms);
    match current {
        Some(i) if position_ms - starts[i] > RESTART_WITHIN_MS => starts[i],
        Some(i) if i > 0 => starts[i - 1],
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHAPTERS: [u64; 3] = [0, 60_000, 120_000];

    #[test]
    fn next_goes_to_the_next_chapter_and_nowhere_after_the_last() {
        assert_eq!(next_ms(&CHAPTERS, 10_000, 30_000, 200_000), Some(60_000));
        assert_eq!(
            next_ms(&CHAPTERS, 60_100, 30_000, 200_000),
            Some(120_000),
            "just jumped to 60 s"
        );
        assert_eq!(next_ms(&CHAPTERS, 130_000, 30_000, 200_000), None);
    }

    #[test]
    fn next_without_chapters_skips_forward_up_to_the_end() {
        assert_eq!(next_ms(&[], 10_000, 30_000, 200_000), Some(40_000));
        assert_eq!(next_ms(&[], 190_000, 30_000, 200_000), Some(200_000));
        assert_eq!(
            next_ms(&[], 190_000, 30_000, 0),
            Some(220_000),
            "length not known"
        );
    }

    #[test]
    fn previous_restarts_the_chapter_or_goes_to_the_one_before_near_its_start() {
        assert_eq!(previous_ms(&CHAPTERS, 90_000, 15_000), 60_000);
        assert_eq!(previous_ms(&CHAPTERS, 61_000, 15_000), 0);
        assert_eq!(previous_ms(&CHAPTERS, 1_000, 15_000), 0);
        assert_eq!(
            previous_ms(&[30_000, 90_000], 10_000, 15_000),
            0,
            "before the first chapter"
        );
    }

    #[test]
    fn previous_without_chapters_skips_back_to_the_start_at_most() {
        assert_eq!(previous_ms(&[], 100_000, 15_000), 85_000);
        assert_eq!(previous_ms(&[], 5_000, 15_000), 0);
    }
}
