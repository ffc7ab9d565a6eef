//! Word starts refined against the audio (refine.rs), checked against a phone-level
//! forced alignment of the same recordings (tests/fixtures/speech/word-starts.tsv,
//! PocketSphinx's, made by make-word-starts.py): Whisper's own starts run about
//! 100 ms late; the refined ones must be within 60 ms at the median.

use std::sync::atomic::AtomicBool;

use earmark_speech::transcribe;

use crate::fixtures::{clip, normalise, options};

/// The reference word starts of `name`: (word, start ms).
fn reference(name: &str) -> Vec<(String, u64)> {
    let table = std::fs::read_to_string(clip("word-starts.tsv")).expect("word-starts.tsv is there");
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut columns = l.split('\t');
            (columns.next()? == name).then_some(())?;
            let word = columns.next()?.to_owned();
            Some((word, columns.next()?.parse().ok()?))
        })
        .collect()
}

#[test]
fn word_starts_lie_where_a_forced_alignment_puts_them() {
    let never = AtomicBool::new(false);
    let mut errors: Vec<u64> = Vec::new();
    for name in ["sense-0870.flac", "sense-0890.flac", "sense-0920.flac"] {
        let transcript = transcribe(&clip(name), &options(), &never, &mut |_| {})
            .expect("transcribes")
            .expect("not cancelled");
        let heard: Vec<(String, u64)> = transcript
            .segments
            .iter()
            .flat_map(|s| s.words.clone().unwrap_or_default())
            .flat_map(|w| normalise(&w.text).into_iter().map(move |t| (t, w.start_ms)))
            .collect();
        // Word by word while both say the same word (a misheard word ends the run).
        for ((heard, at), (word, truth)) in heard.iter().zip(reference(name)) {
            if *heard != word {
                break;
            }
            errors.push(at.abs_diff(truth));
        }
    }
    assert!(errors.len() >= 30, "words compared: {errors:?}");
    errors.sort_unstable();
    let median = errors[errors.len() / 2];
    assert!(
        median <= 60,
        "median word-start error {median} ms: {errors:?}"
    );
}
