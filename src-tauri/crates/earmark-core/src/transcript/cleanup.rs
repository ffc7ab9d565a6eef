//! Small text clean-ups shared by the formats: line endings, whitespace, character
//! references and the inline markup subtitle files carry.

use std::borrow::Cow;

use super::Transcript;

/// The last word on every format's text before it leaves the parser: a NUL
/// character becomes U+FFFD (WebVTT's rule, for every format), and a speaker's name
/// is one line (line breaks, encoded ones included, and runs of white space become
/// one space; a name left empty is no name).
pub(crate) fn finish_text(mut transcript: Transcript) -> Transcript {
    for segment in &mut transcript.segments {
        replace_nul(&mut segment.text);
        for word in segment.words.iter_mut().flatten() {
            replace_nul(&mut word.text);
        }
        segment.speaker = segment.speaker.take().and_then(|name| {
            let name = collapse_whitespace(&name).replace('\0', "\u{fffd}");
            (!name.is_empty()).then_some(name)
        });
    }
    transcript
}

/// `input` with every NUL character replaced by U+FFFD.
pub(crate) fn without_nul(input: &str) -> Cow<'_, str> {
    if input.contains('\0') {
        Cow::Owned(input.replace('\0', "\u{fffd}"))
    } else {
        Cow::Borrowed(input)
    }
}

fn replace_nul(text: &mut String) {
    if text.contains('\0') {
        *text = text.replace('\0', "\u{fffd}");
    }
}

/// Drops a leading byte-order mark and turns `\r\n` and lone `\r` into `\n`.
pub(crate) fn normalize_newlines(input: &str) -> Cow<'_, str> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.contains('\r') {
        Cow::Owned(input.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(input)
    }
}

/// Joins the words of `s` with single spaces, dropping leading and trailing space.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Decodes the character references subtitle files use: `&amp; &lt; &gt; &quot;
/// &apos; &nbsp; &lrm; &rlm;`, common typographic ones (`&mdash; &hellip; &rsquo;`…)
/// and numeric ones (`&#233;`, `&#xE9;`). Anything else is left as written; a
/// reference to an impossible character becomes U+FFFD.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((ch, len)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Decodes the reference at the start of `s` (which starts with `&`), returning the
/// character and the bytes it took.
fn decode_one(s: &str) -> Option<(char, usize)> {
    let end = s
        .get(1..)?
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))?
        + 1;
    if s.as_bytes().get(end) != Some(&b';') {
        return None;
    }
    let name = &s[1..end];
    let ch = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "times" => '×',
        _ => {
            let number = name.strip_prefix('#')?;
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() {
                return None;
            }
            match u32::from_str_radix(digits, radix)
                .ok()
                .and_then(char::from_u32)
            {
                Some(c) if c != '\0' => c,
                _ => '\u{fffd}',
            }
        }
    };
    Some((ch, end + 1))
}

/// Removes the inline markup SRT files carry: HTML-like tags (`<i>`, `</b>`,
/// `<font color="…">`) and ASS override blocks (`{\an8}`). A `<` that does not
/// open a tag (`a < b`) or is not closed before the next `<` is kept, which also
/// keeps the work linear on lines full of unclosed brackets.
pub(crate) fn strip_subtitle_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let Some(i) = rest.find(['<', '{']) else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (open, close, opens_markup) = match tail.strip_prefix('<') {
            Some(after) => (
                '<',
                '>',
                after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'),
            ),
            None => ('{', '}', tail[1..].starts_with('\\')),
        };
        let end = opens_markup
            .then(|| tail[1..].find([open, close]))
            .flatten()
            .map(|j| j + 1)
            .filter(|&j| tail[j..].starts_with(close));
        match end {
            Some(end) => rest = &tail[end + 1..],
            None => {
                out.push(open);
                rest = &tail[1..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(
            decode_entities("Tom &amp; Ana &lt;3 &#233;&#xE9; &bogus; & x"),
            "Tom & Ana <3 éé &bogus; & x"
        );
        assert_eq!(decode_entities("a&nbsp;b&lrm;"), "a\u{a0}b\u{200e}");
        assert_eq!(decode_entities("&#xD800;&#0;"), "\u{fffd}\u{fffd}");
    }

    #[test]
    fn strips_subtitle_markup_but_keeps_comparisons() {
        assert_eq!(
            strip_subtitle_tags("{\\an8}<i>Hi</i> <font color=\"red\">there</font>"),
            "Hi there"
        );
        assert_eq!(
            strip_subtitle_tags("a < b and {not a tag}"),
            "a < b and {not a tag}"
        );
    }

    #[test]
    fn normalizes_line_endings_and_bom() {
        assert_eq!(normalize_newlines("\u{feff}a\r\nb\rc"), "a\nb\nc");
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
    }
}
