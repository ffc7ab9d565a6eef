//! SubRip (SRT), read by hand.
//!
//! SRT has no specification, and the files in the wild bend every rule the SRT
//! crates enforce, so this reader is tolerant by design:
//!
//! - A byte-order mark and `\r\n` or `\r` line endings are fine.
//! - `,` or `.` may stand before the milliseconds; hours may be left out; text after
//!   the end time (position hints like `X1:…`) is ignored.
//! - The index line is optional, and blank lines may repeat or appear inside a
//!   cue's text: a cue runs until the next index + timing pair or timing line.
//! - A cue whose timing line cannot be read (`00:00:05,000 -> 00:00:07,000`,
//!   `00:00:05,000 --> garbage`) or whose end comes before its start is left out,
//!   its index and text with it up to the next cue, and reported as a warning;
//!   it is never glued into the cue before it. So is a cue that has no timing line
//!   at all (a blank line, the next cue's number, then text).
//! - Inline markup (`<i>`, `<b>`, `<u>`, `<font …>`, `{\an8}`) is stripped and
//!   character references are decoded; a cue's lines are joined with a space.
//! - Speakers: a line starting with an accepted `Name:` label (see `speaker.rs`),
//!   or a line that is only such a label with the cue's text after it, names the
//!   speaker, and that speaker holds until another label appears, so a
//!   cue without a prefix continues the last named speaker. A cue whose lines
//!   carry two labels (`- Ana: Hi` / `- Ben: Hello`) becomes two segments with the
//!   cue's times.

use super::cleanup::{
    collapse_whitespace, decode_entities, normalize_newlines, strip_subtitle_tags,
};
use super::speaker::{split_label, Labels};
use super::timing::finish;
use super::vtt::{parse_timing, BadTiming, CueTimes};
use super::{Segment, Transcript, TranscriptError, TranscriptFormat};

/// A cue as read, before speakers are assigned.
#[derive(Debug)]
struct Cue {
    start_ms: u64,
    end_ms: u64,
    lines: Vec<String>,
}

/// Parses an SRT document.
pub(crate) fn parse(input: &str) -> Result<Transcript, TranscriptError> {
    let text = normalize_newlines(input);
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    let timing_at = |i: usize| -> Option<(usize, CueTimes)> {
        let line = *lines.get(i)?;
        if is_timing_shaped(line, "-->") {
            return Some((i, parse_timing(line)));
        }
        let next = *lines.get(i + 1)?;
        let is_index = !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit());
        if is_index && is_timing_shaped(next, "->") {
            return Some((i + 1, parse_timing(next)));
        }
        None
    };
    let mut cues: Vec<Cue> = Vec::new();
    let mut warnings = Vec::new();
    let mut cue_count = 0;
    let mut i = 0;
    while i < lines.len() {
        if let Some((timing_line, times)) = timing_at(i) {
            cue_count += 1;
            let block_line = i + 1;
            i = timing_line + 1;
            match times {
                Ok((start_ms, end_ms)) => cues.push(Cue {
                    start_ms,
                    end_ms,
                    lines: Vec::new(),
                }),
                Err(bad) => {
                    warnings.push(bad.warning(cue_count, block_line));
                    // The cue's text goes with it, up to the next cue.
                    while i < lines.len() && timing_at(i).is_none() {
                        i += 1;
                    }
                }
            }
            continue;
        }
        if starts_untimed_cue(&lines, i, cue_count + 1) {
            cue_count += 1;
            warnings.push(BadTiming::Missing.warning(cue_count, i + 1));
            i += 1;
            while i < lines.len() && timing_at(i).is_none() {
                i += 1;
            }
            continue;
        }
        let line = clean_line(lines[i]);
        if let (false, Some(cue)) = (line.is_empty(), cues.last_mut()) {
            cue.lines.push(line);
        }
        i += 1;
    }
    finish(TranscriptFormat::Srt, attribute_speakers(cues), warnings)
}

/// True when line `i` starts a cue that lost its timing line: after a blank line,
/// the next cue's number (`expected`), then text.
fn starts_untimed_cue(lines: &[&str], i: usize, expected: usize) -> bool {
    let after_blank = i > 0 && lines[i - 1].is_empty();
    let text_follows = lines.get(i + 1).is_some_and(|next| !next.is_empty());
    after_blank && text_follows && lines[i].parse::<usize>() == Ok(expected)
}

/// True when `line` is meant as a timing line: it starts with a digit and holds
/// `arrow` (`-->`, or after an index line also the mistyped `->`).
fn is_timing_shaped(line: &str, arrow: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_digit()) && line.contains(arrow)
}

/// One line of cue text without markup.
fn clean_line(line: &str) -> String {
    collapse_whitespace(&decode_entities(&strip_subtitle_tags(line)))
}

/// The label-shaped prefix of a cue line, past a dialogue dash. A line that is only
/// a label (`Maya:`) counts when `more_follows` in the cue: it names the speaker of
/// the lines after it, as AntennaPod reads it.
fn line_label(line: &str, more_follows: bool) -> Option<(&str, &str)> {
    let line = line.strip_prefix(['-', '–', '—']).unwrap_or(line);
    split_label(line).filter(|(_, rest)| !rest.is_empty() || more_follows)
}

/// Each line of a cue with whether more lines follow it in the cue.
fn lines_of(cue: &Cue) -> impl Iterator<Item = (&String, bool)> {
    let last = cue.lines.len().saturating_sub(1);
    cue.lines
        .iter()
        .enumerate()
        .map(move |(k, line)| (line, k < last))
}

/// Turns cues into segments, moving accepted `Name:` prefixes into speakers.
fn attribute_speakers(cues: Vec<Cue>) -> Vec<Segment> {
    let labels = Labels::decide(
        cues.iter()
            .flat_map(lines_of)
            .filter_map(|(line, more)| line_label(line, more)),
        &[],
    );
    let mut segments = Vec::with_capacity(cues.len());
    let mut speaker: Option<String> = None;
    for cue in &cues {
        let mut text = String::new();
        for (line, more) in lines_of(cue) {
            let labelled = line_label(line, more).filter(|(label, _)| labels.accepts(label));
            let line_text = match labelled {
                Some((label, rest)) => {
                    if !text.is_empty() {
                        segments.push(segment(cue, speaker.clone(), std::mem::take(&mut text)));
                    }
                    speaker = Some(label.to_string());
                    rest
                }
                None => line.as_str(),
            };
            if line_text.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(line_text);
        }
        segments.push(segment(cue, speaker.clone(), text));
    }
    segments
}

fn segment(cue: &Cue, speaker: Option<String>, text: String) -> Segment {
    Segment {
        start_ms: Some(cue.start_ms),
        end_ms: Some(cue.end_ms),
        speaker,
        text,
        words: None,
    }
}
