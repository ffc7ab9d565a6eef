//! From bytes to text, and telling text from binary junk.

use std::borrow::Cow;

use super::TranscriptError;

/// How many leading characters are checked for binary content.
const SNIFF_CHARS: usize = 65_536;

/// Decodes `bytes` with the shared decoder ([`crate::text_encoding`]), the response's
/// `Content-Type` charset first when it came from the network, refusing binary files.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> Result<Cow<'a, str>, TranscriptError> {
    let text = crate::text_encoding::decode(bytes, content_type).text;
    ensure_text(&text)?;
    Ok(text)
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
