//! Transcripts timed by the paragraph: Podcasting 2.0 HTML gives one `<time>` per
//! monologue, sometimes minutes long, so the lit line would be a whole page. Such
//! a transcript is [`is_coarse`]; [`into_sentences`] cuts its paragraphs into
//! sentences (Unicode sentence boundaries, UAX #29, by `unicode-segmentation`),
//! untimed, for the aligner to place each one.

use unicode_segmentation::UnicodeSegmentation;

use super::{Segment, Transcript};

/// A timed transcript whose lines last longer than this, at the median, is timed
/// by the paragraph (cue files time lines of a few seconds).
pub const COARSE_MEDIAN_MS: u64 = 20_000;

/// True when every line has a time but the lines are paragraphs: their median
/// length (to the next line's start, or their own end) is over [`COARSE_MEDIAN_MS`],
/// and at least one of them holds more than one sentence.
pub fn is_coarse(transcript: &Transcript) -> bool {
    if !transcript.timed() || transcript.segments.is_empty() {
        return false;
    }
    let segments = &transcript.segments;
    let mut lengths: Vec<u64> = segments
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            let start = s.start_ms?;
            let end = segments
                .get(k + 1)
                .and_then(|next| next.start_ms)
                .or(s.end_ms)?;
            Some(end.saturating_sub(start))
        })
        .collect();
    if lengths.is_empty() {
        return false;
    }
    lengths.sort_unstable();
    lengths[lengths.len() / 2] > COARSE_MEDIAN_MS
        && segments
            .iter()
            .any(|s| s.text.unicode_sentences().nth(1).is_some())
}

/// The transcript with each line cut into its sentences, every sentence keeping
/// its line's speaker and none keeping a time or word timings; and, for each line,
/// the index of its first sentence.
pub fn into_sentences(transcript: &Transcript) -> (Transcript, Vec<usize>) {
    let mut firsts = Vec::with_capacity(transcript.segments.len());
    let mut count = 0;
    let segments = transcript
        .segments
        .iter()
        .flat_map(|segment| {
            let mut sentences: Vec<&str> = segment
                .text
                .unicode_sentences()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if sentences.is_empty() {
                sentences.push(segment.text.trim());
            }
            firsts.push(count);
            count += sentences.len();
            sentences.into_iter().map(|text| Segment {
                speaker: segment.speaker.clone(),
                ..Segment::untimed(text)
            })
        })
        .collect();
    (
        Transcript {
            format: transcript.format,
            warnings: transcript.warnings.clone(),
            segments,
        },
        firsts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::TranscriptFormat;

    fn paragraph(start_s: u64, speaker: &str, text: &str) -> Segment {
        Segment {
            start_ms: Some(start_s * 1000),
            end_ms: None,
            speaker: Some(speaker.to_string()),
            text: text.to_string(),
            words: None,
        }
    }

    fn transcript(segments: Vec<Segment>) -> Transcript {
        Transcript {
            format: TranscriptFormat::Html,
            warnings: Vec::new(),
            segments,
        }
    }

    #[test]
    fn paragraphs_minutes_long_are_coarse_and_cues_are_not() {
        let monologues = transcript(vec![
            paragraph(0, "Maya", "Welcome. This is long."),
            paragraph(95, "Ines", "Thanks. I will talk for a while."),
            paragraph(400, "Maya", "Indeed you did. Bye."),
        ]);
        assert!(is_coarse(&monologues));
        let cues = transcript(vec![
            paragraph(0, "Maya", "Welcome. Short."),
            paragraph(3, "Ines", "Thanks."),
            paragraph(6, "Maya", "Bye."),
        ]);
        assert!(!is_coarse(&cues), "lines of a few seconds");
        let untimed = transcript(vec![Segment::untimed("One. Two.")]);
        assert!(!is_coarse(&untimed), "no times at all: aligned as untimed");
        let single = transcript(vec![
            paragraph(0, "Maya", "One long sentence"),
            paragraph(60, "Ines", "Another one"),
        ]);
        assert!(!is_coarse(&single), "nothing to cut: one sentence a line");
    }

    #[test]
    fn sentences_keep_their_speaker_and_lose_their_times() {
        let (cut, firsts) = into_sentences(&transcript(vec![
            paragraph(0, "Maya", "Welcome to the demo. Why do we forget? Because!"),
            paragraph(60, "Ines", "Hi Maya."),
        ]));
        let lines: Vec<(&str, Option<&str>)> = cut
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.speaker.as_deref()))
            .collect();
        assert_eq!(
            lines,
            vec![
                ("Welcome to the demo.", Some("Maya")),
                ("Why do we forget?", Some("Maya")),
                ("Because!", Some("Maya")),
                ("Hi Maya.", Some("Ines")),
            ]
        );
        assert!(cut
            .segments
            .iter()
            .all(|s| s.start_ms.is_none() && s.end_ms.is_none()));
        assert_eq!(cut.format, TranscriptFormat::Html);
        assert_eq!(firsts, vec![0, 3], "where each paragraph's sentences begin");
    }
}
