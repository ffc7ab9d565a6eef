//! Outside HTML (show notes, titles) reduced to sanitized plain text.
//!
//! Feed text is hostile until proven otherwise (issue 6): it is first cleaned by
//! `ammonia` against an allowlist of structural tags *without any attribute* (so no
//! event handler, style, link or URL survives, and `script`/`style` go with their
//! content), then the cleaned markup — now well-formed, attribute-free and escaped —
//! is flattened to text: block elements become line breaks, paragraphs a blank line,
//! list items a "• " bullet, and runs of white space one space. The result is text to
//! be shown as text; it never carries markup.
//!
//! Before ammonia's parser reads it, markup nested deeper than
//! [`MAX_HTML_DEPTH`](crate::limits::MAX_HTML_DEPTH) is flattened
//! ([`bound_html_depth`]), so cleaning stays linear in the input whatever its shape.
//! A NUL character becomes U+FFFD (WebVTT's rule) in every text.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::limits::bound_html_depth;

/// The longest text kept from one field, in characters.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// Tags that start a new paragraph (a blank line before and after).
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "hr",
];

/// Tags that start a new line.
const LINE_TAGS: &[&str] = &["br", "li", "tr", "dt", "dd", "figcaption"];

/// Tags kept through cleaning only to place line breaks; everything else is unwrapped
/// (its text kept) except the content-dropping tags below.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .add_tags(PARAGRAPH_TAGS.iter().copied())
        .add_tags(LINE_TAGS.iter().copied())
        .tag_attributes(HashMap::new())
        .generic_attributes(HashSet::new())
        .link_rel(None)
        .strip_comments(true)
        .clean_content_tags(HashSet::from([
            "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
            "head", "title", "textarea", "select",
        ]));
    builder
});

/// Reduces feed HTML (or plain text) to sanitized plain text; `None` when nothing is
/// left.
pub fn html_to_text(input: &str) -> Option<String> {
    let input = without_nul(input);
    let text = if input.contains(['<', '&']) {
        let cleaned = CLEANER.clean(&bound_html_depth(&input)).to_string();
        flatten(&cleaned)
    } else {
        collapse_lines(&input)
    };
    let text = truncate_chars(text.trim(), MAX_TEXT_CHARS);
    (!text.is_empty()).then_some(text)
}

/// Text that is text already (Atom `type="text"`): no markup is read from it, white
/// space is tidied; `None` when nothing is left.
pub fn plain_text(input: &str) -> Option<String> {
    let text = truncate_chars(collapse_lines(&without_nul(input)).trim(), MAX_TEXT_CHARS);
    (!text.is_empty()).then_some(text)
}

/// A title or name: sanitized text on one line.
pub fn one_line_text(input: &str) -> Option<String> {
    let text = html_to_text(input)?;
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(truncate_chars(&line, 1_000))
}

/// `input` with every NUL character replaced by U+FFFD.
pub(super) fn without_nul(input: &str) -> Cow<'_, str> {
    if input.contains('\0') {
        Cow::Owned(input.replace('\0', "\u{fffd}"))
    } else {
        Cow::Borrowed(input)
    }
}

/// Plain text as given, white space within lines collapsed, at most one blank line
/// between paragraphs.
fn collapse_lines(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut blank_run = 0;
    for line in input.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank_run = 0;
    }
    out
}

/// Flattens ammonia's output: attribute-free tags from the allowlist and escaped text.
fn flatten(cleaned: &str) -> String {
    let mut out = Builder::default();
    let mut rest = cleaned;
    while let Some(lt) = rest.find('<') {
        out.text(&unescape(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            // Cannot happen with ammonia's output; treat the rest as text.
            out.text(&unescape(&rest[lt..]));
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        let name = tag
            .trim_start_matches('/')
            .trim_end_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        if PARAGRAPH_TAGS.contains(&name.as_str()) {
            out.paragraph();
        } else if name == "li" && !closing {
            out.line();
            out.raw("• ");
        } else if LINE_TAGS.contains(&name.as_str()) && !(closing && name == "br") {
            out.line();
        }
        rest = &rest[lt + gt + 1..];
    }
    out.text(&unescape(rest));
    out.finish()
}

/// The entities html5ever's serializer writes in text.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Accumulates text with collapsed white space and pending breaks.
#[derive(Default)]
struct Builder {
    out: String,
    /// 0: none, 1: line break, 2: paragraph break.
    pending_break: u8,
    pending_space: bool,
}

impl Builder {
    fn text(&mut self, text: &str) {
        let leading_space = text.starts_with(char::is_whitespace);
        for (i, word) in text.split_whitespace().enumerate() {
            self.word(word, i > 0 || leading_space);
        }
        if text.ends_with(char::is_whitespace) {
            self.pending_space = true;
        }
    }

    fn word(&mut self, word: &str, space_before: bool) {
        if !self.out.is_empty() {
            match self.pending_break {
                2 => self.out.push_str("\n\n"),
                1 => self.out.push('\n'),
                _ if space_before || self.pending_space => self.out.push(' '),
                _ => {}
            }
        }
        self.pending_break = 0;
        self.pending_space = false;
        self.out.push_str(word);
    }

    /// Text that must appear as is (a bullet), starting where a word would.
    fn raw(&mut self, text: &str) {
        self.word(text.trim_end(), false);
        self.pending_space = true;
    }

    fn line(&mut self) {
        self.pending_break = self.pending_break.max(1);
    }

    fn paragraph(&mut self) {
        self.pending_break = 2;
    }

    fn finish(self) -> String {
        self.out
    }
}

/// At most `max` characters, cut at a character boundary, with "…" when cut.
fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        html_to_text(s).unwrap_or_default()
    }

    #[test]
    fn scripts_and_handlers_never_survive() {
        let hostile = r#"<p onclick="steal()">Hello <b>there</b></p>
            <script>alert('x')</script><img src=x onerror="alert(1)">
            <a href="javascript:alert(2)">link</a><style>p{}</style>
            <iframe src="https://evil"></iframe><svg onload=alert(3)><text>svg</text></svg>"#;
        let out = text(hostile);
        assert_eq!(out, "Hello there\n\nlink");
        for bad in [
            "alert",
            "script",
            "onerror",
            "onclick",
            "javascript",
            "<",
            "svg",
        ] {
            assert!(!out.contains(bad), "{bad:?} survived in {out:?}");
        }
    }

    #[test]
    fn escaped_markup_stays_visible_as_text() {
        assert_eq!(text("1 &lt; 2 &amp;&amp; 3 &gt; 2"), "1 < 2 && 3 > 2");
        assert_eq!(text("Tom &amp; Jerry&nbsp;show"), "Tom & Jerry show");
        assert_eq!(text("&lt;script&gt;"), "<script>", "text, not markup");
    }

    #[test]
    fn paragraph_and_line_breaks_are_kept() {
        let html = "<p>First   paragraph\nwraps.</p><p>Second<br>line two</p><ul><li>one</li><li>two</li></ul>tail";
        assert_eq!(
            text(html),
            "First paragraph wraps.\n\nSecond\nline two\n\n• one\n• two\n\ntail"
        );
    }

    #[test]
    fn inline_tags_keep_spacing() {
        assert_eq!(text("a <b>bold</b> word, <i>x</i>y"), "a bold word, xy");
    }

    #[test]
    fn plain_text_keeps_paragraphs() {
        assert_eq!(
            text("  line one\n   line two  \n\n\n\nnext para "),
            "line one\nline two\n\nnext para"
        );
        assert_eq!(html_to_text("  \n "), None);
    }

    #[test]
    fn long_text_is_cut() {
        let long = "x".repeat(MAX_TEXT_CHARS + 10);
        let out = text(&long);
        assert_eq!(out.chars().count(), MAX_TEXT_CHARS + 1);
        assert!(out.ends_with('…'));
    }

    #[test]
    fn titles_are_one_line() {
        assert_eq!(
            one_line_text("<b>Episode</b>\n 12:   <script>x</script>Intro").as_deref(),
            Some("Episode 12: Intro")
        );
    }
}
