//! Estimated times for an untimed transcript, against the truth: the demo episode's
//! website transcript (`estimate-demo.txt`), the pauses found in its audio
//! (`estimate-demo.pauses.json`, from the app's loudness scan of `demo.mp3`) and
//! the timed transcript of the same audio (`estimate-demo.vtt`).

use earmark_core::transcript::Pause;
use earmark_core::transcript::{
    estimate_times, to_json, to_markdown, with_times, MarkdownOptions, Pin, TimeSource, Transcript,
};

use crate::{fixture, parse_fixture, TestResult};

/// The demo's untimed transcript, the true paragraph starts, the audio's pauses and
/// its length.
struct Demo {
    untimed: Transcript,
    truth: Vec<u64>,
    pauses: Vec<Pause>,
    duration: u64,
}

/// Paragraphs of the website transcript, and the true start of each (the start of
/// the first cue of the timed transcript with the same opening words).
fn demo() -> Result<Demo, Box<dyn std::error::Error>> {
    let untimed = parse_fixture("estimate-demo.txt")?;
    let timed = parse_fixture("estimate-demo.vtt")?;
    let pauses: Vec<Pause> = serde_json::from_str(&fixture("estimate-demo.pauses.json")?)?;
    let mut truth = Vec::new();
    let mut j = 0;
    for segment in &untimed.segments {
        let found = timed.segments[j..]
            .iter()
            .position(|cue| {
                let head: String = cue.text.chars().take(12).collect();
                segment.text.starts_with(&head)
            })
            .ok_or_else(|| format!("no cue starts {:?}", segment.text))?;
        j += found;
        truth.push(timed.segments[j].start_ms.ok_or("untimed cue")?);
    }
    Ok(Demo {
        untimed,
        truth,
        pauses,
        duration: 176_268,
    })
}

fn errors(starts: &[u64], truth: &[u64]) -> Vec<u64> {
    let mut errors: Vec<u64> = starts
        .iter()
        .zip(truth)
        .map(|(a, b)| a.abs_diff(*b))
        .collect();
    errors.sort_unstable();
    errors
}

#[test]
fn paragraph_starts_land_on_the_voice() -> TestResult {
    let Demo {
        untimed,
        truth,
        pauses,
        duration,
    } = demo()?;
    assert!(!untimed.timed(), "the website transcript has no times");
    let times = estimate_times(&untimed.segments, duration, &pauses, &[]);
    let starts: Vec<u64> = times.iter().map(|t| t.start_ms).collect();
    let errors = errors(&starts, &truth);
    let worst = errors.last().copied().unwrap_or(0);
    assert!(worst <= 250, "worst start is {worst} ms off: {errors:?}");

    let by_length = estimate_times(&untimed.segments, duration, &[], &[]);
    let starts: Vec<u64> = by_length.iter().map(|t| t.start_ms).collect();
    let median = errors_median(&starts, &truth);
    assert!(
        median < 2_000,
        "text length alone is within seconds (median {median} ms)"
    );
    Ok(())
}

fn errors_median(starts: &[u64], truth: &[u64]) -> u64 {
    let e = errors(starts, truth);
    e[e.len() / 2]
}

#[test]
fn a_pin_retimes_its_neighbours_only_within_its_stretch() -> TestResult {
    let Demo {
        untimed, duration, ..
    } = demo()?;
    let before = estimate_times(&untimed.segments, duration, &[], &[]);
    let pin = Pin {
        index: 10,
        start_ms: before[10].start_ms + 5_000,
    };
    let after = estimate_times(&untimed.segments, duration, &[], &[pin]);
    assert_eq!(after[10].start_ms, pin.start_ms);
    assert_eq!(after[10].source, TimeSource::Pinned);
    assert!(
        after[9].start_ms > before[9].start_ms && after[11].start_ms > before[11].start_ms,
        "the lines on both sides move with the pin"
    );
    assert_eq!(
        after[0].start_ms, before[0].start_ms,
        "the first line stays"
    );
    assert!(after.windows(2).all(|w| w[0].start_ms < w[1].start_ms));
    Ok(())
}

#[test]
fn estimated_times_export_to_every_format() -> TestResult {
    let Demo {
        untimed,
        pauses,
        duration,
        ..
    } = demo()?;
    let times = estimate_times(&untimed.segments, duration, &pauses, &[]);
    let retimed = with_times(&untimed, &times);
    let json = to_json(&retimed)?;
    let back = earmark_core::transcript::parse(&json, None)?;
    assert_eq!(back.segments.len(), untimed.segments.len());
    assert_eq!(back.segments[3].start_ms, Some(times[3].start_ms));
    let md = to_markdown(
        &retimed,
        &MarkdownOptions {
            title: Some("Demo"),
            estimated: true,
        },
    );
    assert!(
        md.starts_with("# Demo\n\n**Maya Lindqvist**\n\n[≈0:00] Welcome"),
        "{md}"
    );
    Ok(())
}
