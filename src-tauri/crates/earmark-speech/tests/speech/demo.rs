//! The demo episode (44.1 kHz MP3, three synthetic voices, 2 min 56 s): resampled to
//! 16 kHz, cut into chunks in its pauses, heard with its words where the VTT puts them.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use earmark_core::transcript::parse;
use earmark_speech::transcribe;

use crate::fixtures::{heard_words, normalise, options, word_error_rate};

fn demo(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../assets/demo")
        .join(name)
}

#[test]
fn the_demo_is_heard_in_chunks_with_its_words_in_place() {
    let never = AtomicBool::new(false);
    let mut chunks = 0;
    let transcript = transcribe(&demo("demo.mp3"), &options(), &never, &mut |p| {
        chunks = p.chunks
    })
    .expect("transcribes")
    .expect("not cancelled");
    assert!(
        chunks >= 2,
        "176 s make at least two chunks of at most 90 s: {chunks}"
    );

    let vtt = std::fs::read_to_string(demo("demo.vtt")).expect("the demo VTT");
    let published = parse(&vtt, None).expect("the demo VTT parses");
    let reference: Vec<String> = published
        .segments
        .iter()
        .flat_map(|s| normalise(&s.text))
        .collect();
    // Synthetic voices are harder than people: a quarter of the words is what
    // tiny.en gets wrong on them (the recorded clips are the accuracy tests).
    let wer = word_error_rate(&reference, &heard_words(&transcript));
    assert!(wer <= 0.35, "word error rate {wer:.2}");

    let words: Vec<_> = transcript
        .segments
        .iter()
        .flat_map(|s| s.words.clone().expect("words on every line"))
        .collect();
    assert!(words.windows(2).all(|w| w[0].start_ms <= w[1].start_ms));
    assert!(words.last().expect("words").end_ms <= 176_267 + 100);
    // Each cue of the VTT whose first word was heard right (the nearest such word,
    // within a second) starts about where it is heard: a chunk placed at the wrong
    // offset would be seconds off. Whisper's own word times scatter by a few tenths.
    let mut off_ms: Vec<u64> = Vec::new();
    for cue in &published.segments {
        let (Some(start), Some(first)) = (cue.start_ms, normalise(&cue.text).into_iter().next())
        else {
            continue;
        };
        let near = words
            .iter()
            .filter(|w| {
                w.start_ms.abs_diff(start) <= 1_000 && normalise(&w.text) == [first.clone()]
            })
            .min_by_key(|w| w.start_ms.abs_diff(start));
        if let Some(word) = near {
            off_ms.push(word.start_ms.abs_diff(start));
        }
    }
    off_ms.sort_unstable();
    assert!(
        off_ms.len() >= 40,
        "{} cues found of {}",
        off_ms.len(),
        published.segments.len()
    );
    let median = off_ms[off_ms.len() / 2];
    assert!(
        median <= 250,
        "median start {median} ms off the cues: {off_ms:?}"
    );
    assert!(off_ms.iter().all(|&off| off <= 700), "{off_ms:?}");
}
