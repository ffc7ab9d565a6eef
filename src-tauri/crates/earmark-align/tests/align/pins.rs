//! Pins are fixed points: a pinned segment starts exactly where the user put it,
//! even a little off, and the segments around it still land on their speech.

use std::sync::atomic::AtomicBool;

use earmark_align::{align, AlignOptions};
use earmark_core::transcript::Pin;

use crate::{episode, percentile, start_errors, TestResult};

#[test]
fn pinned_starts_are_kept_and_the_rest_still_aligns() -> TestResult {
    let episode = episode();
    let spoken: Vec<(usize, u64)> = episode
        .starts
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.map(|s| (k, s)))
        .collect();
    // Two pins: one 400 ms late (the user pinned while listening), one exact.
    let (late, exact) = (spoken[5], spoken[spoken.len() * 2 / 3]);
    let pins = vec![
        Pin {
            index: late.0,
            start_ms: late.1 + 400,
        },
        Pin {
            index: exact.0,
            start_ms: exact.1,
        },
    ];
    let options = AlignOptions {
        pins: pins.clone(),
        ..AlignOptions::default()
    };
    let never = AtomicBool::new(false);
    let alignment = align(
        &episode.audio,
        &episode.transcript,
        &options,
        &mut |_| {},
        &never,
    )?;
    for pin in &pins {
        assert_eq!(
            alignment.segments[pin.index].start_ms, pin.start_ms,
            "segment {} keeps its pin",
            pin.index
        );
    }
    let starts: Vec<u64> = alignment.segments.iter().map(|s| s.start_ms).collect();
    // The pinned ones are where the user said; judge the others.
    let mut truth = episode.starts.clone();
    for pin in &pins {
        truth[pin.index] = None;
    }
    let errors = start_errors(&starts, &truth);
    let (median, p95) = (percentile(&errors, 50), percentile(&errors, 95));
    assert!(
        median <= 100 && p95 <= 300,
        "with pins, other starts: median {median} ms, p95 {p95} ms; all: {errors:?}"
    );
    for pair in alignment.segments.windows(2) {
        assert!(
            pair[0].start_ms <= pair[1].start_ms,
            "starts in order: {pair:?}"
        );
    }
    Ok(())
}
