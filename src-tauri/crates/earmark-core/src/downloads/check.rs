//! What a finished transfer must be before it counts as downloaded: not empty, not a
//! web page or other text, and audio that the player can open.
//!
//! A server that cannot give out the file often still answers `200 OK`: a sign-in or
//! "moved" page, a storage service's XML error, a 0-byte body. The `Content-Type`
//! catches the honest ones at the headers ([`is_web_page_type`]); the first bytes
//! catch the rest, whatever type they were served as ([`sniff`]); the player's probe,
//! passed in by the caller ([`Probe`]), catches anything else that is not audio.
//! Core does not depend on the player (no audio stack in the domain crate), so the
//! app and the command line hand it `earmark_player::check_playable`.

use std::io::Read;
use std::path::Path;

/// Opens a file as the player would; `Err` says why it cannot be played.
pub type Probe<'a> = &'a dyn Fn(&Path) -> Result<(), String>;

/// How many leading bytes are looked at (as in the WHATWG MIME sniffing standard's
/// resource header).
const SNIFF_BYTES: usize = 512;

/// What arrived instead of audio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAudio {
    /// A body of 0 bytes.
    Empty,
    /// An HTML or XML document: an error, sign-in or "moved" page.
    WebPage,
    /// Plain text (or JSON and the like).
    Text,
    /// Bytes the player cannot open, with its reason.
    Unplayable(String),
}

impl NotAudio {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            NotAudio::Empty => "empty_body",
            NotAudio::WebPage => "web_page",
            NotAudio::Text => "text_body",
            NotAudio::Unplayable(_) => "not_audio",
        }
    }
}

/// Whether a `Content-Type` names a web page (`text/html`, XHTML): no audio
/// comes with those, so the body is not even read.
pub(super) fn is_web_page_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(essence.as_str(), "text/html" | "application/xhtml+xml")
}

/// Checks the file at `path` (see the module documentation).
pub(super) fn check_audio(path: &Path, probe: Probe<'_>) -> Result<(), NotAudio> {
    let mut start = Vec::with_capacity(SNIFF_BYTES);
    // A file that cannot be read is left to the probe, which says why.
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(SNIFF_BYTES as u64).read_to_end(&mut start);
        if let Some(not_audio) = sniff(&start) {
            return Err(not_audio);
        }
    }
    probe(path).map_err(NotAudio::Unplayable)
}

/// Recognises an empty body, markup and text from the first bytes. Hand-written
/// rather than a MIME-sniffing crate: only these three answers are needed, and the
/// rule is two lines of the WHATWG standard (markup opens with `<` after
/// whitespace; text has no "binary data byte"). No audio container starts with `<`,
/// and every one has binary bytes in its first 512 (ID3, RIFF, MP4, Ogg, FLAC
/// headers, MPEG frame headers).
pub(super) fn sniff(start: &[u8]) -> Option<NotAudio> {
    let start = &start[..start.len().min(SNIFF_BYTES)];
    if start.is_empty() {
        return Some(NotAudio::Empty);
    }
    let text = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => Some(NotAudio::WebPage),
        _ if !text.iter().copied().any(is_binary_byte) => Some(NotAudio::Text),
        _ => None,
    }
}

/// WHATWG's "binary data byte": a control byte that text does not contain.
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_text_are_told_from_audio() {
        assert_eq!(sniff(b""), Some(NotAudio::Empty));
        assert_eq!(
            sniff(b"\n  <!DOCTYPE html><html><body>Moved</body></html>"),
            Some(NotAudio::WebPage)
        );
        assert_eq!(
            sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>"),
            Some(NotAudio::WebPage)
        );
        assert_eq!(
            sniff(b"{\"error\": \"not found\"}\r\n"),
            Some(NotAudio::Text)
        );
        assert_eq!(sniff(b"   \n\t "), Some(NotAudio::Text));
        assert_eq!(sniff(b"ID3\x04\x00\x00\x00\x00\x00\x23TIT2"), None);
        assert_eq!(sniff(b"RIFF\x24\x08\x00\x00WAVEfmt "), None);
        assert_eq!(sniff(b"\xFF\xFB\x90\x64\x00\x0F\xF0\x00"), None);
        assert_eq!(sniff(b"\x00\x00\x00\x20ftypM4A "), None);
    }

    #[test]
    fn only_page_types_are_refused_at_the_headers() {
        assert!(is_web_page_type("text/html; charset=utf-8"));
        assert!(is_web_page_type(" Text/HTML"));
        assert!(is_web_page_type("application/xhtml+xml"));
        assert!(!is_web_page_type("audio/mpeg"));
        // Misconfigured servers label audio as text/plain; the bytes decide.
        assert!(!is_web_page_type("text/plain"));
        assert!(!is_web_page_type(""));
    }
}
