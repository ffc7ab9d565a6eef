//! Alignment of the generated episode: accuracy against the truth, the paragraph
//! never spoken flagged, the intro and the ad found as unmatched audio.

use crate::{aligned, assert_mostly_unmatched, episode, percentile, start_errors, TestResult};

#[test]
fn starts_land_within_a_tenth_of_a_second() -> TestResult {
    let episode = episode();
    let alignment = aligned(episode)?;
    assert_eq!(alignment.segments.len(), episode.transcript.segments.len());
    let starts: Vec<u64> = alignment.segments.iter().map(|s| s.start_ms).collect();
    let errors = start_errors(&starts, &episode.starts);
    let (median, p95) = (percentile(&errors, 50), percentile(&errors, 95));
    assert!(
        median <= 100 && p95 <= 300,
        "start errors: median {median} ms (≤ 100), p95 {p95} ms (≤ 300); all: {errors:?}"
    );
    for pair in alignment.segments.windows(2) {
        assert!(
            pair[0].start_ms <= pair[1].start_ms,
            "starts in order: {pair:?}"
        );
        assert!(pair[0].end_ms <= pair[1].start_ms, "no overlap: {pair:?}");
        assert!(
            pair[0].start_ms <= pair[0].end_ms,
            "end after start: {pair:?}"
        );
    }
    let timed = alignment.apply(&episode.transcript);
    assert!(timed.timed(), "every segment has a time after alignment");
    Ok(())
}

#[test]
fn the_paragraph_never_spoken_is_flagged_and_the_rest_are_not() -> TestResult {
    let episode = episode();
    let alignment = aligned(episode)?;
    for (k, (segment, truth)) in alignment.segments.iter().zip(&episode.starts).enumerate() {
        if truth.is_none() {
            assert!(
                segment.flagged && segment.confidence < 0.5,
                "paragraph {k} was never spoken: {segment:?}"
            );
        }
    }
    let spoken_flagged: Vec<usize> = (0..alignment.segments.len())
        .filter(|&k| episode.starts[k].is_some() && alignment.segments[k].flagged)
        .collect();
    assert!(
        spoken_flagged.len() * 10 <= episode.starts.len(),
        "at most a tenth of the spoken paragraphs flagged: {spoken_flagged:?} of {:?}",
        alignment.segments
    );
    Ok(())
}

#[test]
fn the_intro_and_the_ad_are_unmatched_audio() -> TestResult {
    let episode = episode();
    let alignment = aligned(episode)?;
    assert_mostly_unmatched("the test episode", &episode.unmatched, &alignment.unmatched);
    let reported: u64 = alignment
        .unmatched
        .iter()
        .map(|s| s.end_ms - s.start_ms)
        .sum();
    let real: u64 = episode
        .unmatched
        .iter()
        .map(|s| s.end_ms - s.start_ms)
        .sum();
    assert!(
        reported <= real * 3 / 2 + 2_000,
        "no speech of the transcript reported as unmatched: {:?} against {:?}",
        alignment.unmatched,
        episode.unmatched
    );
    Ok(())
}
