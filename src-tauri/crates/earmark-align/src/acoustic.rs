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
use earmark_sphinx::front::CEPSTRA;
use earmark_sphinx::{Cepstra, Heard, LineChecker, Search};

/// Audio either side of a placed segment the decoder also hears, so a line placed
/// a little early or late is still heard whole.
const PAD_MS: u64 = 200;
/// A line heard only at half speed fails below this many times the episode's
/// median score. Measured: the demo's fast synthetic lines scored 0.7 to 0.95 times
/// their episode's median that way, paragraphs never spoken 3 to 3.6 times theirs.
pub const SLOWED_BELOW: f32 = 1.5;
/// The padding of the wide search's second look: a line whose end the warp put
/// early, in a voice whose ends are hard to hear, is still heard whole.
const WIDE_PAD_MS: u64 = 500;
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
        // Numbers are said in words the text does not spell.
        heard.push(
            if segment.end_ms <= segment.start_ms
                || text.chars().any(char::is_numeric)
                || !words.iter().all(|w| fast.knows(w))
            {
                Check::heard(Heard::Unchecked)
            } else {
                let window = |pad: u64| {
                    cepstra.between(segment.start_ms.saturating_sub(pad), segment.end_ms + pad)
                };
                match fast.hear(window(PAD_MS), &words) {
                    Heard::Fails => match wide.hear(window(WIDE_PAD_MS), &words) {
                        Heard::Fails => Check {
                            heard: wide.hear(&slowed(window(WIDE_PAD_MS)), &words),
                            slowed: true,
                        },
                        heard => Check::heard(heard),
                    },
                    heard => Check::heard(heard),
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

/// What the decoder heard of one line, and whether only at half speed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    /// The verdict of the last search tried.
    pub heard: Heard,
    /// True when the line was heard only with its frames doubled ([`slowed`]).
    pub slowed: bool,
}

impl Check {
    fn heard(heard: Heard) -> Self {
        Check {
            heard,
            slowed: false,
        }
    }
}

/// The rule: not heard, or a score below [`FAR_BELOW`] times the episode's median
/// ([`SLOWED_BELOW`] times for a line heard only at half speed, which fits audio
/// more loosely).
pub fn judge(checks: &[Check]) -> Vec<Verdict> {
    let scores: Vec<f32> = checks
        .iter()
        .filter(|c| !c.slowed)
        .filter_map(|c| match c.heard {
            Heard::Score(s) => Some(s),
            _ => None,
        })
        .collect();
    let median = median(scores);
    checks
        .iter()
        .map(|c| match (c.heard, median) {
            (Heard::Unchecked, _) => Verdict::Unchecked,
            (Heard::Fails, _) => Verdict::Fails,
            (Heard::Score(s), Some(m))
                if s < m * if c.slowed { SLOWED_BELOW } else { FAR_BELOW } =>
            {
                Verdict::Fails
            }
            (Heard::Score(_), _) => Verdict::Passes,
        })
        .collect()
}

/// `cepstra` at half speed, each frame twice: every state of the model's phones
/// lasts at least one frame (30 ms a phone), which a fast voice (espeak-ng's, sped
/// up) can undercut, so that its words cannot be followed to the end.
fn slowed(cepstra: &[f32]) -> Vec<f32> {
    cepstra
        .chunks_exact(CEPSTRA)
        .flat_map(|frame| frame.iter().chain(frame).copied())
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
        let slowed = |s: f32| Check {
            heard: Heard::Score(s),
            slowed: true,
        };
        let checks = [
            Check::heard(Heard::Score(-10.0)),
            Check::heard(Heard::Score(-12.0)),
            Check::heard(Heard::Fails),
            Check::heard(Heard::Score(-31.0)),
            Check::heard(Heard::Unchecked),
            Check::heard(Heard::Score(-24.0)),
            slowed(-17.0),
            slowed(-19.0),
        ];
        assert_eq!(
            judge(&checks),
            [
                Verdict::Passes,
                Verdict::Passes,
                Verdict::Fails,
                Verdict::Fails,
                Verdict::Unchecked,
                Verdict::Passes,
                Verdict::Passes,
                Verdict::Fails,
            ],
            "the median of the lines heard at their speed is -12: -31 is below 2.5 times \
             it, -24 is not; at half speed, -19 is below 1.5 times it, -17 is not"
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
