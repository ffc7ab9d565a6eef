//! The sync index.

use earmark_core::transcript::{parse_as, Segment, SyncIndex, Transcript, TranscriptFormat};

use crate::{parse_fixture, TestResult};

fn transcript(segments: Vec<Segment>) -> Transcript {
    Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments,
    }
}

#[test]
fn segments_with_gaps() {
    let t = transcript(vec![
        Segment::timed(1000, 2000, "a"),
        Segment::timed(3000, 4000, "b"),
        Segment::timed(4000, 5000, "c"),
    ]);
    let index = SyncIndex::new(&t);
    let cases = [
        (0, None),
        (999, None),
        (1000, Some(0)),
        (1999, Some(0)),
        (2500, Some(0)),
        (3000, Some(1)),
        (4000, Some(2)),
        (99_999, Some(2)),
    ];
    for (ms, expected) in cases {
        assert_eq!(
            index.segment_at(ms),
            expected,
            "at {ms} ms: nothing before the first, the previous stays lit in gaps"
        );
    }
    assert_eq!(index.len(), 3);
}

#[test]
fn words_within_segments() -> TestResult {
    let t = parse_fixture("karaoke.vtt")?;
    let index = SyncIndex::new(&t);
    let cases = [
        (999, None),
        (1000, Some((0, 0))),
        (1700, Some((0, 1))),
        (3999, Some((0, 3))),
        (4100, None),
        (4200, Some((1, 0))),
        (5800, Some((1, 3))),
    ];
    for (ms, expected) in cases {
        assert_eq!(index.word_at(ms), expected, "word at {ms} ms");
    }
    Ok(())
}

#[test]
fn untimed_and_partly_timed() -> TestResult {
    let untimed = parse_as("Ana: Hi.\n\nBen: Hello.\n", TranscriptFormat::Text)?;
    let index = SyncIndex::new(&untimed);
    assert!(index.is_empty(), "no times, no index");
    assert_eq!(
        index.segment_at(5000),
        None,
        "untimed transcripts light nothing"
    );
    assert_eq!(index.word_at(5000), None);

    let partly = transcript(vec![
        Segment::untimed("intro"),
        Segment::timed(2000, 3000, "timed"),
    ]);
    assert_eq!(
        SyncIndex::new(&partly).segment_at(2500),
        Some(1),
        "only timed segments are indexed"
    );
    Ok(())
}

#[test]
fn lookups_on_a_long_transcript() {
    let segments: Vec<Segment> = (0..100_000u64)
        .map(|i| Segment::timed(i * 10, i * 10 + 9, "x"))
        .collect();
    let index = SyncIndex::new(&transcript(segments));
    for i in (0..100_000u64).step_by(997) {
        assert_eq!(
            index.segment_at(i * 10 + 5),
            Some(i as usize),
            "segment {i}"
        );
    }
}

#[test]
fn segments_started_by_a_moment_come_latest_first_and_untimed_ones_never() {
    let t = transcript(vec![
        Segment::timed(1000, 2000, "a"),
        Segment::untimed("no time"),
        Segment::timed(3000, 4000, "b"),
        Segment::timed(3000, 4000, "b, second voice"),
        Segment::timed(6000, 7000, "c"),
    ]);
    let index = SyncIndex::new(&t);
    assert_eq!(index.started_by(3500).collect::<Vec<_>>(), [3, 2, 0]);
    assert_eq!(index.started_by(999).count(), 0);
    assert_eq!(index.started_by(u64::MAX).collect::<Vec<_>>(), [4, 3, 2, 0]);
}
