//! Podcasting 2.0 JSON transcripts (`application/json`):
//! `{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`
//! with times in seconds.
//!
//! Read through `serde_json::Value` so that a stray field of the wrong type costs
//! one segment, not the file: times may be numbers or numeric strings, `endTime`
//! and `speaker` may be missing, and `start`/`end`/`text` are accepted as aliases.
//! A top-level array of segments is accepted too.
//!
//! Many publishers write one word per segment. When at least 80% of segments hold
//! a single word, words are grouped into lines, keeping each word's timing in
//! `words`. A line ends when the speaker changes, after a word that ends a
//! sentence (`.`, `?`, `!`, `…`), before a pause longer than [`MAX_WORD_GAP_MS`],
//! or at [`MAX_LINE_WORDS`] words. Punctuation-only segments (`","`) attach to the
//! word before them.

use serde_json::{Map, Value};

use super::cleanup::collapse_whitespace;
use super::timestamps::seconds_to_ms;
use super::timing::finish;
use super::{Segment, Transcript, TranscriptError, TranscriptFormat, Word};

/// A pause between words longer than this starts a new line.
pub const MAX_WORD_GAP_MS: u64 = 1_000;
/// The most words in a line built from one-word segments.
pub const MAX_LINE_WORDS: usize = 30;

/// One segment as the file gives it.
#[derive(Debug)]
struct RawSegment {
    speaker: Option<String>,
    start_ms: Option<u64>,
    end_ms: Option<u64>,
    body: String,
}

/// Parses a Podcasting 2.0 JSON document.
pub(crate) fn parse(input: &str) -> Result<Transcript, TranscriptError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let document: Value = serde_json::from_str(input).map_err(|e| {
        let reason = match e.classify() {
            // serde_json's recursion limit (128 levels) is what keeps a deep document
            // from overflowing the stack.
            _ if e.to_string().starts_with("recursion limit exceeded") => "it is nested too deep",
            serde_json::error::Category::Eof => "the file ends too early",
            serde_json::error::Category::Io => "it could not be read",
            _ => "it is not valid JSON",
        };
        TranscriptError::InvalidJson {
            reason: reason.to_string(),
            line: e.line(),
            column: e.column(),
        }
    })?;
    let list = match &document {
        Value::Object(object) => object.get("segments").and_then(Value::as_array),
        Value::Array(list) => Some(list),
        _ => None,
    }
    .ok_or(TranscriptError::NotPodcastJson)?;
    let raw: Vec<RawSegment> = list
        .iter()
        .filter_map(Value::as_object)
        .filter_map(read_segment)
        .collect();
    let single_words = raw
        .iter()
        .filter(|s| s.body.split_whitespace().count() == 1)
        .count();
    let segments = if raw.len() >= 2 && single_words * 10 >= raw.len() * 8 {
        group_words(raw)
    } else {
        raw.into_iter()
            .map(|s| Segment {
                start_ms: s.start_ms,
                end_ms: s.end_ms,
                speaker: s.speaker,
                text: s.body,
                words: None,
            })
            .collect()
    };
    finish(TranscriptFormat::Json, segments, Vec::new())
}

fn read_segment(object: &Map<String, Value>) -> Option<RawSegment> {
    let field = |names: &[&str]| names.iter().find_map(|n| object.get(*n));
    let body = field(&["body", "text"])
        .and_then(Value::as_str)
        .map(collapse_whitespace)?;
    if body.is_empty() {
        return None;
    }
    let speaker = field(&["speaker"])
        .and_then(Value::as_str)
        .map(collapse_whitespace)
        .filter(|s| !s.is_empty());
    Some(RawSegment {
        speaker,
        start_ms: field(&["startTime", "start"]).and_then(seconds),
        end_ms: field(&["endTime", "end"]).and_then(seconds),
        body,
    })
}

/// A time in seconds, as a number or a numeric string.
fn seconds(value: &Value) -> Option<u64> {
    let seconds = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    seconds_to_ms(seconds)
}

/// True for a token made only of punctuation, such as `,` or `?`.
fn is_punctuation(token: &str) -> bool {
    token
        .chars()
        .all(|c| c.is_ascii_punctuation() || matches!(c, '…' | '—' | '–' | '»' | '«'))
}

/// True when `word` ends a sentence, past closing quotes and brackets.
fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '?', '!', '…'])
}

/// Groups one-word segments into lines (see the module documentation).
fn group_words(raw: Vec<RawSegment>) -> Vec<Segment> {
    let mut lines: Vec<Segment> = Vec::new();
    let mut current: Option<Segment> = None;
    for seg in raw {
        if is_punctuation(&seg.body) {
            if let Some(line) = current.as_mut() {
                line.text.push_str(&seg.body);
                if let Some(word) = line.words.as_mut().and_then(|w| w.last_mut()) {
                    word.text.push_str(&seg.body);
                    word.end_ms = word.end_ms.max(seg.end_ms.unwrap_or(word.end_ms));
                }
                continue;
            }
        }
        if let Some(line) = current.as_ref() {
            let last_word = line.words.as_ref().and_then(|w| w.last());
            let gap = match (last_word, seg.start_ms) {
                (Some(w), Some(start)) => start.saturating_sub(w.end_ms) > MAX_WORD_GAP_MS,
                _ => false,
            };
            let speaker_changed = seg.speaker.is_some() && seg.speaker != line.speaker;
            let word_count = line.words.as_ref().map_or(0, Vec::len);
            if speaker_changed || gap || ends_sentence(&line.text) || word_count >= MAX_LINE_WORDS {
                lines.extend(current.take());
            }
        }
        let line = current.get_or_insert_with(|| Segment {
            start_ms: seg.start_ms,
            end_ms: None,
            speaker: seg.speaker.clone(),
            text: String::new(),
            words: Some(Vec::new()),
        });
        if !line.text.is_empty() {
            line.text.push(' ');
        }
        line.text.push_str(&seg.body);
        if let Some(start) = seg.start_ms {
            let end = seg.end_ms.unwrap_or(start).max(start);
            line.start_ms = line.start_ms.or(Some(start));
            line.end_ms = Some(end);
            if let Some(words) = line.words.as_mut() {
                words.push(Word {
                    start_ms: start,
                    end_ms: end,
                    text: seg.body,
                });
            }
        }
    }
    lines.extend(current);
    for line in &mut lines {
        fill_word_ends(line);
    }
    lines
}

/// Words without an `endTime` end where the next word starts.
fn fill_word_ends(line: &mut Segment) {
    let Some(words) = line.words.as_mut() else {
        return;
    };
    for i in 1..words.len() {
        if words[i - 1].end_ms == words[i - 1].start_ms {
            words[i - 1].end_ms = words[i].start_ms.max(words[i - 1].start_ms);
        }
    }
    if let Some(last) = words.last() {
        line.end_ms = line.end_ms.max(Some(last.end_ms));
    }
    if words.is_empty() {
        line.words = None;
    }
}
