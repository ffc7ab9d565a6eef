//! The rules of drift correction on made-up alignments: steps found where the
//! offset jumps, lone misplaced segments ignored, small offsets left alone,
//! durations kept, errors told; `nudge` (the real-audio cases are in drift.rs).

use earmark_align::{fix_drift, nudge, DriftError};
use earmark_align::{AlignedSegment, Alignment};
use earmark_core::transcript::{Segment, Transcript, TranscriptFormat, Word};

fn transcript(starts: &[u64]) -> Transcript {
    Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments: starts
            .iter()
            .map(|&s| Segment::timed(s, s + 1500, "words"))
            .collect(),
    }
}

fn alignment(starts: &[u64], flagged: &[usize]) -> Alignment {
    Alignment {
        segments: starts
            .iter()
            .enumerate()
            .map(|(k, &s)| AlignedSegment {
                start_ms: s,
                end_ms: s + 1400,
                confidence: if flagged.contains(&k) { 0.1 } else { 0.9 },
                flagged: flagged.contains(&k),
            })
            .collect(),
        unmatched: Vec::new(),
        words: Vec::new(),
    }
}

#[test]
fn nudge_moves_every_time_and_stops_at_zero() {
    let mut original = transcript(&[500, 3000]);
    original.segments[1].words = Some(vec![Word {
        start_ms: 3000,
        end_ms: 3400,
        text: "words".into(),
    }]);
    original.segments.push(Segment::untimed("no time"));
    let later = nudge(&original, 1200);
    assert_eq!(later.segments[0].start_ms, Some(1700));
    assert_eq!(later.segments[0].end_ms, Some(3200));
    assert_eq!(later.segments[1].start_ms, Some(4200));
    let words = later.segments[1].words.as_deref().unwrap_or_default();
    assert_eq!((words[0].start_ms, words[0].end_ms), (4200, 4600));
    assert_eq!(later.segments[2].start_ms, None, "no time stays none");
    let earlier = nudge(&original, -1000);
    assert_eq!(earlier.segments[0].start_ms, Some(0), "clamped at 0");
    assert_eq!(earlier.segments[0].end_ms, Some(1000));
    assert_eq!(earlier.segments[1].start_ms, Some(2000));
    assert_eq!(nudge(&original, 0), original);
}

#[test]
fn an_inserted_stretch_is_one_step_and_misplaced_lines_are_ignored() {
    let given: Vec<u64> = (0..20).map(|k| k * 4000).collect();
    // 12 s inserted before segment 9; segment 4 misplaced, segment 15 flagged.
    let mut aligned: Vec<u64> = given
        .iter()
        .enumerate()
        .map(|(k, &g)| g + if k >= 9 { 12_000 } else { 0 } + (k as u64 % 3) * 20)
        .collect();
    aligned[4] += 7_000;
    aligned[15] = 1;
    let fix = fix_drift(&transcript(&given), &alignment(&aligned, &[15]))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fix.report.steps.len(), 1, "{:?}", fix.report);
    let step = fix.report.steps[0];
    assert_eq!((step.segment, step.given_ms), (9, 36_000));
    assert!((step.shift_ms - 12_000).abs() <= 40, "{step:?}");
    assert_eq!(fix.report.offset_ms, 0, "small offsets are none");
    for (k, segment) in fix.transcript.segments.iter().enumerate() {
        let want = given[k] + if k >= 9 { 12_000 } else { 0 };
        let got = segment.start_ms.unwrap_or(0);
        assert!(got.abs_diff(want) <= 40, "segment {k}: {got} vs {want}");
        assert_eq!(segment.end_ms.map(|e| e - got), Some(1500), "duration kept");
    }
}

#[test]
fn a_constant_lead_is_kept_and_steps_keep_their_size() {
    let given: Vec<u64> = (0..12).map(|k| 1000 + k * 5000).collect();
    // The cues start 200 ms before the voice; 9 s inserted before segment 6.
    let aligned: Vec<u64> = given
        .iter()
        .enumerate()
        .map(|(k, &g)| g + 200 + if k >= 6 { 9_000 } else { 0 })
        .collect();
    let fix =
        fix_drift(&transcript(&given), &alignment(&aligned, &[])).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fix.report.offset_ms, 0, "{:?}", fix.report);
    assert_eq!(fix.report.steps.len(), 1, "{:?}", fix.report);
    assert_eq!(fix.report.steps[0].segment, 6);
    assert_eq!(fix.report.steps[0].shift_ms, 9_000);
    let starts: Vec<Option<u64>> = fix.transcript.segments.iter().map(|s| s.start_ms).collect();
    let want: Vec<Option<u64>> = given
        .iter()
        .enumerate()
        .map(|(k, &g)| Some(g + if k >= 6 { 9_000 } else { 0 }))
        .collect();
    assert_eq!(starts, want, "the lead before the voice is kept");
}

#[test]
fn a_pre_roll_moves_everything() {
    let given: Vec<u64> = (0..8).map(|k| k * 2000).collect();
    let aligned: Vec<u64> = given.iter().map(|g| g + 15_000).collect();
    let fix =
        fix_drift(&transcript(&given), &alignment(&aligned, &[])).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fix.report.offset_ms, 15_000);
    assert!(fix.report.steps.is_empty());
    assert_eq!(fix.transcript.segments[7].start_ms, Some(29_000));
}

#[test]
fn no_drift_is_no_change_and_errors_are_told() {
    let given: Vec<u64> = (0..10).map(|k| k * 3000).collect();
    let aligned: Vec<u64> = given.iter().map(|g| g + 60).collect();
    let original = transcript(&given);
    let fix = fix_drift(&original, &alignment(&aligned, &[])).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fix.transcript, original);
    assert!(fix.report.steps.is_empty());
    assert_eq!(
        fix_drift(&original, &alignment(&aligned[..3], &[])),
        Err(DriftError::Mismatch {
            aligned: 3,
            segments: 10
        })
    );
    let all: Vec<usize> = (0..10).collect();
    assert_eq!(
        fix_drift(&original, &alignment(&aligned, &all)),
        Err(DriftError::NothingMatched)
    );
    let untimed = Transcript {
        format: TranscriptFormat::Text,
        warnings: Vec::new(),
        segments: vec![Segment::untimed("a"); 10],
    };
    assert_eq!(
        fix_drift(&untimed, &alignment(&aligned, &[])),
        Err(DriftError::NotTimed)
    );
}
