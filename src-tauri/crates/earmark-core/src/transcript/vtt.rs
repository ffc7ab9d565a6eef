//! WebVTT, read by hand.
//!
//! The WebVTT crates on crates.io either reject files that players accept (no
//! header, hour-less times, `,` before milliseconds) or drop what a transcript
//! needs (voices, timestamp tags as word timings), so this follows the W3C parsing
//! rules loosely instead:
//!
//! - The `WEBVTT` line and the header metadata under it are skipped; a missing
//!   header is tolerated. `NOTE`, `STYLE` and `REGION` blocks are skipped wherever
//!   they appear. Cue identifiers and cue settings are read past, also settings
//!   glued to the end time.
//! - A cue whose timing line cannot be read, or whose end comes before its start,
//!   is left out with a warning (as browsers drop it).
//! - Times may leave out the hours (`01:02.500`).
//! - A cue's lines are joined with a space. Tags (`<c>`, `<i>`, `<b>`, `<u>`,
//!   `<lang>`, `<ruby>`) are dropped, `<rt>` text is dropped, character references
//!   are decoded.
//! - `<v Name>` and `<v.class Name>` give the speaker. A cue with several voices
//!   becomes one segment per voice, all with the cue's times; text outside any
//!   voice joins the voice next to it. When the file uses voice tags, a cue
//!   without one has no speaker (voices are per cue in WebVTT).
//! - Files with no voice tags at all get the SRT treatment: a `Name:` prefix that
//!   passes the speaker rules (see `speaker.rs`) becomes the speaker, and a cue
//!   without one continues the last named speaker.
//! - Timestamp tags (`<00:00:01.000>`) give word timings: each word starts at the
//!   last timestamp before it (the first ones at the cue start) and ends where the
//!   next word starts. Cues without timestamp tags have no word timings.

use super::cleanup::{collapse_whitespace, decode_entities, normalize_newlines};
use super::speaker::apply_prefixes;
use super::timestamps::parse_clock;
use super::timing::{finish, spread_words};
use super::{Segment, Transcript, TranscriptError, TranscriptFormat};

/// Parses a WebVTT document.
pub(crate) fn parse(input: &str) -> Result<Transcript, TranscriptError> {
    let text = normalize_newlines(input);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut i = 0;
    if lines
        .first()
        .is_some_and(|l| starts_with_keyword(l, "WEBVTT"))
    {
        while i < lines.len() && !lines[i].trim().is_empty() && !lines[i].contains("-->") {
            i += 1;
        }
    }
    let mut segments = Vec::new();
    let mut has_voices = false;
    let mut warnings = Vec::new();
    let mut cue_count = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        let is_other_block = ["NOTE", "STYLE", "REGION"]
            .iter()
            .any(|k| starts_with_keyword(line, k));
        let timing_line = if is_other_block {
            None
        } else if line.contains("-->") {
            Some(i)
        } else if lines.get(i + 1).is_some_and(|next| next.contains("-->")) {
            Some(i + 1)
        } else {
            None
        };
        let Some(timing_line) = timing_line else {
            while i < lines.len() && !lines[i].trim().is_empty() {
                i += 1;
            }
            continue;
        };
        cue_count += 1;
        let block_line = i + 1;
        let times = parse_timing(lines[timing_line]);
        i = timing_line + 1;
        let body_start = i;
        while i < lines.len() && !lines[i].trim().is_empty() && !lines[i].contains("-->") {
            i += 1;
        }
        match times {
            Ok((start, end)) => {
                let cue = parse_cue_text(&lines[body_start..i].join("\n"), start, end);
                has_voices |= cue.has_voice;
                segments.extend(cue.segments);
            }
            Err(bad) => warnings.push(bad.warning(cue_count, block_line)),
        }
    }
    if !has_voices {
        apply_prefixes(&mut segments);
    }
    finish(TranscriptFormat::Vtt, segments, warnings)
}

/// True when `line` is `keyword` alone or followed by a space or tab.
fn starts_with_keyword(line: &str, keyword: &str) -> bool {
    line.strip_prefix(keyword)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        || line.trim_end() == keyword
}

/// Why a cue's timing line gives no times; the cue is then left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BadTiming {
    /// No `start --> end` could be read.
    Unreadable,
    /// The end comes before the start.
    EndBeforeStart,
    /// An SRT cue with an index and text but no timing line.
    Missing,
}

impl BadTiming {
    /// The warning for cue `number` whose block starts at 1-based `line`.
    pub(crate) fn warning(self, number: usize, line: usize) -> String {
        let why = match self {
            BadTiming::Unreadable => "its timing line could not be read",
            BadTiming::EndBeforeStart => "it ends before it starts",
            BadTiming::Missing => "it has no timing line",
        };
        format!("Cue {number} (line {line}) was left out: {why}.")
    }
}

/// A cue's start and end in milliseconds, or why its timing line gives none.
pub(crate) type CueTimes = Result<(u64, u64), BadTiming>;

/// Reads `start --> end [settings]`.
///
/// The end time is read as far as it is made of digits, `:`, `.` and `,` (SRT's
/// decimal mark), so settings glued to it (`00:02.000line:40%`, or a NUL, read as
/// U+FFFD, before them) do not cost the cue. The WebVTT spec's parser reads it the
/// same way: it collects the timestamp's characters and hands what follows to the
/// settings parser.
pub(crate) fn parse_timing(line: &str) -> CueTimes {
    let (start, rest) = line.split_once("-->").ok_or(BadTiming::Unreadable)?;
    let rest = rest.trim_start();
    let end = &rest[..rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | ',')))
        .unwrap_or(rest.len())];
    // Something glued to the time (settings, a stray character) counts only after
    // a whole time, milliseconds and all: `00:01.000line:40%` reads, while
    // `00:01\u{fffd}.000` and `00:01.00\u{fffd}` are broken times.
    let glued = rest[end.len()..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace());
    let whole = end
        .rsplit_once(['.', ','])
        .is_some_and(|(_, ms)| ms.len() == 3);
    if glued && !whole {
        return Err(BadTiming::Unreadable);
    }
    match (parse_clock(start), parse_clock(end)) {
        (Some(start), Some(end)) if end >= start => Ok((start, end)),
        (Some(_), Some(_)) => Err(BadTiming::EndBeforeStart),
        _ => Err(BadTiming::Unreadable),
    }
}

/// A cue's text split by voice.
#[derive(Debug, Default)]
struct Cue {
    segments: Vec<Segment>,
    has_voice: bool,
}

/// Text said by one voice within a cue, with the timestamp tags that fell in it as
/// `(byte offset in text, ms)`.
#[derive(Debug, Default)]
struct VoiceRun {
    voice: Option<String>,
    text: String,
    marks: Vec<(usize, u64)>,
}

impl VoiceRun {
    fn append(&mut self, other: VoiceRun) {
        // A space between the two texts, unless there is nothing before it.
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.marks
            .extend(other.marks.into_iter().map(|(at, ms)| (at + offset, ms)));
    }
}

/// Reads the cue text markup (tags, voices, timestamps, references).
fn parse_cue_text(body: &str, start: u64, end: u64) -> Cue {
    let mut runs = vec![VoiceRun::default()];
    let mut has_voice = false;
    let mut last_timestamp: Option<u64> = None;
    let mut ruby_text_depth = 0usize;
    let mut rest = body;
    while !rest.is_empty() {
        let Some(tag_start) = rest.find('<') else {
            push_text(&mut runs, rest, ruby_text_depth);
            break;
        };
        push_text(&mut runs, &rest[..tag_start], ruby_text_depth);
        let after = &rest[tag_start + 1..];
        let (tag, next) = match after.find('>') {
            Some(close) => (&after[..close], &after[close + 1..]),
            None => (after, ""),
        };
        rest = next;
        if let Some(closing) = tag.strip_prefix('/') {
            match tag_name(closing) {
                "v" => switch_voice(&mut runs, None, last_timestamp),
                "rt" => ruby_text_depth = ruby_text_depth.saturating_sub(1),
                "ruby" => ruby_text_depth = 0,
                _ => {}
            }
        } else if tag.starts_with(|c: char| c.is_ascii_digit()) {
            if let (Some(ms), Some(run)) = (parse_clock(tag), runs.last_mut()) {
                last_timestamp = Some(ms);
                run.marks.push((run.text.len(), ms));
            }
        } else {
            match tag_name(tag) {
                "v" => {
                    let annotation = tag.split_once([' ', '\t', '\n']).map_or("", |(_, a)| a);
                    let name = decode_entities(annotation).trim().to_string();
                    has_voice |= !name.is_empty();
                    let voice = (!name.is_empty()).then_some(name);
                    switch_voice(&mut runs, voice, last_timestamp);
                }
                "rt" => ruby_text_depth += 1,
                _ => {}
            }
        }
    }
    let segments = merge_runs(runs)
        .into_iter()
        .map(|VoiceRun { voice, text, marks }| {
            if last_timestamp.is_none() {
                // No word timings: only the text, with its spaces tidied.
                return Segment {
                    start_ms: Some(start),
                    end_ms: Some(end),
                    speaker: voice,
                    text: tidy_spaces(text),
                    words: None,
                };
            }
            // Words borrow from the run's text until they are given their times.
            let words = words_of(&text, &marks, start);
            let mut joined = String::with_capacity(text.len());
            for (i, (word, _)) in words.iter().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(word);
            }
            let owned = words.iter().map(|&(w, ms)| (w.to_string(), ms)).collect();
            let words = Some(spread_words(owned, end));
            Segment {
                start_ms: Some(start),
                end_ms: Some(end),
                speaker: voice,
                text: joined,
                words,
            }
        })
        .collect();
    Cue {
        segments,
        has_voice,
    }
}

/// The tag name: what comes before classes (`.`) and the annotation.
fn tag_name(tag: &str) -> &str {
    let end = tag.find(['.', ' ', '\t', '\n']).unwrap_or(tag.len());
    tag[..end].trim()
}

fn push_text(runs: &mut [VoiceRun], text: &str, ruby_text_depth: usize) {
    if ruby_text_depth > 0 || text.is_empty() {
        return;
    }
    if let Some(run) = runs.last_mut() {
        run.text.push_str(&decode_entities(text));
    }
}

/// Starts a new run for `voice`, carrying the time of the last timestamp tag over.
fn switch_voice(runs: &mut Vec<VoiceRun>, voice: Option<String>, time: Option<u64>) {
    runs.push(VoiceRun {
        voice,
        text: String::new(),
        marks: time.map(|ms| vec![(0, ms)]).unwrap_or_default(),
    });
}

/// Joins unvoiced text to the voice next to it and neighbouring runs of the same
/// voice, dropping runs with no words.
fn merge_runs(runs: Vec<VoiceRun>) -> Vec<VoiceRun> {
    let mut merged: Vec<VoiceRun> = Vec::new();
    for run in runs {
        let blank = run.text.trim().is_empty();
        let Some(last) = merged.last_mut() else {
            merged.push(run);
            continue;
        };
        if run.voice.is_none() || run.voice == last.voice || blank {
            last.append(run);
        } else if last.voice.is_none() {
            // Text before the first voice joins that voice.
            last.voice.clone_from(&run.voice);
            last.append(run);
        } else {
            merged.push(run);
        }
    }
    merged.retain(|run| !run.text.trim().is_empty());
    merged
}

/// `text` with its words joined by single spaces; most cue text already is, and is
/// then kept as it is rather than copied.
fn tidy_spaces(text: String) -> String {
    // One pass: ASCII only, no whitespace but single spaces between words.
    let mut after_space = true;
    for &b in text.as_bytes() {
        let tidy_byte = match b {
            b' ' => !std::mem::replace(&mut after_space, true),
            b if b.is_ascii() && !b.is_ascii_whitespace() => {
                after_space = false;
                true
            }
            _ => false,
        };
        if !tidy_byte {
            return collapse_whitespace(&text);
        }
    }
    if after_space && !text.is_empty() {
        return collapse_whitespace(&text);
    }
    text
}

/// The words of `text`, each with the time of the last timestamp before it.
fn words_of<'t>(text: &'t str, marks: &[(usize, u64)], cue_start: u64) -> Vec<(&'t str, u64)> {
    let mut words = Vec::new();
    let mut time = cue_start;
    let mut next_mark = 0;
    let mut word_start: Option<usize> = None;
    for (pos, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if ch.is_whitespace() {
            if let Some(begin) = word_start.take() {
                while next_mark < marks.len() && marks[next_mark].0 <= begin {
                    time = marks[next_mark].1;
                    next_mark += 1;
                }
                words.push((&text[begin..pos], time));
            }
        } else if word_start.is_none() {
            word_start = Some(pos);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_spaces_agrees_with_collapsing_whitespace() {
        for s in [
            "", " ", "a", " a", "a ", "a  b", "a\tb", "a\nb", "a b c", "é  b", "a\u{a0}b",
        ] {
            assert_eq!(tidy_spaces(s.to_string()), collapse_whitespace(s), "{s:?}");
        }
    }

    #[test]
    fn text_before_a_voice_joins_it_without_a_leading_space() {
        let cue = parse_cue_text("<v Ana>Hello <00:00:01.500>there", 1000, 2000);
        assert_eq!(cue.segments[0].text, "Hello there");
        let words = cue.segments[0].words.clone().unwrap_or_default();
        assert_eq!(
            words[1].start_ms, 1500,
            "timestamp offsets survive the merge"
        );
    }
}
