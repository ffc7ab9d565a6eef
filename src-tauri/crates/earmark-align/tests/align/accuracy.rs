//! Alignment of the generated episode: accuracy against the truth, the paragraph
//! never spoken flagged, the intro and the ad found as unmatched audio; and the
//! lines after ad reads in a longer episode.

use crate::{
    aligned, assert_mostly_unmatched, episode, generate, load, percentile, start_errors, TestResult,
};

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

/// Three rounds of the dialogue, each with an ad read in a synthetic voice close
/// to the aligner's own, right before a short line. The short line matched the
/// ad's words better than its own audio, so the lines after an ad started up to
/// 12 s early, inside it; judged with the line after it, it is found.
#[test]
fn lines_after_ad_reads_start_where_they_are_spoken() -> TestResult {
    let episode = load(&generate(&["--repeat", "3"]))?;
    let alignment = aligned(&episode)?;
    let starts: Vec<u64> = alignment.segments.iter().map(|s| s.start_ms).collect();
    let errors = start_errors(&starts, &episode.starts);
    let p95 = percentile(&errors, 95);
    let ads: Vec<_> = episode.unmatched.iter().skip(1).collect();
    assert_eq!(ads.len(), 3, "one ad read a round: {:?}", episode.unmatched);
    for ad in ads {
        let (k, truth) = episode
            .starts
            .iter()
            .enumerate()
            .filter_map(|(k, start)| start.map(|s| (k, s)))
            .find(|&(_, start)| start >= ad.end_ms)
            .ok_or("a line after the ad")?;
        let error = starts[k].abs_diff(truth);
        assert!(
            error <= 500,
            "line {k} after the ad ending at {} ms starts at {} ms, {error} ms from {truth} ms",
            ad.end_ms,
            starts[k]
        );
    }
    assert!(p95 <= 300, "start errors p95 {p95} ms (≤ 300): {errors:?}");
    assert_mostly_unmatched(
        "three rounds with ad reads",
        &episode.unmatched,
        &alignment.unmatched,
    );
    Ok(())
}
