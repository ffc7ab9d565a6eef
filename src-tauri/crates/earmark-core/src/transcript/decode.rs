//! From bytes to text, and telling text from binary junk.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::TranscriptError;

/// How many leading characters are checked for binary content.
const SNIFF_CHARS: usize = 65_536;
/// How many leading bytes are checked for UTF-16 without a byte-order mark.
const UTF16_SNIFF_BYTES: usize = 4096;

/// Decodes `bytes` as described at [`super::parse_bytes`], refusing binary files.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, TranscriptError> {
    let text = if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        encoding.decode_without_bom_handling(&bytes[bom_length..]).0
    } else if let Some(encoding) = sniff_utf16(bytes) {
        encoding.decode_without_bom_handling(bytes).0
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        }
    };
    ensure_text(&text)?;
    Ok(text)
}

/// UTF-16 without a byte-order mark: ASCII-range text has a zero byte in every
/// other position.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Mostly zeros on one side, almost none on the other.
    if odd * 10 >= pairs * 4 && even * 20 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 4 && odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Refuses binary content: more than 1 in 20 of the first characters are control
/// characters (other than tab, newlines and form feed) or replacement characters.
pub(crate) fn ensure_text(text: &str) -> Result<(), TranscriptError> {
    let mut total = 0usize;
    let mut junk = 0usize;
    for c in text.chars().take(SNIFF_CHARS) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}');
        if control || c == '\u{fffd}' {
            junk += 1;
        }
    }
    if junk * 20 > total {
        return Err(TranscriptError::NotATranscript);
    }
    Ok(())
}
