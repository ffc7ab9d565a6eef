//! Correcting words in place: the listener retypes what a line got wrong (a word
//! misheard by speech recognition, a name misspelt), as in a text editor. The line
//! keeps its times, and the timed words the correction touches hand their time span
//! to the words they become, shared out by length, so the lit word still follows
//! the voice.

use serde::Deserialize;

use super::{Transcript, Word};

/// A correction of line `index`: its text from `start` to `end` (UTF-16 offsets, as
/// the window counts), which reads `old`, becomes `new`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Correction {
    /// The line.
    pub index: usize,
    /// Where the corrected text starts in the line's text (UTF-16 code units).
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// What the text there reads now.
    pub old: String,
    /// What it should read.
    pub new: String,
}

/// Why a correction was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionError {
    /// There is no such line.
    #[error("That line is no longer in the transcript.")]
    NoSuchLine,
    /// The line no longer reads what was corrected.
    #[error("That line has changed since it was selected; select the words again.")]
    Changed,
    /// The line would be left without text.
    #[error("A line cannot be left empty: type the words it should read.")]
    EmptyLine,
}

impl CorrectionError {
    /// The stable code the window and scripts see.
    pub fn code(&self) -> &'static str {
        match self {
            CorrectionError::NoSuchLine => "no_such_line",
            CorrectionError::Changed => "line_changed",
            CorrectionError::EmptyLine => "empty_line",
        }
    }
}

/// `transcript` with the correction made.
pub fn correct(transcript: &Transcript, fix: &Correction) -> Result<Transcript, CorrectionError> {
    let segment = transcript
        .segments
        .get(fix.index)
        .ok_or(CorrectionError::NoSuchLine)?;
    let text = &segment.text;
    let (start, end) = match (byte_at(text, fix.start), byte_at(text, fix.end)) {
        (Some(start), Some(end)) if start <= end && text[start..end] == fix.old => (start, end),
        _ => return Err(CorrectionError::Changed),
    };
    let typed = fix.new.split_whitespace().collect::<Vec<_>>().join(" ");
    let corrected = format!("{}{typed}{}", &text[..start], &text[end..]);
    let corrected = corrected.split_whitespace().collect::<Vec<_>>().join(" ");
    if corrected.is_empty() {
        return Err(CorrectionError::EmptyLine);
    }
    let words = segment
        .words
        .as_deref()
        .and_then(|words| retimed_words(text, words, (start, end), &typed));
    let mut out = transcript.clone();
    let line = &mut out.segments[fix.index];
    line.text = corrected;
    line.words = words;
    Ok(out)
}

/// The byte offset of UTF-16 offset `at` in `text`, when it falls on a character.
fn byte_at(text: &str, at: usize) -> Option<usize> {
    let mut units = 0;
    for (byte, ch) in text.char_indices() {
        if units == at {
            return Some(byte);
        }
        units += ch.len_utf16();
    }
    (units == at).then_some(text.len())
}

/// The line's words after the correction: those the corrected span touches give way
/// to the words of their text as corrected, over the same time, shared by length.
/// `None` (the line keeps its times, not its words) when the words do not spell
/// the line.
fn retimed_words(
    text: &str,
    words: &[Word],
    (start, end): (usize, usize),
    typed: &str,
) -> Option<Vec<Word>> {
    let mut spans = Vec::with_capacity(words.len());
    let mut from = 0;
    for word in words {
        let at = from + text[from..].find(word.text.as_str())?;
        spans.push((at, at + word.text.len()));
        from = at + word.text.len();
    }
    let touched: Vec<usize> = (0..words.len())
        .filter(|&i| spans[i].0 < end.max(start + 1) && spans[i].1 > start)
        .collect();
    let (Some(&first), Some(&last)) = (touched.first(), touched.last()) else {
        return Some(words.to_vec());
    };
    let (from, to) = (spans[first].0.min(start), spans[last].1.max(end));
    let region = format!("{}{typed}{}", &text[from..start], &text[end..to]);
    let tokens: Vec<&str> = region.split_whitespace().collect();
    let (t0, t1) = (
        words[first].start_ms,
        words[last].end_ms.max(words[first].start_ms),
    );
    let total: usize = tokens.iter().map(|t| t.chars().count()).sum();
    let mut out = words[..first].to_vec();
    let mut done = 0;
    for token in &tokens {
        let at = |chars: usize| t0 + ((t1 - t0) as f64 * chars as f64 / total.max(1) as f64) as u64;
        let length = token.chars().count();
        out.push(Word::new(at(done), at(done + length), *token));
        done += length;
    }
    out.extend_from_slice(&words[last + 1..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Segment, TranscriptFormat};

    fn word(start_ms: u64, end_ms: u64, text: &str) -> Word {
        Word::new(start_ms, end_ms, text)
    }

    fn heard() -> Transcript {
        let mut line = Segment::timed(1_000, 3_000, "Go fore word ten meters.");
        line.words = Some(vec![
            word(1_000, 1_200, "Go"),
            word(1_300, 1_600, "fore"),
            word(1_600, 2_000, "word"),
            word(2_100, 2_400, "ten"),
            word(2_400, 3_000, "meters."),
        ]);
        Transcript {
            format: TranscriptFormat::Speech,
            warnings: Vec::new(),
            segments: vec![line],
        }
    }

    fn fix(start: usize, end: usize, old: &str, new: &str) -> Correction {
        Correction {
            index: 0,
            start,
            end,
            old: old.into(),
            new: new.into(),
        }
    }

    #[test]
    fn misheard_words_are_retyped_and_share_their_time() {
        let done = correct(&heard(), &fix(3, 12, "fore word", "forward")).expect("corrected");
        let line = &done.segments[0];
        assert_eq!(line.text, "Go forward ten meters.");
        assert_eq!((line.start_ms, line.end_ms), (Some(1_000), Some(3_000)));
        assert_eq!(
            line.words.as_deref().expect("words"),
            [
                word(1_000, 1_200, "Go"),
                word(1_300, 2_000, "forward"),
                word(2_100, 2_400, "ten"),
                word(2_400, 3_000, "meters.")
            ]
        );
    }

    #[test]
    fn a_part_of_a_word_is_corrected_and_the_word_keeps_its_time_and_punctuation() {
        let done = correct(&heard(), &fix(19, 22, "ter", "tre")).expect("corrected");
        let line = &done.segments[0];
        assert_eq!(line.text, "Go fore word ten metres.");
        let words = line.words.as_deref().expect("words");
        assert_eq!(words[4], word(2_400, 3_000, "metres."));
    }

    #[test]
    fn one_word_becomes_two_over_its_time() {
        let done = correct(&heard(), &fix(13, 16, "ten", "ten whole")).expect("corrected");
        let words = done.segments[0].words.clone().expect("words");
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["Go", "fore", "word", "ten", "whole", "meters."]);
        assert_eq!((words[3].start_ms, words[4].end_ms), (2_100, 2_400));
        assert!(words[3].end_ms <= words[4].start_ms);
    }

    #[test]
    fn a_line_that_changed_or_would_be_empty_is_refused() {
        assert_eq!(
            correct(&heard(), &fix(3, 7, "fire", "four")),
            Err(CorrectionError::Changed)
        );
        assert_eq!(
            correct(&heard(), &fix(0, 24, "Go fore word ten meters.", "  ")),
            Err(CorrectionError::EmptyLine)
        );
        let elsewhere = Correction {
            index: 3,
            ..fix(0, 2, "Go", "No")
        };
        assert_eq!(
            correct(&heard(), &elsewhere),
            Err(CorrectionError::NoSuchLine)
        );
    }

    #[test]
    fn offsets_count_utf16_as_the_window_does() {
        let mut transcript = heard();
        transcript.segments[0] = Segment::timed(0, 1_000, "Über 🎧 naïve wrod.");
        let done = correct(&transcript, &fix(14, 18, "wrod", "word")).expect("corrected");
        assert_eq!(done.segments[0].text, "Über 🎧 naïve word.");
    }
}
