//! Podcasting 2.0 JSON.

use earmark_core::transcript::{parse_as, TranscriptError, TranscriptFormat};

use crate::{parse_fixture, rows, segment, TestResult};

#[test]
fn sentence_segments() -> TestResult {
    let t = parse_fixture("episode.json")?;
    assert_eq!(t.format, TranscriptFormat::Json);
    assert_eq!(
        rows(&t),
        vec![
            (
                Some(0),
                Some(4200),
                Some("Ana"),
                "Welcome back to Deep Roots."
            ),
            (
                Some(4200),
                Some(7900),
                Some("Ben"),
                "Thanks, Ana. Good to be here."
            ),
            (
                Some(7900),
                Some(12_500),
                Some("Ana"),
                "So, what is a healthy soil?"
            ),
            (Some(12_500), Some(18_000), Some("Ben"), "It's alive."),
            (Some(20_250), Some(21_000), None, "[laughter]"),
        ],
        "seconds become ms, a missing endTime is the next start, empty bodies are dropped, \
         numeric strings are read"
    );
    assert!(
        t.segments.iter().all(|s| s.words.is_none()),
        "sentence segments have no word timings"
    );
    Ok(())
}

#[test]
fn one_word_segments_are_grouped_into_lines() -> TestResult {
    let t = parse_fixture("words.json")?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(0), Some(1250), Some("Ana"), "Hello and welcome."),
            (Some(1500), Some(2600), Some("Ana"), "Today we dig"),
            (Some(4000), Some(4300), Some("Ana"), "deep"),
            (Some(4400), Some(5400), Some("Ben"), "Great idea!"),
        ],
        "lines end at sentence ends, pauses over a second and speaker changes; punctuation joins its word"
    );
    let words: Vec<(u64, u64, &str)> = segment(&t, 0)?
        .words
        .iter()
        .flatten()
        .map(|w| (w.start_ms, w.end_ms, w.text.as_str()))
        .collect();
    assert_eq!(
        words,
        vec![
            (0, 400, "Hello"),
            (400, 700, "and"),
            (700, 1250, "welcome.")
        ],
        "word timings are kept"
    );
    Ok(())
}

#[test]
fn long_runs_of_words_are_capped() -> TestResult {
    let body: Vec<String> = (0..75)
        .map(|i| {
            format!(
                r#"{{"speaker":"Ana","startTime":{},"endTime":{},"body":"w{i}"}}"#,
                i as f64 * 0.3,
                i as f64 * 0.3 + 0.3
            )
        })
        .collect();
    let t = parse_as(
        &format!(r#"{{"version":"1.0.0","segments":[{}]}}"#, body.join(",")),
        TranscriptFormat::Json,
    )?;
    let lengths: Vec<usize> = t
        .segments
        .iter()
        .map(|s| s.words.as_ref().map_or(0, Vec::len))
        .collect();
    assert_eq!(lengths, vec![30, 30, 15], "lines hold at most 30 words");
    Ok(())
}

#[test]
fn errors_read_as_sentences() {
    let broken = parse_as("{\"segments\": [", TranscriptFormat::Json);
    assert!(
        matches!(broken, Err(TranscriptError::InvalidJson { line: 1, .. })),
        "truncated JSON: {broken:?}"
    );
    let message = broken.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.starts_with("This JSON transcript could not be read: the file ends too early"),
        "{message}"
    );
    let other = parse_as("{\"items\": []}", TranscriptFormat::Json);
    assert_eq!(
        other,
        Err(TranscriptError::NotPodcastJson),
        "JSON without segments"
    );
    let empty = parse_as("{\"segments\": []}", TranscriptFormat::Json);
    assert_eq!(empty, Err(TranscriptError::Empty), "no segments at all");
}
