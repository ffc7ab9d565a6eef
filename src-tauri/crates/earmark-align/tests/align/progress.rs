//! Progress callbacks and cancellation.

use std::sync::atomic::{AtomicBool, Ordering};

use earmark_align::{align, AlignError, AlignOptions, AlignProgress, AlignStage};

use crate::{episode, TestResult};

#[test]
fn progress_rises_from_synthesis_to_matching_and_ends_at_one() -> TestResult {
    let episode = episode();
    let never = AtomicBool::new(false);
    let mut seen: Vec<AlignProgress> = Vec::new();
    align(
        &episode.audio,
        &episode.transcript,
        &AlignOptions::default(),
        &mut |p| seen.push(p),
        &never,
    )?;
    assert!(seen.len() >= 5, "several progress reports: {seen:?}");
    assert_eq!(
        seen[0].stage,
        AlignStage::Synthesizing,
        "synthesis first: {seen:?}"
    );
    assert!(
        seen.iter()
            .any(|p| p.stage == AlignStage::Matching && p.done < 1.0),
        "matching reports before the end: {seen:?}"
    );
    for pair in seen.windows(2) {
        assert!(pair[0].done <= pair[1].done, "never decreasing: {pair:?}");
    }
    let last = seen.last().ok_or("no progress")?;
    assert_eq!((last.stage, last.done), (AlignStage::Matching, 1.0));
    assert!(
        seen.iter().all(|p| (0.0..=1.0).contains(&p.done)),
        "0..1: {seen:?}"
    );
    Ok(())
}

#[test]
fn cancelling_during_synthesis_or_matching_stops_with_cancelled() {
    let episode = episode();
    for stage in [AlignStage::Synthesizing, AlignStage::Matching] {
        let cancel = AtomicBool::new(false);
        let mut after_cancel = 0;
        let result = align(
            &episode.audio,
            &episode.transcript,
            &AlignOptions::default(),
            &mut |p| {
                if cancel.load(Ordering::Relaxed) {
                    after_cancel += 1;
                }
                if p.stage == stage {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
            &cancel,
        );
        assert_eq!(
            result.err(),
            Some(AlignError::Cancelled),
            "cancelled while {stage:?}"
        );
        assert!(
            after_cancel <= 2,
            "work stops soon after the cancel ({stage:?}): {after_cancel} more reports"
        );
    }
}

#[test]
fn cancelled_before_the_start_does_nothing() {
    let episode = episode();
    let cancel = AtomicBool::new(true);
    let mut reports = 0;
    let result = align(
        &episode.audio,
        &episode.transcript,
        &AlignOptions::default(),
        &mut |_| reports += 1,
        &cancel,
    );
    assert_eq!(result.err(), Some(AlignError::Cancelled));
    assert_eq!(reports, 0, "no progress once cancelled");
}
