//! From bytes to text: the one decoder feeds, OPML and transcripts share.
//!
//! The encoding is found the way feed readers and browsers find it, first match wins:
//!
//! 1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
//! 2. UTF-32 or UTF-16 without a mark, recognised by their zero bytes (ASCII-range
//!    text, such as an XML declaration or timing lines, has zeros in fixed places);
//! 3. the charset the server gave in `Content-Type`;
//! 4. the document's own declaration: `<?xml … encoding="…"?>` at the start, or an
//!    HTML `<meta … charset=…>` in the first kilobyte;
//! 5. UTF-8, when the bytes are valid UTF-8;
//! 6. otherwise a statistical guess (`chardetng`, Firefox's detector for undeclared
//!    legacy encodings: Windows-1252, ISO-8859-x, Shift_JIS, GBK, KOI8-R, …).
//!
//! A label `encoding_rs` does not know is passed over, not an error. UTF-32 (which
//! the WHATWG Encoding Standard leaves out, so `encoding_rs` cannot decode it) is
//! decoded here, four bytes at a time. Every step is linear in the input.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes are checked for UTF-16 or UTF-32 without a byte-order mark.
const WIDE_SNIFF_BYTES: usize = 4096;
/// How many leading bytes are searched for an HTML `<meta charset>`.
const META_SNIFF_BYTES: usize = 1024;

/// Text decoded from bytes, and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding's name (`UTF-8`, `UTF-16LE`, `UTF-32BE`, `windows-1252`, …).
    pub encoding: &'static str,
}

/// A wide Unicode encoding `encoding_rs` does not cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utf32 {
    Le,
    Be,
}

/// Where the text's encoding came from, before decoding.
#[derive(Debug, Clone, Copy)]
enum Found {
    Standard(&'static Encoding, usize),
    Utf32(Utf32, usize),
}

/// Decodes `bytes`, with the charset of the response's `Content-Type` when there
/// was one (see the module documentation for the order).
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    let found = bom(bytes)
        .or_else(|| sniff_wide(bytes))
        .or_else(|| content_type.and_then(charset_param).and_then(label));
    let found = match found.or_else(|| declared(bytes).and_then(label)) {
        Some(found) => found,
        None => match std::str::from_utf8(bytes) {
            // Checked once: the text is the bytes.
            Ok(text) => {
                return Decoded {
                    text: Cow::Borrowed(text),
                    encoding: UTF_8.name(),
                }
            }
            Err(_) => Found::Standard(guess(bytes), 0),
        },
    };
    match found {
        Found::Standard(encoding, skip) => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[skip..]);
            Decoded {
                text,
                encoding: encoding.name(),
            }
        }
        Found::Utf32(order, skip) => Decoded {
            text: Cow::Owned(decode_utf32(&bytes[skip..], order)),
            encoding: match order {
                Utf32::Le => "UTF-32LE",
                Utf32::Be => "UTF-32BE",
            },
        },
    }
}

/// Decodes an XML document as [`decode`] does, and makes its declaration (if any)
/// say UTF-8, which it now is: XML readers would otherwise decode it again by the
/// encoding it declares.
pub fn decode_xml<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    let text = decode(bytes, content_type).text;
    let rewritten = match declared_utf8(&text) {
        Cow::Owned(rewritten) => Some(rewritten),
        Cow::Borrowed(_) => None,
    };
    rewritten.map_or(text, Cow::Owned)
}

/// The document with its XML declaration (if any) saying UTF-8, which it now is:
/// the XML crates would otherwise decode it again by the declared encoding.
fn declared_utf8(text: &str) -> Cow<'_, str> {
    let Some(rest) = text.strip_prefix("<?xml") else {
        return Cow::Borrowed(text);
    };
    let Some(end) = rest.find("?>") else {
        return Cow::Borrowed(text);
    };
    let declaration = &rest[..end];
    match attribute(declaration, "encoding") {
        Some(name) if !name.eq_ignore_ascii_case("utf-8") => {
            let version = attribute(declaration, "version").unwrap_or("1.0");
            Cow::Owned(format!(
                "<?xml version=\"{version}\" encoding=\"UTF-8\"?>{}",
                &rest[end + 2..]
            ))
        }
        _ => Cow::Borrowed(text),
    }
}

/// The `charset` parameter of a `Content-Type` value, unquoted.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|v| !v.is_empty())
    })
}

/// A byte-order mark; UTF-32's are checked first (UTF-32 LE's starts as UTF-16 LE's).
fn bom(bytes: &[u8]) -> Option<Found> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Some(Found::Utf32(Utf32::Le, 4));
    }
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some(Found::Utf32(Utf32::Be, 4));
    }
    Encoding::for_bom(bytes).map(|(encoding, length)| Found::Standard(encoding, length))
}

/// UTF-32 or UTF-16 without a byte-order mark: mostly zeros in the high positions of
/// each code unit, almost none in the low one.
fn sniff_wide(bytes: &[u8]) -> Option<Found> {
    let sample = &bytes[..bytes.len().min(WIDE_SNIFF_BYTES)];
    let zeros_at = |width: usize, position: usize| {
        sample
            .chunks_exact(width)
            .filter(|unit| unit[position] == 0)
            .count()
    };
    let mostly = |zeros: usize, units: usize| zeros * 10 >= units * 9;
    let hardly = |zeros: usize, units: usize| zeros * 20 < units;
    let quads = sample.len() / 4;
    if quads >= 2 {
        let (z0, z1, z2, z3) = (
            zeros_at(4, 0),
            zeros_at(4, 1),
            zeros_at(4, 2),
            zeros_at(4, 3),
        );
        if hardly(z0, quads) && mostly(z2, quads) && mostly(z3, quads) {
            return Some(Found::Utf32(Utf32::Le, 0));
        }
        if hardly(z3, quads) && mostly(z0, quads) && mostly(z1, quads) {
            return Some(Found::Utf32(Utf32::Be, 0));
        }
    }
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (even, odd) = (zeros_at(2, 0), zeros_at(2, 1));
    // Mostly zeros on one side, almost none on the other.
    if odd * 10 >= pairs * 4 && hardly(even, pairs) {
        Some(Found::Standard(UTF_16LE, 0))
    } else if even * 10 >= pairs * 4 && hardly(odd, pairs) {
        Some(Found::Standard(UTF_16BE, 0))
    } else {
        None
    }
}

/// The encoding an XML declaration or an HTML `<meta>` near the start names.
fn declared(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(META_SNIFF_BYTES)];
    let head = std::str::from_utf8(head)
        .or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
        .ok()?;
    let start = head.trim_start();
    if let Some(rest) = start.strip_prefix("<?xml") {
        let declaration = &rest[..rest.find("?>")?];
        return attribute(declaration, "encoding");
    }
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let tag_start = from + at;
        let tag_end = lower[tag_start..]
            .find('>')
            .map_or(lower.len(), |end| tag_start + end);
        if let Some(at) = lower[tag_start..tag_end].find("charset=") {
            let value_start = tag_start + at + "charset=".len();
            let value = head[value_start..tag_end].trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            return Some(&value[..end]).filter(|v| !v.is_empty());
        }
        from = tag_end;
    }
    None
}

/// The value of pseudo-attribute `name` in an XML declaration's inside.
fn attribute<'a>(declaration: &'a str, name: &str) -> Option<&'a str> {
    let at = declaration.find(name)?;
    let rest = declaration[at + name.len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(&value[..value.find(quote)?])
}

/// What an encoding label stands for, if it is one `encoding_rs` or this module knows.
fn label(name: &str) -> Option<Found> {
    let name = name.trim();
    match name.to_ascii_lowercase().as_str() {
        "utf-32" | "utf-32le" | "ucs-4" | "ucs-4le" => return Some(Found::Utf32(Utf32::Le, 0)),
        "utf-32be" | "ucs-4be" => return Some(Found::Utf32(Utf32::Be, 0)),
        _ => {}
    }
    Encoding::for_label(name.as_bytes()).map(|encoding| Found::Standard(encoding, 0))
}

/// chardetng's guess for bytes that are not UTF-8 and say nothing of their encoding.
fn guess(bytes: &[u8]) -> &'static Encoding {
    // Feeds and transcripts run no scripts, but nothing makes ISO-2022-JP likely either.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // Only called on bytes that are not valid UTF-8.
    detector.guess(None, Utf8Detection::Deny)
}

/// UTF-32 in the given byte order; a unit that is no scalar value (or a cut-off
/// last unit) becomes U+FFFD.
fn decode_utf32(bytes: &[u8], order: Utf32) -> String {
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut units = bytes.chunks_exact(4);
    for unit in &mut units {
        let unit = [unit[0], unit[1], unit[2], unit[3]];
        let value = match order {
            Utf32::Le => u32::from_le_bytes(unit),
            Utf32::Be => u32::from_be_bytes(unit),
        };
        text.push(char::from_u32(value).unwrap_or('\u{fffd}'));
    }
    if !units.remainder().is_empty() {
        text.push('\u{fffd}');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let units = bom
            .then_some(0xFEFF_u16)
            .into_iter()
            .chain(text.encode_utf16());
        for unit in units {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    fn utf32(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let chars = bom.then_some('\u{feff}').into_iter().chain(text.chars());
        chars
            .flat_map(|c| {
                if big_endian {
                    (c as u32).to_be_bytes()
                } else {
                    (c as u32).to_le_bytes()
                }
            })
            .collect()
    }

    const XML: &str = "<?xml version=\"1.0\"?><rss><title>Café ☕ 𝄞</title></rss>";

    #[test]
    fn wide_unicode_with_and_without_a_mark() {
        for big_endian in [false, true] {
            for bom in [false, true] {
                let d16 = utf16(XML, big_endian, bom);
                assert_eq!(decode(&d16, None).text, XML, "utf-16 be={big_endian}");
                let d32 = utf32(XML, big_endian, bom);
                let decoded = decode(&d32, None);
                assert_eq!(decoded.text, XML, "utf-32 be={big_endian} bom={bom}");
                assert!(decoded.encoding.starts_with("UTF-32"));
            }
        }
    }

    #[test]
    fn the_server_charset_comes_before_the_declaration() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><title>Привет</title>");
        let decoded = decode(
            &bytes,
            Some("application/rss+xml; charset=\"windows-1251\""),
        );
        assert!(decoded.text.contains("Привет"));
        assert_eq!(decoded.encoding, "windows-1251");
    }

    #[test]
    fn the_declaration_names_the_encoding() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("<?xml version='1.0' encoding='ISO-8859-1'?><title>Sí, señor</title>");
        assert!(decode(&bytes, None).text.contains("Sí, señor"));
        // An unknown label is passed over; the bytes are then valid UTF-8.
        let text = "<?xml version=\"1.0\" encoding=\"x-unheard-of\"?><title>Ünïcode</title>";
        assert_eq!(decode(text.as_bytes(), Some("text/xml")).text, text);
    }

    #[test]
    fn an_html_meta_charset_is_read() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("<html><head><meta charset=\"iso-8859-15\"></head><p>Déjà vu</p>");
        assert!(decode(&bytes, None).text.contains("Déjà vu"));
    }

    #[test]
    fn undeclared_legacy_text_is_guessed() {
        let russian = "Сегодня в выпуске мы поговорим о том, как слушать подкасты офлайн \
                       и сохранять заметки. Это первый эпизод нашего нового сезона.";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(russian);
        assert_eq!(decode(&bytes, None).text, russian);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Crème brûlée à la carte, naïve");
        assert_eq!(decode(&bytes, None).text, "Crème brûlée à la carte, naïve");
    }

    #[test]
    fn utf8_wins_over_a_guess_and_loses_its_mark() {
        let text = "\u{feff}WEBVTT\n\n00:01.000 --> 00:02.000\nNaïve\n";
        let decoded = decode(text.as_bytes(), None);
        assert_eq!(decoded.text, &text[3..]);
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn an_xml_declaration_is_made_to_say_utf8() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?><a>é</a>");
        assert_eq!(
            decode_xml(&bytes, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>é</a>"
        );
        let utf8 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>é</a>";
        assert!(matches!(decode_xml(utf8.as_bytes(), None), Cow::Borrowed(t) if t == utf8));
    }

    #[test]
    fn charset_params() {
        assert_eq!(charset_param("text/xml; Charset=UTF-8"), Some("UTF-8"));
        assert_eq!(charset_param("text/xml;charset='latin1'"), Some("latin1"));
        assert_eq!(charset_param("text/xml"), None);
        assert_eq!(charset_param("text/xml; charset="), None);
    }

    #[test]
    fn a_cut_utf32_unit_is_a_replacement_character() {
        let mut bytes = utf32("ab", false, true);
        bytes.push(b'c');
        assert_eq!(decode(&bytes, None).text, "ab\u{fffd}");
    }
}
