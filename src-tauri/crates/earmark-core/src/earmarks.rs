//! Capturing a moment without typing: an "earmark" of the last few seconds, snapped
//! to the transcript's segment boundaries so it quotes whole sentences.

use crate::transcript::Segment;

/// How far back an earmark reaches by default.
pub const DEFAULT_EARMARK_MS: u64 = 30_000;

/// A passage to keep: its time range and the transcript text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Start, in milliseconds of media time.
    pub start_ms: u64,
    /// End, in milliseconds of media time.
    pub end_ms: u64,
    /// The quoted transcript text (empty when there is no timed transcript).
    pub text: String,
}

/// The passage heard in the `window_ms` before `now_ms`.
///
/// With a timed transcript, the range grows to the start of the first segment
/// heard and the end of the segment playing now, and quotes those segments.
/// Without one, it is exactly `[now − window, now]` with no text.
pub fn earmark(segments: &[Segment], now_ms: u64, window_ms: u64) -> Passage {
    let from = now_ms.saturating_sub(window_ms);
    let heard: Vec<&Segment> = segments
        .iter()
        .filter(|s| match (s.start_ms, s.end_ms) {
            (Some(start), Some(end)) => start <= now_ms && end > from,
            (Some(start), None) => start <= now_ms && start >= from,
            _ => false,
        })
        .collect();
    let (Some(first), Some(last)) = (heard.first(), heard.last()) else {
        return Passage {
            start_ms: from,
            end_ms: now_ms,
            text: String::new(),
        };
    };
    let text = heard
        .iter()
        .map(|s| s.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Passage {
        start_ms: first.start_ms.unwrap_or(from),
        end_ms: last.end_ms.unwrap_or(now_ms).max(now_ms),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snaps_to_whole_segments() {
        let segments = [
            Segment::timed(0, 10_000, "One."),
            Segment::timed(10_000, 25_000, "Two."),
            Segment::timed(25_000, 40_000, "Three."),
            Segment::timed(40_000, 50_000, "Four."),
        ];
        let p = earmark(&segments, 42_000, 30_000);
        assert_eq!(p.start_ms, 10_000, "starts at the first segment heard");
        assert_eq!(p.end_ms, 50_000, "ends with the segment playing now");
        assert_eq!(p.text, "Two. Three. Four.");
    }

    #[test]
    fn near_the_start_it_does_not_go_negative() {
        let p = earmark(&[Segment::timed(0, 5_000, "Hi.")], 3_000, 30_000);
        assert_eq!((p.start_ms, p.end_ms, p.text.as_str()), (0, 5_000, "Hi."));
    }

    #[test]
    fn without_a_transcript_it_is_the_plain_window() {
        let p = earmark(&[], 100_000, 30_000);
        assert_eq!((p.start_ms, p.end_ms), (70_000, 100_000));
        assert!(p.text.is_empty(), "no text to quote");
    }
}
