//! Writing a timed transcript back out as WebVTT or SRT subtitles.
//!
//! Each segment becomes one cue. A missing end is taken from the next segment's
//! start, else from its last word, else the cue lasts [`LAST_CUE_MS`]. The speaker
//! goes into a `<v Speaker>` voice tag in WebVTT and a `Speaker: ` prefix in SRT.
//! WebVTT keeps word timings as timestamp tags and escapes `&`, `<` and `>`; SRT
//! has no escapes, so text goes out as is. Line breaks in text and speaker names
//! (a lone `\r` included, see [`crate::transcript::one_line`]) become spaces: a blank line would
//! end the cue, and a stored speaker name holding a break could otherwise write a
//! cue of its own. A machine-made transcript's WebVTT opens with a `NOTE` saying so.

use std::fmt::Write;

use super::MACHINE_MADE_NOTE;
use crate::transcript::line_breaks::one_line;
use crate::transcript::timestamps::format_clock;
use crate::transcript::{Segment, Transcript, TranscriptError, TranscriptFormat};

/// How long a last cue without an end lasts.
pub const LAST_CUE_MS: u64 = 3_000;

/// The transcript as a WebVTT document. Fails when a segment has no time.
pub fn to_vtt(transcript: &Transcript) -> Result<String, TranscriptError> {
    let cues = cues(transcript, TranscriptFormat::Vtt)?;
    let mut out = String::from("WEBVTT\n");
    if transcript.machine_made() {
        let _ = write!(out, "\nNOTE {MACHINE_MADE_NOTE}\n");
    }
    for (segment, start, end) in cues {
        let _ = write!(
            out,
            "\n{} --> {}\n",
            format_clock(start, '.'),
            format_clock(end, '.')
        );
        if let Some(speaker) = speaker_of(segment) {
            let _ = write!(out, "<v {}>", escape(&speaker));
        }
        match segment.words.as_deref() {
            Some(words) if !words.is_empty() => {
                for (i, word) in words.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    if i > 0 || word.start_ms != start {
                        let _ = write!(out, "<{}>", format_clock(word.start_ms, '.'));
                    }
                    out.push_str(&escape(&one_line(&word.text)));
                }
            }
            _ => out.push_str(&escape(&one_line(&segment.text))),
        }
        out.push('\n');
    }
    Ok(out)
}

/// The transcript as an SRT document. Fails when a segment has no time.
pub fn to_srt(transcript: &Transcript) -> Result<String, TranscriptError> {
    let cues = cues(transcript, TranscriptFormat::Srt)?;
    let mut out = String::new();
    for (n, (segment, start, end)) in cues.into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}\n{} --> {}",
            n + 1,
            format_clock(start, ','),
            format_clock(end, ',')
        );
        if let Some(speaker) = speaker_of(segment) {
            let _ = write!(out, "{speaker}: ");
        }
        let _ = writeln!(out, "{}", one_line(&segment.text));
    }
    Ok(out)
}

/// Each segment with its start and end, or the error for an untimed transcript.
pub(crate) fn cues(
    transcript: &Transcript,
    format: TranscriptFormat,
) -> Result<Vec<(&Segment, u64, u64)>, TranscriptError> {
    let segments = &transcript.segments;
    let mut cues = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let start = segment
            .start_ms
            .ok_or(TranscriptError::Untimed { format })?;
        let next_start = segments
            .get(i + 1)
            .and_then(|s| s.start_ms)
            .filter(|&n| n >= start);
        let last_word_end = segment
            .words
            .as_ref()
            .and_then(|w| w.last())
            .map(|w| w.end_ms);
        let end = segment
            .end_ms
            .or(next_start)
            .or(last_word_end)
            .unwrap_or(start + LAST_CUE_MS)
            .max(start);
        cues.push((segment, start, end));
    }
    if cues.is_empty() {
        return Err(TranscriptError::Untimed { format });
    }
    Ok(cues)
}

/// The segment's speaker on one line, `None` when it has none or only blanks.
fn speaker_of(segment: &Segment) -> Option<String> {
    segment
        .speaker
        .as_deref()
        .map(one_line)
        .filter(|name| !name.is_empty())
}

/// WebVTT text escapes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
