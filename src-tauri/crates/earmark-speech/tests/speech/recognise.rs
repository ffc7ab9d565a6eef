//! What the recogniser hears in real recordings, and where.

use std::sync::atomic::AtomicBool;

use earmark_core::transcript::TranscriptFormat;
use earmark_speech::{transcribe, Progress};

use crate::fixtures::{
    clip, heard_words, known_words, options, samples, two_chunks, two_clips, word_error_rate,
};

#[test]
fn go_forward_ten_meters_is_heard_word_for_word_with_timings() {
    let never = AtomicBool::new(false);
    let mut reports: Vec<Progress> = Vec::new();
    let transcript = transcribe(&clip("goforward.flac"), &options(), &never, &mut |p| {
        reports.push(p)
    })
    .expect("transcribes")
    .expect("not cancelled");
    assert_eq!(transcript.format, TranscriptFormat::Speech);
    assert!(transcript.machine_made());
    assert_eq!(heard_words(&transcript), known_words("goforward.flac"));
    let length_ms = samples("goforward.flac").len() as u64 / 16;
    let mut last_start = 0;
    for segment in &transcript.segments {
        let words = segment.words.as_ref().expect("every line has its words");
        assert!(!words.is_empty());
        assert_eq!(segment.start_ms, Some(words[0].start_ms));
        for word in words {
            assert!(
                word.start_ms >= last_start,
                "word starts increase: {words:?}"
            );
            assert!(word.end_ms >= word.start_ms);
            assert!(
                word.end_ms <= length_ms + 50,
                "{word:?} is inside the {length_ms} ms clip"
            );
            last_start = word.start_ms;
        }
    }
    let last = reports.last().expect("progress was told");
    assert_eq!(last.done, 1.0, "{reports:?}");
    assert_eq!(last.left, Some(std::time::Duration::ZERO));
}

#[test]
fn a_librivox_sentence_is_mostly_right() {
    let never = AtomicBool::new(false);
    let transcript = transcribe(&clip("sense-0870.flac"), &options(), &never, &mut |_| {})
        .expect("transcribes")
        .expect("not cancelled");
    let wer = word_error_rate(&known_words("sense-0870.flac"), &heard_words(&transcript));
    assert!(
        wer <= 0.15,
        "word error rate {wer:.2}: {:?}",
        heard_words(&transcript)
    );
}

#[test]
fn words_of_a_later_chunk_are_placed_at_its_offset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, second_at_ms) = two_clips(dir.path());
    let options = two_chunks(second_at_ms);
    let never = AtomicBool::new(false);
    let mut chunks = 0;
    let transcript = transcribe(&path, &options, &never, &mut |p| chunks = p.chunks)
        .expect("transcribes")
        .expect("not cancelled");
    assert_eq!(chunks, 2, "two chunks");
    let mut expected = known_words("goforward.flac");
    expected.extend(known_words("sense-0930.flac"));
    let heard = heard_words(&transcript);
    let wer = word_error_rate(&expected, &heard);
    assert!(wer <= 0.2, "word error rate {wer:.2}: {heard:?}");
    let words: Vec<_> = transcript
        .segments
        .iter()
        .flat_map(|s| s.words.clone().unwrap_or_default())
        .collect();
    let first_clip_words = words.iter().filter(|w| w.start_ms < second_at_ms - 1_000);
    assert_eq!(
        first_clip_words.count(),
        4,
        "go forward ten meters: {words:?}"
    );
    let he = words
        .iter()
        .find(|w| w.start_ms >= second_at_ms - 1_000)
        .expect("the second clip's words");
    assert!(
        he.start_ms + 300 >= second_at_ms && he.start_ms < second_at_ms + 1_500,
        "{he:?}: the second clip starts at {second_at_ms} ms"
    );
    assert!(
        transcript.segments.len() >= 2,
        "the pause between the clips ends a line"
    );
}
