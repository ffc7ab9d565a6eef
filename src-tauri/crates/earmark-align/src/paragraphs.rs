//! Checking an alignment of a transcript timed by the paragraph against the
//! paragraphs' own times: where the first sentence of a paragraph was placed far
//! from the time the file gives, one of the two is wrong, and the line is flagged
//! for the listener to check.

use super::mismatch::FLAG_BELOW;
use super::Alignment;

/// How far (ms) a paragraph's first sentence may land from the paragraph's given
/// time: files round to the second, and a paragraph may start with a breath.
pub const PARAGRAPH_TOLERANCE_MS: u64 = 3_000;

/// Flags the first sentence of each paragraph whose aligned start is more than
/// [`PARAGRAPH_TOLERANCE_MS`] from `given[k]` (`firsts[k]`: the index of paragraph
/// `k`'s first sentence); returns how many were flagged.
pub fn flag_far_from_paragraphs(
    alignment: &mut Alignment,
    firsts: &[usize],
    given: &[Option<u64>],
) -> usize {
    let mut flagged = 0;
    for (&first, &time) in firsts.iter().zip(given) {
        let (Some(segment), Some(time)) = (alignment.segments.get_mut(first), time) else {
            continue;
        };
        if segment.start_ms.abs_diff(time) > PARAGRAPH_TOLERANCE_MS && !segment.flagged {
            segment.confidence = segment.confidence.min(FLAG_BELOW / 2.0);
            segment.flagged = true;
            flagged += 1;
        }
    }
    flagged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AlignedSegment;

    fn at(start_ms: u64) -> AlignedSegment {
        AlignedSegment {
            start_ms,
            end_ms: start_ms + 1_000,
            confidence: 0.9,
            flagged: false,
        }
    }

    #[test]
    fn a_first_sentence_far_from_its_paragraph_time_is_flagged() {
        let mut alignment = Alignment {
            segments: vec![at(400), at(2_000), at(61_000), at(70_000), at(200_000)],
            unmatched: Vec::new(),
            words: Vec::new(),
        };
        let firsts = [0, 2, 4];
        let given = [Some(0), Some(60_000), Some(120_000)];
        assert_eq!(flag_far_from_paragraphs(&mut alignment, &firsts, &given), 1);
        let flags: Vec<bool> = alignment.segments.iter().map(|s| s.flagged).collect();
        assert_eq!(flags, vec![false, false, false, false, true]);
        assert!(alignment.segments[4].confidence < FLAG_BELOW);
        assert_eq!(
            flag_far_from_paragraphs(&mut alignment, &firsts, &[None, None, None]),
            0,
            "no time given: nothing to check"
        );
    }
}
