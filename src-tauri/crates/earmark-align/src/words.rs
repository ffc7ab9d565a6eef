//! Word timings for aligned segments.
//!
//! espeak-ng, run as a program, does not say where its words start. So after the
//! segments are placed, the words are spoken again, each on its own and apart
//! ([`WORDS`]): their boundaries in that synthetic speech are then exact. Each
//! segment's words are warped onto the audio the segment was placed on (plus a
//! little either side), and a word starts at the first audio frame paired with
//! its first synthetic frame. Words spoken on their own sound a little unlike
//! running speech, but the warp only needs them to be the same sounds in the same
//! order.
//!
//! Segments flagged as not found get no word timings, nor does a transcript
//! whose words espeak-ng did not keep apart.

use std::sync::atomic::AtomicBool;

use super::dtw::{warp, Band, Ends, FreeMoves};
use super::features::{unrelated_distance, Features, HOP_MS};
use super::run::AlignedSegment;
use super::synth::{synthesize, Voice, WORDS};
use super::AlignError;
use earmark_core::transcript::Word;

/// Audio looked at before and after each segment's placement (0.3 s).
const MARGIN_FRAMES: usize = 15;

/// The words of `text` that are spoken (tokens with a letter or a digit): as
/// written, and as given to the synthetic voice (without the punctuation around
/// them, which would add pauses of its own).
pub fn spoken_words(text: &str) -> Vec<(&str, &str)> {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .map(|token| {
            let spoken = token.trim_matches(|c: char| !c.is_alphanumeric());
            (token, spoken)
        })
        .collect()
}

/// The word timings of each segment of `texts` placed as `segments` says on the
/// audio described by `audio` (normalized features); `None` for a segment with no
/// timings.
pub fn time_words(
    audio: &Features,
    texts: &[&str],
    segments: &[AlignedSegment],
    voice: &Voice,
    cancel: &AtomicBool,
) -> Result<Vec<Option<Vec<Word>>>, AlignError> {
    let words: Vec<Vec<(&str, &str)>> = texts
        .iter()
        .zip(segments)
        .map(|(text, segment)| {
            if segment.flagged {
                Vec::new()
            } else {
                spoken_words(text)
            }
        })
        .collect();
    let spoken: Vec<&str> = words.iter().flatten().map(|(_, s)| *s).collect();
    if spoken.is_empty() {
        return Ok(vec![None; texts.len()]);
    }
    let synthesis = match synthesize(&spoken, voice, WORDS, &mut |_| {}, cancel) {
        Ok(synthesis) => synthesis,
        Err(AlignError::Synthesizer(_)) => return Ok(vec![None; texts.len()]),
        Err(other) => return Err(other),
    };
    let synth = synthesis.features.normalized();
    let frame = |ms: f64| (ms / HOP_MS as f64) as usize;
    let mut next = 0;
    let mut out = Vec::with_capacity(texts.len());
    for (segment, segment_words) in segments.iter().zip(&words) {
        let spans = &synthesis.spans[next..next + segment_words.len()];
        next += segment_words.len();
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            out.push(None);
            continue;
        };
        let columns_at = frame(first.start_ms);
        let columns = synth.slice(columns_at, frame(last.end_ms) + 1);
        let rows_at = frame(segment.start_ms as f64).saturating_sub(MARGIN_FRAMES);
        let rows = audio.slice(rows_at, frame(segment.end_ms as f64) + MARGIN_FRAMES + 1);
        if rows.is_empty() || columns.is_empty() {
            out.push(None);
            continue;
        }
        let skip_cost = unrelated_distance(&rows, &columns).unwrap_or(0.0);
        let ends = Ends {
            skip_start: true,
            skip_end: true,
            open_end: false,
        };
        let band = Band::full(rows.len(), columns.len());
        let path = warp(
            &rows,
            &columns,
            &band,
            ends,
            skip_cost,
            &FreeMoves::default(),
            cancel,
        )?;
        // The first audio frame paired with each synthetic frame or a later one.
        let mut first_row = vec![usize::MAX; columns.len()];
        for &((row, column), _) in &path {
            first_row[column] = first_row[column].min(row);
        }
        for column in (0..columns.len().saturating_sub(1)).rev() {
            first_row[column] = first_row[column].min(first_row[column + 1]);
        }
        let starts: Vec<u64> = spans
            .iter()
            .map(|span| {
                let column = frame(span.start_ms)
                    .saturating_sub(columns_at)
                    .min(columns.len() - 1);
                let row = first_row[column];
                if row == usize::MAX {
                    segment.end_ms
                } else {
                    ((rows_at + row) as u64 * HOP_MS).clamp(segment.start_ms, segment.end_ms)
                }
            })
            .collect();
        out.push(Some(placed_words(segment, segment_words, &starts)));
    }
    Ok(out)
}

/// The words with their starts (made non-decreasing, the first at the
/// segment's start), each ending where the next starts, the last at the
/// segment's end.
fn placed_words(segment: &AlignedSegment, words: &[(&str, &str)], starts: &[u64]) -> Vec<Word> {
    let mut at = segment.start_ms;
    let starts: Vec<u64> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            at = if i == 0 {
                segment.start_ms
            } else {
                start.max(at)
            };
            at
        })
        .collect();
    words
        .iter()
        .enumerate()
        .map(|(i, (written, _))| Word {
            start_ms: starts[i],
            end_ms: starts.get(i + 1).copied().unwrap_or(segment.end_ms),
            text: (*written).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spoken_words_drop_punctuation_and_silent_tokens() {
        assert_eq!(
            spoken_words("Well — \"it's\" 2,000, right?"),
            vec![
                ("Well", "Well"),
                ("\"it's\"", "it's"),
                ("2,000,", "2,000"),
                ("right?", "right")
            ]
        );
    }

    #[test]
    fn words_are_ordered_and_fill_their_segment() {
        let segment = AlignedSegment {
            start_ms: 1_000,
            end_ms: 3_000,
            confidence: 1.0,
            flagged: false,
        };
        let words = [("a", "a"), ("b", "b"), ("c", "c")];
        let placed = placed_words(&segment, &words, &[1_100, 2_000, 1_900]);
        let times: Vec<(u64, u64)> = placed.iter().map(|w| (w.start_ms, w.end_ms)).collect();
        assert_eq!(times, vec![(1_000, 2_000), (2_000, 2_000), (2_000, 3_000)]);
    }
}
