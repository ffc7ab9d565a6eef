//! The acoustic check of placed lines: where the language has an acoustic model
//! (English, with PocketSphinx installed), each placed segment is decoded with a
//! grammar of its own words over its place ([`earmark_sphinx::check`]). Matching
//! synthetic frames cannot tell a short line from an ad in a similar voice; the
//! model can: a paragraph never spoken is not found where it was put, and a line
//! placed on someone else's words scores far worse than the episode's lines do.
//!
//! The rule (measured in docs/decisions.md, "An acoustic check of placed lines"): a
//! line fails when the decoder cannot follow its words to the end, first with a
//! fast search and then, to be sure, a wide one ([`Search`]), or when its score is
//! below [`FAR_BELOW`] times the episode's median (words "heard" through a music
//! bed where they are not said). A line with a word the model lacks, or a number,
//! is left as the warp judged it.

use std::sync::atomic::{AtomicBool, Ordering};

use super::mismatch::median;
use super::run::AlignedSegment;
use super::AlignError;
use earmark_sphinx::{Cepstra, Heard, LineChecker, Search};

/// Audio either side of a placed segment the decoder also hears, so a line placed
/// a little early or late is still heard whole.
const PAD_MS: u64 = 200;
/// A line scoring below this many times the episode's median score fails (scores
/// are negative, 0 is perfect).
pub const FAR_BELOW: f32 = 2.5;
/// The highest confidence of a line the check failed.
const FAILED_CONFIDENCE: f32 = 0.25;

/// What the check found for each segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// Not checked: no model for the language, a word it lacks, nothing placed.
    Unchecked,
    /// Heard where it was placed.
    Passes,
    /// Not heard where it was placed.
    Fails,
}

/// Checks every placed segment of an English transcript and lowers the confidence
/// of (and flags) those that fail. Does nothing for another language, or without
/// PocketSphinx's model (`cepstra` is then empty).
pub fn check_placed(
    cepstra: &Cepstra,
    texts: &[&str],
    segments: &mut [AlignedSegment],
    language: &str,
    cancel: &AtomicBool,
) -> Result<Vec<Verdict>, AlignError> {
    let unchecked = vec![Verdict::Unchecked; segments.len()];
    if cepstra.is_empty() || !is_english(language) {
        return Ok(unchecked);
    }
    let (Some(mut fast), Some(mut wide)) = (
        LineChecker::new(Search::Fast),
        LineChecker::new(Search::Wide),
    ) else {
        return Ok(unchecked);
    };
    let mut heard = Vec::with_capacity(segments.len());
    for (text, segment) in texts.iter().zip(segments.iter()) {
        if cancel.load(Ordering::Relaxed) {
            return Err(AlignError::Cancelled);
        }
        let words = words_of(text);
        heard.push(
            // Numbers are said in words the text does not spell.
            if segment.end_ms <= segment.start_ms
                || text.chars().any(char::is_numeric)
                || !words.iter().all(|w| fast.knows(w))
            {
                Heard::Unchecked
            } else {
                let window = cepstra.between(
                    segment.start_ms.saturating_sub(PAD_MS),
                    segment.end_ms + PAD_MS,
                );
                match fast.hear(window, &words) {
                    Heard::Fails => wide.hear(window, &words),
                    heard => heard,
                }
            },
        );
    }
    let verdicts = judge(&heard);
    for (segment, verdict) in segments.iter_mut().zip(&verdicts) {
        if *verdict == Verdict::Fails {
            segment.confidence = segment.confidence.min(FAILED_CONFIDENCE);
            segment.flagged = true;
        }
    }
    Ok(verdicts)
}

/// The rule: fails to be heard, or far below the episode's median score.
pub fn judge(heard: &[Heard]) -> Vec<Verdict> {
    let scores: Vec<f32> = heard
        .iter()
        .filter_map(|h| match h {
            Heard::Score(s) => Some(*s),
            _ => None,
        })
        .collect();
    let floor = median(scores).map(|m| m * FAR_BELOW);
    heard
        .iter()
        .map(|h| match (h, floor) {
            (Heard::Unchecked, _) => Verdict::Unchecked,
            (Heard::Fails, _) => Verdict::Fails,
            (Heard::Score(s), Some(floor)) if *s < floor => Verdict::Fails,
            (Heard::Score(_), _) => Verdict::Passes,
        })
        .collect()
}

/// True for an English voice or language code (`en`, `en-us`, `en-GB`…).
fn is_english(language: &str) -> bool {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    primary.eq_ignore_ascii_case("en")
}

/// A line's words as the model's dictionary spells them: lower case, letters and
/// apostrophes, hyphenated words apart (numbers are left out: see [`check_placed`]).
pub fn words_of(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map(|w| w.replace('’', "'").trim_matches('\'').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_fails_when_not_reached_or_far_below_the_median() {
        let heard = [
            Heard::Score(-10.0),
            Heard::Score(-12.0),
            Heard::Fails,
            Heard::Score(-31.0),
            Heard::Unchecked,
            Heard::Score(-24.0),
        ];
        assert_eq!(
            judge(&heard),
            [
                Verdict::Passes,
                Verdict::Passes,
                Verdict::Fails,
                Verdict::Fails,
                Verdict::Unchecked,
                Verdict::Passes,
            ],
            "the median is -12: -31 is below 2.5 times it, -24 is not"
        );
    }

    #[test]
    fn words_are_spelled_as_the_dictionary_does() {
        assert_eq!(
            words_of("Don’t stop—it's “well-known” 'twice'!"),
            ["don't", "stop", "it's", "well", "known", "twice"]
        );
        assert!(is_english("en-us") && is_english("EN_GB") && is_english("en"));
        assert!(!is_english("fi") && !is_english("eng-x") && !is_english(""));
    }
}
