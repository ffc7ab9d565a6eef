//! Word starts from the audio. Whisper's word times come from its cross-attention,
//! in 20 ms steps, and run late: about 100 ms on recorded read speech against a
//! phone-level forced alignment (docs/benchmarks.md); a line after a pause may start
//! early, in the silence before it. So the lines are placed as the aligner places its own:
//! each start and end snapped onto where the voice starts and stops
//! ([`earmark_align::snap`]), then each line's words spoken again with espeak-ng and
//! warped onto it ([`earmark_align::words::time_words`]). Without the synthesizer the
//! recogniser's own times stand.

use std::sync::atomic::AtomicBool;

use earmark_align::snap::{snap_within, Bounds};
use earmark_align::synth::Voice;
use earmark_align::words::time_words;
use earmark_align::{AlignedSegment, AudioFeatures};
use earmark_core::transcript::{Segment, Word};

/// How far a line's start or end may move onto the voice: Whisper starts a line
/// heard after a pause at its chunk's start, up to half a second early.
const SNAP_MS: u64 = 500;

/// Places each line of `segments` and its words on `audio` (the whole recording's
/// features) as the module says. A line the warp found no words for keeps the
/// recogniser's times. Nothing changes when espeak-ng is missing or fails, or when
/// `cancel` stops it.
pub fn refine_starts(
    segments: &mut [Segment],
    audio: &AudioFeatures,
    language: &str,
    cancel: &AtomicBool,
) {
    let mut bounds: Vec<Bounds> = segments
        .iter()
        .map(|s| {
            let start_ms = s.start_ms.unwrap_or(0);
            Bounds {
                start_ms,
                end_ms: s.end_ms.unwrap_or(start_ms),
                pinned: false,
            }
        })
        .collect();
    snap_within(&mut bounds, &audio.loudness, SNAP_MS);
    let placed: Vec<AlignedSegment> = bounds
        .iter()
        .map(|b| AlignedSegment {
            start_ms: b.start_ms,
            end_ms: b.end_ms,
            confidence: 1.0,
            flagged: false,
        })
        .collect();
    let texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
    let voice = Voice {
        name: espeak_voice(language),
        ..Voice::default()
    };
    let features = audio.features.normalized();
    // No synthesizer, or it failed, or `cancel`: the recogniser's times stand.
    let Ok(timed) = time_words(&features, &texts, &placed, &voice, cancel) else {
        return;
    };
    for ((segment, words), at) in segments.iter_mut().zip(timed).zip(&placed) {
        if let Some(mut words) = words.filter(|w| !w.is_empty()) {
            if let Some(heard) = &segment.words {
                keep_near(&mut words, heard, at.end_ms);
            }
            segment.start_ms = words.first().map(|w| w.start_ms);
            segment.end_ms = Some(at.end_ms);
            segment.words = Some(words);
        }
    }
}

/// How far a word (after the first) may move from where the recogniser heard it: the
/// warp now and then pairs a word with a neighbouring syllable, further off than
/// Whisper's own lag ever is.
const MAX_MOVE_MS: u64 = 300;

/// Each word of `words` (after the first, which the line's snapped start places) that
/// moved more than [`MAX_MOVE_MS`] from the same word in `heard` starts where it was
/// heard; starts then made non-decreasing, each word ending where the next starts and
/// the last at `end_ms`. Left alone when the two do not have the same words.
fn keep_near(words: &mut [Word], heard: &[Word], end_ms: u64) {
    if words.len() != heard.len() {
        return;
    }
    let mut at = words[0].start_ms;
    for (word, heard) in words.iter_mut().zip(heard).skip(1) {
        if word.start_ms.abs_diff(heard.start_ms) > MAX_MOVE_MS {
            word.start_ms = heard.start_ms;
        }
        word.start_ms = word.start_ms.clamp(at, end_ms);
        at = word.start_ms;
    }
    let starts: Vec<u64> = words.iter().map(|w| w.start_ms).collect();
    for (k, word) in words.iter_mut().enumerate() {
        word.end_ms = starts.get(k + 1).copied().unwrap_or(end_ms);
    }
}

/// The espeak-ng voice for a transcription language (`en` → `en-us`; espeak-ng
/// names its other voices by the language's code).
fn espeak_voice(language: &str) -> String {
    match language {
        "" | "en" => "en-us".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_the_warp_moved_too_far_starts_where_it_was_heard() {
        let mut words = vec![
            Word::new(1_000, 1_300, "a"),
            Word::new(1_300, 2_500, "b"),
            Word::new(2_500, 3_000, "c"),
        ];
        let heard = [
            Word::new(1_100, 1_400, "a"),
            Word::new(1_400, 1_900, "b"),
            Word::new(1_900, 3_000, "c"),
        ];
        keep_near(&mut words, &heard, 3_200);
        let times: Vec<(u64, u64)> = words.iter().map(|w| (w.start_ms, w.end_ms)).collect();
        // "b" moved 100 ms: kept; "c" moved 600 ms: back where it was heard.
        assert_eq!(times, vec![(1_000, 1_300), (1_300, 1_900), (1_900, 3_200)]);
    }

    #[test]
    fn english_speaks_american_and_others_by_their_code() {
        assert_eq!(espeak_voice("en"), "en-us");
        assert_eq!(espeak_voice("fi"), "fi");
    }
}
