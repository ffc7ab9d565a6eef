//! The aligner on recorded human speech: `make-episode.py --human --repeat 3`
//! (a LibriVox reader, a card dealer and a guide from tests/fixtures/speech, a
//! music intro, one paragraph never spoken per round and an "ad" of
//! untranscribed human speech per round), in each variant of where the ad and
//! the unspoken paragraph are.
//!
//! Every variant must meet issue 17's targets: start errors over the spoken
//! paragraphs of median ≤ 50 ms, p95 ≤ 200 ms, max ≤ 300 ms; every unspoken
//! paragraph flagged and no spoken one; 70 % of each ad and of the intro reported
//! as unmatched.
//! They are met thanks to the second look of `earmark_align::verify`:
//! without it, an unspoken paragraph took the next one's audio, every following
//! line shifted by one until the ad absorbed the excess, and p95 was 1.6–8.7 s
//! (docs/decisions.md, "Recorded human speech").

use earmark_align::Alignment;

use crate::{
    aligned, assert_mostly_unmatched, generate, load, percentile, start_errors, Episode, TestResult,
};

/// The targets every variant must reach.
const MEDIAN_MS: u64 = 50;
const P95_MS: u64 = 200;
const MAX_MS: u64 = 300;

fn check(args: &[&str]) -> TestResult {
    let mut all = vec!["--human", "--repeat", "3"];
    all.extend_from_slice(args);
    let episode = load(&generate(&all))?;
    let alignment = aligned(&episode)?;
    let starts: Vec<u64> = alignment.segments.iter().map(|s| s.start_ms).collect();
    let errors = start_errors(&starts, &episode.starts);
    let (median, p95) = (percentile(&errors, 50), percentile(&errors, 95));
    let max = errors.iter().copied().max().unwrap_or(0);
    assert!(
        median <= MEDIAN_MS && p95 <= P95_MS && max <= MAX_MS,
        "{args:?}: start errors median {median} ms (≤ {MEDIAN_MS}), p95 {p95} ms (≤ {P95_MS}), \
         max {max} ms (≤ {MAX_MS}); all: {errors:?}"
    );
    check_flags(args, &episode, &alignment);
    // Every paragraph never spoken is flagged; the intro and each ad are mostly
    // reported as unmatched.
    assert_mostly_unmatched(
        &format!("{args:?}"),
        &episode.unmatched,
        &alignment.unmatched,
    );
    Ok(())
}

fn check_flags(args: &[&str], episode: &Episode, alignment: &Alignment) {
    for (k, (segment, truth)) in alignment.segments.iter().zip(&episode.starts).enumerate() {
        if truth.is_none() {
            assert!(
                segment.flagged,
                "{args:?}: paragraph {k} was never spoken: {segment:?}"
            );
        }
    }
    let spoken_flagged: Vec<usize> = (0..alignment.segments.len())
        .filter(|&k| episode.starts[k].is_some() && alignment.segments[k].flagged)
        .collect();
    assert!(
        spoken_flagged.is_empty(),
        "{args:?}: no spoken paragraph flagged: {spoken_flagged:?}"
    );
}

#[test]
fn clean_human_speech_aligns() -> TestResult {
    check(&["--no-ad", "--no-unspoken"])
}

#[test]
fn a_human_paragraph_never_spoken_is_flagged() -> TestResult {
    // Measured: median 6 ms, p95 130 ms, max 141 ms; 3 of 3 flagged, 0 spoken.
    check(&["--no-ad"])
}

#[test]
fn a_human_ad() -> TestResult {
    // Measured: median 6 ms, p95 133 ms, max 141 ms; all 30 s of ads found, 0 spoken
    // flagged.
    check(&["--no-unspoken"])
}

#[test]
fn an_unspoken_paragraph_and_an_ad_two_paragraphs_apart() -> TestResult {
    // Measured: median 6 ms, p95 129 ms, max 141 ms; 3 of 3 flagged, 0 spoken;
    // all 30 s of ads found.
    check(&[])
}

#[test]
fn an_unspoken_paragraph_next_to_the_ad() -> TestResult {
    // Measured: median 6 ms, p95 129 ms, max 141 ms; as above.
    check(&["--ad-next-to-unspoken"])
}

#[test]
fn an_ad_before_the_first_line() -> TestResult {
    // Measured: median 6 ms, p95 129 ms, max 143 ms; 3 of 3 flagged, 0 spoken.
    check(&["--ad-before", "0"])
}

#[test]
fn an_ad_right_after_a_short_line() -> TestResult {
    // "Ten of clubs.", then the ad, then a long line. Measured: median 7 ms, p95
    // 129 ms, max 143 ms; 3 of 3 flagged, 0 spoken. Before the short line's own
    // place was looked for (`verify::EARLIER_SHARE`) and the ad could be waited
    // through only after it (`free::free_moves`): p95 8.2 s, 2 spoken flagged.
    check(&["--ad-before", "2"])
}

#[test]
fn an_ad_right_before_a_short_line() -> TestResult {
    // The ad, then "Five, five.". Measured: median 6 ms, p95 129 ms, max 141 ms.
    check(&["--ad-before", "7"])
}

/// Word starts on recorded speech, against where PocketSphinx's phone-level forced
/// alignment hears each word (tests/fixtures/speech/word-starts.tsv, carried into
/// the episode's truth by the generator). Measured where the paragraph itself was
/// placed within 100 ms, as in `words.rs`.
#[test]
fn words_start_where_the_recorded_voices_say_them() -> TestResult {
    let dir = generate(&["--human", "--repeat", "3"]);
    let episode = load(&dir)?;
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json"))?)?;
    let timed = aligned(&episode)?.apply(&episode.transcript);
    let mut errors = Vec::new();
    for (segment, want) in timed
        .segments
        .iter()
        .zip(truth["segments"].as_array().ok_or("segments")?)
    {
        let placed = segment.start_ms.zip(want["start_ms"].as_u64());
        if placed.is_none_or(|(got, want)| got.abs_diff(want) > 100) {
            continue;
        }
        let words = segment
            .words
            .as_deref()
            .ok_or("a placed paragraph has words")?;
        let starts = want["words"].as_array().ok_or("the truth's word starts")?;
        assert_eq!(
            words.len(),
            starts.len(),
            "one start per written word: {}",
            segment.text
        );
        for (word, start) in words.iter().zip(starts) {
            errors.push(word.start_ms.abs_diff(start.as_u64().ok_or("a start")?));
        }
    }
    errors.sort_unstable();
    let (median, p95) = (percentile(&errors, 50), percentile(&errors, 95));
    // Measured: median 31 ms, p95 207 ms over 257 words; the target is a median of
    // 60 ms (issue 17).
    assert!(
        errors.len() >= 200 && median <= 60,
        "word start errors over {} words: median {median} ms, p95 {p95} ms: {errors:?}",
        errors.len()
    );
    Ok(())
}
