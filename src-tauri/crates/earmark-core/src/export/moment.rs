//! Moments in an episode: how they are written, and what was said at them.

use crate::transcript::{Segment, SyncIndex, Transcript};

/// A note taken within this many milliseconds of a segment's start also quotes the
/// segment before it: people press the note key just after hearing what struck them.
pub const NOTE_LOOKBACK_MS: u64 = 3_000;

/// A note this long after the end of the last segment before it (a pause, music, the
/// end of the episode) quotes nothing.
const SILENCE_MS: u64 = 5_000;

/// A moment as people read it: `m:ss`, or `h:mm:ss` from an hour on.
pub fn timestamp(ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A transcript made ready to be quoted at many moments (one [`SyncIndex`]).
#[derive(Debug)]
pub struct Quotes<'t> {
    transcript: &'t Transcript,
    index: SyncIndex,
}

impl<'t> Quotes<'t> {
    /// Indexes `transcript`'s times.
    pub fn new(transcript: &'t Transcript) -> Self {
        Quotes {
            transcript,
            index: SyncIndex::new(transcript),
        }
    }

    /// The transcript segments heard at `at_ms`: the segment playing then, preceded
    /// by the one before it when `at_ms` falls in the first [`NOTE_LOOKBACK_MS`] of it.
    ///
    /// Only timed segments with text count; an untimed transcript quotes nothing.
    /// Between two segments the earlier one counts, unless it ended more than a few
    /// seconds before.
    pub fn at(&self, at_ms: u64) -> Vec<&'t Segment> {
        let segments = &self.transcript.segments;
        let mut started = self
            .index
            .started_by(at_ms)
            .map(|k| &segments[k])
            .filter(|s| !s.text.trim().is_empty());
        let Some(segment) = started.next() else {
            return Vec::new();
        };
        let start = segment.start_ms.unwrap_or(at_ms);
        let end = segment.end_ms.unwrap_or(start);
        if at_ms > end.max(start).saturating_add(SILENCE_MS) {
            return Vec::new();
        }
        let mut heard = Vec::with_capacity(2);
        if at_ms - start < NOTE_LOOKBACK_MS {
            heard.extend(started.next());
        }
        heard.push(segment);
        heard
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::TranscriptFormat;

    fn transcript(segments: Vec<Segment>) -> Transcript {
        Transcript {
            format: TranscriptFormat::Vtt,
            warnings: Vec::new(),
            segments,
        }
    }

    fn texts(segments: &[&Segment]) -> Vec<String> {
        segments.iter().map(|s| s.text.clone()).collect()
    }

    #[test]
    fn timestamp_reads_minutes_then_hours() {
        assert_eq!(timestamp(0), "0:00");
        assert_eq!(timestamp(83_999), "1:23");
        assert_eq!(timestamp(3_600_000), "1:00:00");
        assert_eq!(timestamp(3_725_000), "1:02:05");
    }

    #[test]
    fn quotes_the_segment_playing_and_the_one_just_before() {
        let t = transcript(vec![
            Segment::timed(0, 5_000, "one"),
            Segment::timed(5_000, 10_000, "two"),
            Segment::timed(10_000, 15_000, "three"),
        ]);
        assert_eq!(texts(&Quotes::new(&t).at(7_000)), ["one", "two"]);
        assert_eq!(texts(&Quotes::new(&t).at(9_000)), ["two"]);
        assert_eq!(texts(&Quotes::new(&t).at(0)), ["one"]);
        assert_eq!(texts(&Quotes::new(&t).at(19_000)), ["three"], "just after");
        assert!(Quotes::new(&t).at(60_000).is_empty(), "long after the end");
    }

    #[test]
    fn untimed_transcripts_quote_nothing() {
        let t = transcript(vec![Segment::untimed("a"), Segment::untimed("b")]);
        assert!(Quotes::new(&t).at(1_000).is_empty());
    }

    #[test]
    fn before_the_first_line_quotes_nothing() {
        let t = transcript(vec![Segment::timed(4_000, 5_000, "late start")]);
        assert!(Quotes::new(&t).at(1_000).is_empty());
    }
}
