//! Estimated times for a transcript that has none, so an untimed website transcript
//! follows the audio at once.
//!
//! The rules, in order:
//!
//! 1. **Anchors.** The first segment starts where speech starts (the end of a pause
//!    at the very beginning of the audio, else 0) and the last ends where speech
//!    ends. Every [`Pin`] ("this line starts now") is an anchor too. Pins that
//!    contradict each other (a later line pinned before an earlier one) are
//!    resolved by [`resolve_pins`]: the newest pin wins.
//! 2. **Spread by text length.** Between two anchors, segments get time in
//!    proportion to their length in characters, plus [`SEGMENT_OVERHEAD_CHARS`] each
//!    for the breath between paragraphs.
//! 3. **Snap to pauses.** Each segment's start is then moved to the end of a nearby
//!    pause in the audio (where the voice comes back), when one lies within a
//!    window that grows with the distance from the last anchor (speech rate varies
//!    by a fifth or so): [`MIN_SNAP_MS`]..[`MAX_SNAP_MS`]. Longer pauses are
//!    preferred, as paragraphs usually begin after a longer silence than sentences.
//!    A snapped start becomes the anchor the rest of the stretch is spread from,
//!    so an estimate that ran early or late is corrected as it goes.
//! 4. **Ends.** A segment ends where the next one starts, or where the pause before
//!    it begins when that start was snapped.
//!
//! Everything here is pure; finding the pauses is [`super::pauses`].

use serde::{Deserialize, Serialize};

use super::Pause;
use super::{Segment, Transcript};

/// Extra weight of each segment, in characters: the pause between paragraphs.
pub const SEGMENT_OVERHEAD_CHARS: u64 = 12;
/// The smallest window around an estimated start in which a pause is looked for.
pub const MIN_SNAP_MS: u64 = 1_200;
/// The largest such window.
pub const MAX_SNAP_MS: u64 = 6_000;
/// The window is this fraction (in percent) of the time since the last anchor.
pub const SNAP_WINDOW_PERCENT: u64 = 25;
/// A snapped start sits this long before the voice comes back (never before the
/// pause itself begins), so the line lights just as it is spoken.
pub const SNAP_LEAD_MS: u64 = 80;
/// The shortest time a segment gets, per character, when snapping (a start is
/// never snapped so close to the previous one that the previous line could not be
/// said in time).
pub const MIN_MS_PER_CHAR: u64 = 25;

/// "This line starts now": segment `index` starts at `start_ms`, set by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pin {
    /// The segment's index in the transcript.
    pub index: usize,
    /// Its start, in milliseconds of media time.
    pub start_ms: u64,
}

/// Where a segment's shown time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeSource {
    /// From the transcript file.
    Given,
    /// Estimated from text length and the audio's pauses.
    Estimated,
    /// Pinned by the user.
    Pinned,
}

/// The estimated time of one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EstimatedTime {
    /// Start, in milliseconds of media time.
    pub start_ms: u64,
    /// End, in milliseconds of media time.
    pub end_ms: u64,
    /// Estimated or pinned.
    pub source: TimeSource,
}

/// The pins that agree with each other: `pins` are given oldest first, and a pin
/// is kept only when its time lies strictly between those of the newer pins kept
/// on either side of it (by index). Pins past the end of the transcript
/// (`segment_count`) or of the audio (`duration_ms`) are dropped. Returned by
/// index.
pub fn resolve_pins(pins: &[Pin], segment_count: usize, duration_ms: u64) -> Vec<Pin> {
    let mut kept: Vec<Pin> = Vec::with_capacity(pins.len());
    for pin in pins.iter().rev() {
        if pin.index >= segment_count || pin.start_ms >= duration_ms.max(1) {
            continue;
        }
        let at = kept.partition_point(|p| p.index < pin.index);
        if kept.get(at).is_some_and(|p| p.index == pin.index) {
            continue; // a newer pin of the same line
        }
        let after_previous = at == 0 || kept[at - 1].start_ms < pin.start_ms;
        let before_next = kept.get(at).is_none_or(|p| pin.start_ms < p.start_ms);
        if after_previous && before_next {
            kept.insert(at, *pin);
        }
    }
    kept
}

/// Estimated times for every segment of `segments` over audio of `duration_ms`,
/// with the audio's `pauses` (in order) and the user's `pins` (oldest first).
/// See the module documentation for the rules.
pub fn estimate_times(
    segments: &[Segment],
    duration_ms: u64,
    pauses: &[Pause],
    pins: &[Pin],
) -> Vec<EstimatedTime> {
    let n = segments.len();
    if n == 0 {
        return Vec::new();
    }
    let duration_ms = duration_ms.max(n as u64);
    let pins = resolve_pins(pins, n, duration_ms);
    let weights: Vec<u64> = segments
        .iter()
        .map(|s| s.text.chars().count() as u64 + SEGMENT_OVERHEAD_CHARS)
        .collect();
    // Prefix sums, so that the weight of any run of segments is one subtraction.
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0u64);
    for w in &weights {
        prefix.push(prefix[prefix.len() - 1] + w);
    }

    let (speech_start, speech_end) = speech_bounds(pauses, duration_ms);
    let mut anchors: Vec<(usize, u64)> = Vec::with_capacity(pins.len() + 2);
    let first_pin = pins.first().map(|p| p.start_ms).unwrap_or(u64::MAX);
    if pins.first().is_none_or(|p| p.index != 0) {
        anchors.push((0, speech_start.min(first_pin.saturating_sub(1))));
    }
    anchors.extend(pins.iter().map(|p| (p.index, p.start_ms)));
    let last_pin = pins.last().map_or(0, |p| p.start_ms);
    anchors.push((
        n,
        speech_end
            .max(last_pin + 1)
            .min(duration_ms.max(last_pin + 1)),
    ));

    let mut starts = vec![0u64; n];
    let mut snapped_pause: Vec<Option<Pause>> = vec![None; n];
    let mut pinned = vec![false; n];
    for p in &pins {
        pinned[p.index] = true;
    }
    for pair in anchors.windows(2) {
        let ((ia, ta), (ib, tb)) = (pair[0], pair[1]);
        starts[ia] = ta;
        let (mut cursor_i, mut cursor_t) = (ia, ta);
        for k in ia + 1..ib {
            let remaining = prefix[ib] - prefix[cursor_i];
            let before = prefix[k] - prefix[cursor_i];
            let span = tb.saturating_sub(cursor_t);
            let expected = cursor_t + mul_div(span, before, remaining.max(1));
            // The earliest and latest this start may be, leaving room for the text
            // on either side of it.
            let earliest = starts[k - 1] + (prefix[k] - prefix[k - 1]) * MIN_MS_PER_CHAR / 2;
            let latest = tb.saturating_sub((prefix[ib] - prefix[k]) * MIN_MS_PER_CHAR / 2);
            let window = (expected.saturating_sub(cursor_t) * SNAP_WINDOW_PERCENT / 100)
                .clamp(MIN_SNAP_MS, MAX_SNAP_MS);
            match best_pause(pauses, expected, window, earliest, latest) {
                Some(pause) => {
                    let start = pause
                        .end_ms
                        .saturating_sub(SNAP_LEAD_MS)
                        .max(pause.start_ms);
                    starts[k] = start;
                    snapped_pause[k] = Some(pause);
                    cursor_i = k;
                    cursor_t = start;
                }
                None => starts[k] = expected,
            }
        }
    }
    // Keep starts strictly ascending whatever the inputs (equal starts would make
    // two lines one).
    for k in 1..n {
        if starts[k] <= starts[k - 1] {
            starts[k] = starts[k - 1] + 1;
        }
    }

    let end_of_speech = anchors.last().map_or(duration_ms, |&(_, t)| t);
    (0..n)
        .map(|k| {
            let end = match (
                starts.get(k + 1),
                snapped_pause.get(k + 1).copied().flatten(),
            ) {
                (Some(&next), Some(pause)) if pause.start_ms > starts[k] => {
                    pause.start_ms.min(next)
                }
                (Some(&next), _) => next,
                (None, _) => end_of_speech.max(starts[k] + 1),
            };
            EstimatedTime {
                start_ms: starts[k],
                end_ms: end,
                source: if pinned[k] {
                    TimeSource::Pinned
                } else {
                    TimeSource::Estimated
                },
            }
        })
        .collect()
}

/// The transcript with `times` written into its segments (segments beyond `times`
/// are left as they are).
pub fn with_times(transcript: &Transcript, times: &[EstimatedTime]) -> Transcript {
    let mut out = transcript.clone();
    for (segment, time) in out.segments.iter_mut().zip(times) {
        segment.start_ms = Some(time.start_ms);
        segment.end_ms = Some(time.end_ms);
    }
    out
}

/// Where speech starts and ends: after a pause that opens the audio and before one
/// that closes it.
fn speech_bounds(pauses: &[Pause], duration_ms: u64) -> (u64, u64) {
    const EDGE_MS: u64 = 50;
    let start = pauses
        .first()
        .filter(|p| p.start_ms <= EDGE_MS && p.end_ms < duration_ms)
        .map_or(0, |p| p.end_ms.saturating_sub(SNAP_LEAD_MS));
    let end = pauses
        .last()
        .filter(|p| p.end_ms + EDGE_MS >= duration_ms && p.start_ms > start)
        .map_or(duration_ms, |p| p.start_ms);
    (start, end.max(start + 1))
}

/// The pause whose end lies nearest `expected` within `window`, longer pauses
/// preferred, with its end within `[earliest, latest]`.
fn best_pause(
    pauses: &[Pause],
    expected: u64,
    window: u64,
    earliest: u64,
    latest: u64,
) -> Option<Pause> {
    let low = expected.saturating_sub(window).max(earliest);
    let high = (expected + window).min(latest);
    if low > high {
        return None;
    }
    let from = pauses.partition_point(|p| p.end_ms < low);
    pauses[from..]
        .iter()
        .take_while(|p| p.end_ms <= high)
        .map(|p| {
            let distance = p.end_ms.abs_diff(expected) as f64 / window as f64;
            // Up to half a window of preference for a pause of a second or more.
            let length_bonus = (p.len_ms() as f64 / 1000.0).min(1.0) * 0.5;
            (distance - length_bonus, *p)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p)
}

/// `a * b / c` without overflow, rounded down.
fn mul_div(a: u64, b: u64, c: u64) -> u64 {
    (u128::from(a) * u128::from(b) / u128::from(c.max(1))) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn untimed(texts: &[&str]) -> Vec<Segment> {
        texts.iter().map(|t| Segment::untimed(*t)).collect()
    }

    #[test]
    fn without_pauses_time_follows_text_length() {
        let segments = untimed(&["a".repeat(88).as_str(), "b".repeat(188).as_str()]);
        let times = estimate_times(&segments, 30_000, &[], &[]);
        assert_eq!(times[0].start_ms, 0);
        // 100 and 200 weight units: one third and two thirds.
        assert_eq!(times[1].start_ms, 10_000);
        assert_eq!(times[0].end_ms, 10_000);
        assert_eq!(times[1].end_ms, 30_000);
        assert!(times.iter().all(|t| t.source == TimeSource::Estimated));
    }

    #[test]
    fn starts_snap_to_a_nearby_pause() {
        let segments = untimed(&["a".repeat(88).as_str(), "b".repeat(88).as_str()]);
        let pauses = [Pause {
            start_ms: 11_000,
            end_ms: 11_600,
        }];
        let times = estimate_times(&segments, 20_000, &pauses, &[]);
        assert_eq!(times[1].start_ms, 11_600 - SNAP_LEAD_MS);
        assert_eq!(
            times[0].end_ms, 11_000,
            "the line ends where the pause begins"
        );
    }

    #[test]
    fn a_far_pause_is_ignored() {
        let segments = untimed(&["a".repeat(88).as_str(), "b".repeat(88).as_str()]);
        let pauses = [Pause {
            start_ms: 17_000,
            end_ms: 17_500,
        }];
        let times = estimate_times(&segments, 20_000, &pauses, &[]);
        assert_eq!(times[1].start_ms, 10_000);
    }

    #[test]
    fn leading_and_trailing_silence_are_skipped() {
        let segments = untimed(&["one", "two"]);
        let pauses = [
            Pause {
                start_ms: 0,
                end_ms: 2_000,
            },
            Pause {
                start_ms: 9_000,
                end_ms: 10_000,
            },
        ];
        let times = estimate_times(&segments, 10_000, &pauses, &[]);
        assert_eq!(times[0].start_ms, 2_000 - SNAP_LEAD_MS);
        assert_eq!(times[1].end_ms, 9_000);
    }

    #[test]
    fn pins_anchor_the_lines_around_them() {
        let texts: Vec<String> = (0..10).map(|_| "x".repeat(88)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let segments = untimed(&refs);
        let before = estimate_times(&segments, 100_000, &[], &[]);
        assert_eq!(before[5].start_ms, 50_000);
        let pin = Pin {
            index: 5,
            start_ms: 70_000,
        };
        let after = estimate_times(&segments, 100_000, &[], &[pin]);
        assert_eq!(after[5].start_ms, 70_000);
        assert_eq!(after[5].source, TimeSource::Pinned);
        assert_eq!(after[4].end_ms, 70_000);
        // Before the pin: 5 lines over 70 s; after it: 5 lines over 30 s.
        assert_eq!(after[1].start_ms, 14_000);
        assert_eq!(after[6].start_ms, 76_000);
        assert!(after.windows(2).all(|w| w[0].start_ms < w[1].start_ms));
    }

    #[test]
    fn a_pin_on_the_first_line_moves_the_start() {
        let segments = untimed(&["a", "b"]);
        let times = estimate_times(
            &segments,
            10_000,
            &[],
            &[Pin {
                index: 0,
                start_ms: 4_000,
            }],
        );
        assert_eq!(times[0].start_ms, 4_000);
        assert!(times[1].start_ms > 4_000);
    }

    #[test]
    fn newest_pin_wins_a_contradiction() {
        let older = Pin {
            index: 8,
            start_ms: 20_000,
        };
        let newer = Pin {
            index: 3,
            start_ms: 40_000,
        };
        let kept = resolve_pins(&[older, newer], 10, 60_000);
        assert_eq!(kept, vec![newer]);
        let agreeing = Pin {
            index: 9,
            start_ms: 50_000,
        };
        let kept = resolve_pins(&[older, newer, agreeing], 10, 60_000);
        assert_eq!(kept, vec![newer, agreeing]);
        assert!(resolve_pins(
            &[Pin {
                index: 10,
                start_ms: 1
            }],
            10,
            60_000
        )
        .is_empty());
    }

    #[test]
    fn starts_stay_ascending_when_crowded() {
        let segments = untimed(&["a"; 50]);
        let times = estimate_times(&segments, 10, &[], &[]);
        assert_eq!(times.len(), 50);
        assert!(times.windows(2).all(|w| w[0].start_ms < w[1].start_ms));
        assert!(estimate_times(&[], 1000, &[], &[]).is_empty());
    }

    #[test]
    fn with_times_fills_the_segments() {
        let transcript = Transcript {
            format: super::super::TranscriptFormat::Text,
            warnings: Vec::new(),
            segments: untimed(&["a", "b"]),
        };
        let times = estimate_times(&transcript.segments, 1_000, &[], &[]);
        let timed = with_times(&transcript, &times);
        assert!(timed.timed());
        assert_eq!(timed.segments[1].start_ms, Some(times[1].start_ms));
    }
}
