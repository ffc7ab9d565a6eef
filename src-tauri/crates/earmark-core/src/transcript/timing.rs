//! The last step every parser shares: tidy the times and build the [`Transcript`].
//!
//! - Segments without text are dropped.
//! - An end before its start is treated as missing (SRT and WebVTT leave such a
//!   cue out before it gets here; the formats without cues keep the text).
//! - When every segment has a start, segments are sorted by start, stably: cues in
//!   file order stay in file order, and overlapping or reversed cues (which some
//!   subtitle editors write) end up in the order they are heard. Partly timed
//!   transcripts keep the file's order.
//! - A missing end is filled from the next timed segment's start; the last
//!   segment's from its last word's end, or else it stays `None`.
//! - Word timings are sorted by start, and an end before its start becomes the start.

use super::{Segment, Transcript, TranscriptError, TranscriptFormat, Word};

/// Tidies `segments` as described in the module documentation; `warnings` says
/// what the parser left out.
pub(crate) fn finish(
    format: TranscriptFormat,
    mut segments: Vec<Segment>,
    warnings: Vec<String>,
) -> Result<Transcript, TranscriptError> {
    segments.retain(|s| !s.text.trim().is_empty());
    if segments.is_empty() {
        return Err(TranscriptError::Empty);
    }
    for segment in &mut segments {
        match (segment.start_ms, segment.end_ms) {
            (None, Some(_)) => segment.end_ms = None,
            (Some(start), Some(end)) if end < start => segment.end_ms = None,
            _ => {}
        }
        if let Some(words) = segment.words.as_mut() {
            words.sort_by_key(|w| w.start_ms);
            for word in words.iter_mut() {
                word.end_ms = word.end_ms.max(word.start_ms);
            }
            if words.is_empty() {
                segment.words = None;
            }
        }
    }
    if segments.iter().all(|s| s.start_ms.is_some()) {
        segments.sort_by_key(|s| s.start_ms);
    }
    let mut next_start: Option<u64> = None;
    for segment in segments.iter_mut().rev() {
        let Some(start) = segment.start_ms else {
            continue;
        };
        if segment.end_ms.is_none() {
            let last_word_end = segment
                .words
                .as_ref()
                .and_then(|w| w.last())
                .map(|w| w.end_ms);
            segment.end_ms = next_start.or(last_word_end).filter(|&end| end >= start);
        }
        next_start = Some(start);
    }
    Ok(Transcript {
        format,
        segments,
        warnings,
    })
}

/// Builds word timings from words and their starts: each word ends where the next
/// one starts, the last at `end_ms`. Words that share a start (a timestamp tag
/// before a phrase rather than a word) share the time until the next start evenly.
pub(crate) fn spread_words(words: Vec<(String, u64)>, end_ms: u64) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let start = words[i].1;
        let group_end = words[i..]
            .iter()
            .position(|w| w.1 != start)
            .map_or(words.len(), |n| i + n);
        let until = words.get(group_end).map_or(end_ms, |w| w.1).max(start);
        let count = (group_end - i) as u64;
        let step = (until - start) / count;
        for (k, (text, _)) in words[i..group_end].iter().enumerate() {
            let k = k as u64;
            let word_start = start + step * k;
            let word_end = if k + 1 == count {
                until
            } else {
                word_start + step
            };
            out.push(Word {
                start_ms: word_start,
                end_ms: word_end,
                text: text.clone(),
            });
        }
        i = group_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_sharing_a_start_share_its_time() {
        let words = spread_words(
            vec![("a".into(), 0), ("b".into(), 0), ("c".into(), 600)],
            1000,
        );
        let times: Vec<(u64, u64)> = words.iter().map(|w| (w.start_ms, w.end_ms)).collect();
        assert_eq!(times, vec![(0, 300), (300, 600), (600, 1000)]);
    }

    #[test]
    fn reversed_cues_are_sorted_and_ends_filled() -> Result<(), TranscriptError> {
        let segments = vec![
            Segment::timed(5000, 1000, "second"),
            Segment::timed(0, 2000, "first"),
            Segment::untimed("  "),
        ];
        let t = finish(TranscriptFormat::Srt, segments, Vec::new())?;
        assert_eq!(t.segments[0].text, "first");
        assert_eq!(
            t.segments[1].end_ms, None,
            "a reversed end with nothing after stays unknown"
        );
        Ok(())
    }
}
