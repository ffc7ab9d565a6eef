//! Keeping highlights on their words when a transcript is re-timed.
//!
//! A highlight stores both its time range and the text it quotes. When the
//! transcript's times change (pins, alignment, a corrected file), the text is found
//! again in the new transcript and the range is taken from the segments that hold it.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::transcript::Segment;

/// Where `quote` lies in `segments`: the start of the first segment holding it and
/// the end of the last, or `None` when the text is not there (or not timed).
///
/// Matching ignores case, punctuation and spacing, so a re-punctuated transcript
/// still finds its highlights. When the quote occurs more than once, the occurrence
/// nearest `near_ms` (the highlight's old start) wins.
pub fn locate(segments: &[Segment], quote: &str, near_ms: u64) -> Option<(u64, u64)> {
    let needle = normalize(quote);
    if needle.is_empty() {
        return None;
    }
    // The whole transcript as one normalized string, with each byte's segment.
    let mut haystack = String::new();
    let mut owner: Vec<usize> = Vec::new();
    for (index, segment) in segments.iter().enumerate() {
        let text = normalize(&segment.text);
        if text.is_empty() {
            continue;
        }
        if !haystack.is_empty() {
            haystack.push(' ');
        }
        haystack.push_str(&text);
        owner.resize(haystack.len(), index);
    }
    // Every occurrence, overlapping ones too ("ha ha" twice in "ha ha ha"), in time
    // linear in the transcript and the matches: a repetitive transcript and a long
    // quote cannot make it quadratic. The NFA, not the DFA `AhoCorasick::new` would
    // pick: building the DFA of a long quote is not linear (`earmark-bench scaling`).
    let finder = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build([needle.as_str()])
        .ok()?;
    let mut best: Option<(u64, u64, u64)> = None;
    for found in finder.find_overlapping_iter(&haystack) {
        let first = &segments[owner[found.start()]];
        let last = &segments[owner[found.end() - 1]];
        let (Some(start), Some(end)) = (first.start_ms, last.end_ms.or(last.start_ms)) else {
            continue;
        };
        let distance = start.abs_diff(near_ms);
        if best.is_none_or(|(_, _, d)| distance < d) {
            best = Some((start, end.max(start), distance));
        }
    }
    best.map(|(start, end, _)| (start, end))
}

/// Lower case, letters and digits only, single spaces between words: text as
/// writings of the same words compare (quotes, titles).
pub(crate) fn normalize(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_quote_across_segments_after_retiming() {
        let retimed = [
            Segment::timed(1_500, 4_000, "Welcome back."),
            Segment::timed(4_000, 9_000, "Tiro took down speeches live,"),
            Segment::timed(9_000, 12_000, "in signs of his own."),
        ];
        let found = locate(&retimed, "speeches live, in signs", 3_000);
        assert_eq!(
            found,
            Some((4_000, 12_000)),
            "spans the two segments holding the quote"
        );
    }

    #[test]
    fn ignores_case_and_punctuation() {
        let segments = [Segment::timed(0, 1_000, "Hello, World!")];
        assert_eq!(locate(&segments, "hello world", 0), Some((0, 1_000)));
    }

    #[test]
    fn picks_the_occurrence_nearest_the_old_time() {
        let segments = [
            Segment::timed(0, 1_000, "Again."),
            Segment::timed(50_000, 51_000, "Again."),
        ];
        assert_eq!(locate(&segments, "again", 49_000), Some((50_000, 51_000)));
        assert_eq!(locate(&segments, "again", 2_000), Some((0, 1_000)));
    }

    #[test]
    fn text_that_is_gone_is_not_found() {
        let segments = [Segment::timed(0, 1_000, "Something else.")];
        assert_eq!(locate(&segments, "the quote", 0), None);
        assert_eq!(
            locate(&segments, "", 0),
            None,
            "an empty quote anchors nowhere"
        );
        assert_eq!(locate(&[], "x", 0), None);
    }

    #[test]
    fn overlapping_occurrences_are_all_candidates() {
        let segments = [
            Segment::timed(0, 1_000, "Ha"),
            Segment::timed(1_000, 2_000, "ha"),
            Segment::timed(2_000, 3_000, "ha."),
        ];
        assert_eq!(locate(&segments, "ha ha", 1_900), Some((1_000, 3_000)));
    }

    #[test]
    fn letters_beyond_ascii_map_back_to_their_segments() {
        let segments = [
            Segment::timed(0, 1_000, "Hyvää päivää,"),
            Segment::timed(1_000, 2_000, "Ääninen öljy."),
        ];
        assert_eq!(locate(&segments, "päivää ääninen", 0), Some((0, 2_000)));
        assert_eq!(locate(&segments, "öljy", 0), Some((1_000, 2_000)));
    }

    #[test]
    fn a_long_quote_in_a_repetitive_transcript_is_found_where_it_is() {
        let mut segments: Vec<Segment> = (0..2_000u64)
            .map(|i| Segment::timed(i * 1_000, i * 1_000 + 1_000, "a a a a a"))
            .collect();
        segments.push(Segment::timed(2_000_000, 2_001_000, "a b"));
        let quote = format!("{}b", "a ".repeat(1_000));
        assert_eq!(locate(&segments, &quote, 0), Some((1_800_000, 2_001_000)));
        assert_eq!(locate(&segments, &format!("{quote} c"), 0), None);
    }
}
