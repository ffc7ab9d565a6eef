//! Words heard across the chunks become the transcript's lines: a line ends at a
//! sentence end or where the speaker pauses, and a very long sentence is cut at a
//! comma. Every line is timed and keeps its words; no speaker is named.

use earmark_core::transcript::{Segment, Word};

use crate::helper::HeardSegment;

/// A silence at least this long between two words starts a new line.
pub const LINE_PAUSE_MS: u64 = 700;

/// From this many words a line ends at the next comma, semicolon or colon.
const SOFT_LINE_WORDS: usize = 30;

/// A line never holds more words than this.
const MAX_LINE_WORDS: usize = 60;

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: [&str; 10] = [
    "mr.", "mrs.", "ms.", "dr.", "st.", "vs.", "etc.", "e.g.", "i.e.", "prof.",
];

/// The words of `segments` heard in the chunk starting at `offset_ms`, in episode
/// time, in order and never going back. A segment the recogniser gave no word
/// timings for has its words spread evenly over it.
pub fn episode_words(segments: &[HeardSegment], offset_ms: u64, after_ms: u64) -> Vec<Word> {
    let mut words = Vec::new();
    let mut floor = after_ms;
    for segment in segments {
        let heard: Vec<(u64, u64, &str)> = if segment.words.is_empty() {
            spread(segment)
        } else {
            segment
                .words
                .iter()
                .map(|w| (w.start_ms, w.end_ms, w.text.as_str()))
                .collect()
        };
        for (start, end, text) in heard {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let start_ms = (offset_ms + start).max(floor);
            let end_ms = (offset_ms + end).max(start_ms);
            floor = start_ms;
            words.push(Word {
                start_ms,
                end_ms,
                text: text.to_string(),
            });
        }
    }
    words
}

/// A segment's text, word by word, spread evenly over its time.
fn spread(segment: &HeardSegment) -> Vec<(u64, u64, &str)> {
    let texts: Vec<&str> = segment.text.split_whitespace().collect();
    let span = segment.end_ms.saturating_sub(segment.start_ms);
    let n = texts.len().max(1) as u64;
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let i = i as u64;
            (
                segment.start_ms + span * i / n,
                segment.start_ms + span * (i + 1) / n,
                text,
            )
        })
        .collect()
}

/// The transcript's lines made from `words` (in episode time, in order).
pub fn lines(words: Vec<Word>) -> Vec<Segment> {
    let mut lines = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    for word in words {
        if let Some(last) = current.last() {
            let paused = word.start_ms.saturating_sub(last.end_ms) >= LINE_PAUSE_MS;
            if paused || line_ends_after(last, current.len()) {
                lines.push(line(std::mem::take(&mut current)));
            }
        }
        current.push(word);
    }
    if !current.is_empty() {
        lines.push(line(current));
    }
    lines
}

/// True when a line whose last word is `word`, `count` words long, ends there.
fn line_ends_after(word: &Word, count: usize) -> bool {
    let text = word.text.trim_end_matches(['"', '\'', ')', '’', '”']);
    let lower = text.to_lowercase();
    let sentence_end =
        text.ends_with(['.', '?', '!', '…']) && !ABBREVIATIONS.contains(&lower.as_str());
    sentence_end
        || (count >= SOFT_LINE_WORDS && text.ends_with([',', ';', ':']))
        || count >= MAX_LINE_WORDS
}

fn line(words: Vec<Word>) -> Segment {
    let start = words.first().map_or(0, |w| w.start_ms);
    let end = words.last().map_or(start, |w| w.end_ms);
    let text = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Segment {
        words: Some(words),
        ..Segment::timed(start, end, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helper::HeardWord;

    fn word(start_ms: u64, end_ms: u64, text: &str) -> Word {
        Word::new(start_ms, end_ms, text)
    }

    #[test]
    fn lines_end_at_sentence_ends_and_pauses_but_not_at_mr() {
        let words = vec![
            word(0, 300, "Mr."),
            word(300, 600, "Dashwood"),
            word(600, 900, "left."),
            word(950, 1200, "He"),
            word(1200, 1500, "waited"),
            word(2500, 2800, "then"),
            word(2800, 3000, "spoke"),
        ];
        let texts: Vec<String> = lines(words).into_iter().map(|s| s.text).collect();
        assert_eq!(texts, ["Mr. Dashwood left.", "He waited", "then spoke"]);
    }

    #[test]
    fn every_line_is_timed_by_its_words() {
        let made = lines(vec![word(100, 400, "Go"), word(500, 900, "on.")]);
        assert_eq!(made.len(), 1);
        assert_eq!((made[0].start_ms, made[0].end_ms), (Some(100), Some(900)));
        assert_eq!(made[0].words.as_ref().map(Vec::len), Some(2));
        assert_eq!(made[0].speaker, None, "no speaker is invented");
    }

    #[test]
    fn chunk_words_move_to_episode_time_and_never_go_back() {
        let heard = [HeardSegment {
            start_ms: 0,
            end_ms: 1000,
            text: "a b".into(),
            words: vec![
                HeardWord {
                    start_ms: 0,
                    end_ms: 400,
                    text: " a".into(),
                    probability: 0.9,
                },
                HeardWord {
                    start_ms: 300,
                    end_ms: 900,
                    text: "b".into(),
                    probability: 0.9,
                },
            ],
        }];
        let words = episode_words(&heard, 60_000, 60_200);
        assert_eq!(words[0], word(60_200, 60_400, "a"));
        assert_eq!(words[1], word(60_300, 60_900, "b"));
    }

    #[test]
    fn a_segment_without_word_timings_is_spread_evenly() {
        let heard = [HeardSegment {
            start_ms: 1000,
            end_ms: 2000,
            text: "one two".into(),
            words: vec![],
        }];
        let words = episode_words(&heard, 0, 0);
        assert_eq!(words, [word(1000, 1500, "one"), word(1500, 2000, "two")]);
    }
}
