//! Plain-text transcripts, as podcast websites and transcription services publish
//! them. Most have no times at all.
//!
//! Paragraphs are separated by blank lines; the lines of a paragraph are joined
//! with a space. What each line can be:
//!
//! - `Name: words` — a new turn by `Name`, if the label passes the speaker rules in
//!   `speaker.rs` (so "at 10:30 we said: …" and a lone "Note: …" stay text). A turn
//!   may also start mid-paragraph, for files with one turn per line.
//! - `Name:` alone — the following lines are `Name`'s.
//! - `Name  0:03`, `Name (00:01:10)`, `Name [00:01:10]:` alone on a line (the
//!   exports of transcription services) — a turn by `Name` starting then.
//! - `[00:01:10] Name: words`, `(00:01:10) words`, `00:01:10 Name: words` — a
//!   timed line. A bare time without brackets counts only before a speaker label or
//!   in `h:mm:ss` form, so a sentence starting "10:30 is late" stays text.
//! - A time alone on a line (`0:03`, `[00:01:10]`) — the next line starts then.
//! - Anything else — text, continuing the current turn; a paragraph without a
//!   label continues the previous speaker.
//!
//! In a file with times, an untimed paragraph right after a timed one by the same
//! speaker is part of that turn and is joined to it.
//!
//! The title heuristic: the first paragraph is a title (and dropped) when it is 1–3
//! short lines (at most 100 characters each) without a speaker label or a time,
//! none ending in `.`, `,`, `;` or `:`, and more paragraphs follow that do use
//! sentence punctuation. So "Episode 12: Gardening" on top of a transcript is not
//! read as a segment, while a transcript without punctuation keeps its first line.

use super::cleanup::{collapse_whitespace, normalize_newlines};
use super::speaker::{is_name_shape, split_label, Labels};
use super::timestamps::parse_clock;
use super::timing::finish;
use super::{Segment, Transcript, TranscriptError, TranscriptFormat};

/// The longest line that can be part of a title.
const MAX_TITLE_LINE_CHARS: usize = 100;
/// The most lines in a title block.
const MAX_TITLE_LINES: usize = 3;

/// Parses a plain-text transcript.
pub(crate) fn parse(input: &str) -> Result<Transcript, TranscriptError> {
    let text = normalize_newlines(input);
    let mut paragraphs = split_paragraphs(&text);
    // A label only the first paragraph uses must not stop it from being a title.
    let later_labels = decide_labels(paragraphs.get(1..).unwrap_or_default(), &[]);
    let labels = if is_title(&paragraphs, &later_labels) {
        paragraphs.remove(0);
        later_labels
    } else {
        decide_labels(&paragraphs, &[])
    };
    finish(
        TranscriptFormat::Text,
        build(&paragraphs, &labels),
        Vec::new(),
    )
}

/// A paragraph: its lines, and the speaker its markup names, if any.
#[derive(Debug, Clone, Default)]
pub(crate) struct Paragraph<'a> {
    /// The speaker named by markup (HTML `<strong>Name:</strong>`), not by text.
    pub(crate) speaker: Option<String>,
    /// The non-blank lines, trimmed.
    pub(crate) lines: Vec<&'a str>,
}

/// Segments from paragraphs that come from elsewhere (HTML pages), with the names
/// their markup vouches for. No title detection.
pub(crate) fn segments_from_paragraphs(
    paragraphs: &[Paragraph<'_>],
    known: &[String],
) -> Vec<Segment> {
    let labels = decide_labels(paragraphs, known);
    build(paragraphs, &labels)
}

/// The paragraphs of `text`: runs of non-blank lines, trimmed.
pub(crate) fn split_paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut paragraphs = Vec::new();
    let mut current = Paragraph::default();
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            if !current.lines.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.lines.push(line);
        }
    }
    if !current.lines.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

fn decide_labels(paragraphs: &[Paragraph<'_>], known: &[String]) -> Labels {
    let candidates = paragraphs
        .iter()
        .flat_map(|p| p.lines.iter())
        .filter_map(|line| split_label(time_prefix(line).map_or(*line, |(_, rest)| rest)));
    Labels::decide(candidates, known)
}

/// What one line of a text transcript is.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    /// A time alone: the next line starts then.
    Time(u64),
    /// A speaker (and maybe a time) alone: the next lines are theirs.
    Speaker { name: &'a str, at: Option<u64> },
    /// Text, maybe with a time and a speaker label in front.
    Text {
        at: Option<u64>,
        speaker: Option<&'a str>,
        text: &'a str,
    },
}

fn classify<'a>(line: &'a str, labels: &Labels) -> Line<'a> {
    if let Some(ms) = parse_clock(strip_brackets(line)) {
        return Line::Time(ms);
    }
    if let Some(line) = speaker_with_time(line) {
        return line;
    }
    let (at, rest) = match time_prefix(line) {
        Some((ms, rest)) => (Some(ms), rest),
        None => (None, line),
    };
    match split_label(rest).filter(|(label, _)| labels.accepts(label)) {
        Some((name, "")) if at.is_none() => Line::Speaker { name, at: None },
        Some((name, text)) => Line::Text {
            at,
            speaker: Some(name),
            text,
        },
        None => Line::Text {
            at,
            speaker: None,
            text: rest,
        },
    }
}

/// `[t]` or `(t)` → `t`.
fn strip_brackets(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .or_else(|| s.strip_prefix('(').and_then(|s| s.strip_suffix(')')))
        .unwrap_or(s)
}

/// A time at the start of a line: `[t]`, `(t)`, or a bare `t` followed by a speaker
/// label or written as `h:mm:ss`. Returns the time and the rest of the line.
fn time_prefix(line: &str) -> Option<(u64, &str)> {
    if let Some(close) = line
        .strip_prefix(['[', '('])
        .and_then(|s| s.find([']', ')']))
    {
        let ms = parse_clock(&line[1..close + 1])?;
        return Some((ms, trim_separator(&line[close + 2..])));
    }
    let (first, rest) = line.split_once(char::is_whitespace)?;
    let ms = parse_clock(first)?;
    let rest = trim_separator(rest);
    let full_clock = first.matches(':').count() == 2;
    (full_clock || split_label(rest).is_some()).then_some((ms, rest))
}

/// Drops the dash or bar some exports put between a time and the text.
fn trim_separator(s: &str) -> &str {
    s.trim_start()
        .trim_start_matches(['-', '–', '—', '|'])
        .trim_start()
}

/// `Name  0:03`, `Name (00:01:10)`, `Name [00:01:10]:` alone on a line, or
/// `Name (00:01:10): words`.
fn speaker_with_time(line: &str) -> Option<Line<'_>> {
    if let Some(open) = line.rfind(['(', '[']) {
        let inner_end = line[open..].find([')', ']'])? + open;
        let at = parse_clock(&line[open + 1..inner_end])?;
        let name = line[..open]
            .trim()
            .trim_end_matches(['-', '–', ',', '|'])
            .trim_end();
        let after = line[inner_end + 1..].trim_start();
        let after = after.strip_prefix(':').unwrap_or(after).trim();
        if !is_name_shape(name) {
            return None;
        }
        return Some(if after.is_empty() {
            Line::Speaker { name, at: Some(at) }
        } else {
            Line::Text {
                at: Some(at),
                speaker: Some(name),
                text: after,
            }
        });
    }
    let (name, time) = line.rsplit_once(char::is_whitespace)?;
    let at = parse_clock(time)?;
    let name = name
        .trim()
        .trim_end_matches(['-', '–', ',', '|', ':'])
        .trim_end();
    is_name_shape(name).then_some(Line::Speaker { name, at: Some(at) })
}

/// True when the first paragraph is a title (see the module documentation).
fn is_title(paragraphs: &[Paragraph<'_>], labels: &Labels) -> bool {
    let Some((first, rest)) = paragraphs.split_first() else {
        return false;
    };
    let plain = first.lines.len() <= MAX_TITLE_LINES
        && first.lines.iter().all(|line| {
            line.chars().count() <= MAX_TITLE_LINE_CHARS
                && !line.ends_with(['.', ',', ';', ':'])
                && matches!(
                    classify(line, labels),
                    Line::Text {
                        at: None,
                        speaker: None,
                        ..
                    }
                )
        });
    let punctuated = rest
        .iter()
        .flat_map(|p| p.lines.iter())
        .any(|line| line.contains(['.', '?', '!']));
    plain && punctuated
}

/// Builds segments line by line (see the module documentation).
fn build(paragraphs: &[Paragraph<'_>], labels: &Labels) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut current: Option<Segment> = None;
    let mut last_speaker: Option<String> = None;
    let mut pending_time: Option<u64> = None;
    let mut pending_speaker: Option<String> = None;
    let mut flush = |current: &mut Option<Segment>, last_speaker: &mut Option<String>| {
        if let Some(segment) = current.take() {
            if segment.speaker.is_some() {
                last_speaker.clone_from(&segment.speaker);
            }
            segments.push(segment);
        }
    };
    for paragraph in paragraphs {
        if paragraph.speaker.is_some() {
            flush(&mut current, &mut last_speaker);
            pending_speaker.clone_from(&paragraph.speaker);
        }
        for line in &paragraph.lines {
            match classify(line, labels) {
                Line::Time(ms) => {
                    flush(&mut current, &mut last_speaker);
                    pending_time = Some(ms);
                }
                Line::Speaker { name, at } => {
                    flush(&mut current, &mut last_speaker);
                    pending_speaker = Some(name.to_string());
                    pending_time = at.or(pending_time);
                }
                Line::Text { at, speaker, text } => {
                    if at.is_some() || speaker.is_some() {
                        flush(&mut current, &mut last_speaker);
                    }
                    let segment = current.get_or_insert_with(|| Segment {
                        start_ms: at.or(pending_time.take()),
                        end_ms: None,
                        speaker: speaker
                            .map(str::to_string)
                            .or(pending_speaker.take())
                            .or(last_speaker.clone()),
                        text: String::new(),
                        words: None,
                    });
                    if !segment.text.is_empty() {
                        segment.text.push(' ');
                    }
                    segment.text.push_str(&collapse_whitespace(text));
                }
            }
        }
        flush(&mut current, &mut last_speaker);
    }
    merge_untimed_continuations(segments)
}

/// In a timed file, joins an untimed paragraph to the timed turn before it by the
/// same speaker.
fn merge_untimed_continuations(segments: Vec<Segment>) -> Vec<Segment> {
    if segments.iter().all(|s| s.start_ms.is_none()) {
        return segments;
    }
    let mut merged: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        match merged.last_mut() {
            Some(last)
                if segment.start_ms.is_none()
                    && last.start_ms.is_some()
                    && last.speaker == segment.speaker =>
            {
                last.text.push(' ');
                last.text.push_str(&segment.text);
            }
            _ => merged.push(segment),
        }
    }
    merged
}
