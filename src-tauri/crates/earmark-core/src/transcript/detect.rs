//! Choosing the format: by content first, then by the file's name or MIME type.
//!
//! Content decides when it is clear: a `WEBVTT` header; a JSON object with a
//! `"segments"` list; an SRT timing line (`00:00:01,000 --> …`) among the first
//! lines; HTML markup. Otherwise the hint decides, and without a hint the input is
//! plain text. A hint also settles one ambiguity: timing lines without a
//! `WEBVTT` header are read as WebVTT when the hint says WebVTT, else as SRT.

use std::path::Path;

use super::cleanup::finish_text;
use super::decode::{decode, ensure_text};
use super::page::{read_episode_page, PageTranscript};
use super::{html, json, srt, text, vtt, Transcript, TranscriptError, TranscriptFormat};

/// How many non-blank lines are searched for an SRT timing line.
const SRT_SNIFF_LINES: usize = 30;
/// How many characters are searched for HTML markup.
const HTML_SNIFF_CHARS: usize = 4096;

/// What the file's name or MIME type suggests about its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatHint(TranscriptFormat);

impl FormatHint {
    /// A hint for `format`.
    pub fn new(format: TranscriptFormat) -> Self {
        FormatHint(format)
    }

    /// The format hinted at.
    pub fn format(self) -> TranscriptFormat {
        self.0
    }

    /// The hint in a file name's extension (`.vtt`, `.srt`, `.json`, `.html`,
    /// `.htm`, `.txt`), ignoring case. Looks at the name only; reads nothing.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?;
        extension.parse::<TranscriptFormat>().ok().map(FormatHint)
    }

    /// The hint in a MIME type such as `text/vtt` or `application/x-subrip`, as
    /// Podcasting 2.0 feeds give in `<podcast:transcript type="…">`. Parameters
    /// (`; charset=utf-8`) are ignored.
    pub fn from_mime(mime: &str) -> Option<Self> {
        let essence = mime.split(';').next()?.trim().to_ascii_lowercase();
        let format = match essence.as_str() {
            "text/vtt" | "text/webvtt" => TranscriptFormat::Vtt,
            "application/x-subrip"
            | "application/srt"
            | "text/srt"
            | "text/x-srt"
            | "application/x-srt" => TranscriptFormat::Srt,
            "application/json" | "text/json" => TranscriptFormat::Json,
            "text/html" | "application/xhtml+xml" => TranscriptFormat::Html,
            "text/plain" => TranscriptFormat::Text,
            _ => return None,
        };
        Some(FormatHint(format))
    }
}

impl From<TranscriptFormat> for FormatHint {
    fn from(format: TranscriptFormat) -> Self {
        FormatHint(format)
    }
}

/// Parses a transcript of any supported format, detecting which (see the module
/// documentation).
pub fn parse(input: &str, hint: Option<FormatHint>) -> Result<Transcript, TranscriptError> {
    ensure_text(input)?;
    parse_as(input, detect(input, hint))
}

/// Parses `input` as `format`, whatever it looks like.
pub fn parse_as(input: &str, format: TranscriptFormat) -> Result<Transcript, TranscriptError> {
    ensure_text(input)?;
    // WebVTT's rule for every format (html5ever would drop it silently).
    let input = &*super::cleanup::without_nul(input);
    let transcript = match format {
        TranscriptFormat::Vtt => vtt::parse(input),
        TranscriptFormat::Srt => srt::parse(input),
        TranscriptFormat::Json => json::parse(input),
        TranscriptFormat::Html => html::parse(input),
        TranscriptFormat::Text => text::parse(input),
        // Recognised speech is made from audio, never read from text.
        TranscriptFormat::Speech => Err(TranscriptError::UnknownFormat("speech".into())),
    }?;
    Ok(finish_text(transcript))
}

/// Parses a transcript from raw bytes in any encoding the shared decoder finds
/// ([`crate::text_encoding`]: a byte-order mark, UTF-16/32 by their zero bytes, an
/// HTML `<meta charset>`, UTF-8, else a statistical guess such as Windows-1252).
pub fn parse_bytes(bytes: &[u8], hint: Option<FormatHint>) -> Result<Transcript, TranscriptError> {
    parse(&decode(bytes, None)?, hint)
}

/// Parses a transcript fetched with `content_type`: its MIME type is the format's
/// hint unless `hint` is given, and its charset comes before the document's own
/// declaration.
pub fn parse_fetched(
    bytes: &[u8],
    hint: Option<FormatHint>,
    content_type: Option<&str>,
) -> Result<Transcript, TranscriptError> {
    let hint = hint.or_else(|| content_type.and_then(FormatHint::from_mime));
    parse(&decode(bytes, content_type)?, hint)
}

/// Reads the transcript of a web page fetched with `content_type`: an HTML page's
/// transcript section ([`super::read_episode_page`]), or the transcript file the
/// address turned out to hold.
pub fn read_fetched_page(
    bytes: &[u8],
    content_type: Option<&str>,
) -> Result<PageTranscript, TranscriptError> {
    let hint = content_type.and_then(FormatHint::from_mime);
    let text = decode(bytes, content_type)?;
    if detect(&text, hint) == TranscriptFormat::Html {
        return read_episode_page(&text);
    }
    Ok(PageTranscript {
        transcript: parse(&text, hint)?,
        incomplete: false,
    })
}

/// Parses raw bytes (decoded as [`parse_bytes`] does) as `format`, whatever they
/// look like: for a format the user named explicitly.
pub fn parse_bytes_as(
    bytes: &[u8],
    format: TranscriptFormat,
) -> Result<Transcript, TranscriptError> {
    parse_as(&decode(bytes, None)?, format)
}

/// The format `input` is in (see the module documentation).
pub fn detect(input: &str, hint: Option<FormatHint>) -> TranscriptFormat {
    let hinted = hint.map(FormatHint::format);
    let trimmed = input.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("WEBVTT") {
        return TranscriptFormat::Vtt;
    }
    if (trimmed.starts_with('{') && trimmed.contains("\"segments\""))
        || (trimmed.starts_with('[') && hinted == Some(TranscriptFormat::Json))
    {
        return TranscriptFormat::Json;
    }
    let has_timing_line = trimmed
        .lines()
        .filter(|line| !line.trim().is_empty())
        .take(SRT_SNIFF_LINES)
        .any(|line| vtt::parse_timing(line) != Err(vtt::BadTiming::Unreadable));
    if has_timing_line {
        return match hinted {
            Some(TranscriptFormat::Vtt) => TranscriptFormat::Vtt,
            _ => TranscriptFormat::Srt,
        };
    }
    if looks_like_html(trimmed) {
        return TranscriptFormat::Html;
    }
    hinted.unwrap_or(TranscriptFormat::Text)
}

/// True when `s` opens with an HTML document or holds common HTML elements.
fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .chars()
        .take(HTML_SNIFF_CHARS)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
    {
        return true;
    }
    let tags = [
        "<p>", "<p ", "</p>", "<div", "<body", "<cite>", "<time", "<article", "<br>", "<br/>",
        "<br />", "<span", "<h1", "<h2", "<strong>",
    ];
    let count = tags.iter().filter(|tag| head.contains(*tag)).count();
    (head.starts_with('<') && count >= 1) || count >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_bytes_as_follows_the_named_format_over_the_content() {
        let vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n";
        let detected = parse_bytes(vtt, None).unwrap();
        assert_eq!(
            detected.format,
            TranscriptFormat::Vtt,
            "content says WebVTT"
        );
        let forced = parse_bytes_as(vtt, TranscriptFormat::Text).unwrap();
        assert_eq!(
            forced.format,
            TranscriptFormat::Text,
            "the named format wins"
        );
        assert_ne!(
            forced.segments, detected.segments,
            "read as text, the cue lines are not parsed as WebVTT: {forced:?}"
        );
    }

    #[test]
    fn parse_bytes_as_still_refuses_binary() {
        let err = parse_bytes_as(&[0u8, 159, 146, 150, 0, 0, 1], TranscriptFormat::Text);
        assert_eq!(err, Err(TranscriptError::NotATranscript));
    }
}
