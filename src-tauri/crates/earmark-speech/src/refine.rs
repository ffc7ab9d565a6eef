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
use earmark_core::transcript::Segment;

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
        if let Some(words) = words.filter(|w| !w.is_empty()) {
            segment.start_ms = Some(at.start_ms);
            segment.end_ms = Some(at.end_ms);
            segment.words = Some(words);
        }
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
    fn english_speaks_american_and_others_by_their_code() {
        assert_eq!(espeak_voice("en"), "en-us");
        assert_eq!(espeak_voice("fi"), "fi");
    }
}
