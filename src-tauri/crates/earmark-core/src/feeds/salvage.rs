//! Salvaging a feed whose XML is broken, as lenient feed readers do: keep every
//! episode that reads, leave out what does not, and say what was repaired.
//!
//! Only a document the strict reading refused comes here. Two repairs, each one
//! linear pass:
//!
//! 1. **Bare ampersands.** An `&` that starts no character or entity reference
//!    (`&amp;`, `&#233;`, `&#xE9;`, `&name;`) is escaped, in text and in attribute
//!    values alike (`?a=1&b=2` in an enclosure address is the common case). CDATA
//!    sections, comments and processing instructions are left alone.
//! 2. **Broken structure.** The document is read again event by event, keeping a
//!    stack of open elements. An item (`<item>` or Atom `<entry>`) in which the XML
//!    breaks — a syntax error, or an end tag that closes something else — is left
//!    out up to the next item's start, and reading goes on there. A break outside any
//!    item ends the document after the last whole item (or the show's last whole
//!    field). Whatever is still open at the end (a final `</rss` without its `>`, a
//!    missing `</channel>`) is closed.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::coded_message::CodedMessage;
use crate::limits::MAX_XML_DEPTH;

/// A repaired document and what was done to it, as coded sentences.
#[derive(Debug)]
pub(super) struct Salvaged {
    /// The repaired document.
    pub text: String,
    /// What was repaired, for the refresh report.
    pub repairs: Vec<CodedMessage>,
    /// Something was left out (a broken item, or what follows a break).
    pub lost_something: bool,
}

/// The longest entity name taken as a reference (longer ones are bare `&`s).
const MAX_REFERENCE: usize = 64;
/// How many items may be left out before the document is given up on.
const MAX_DROPPED_ITEMS: usize = 10_000;

/// Repairs `text` (see the module documentation). `None` when nothing could be
/// kept: the document has no root, or nests deeper than any feed.
pub(super) fn salvage(text: &str) -> Option<Salvaged> {
    let (escaped, ampersands) = escape_bare_ampersands(text);
    let mut repairs = Vec::new();
    if ampersands > 0 {
        let message = if ampersands == 1 {
            "A bare “&” was read as text.".to_owned()
        } else {
            format!("{ampersands} bare “&” characters were read as text.")
        };
        repairs.push(counted("feed_ampersands_escaped", message, ampersands));
    }
    let rebuilt = rebuild(&escaped)?;
    if rebuilt.dropped > 0 {
        let message = if rebuilt.dropped == 1 {
            "One episode's XML was broken; it was left out.".to_owned()
        } else {
            format!(
                "{} episodes' XML was broken; they were left out.",
                rebuilt.dropped
            )
        };
        repairs.push(counted("feed_episodes_dropped", message, rebuilt.dropped));
    }
    if rebuilt.cut_short {
        repairs.push(CodedMessage::new(
            "feed_cut_short",
            "The feed's XML breaks off after its last whole episode; the rest was left out.",
        ));
    } else if rebuilt.closed > 0 {
        repairs.push(CodedMessage::new(
            "feed_closed",
            "The feed's last elements were not closed; they were closed.",
        ));
    }
    Some(Salvaged {
        lost_something: rebuilt.dropped > 0 || rebuilt.cut_short,
        text: rebuilt.text,
        repairs,
    })
}

/// A repair that happened `count` times.
fn counted(code: &'static str, message: String, count: usize) -> CodedMessage {
    CodedMessage::new(code, message).with_params([("count", count.to_string())])
}

/// Escapes each `&` that starts no reference; returns the text and how many there
/// were.
fn escape_bare_ampersands(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len() + 64);
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(skip) = ["<![CDATA[", "<!--", "<?"]
            .iter()
            .zip(["]]>", "-->", "?>"])
            .find_map(|(open, close)| {
                rest.starts_with(open).then(|| {
                    rest[open.len()..]
                        .find(close)
                        .map_or(rest.len(), |end| open.len() + end + close.len())
                })
            })
        {
            out.push_str(&rest[..skip]);
            rest = &rest[skip..];
        } else if rest.starts_with('&') && !starts_reference(&rest[1..]) {
            out.push_str("&amp;");
            count += 1;
            rest = &rest[1..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    (out, count)
}

/// Whether `after` (the text after an `&`) makes that `&` a reference.
fn starts_reference(after: &str) -> bool {
    let head = &after.as_bytes()[..after.len().min(MAX_REFERENCE + 2)];
    let Some(end) = head.iter().position(|&b| b == b';') else {
        return false;
    };
    let name = &head[..end];
    match name {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        [first, rest @ ..] => {
            (first.is_ascii_alphabetic() || *first == b'_' || *first == b':')
                && rest
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-'))
        }
        [] => false,
    }
}

/// The document rebuilt from the parts that read.
#[derive(Debug)]
struct Rebuilt {
    text: String,
    /// Items left out.
    dropped: usize,
    /// The document broke outside an item and was cut after the last whole one.
    cut_short: bool,
    /// End tags added at the end.
    closed: usize,
}

/// Whether an element is an episode: RSS `<item>` or Atom `<entry>`.
fn is_item(local_name: &[u8]) -> bool {
    matches!(local_name, b"item" | b"entry")
}

/// Reads `text` event by event, leaving out broken items (see the module docs).
fn rebuild(text: &str) -> Option<Rebuilt> {
    let mut out = Rebuilt {
        text: String::with_capacity(text.len()),
        dropped: 0,
        cut_short: false,
        closed: 0,
    };
    // Open elements, as written (qualified names).
    let mut stack: Vec<String> = Vec::new();
    // Where in `text` the current reader starts, and what has been copied.
    let mut base = 0;
    let mut copied = 0;
    // The open item: where its start tag begins, and the stack depth outside it.
    let mut item: Option<(usize, usize)> = None;
    // After the last whole item or show field (or the root's start): where, and the
    // stack there.
    let mut last_whole: Option<(usize, Vec<String>)> = None;
    let mut reader = lenient_reader(text);
    loop {
        let before = base + reader_position(&reader);
        let broken_at = match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if item.is_none() && is_item(e.local_name().as_ref()) {
                    item = Some((before, stack.len()));
                }
                stack.push(name);
                if stack.len() > MAX_XML_DEPTH {
                    // Deeper than any feed: nothing to salvage (and no stack to copy).
                    return None;
                }
                if stack.len() == 1 {
                    last_whole = Some((base + reader_position(&reader), stack.clone()));
                }
                None
            }
            Ok(Event::End(e)) => {
                let name = e.name();
                if stack.last().map(String::as_bytes) == Some(name.as_ref()) {
                    stack.pop();
                    if item.is_some_and(|(_, depth)| depth == stack.len()) {
                        item = None;
                        last_whole = Some((base + reader_position(&reader), stack.clone()));
                    } else if item.is_none() && stack.len() <= 2 {
                        // The show's own fields (its title, image) are whole too.
                        last_whole = Some((base + reader_position(&reader), stack.clone()));
                    }
                    if stack.is_empty() {
                        // The root is closed: what follows is not part of the feed.
                        let end = base + reader_position(&reader);
                        out.text.push_str(&text[copied..end]);
                        return Some(out);
                    }
                    None
                } else {
                    Some(before)
                }
            }
            Ok(Event::Eof) => Some(text.len()),
            Ok(_) => None,
            Err(_) => Some(before),
        };
        let Some(broken_at) = broken_at else {
            continue;
        };
        let at_end = broken_at >= text.len();
        match item {
            Some((start, depth)) if !at_end && out.dropped < MAX_DROPPED_ITEMS => {
                // Leave the item out; go on at the next item's start.
                let Some(next) = next_item_start(text, broken_at + 1) else {
                    return finish(text, out, copied, last_whole);
                };
                out.text.push_str(&text[copied..start]);
                out.dropped += 1;
                stack.truncate(depth);
                item = None;
                base = next;
                copied = next;
                reader = lenient_reader(&text[next..]);
            }
            _ => return finish(text, out, copied, last_whole),
        }
    }
}

/// Ends the document after the last whole item, closing what is open there.
fn finish(
    text: &str,
    mut out: Rebuilt,
    copied: usize,
    last_whole: Option<(usize, Vec<String>)>,
) -> Option<Rebuilt> {
    let (end, open) = last_whole?;
    let end = end.max(copied);
    out.text.push_str(&text[copied..end]);
    let rest = text[end..].trim();
    let closes_cleanly = open
        .iter()
        .rev()
        .map(|name| format!("</{name}>"))
        .collect::<String>();
    if !rest.is_empty() && !tags_only_close(rest, &closes_cleanly) {
        out.cut_short = true;
    }
    out.closed = open.len();
    out.text.push_str(&closes_cleanly);
    Some(out)
}

/// Whether `rest` is nothing but the closing tags (whitespace aside), perhaps cut off.
fn tags_only_close(rest: &str, closes: &str) -> bool {
    let squeezed: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    closes.starts_with(&squeezed)
}

/// Where the next `<item` or `<entry` start tag (any prefix) begins at or after `from`.
fn next_item_start(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = text.get(at..)?.find('<') {
        let start = at + found;
        let tag = &text[start + 1..];
        let name_end = tag
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        let local = name.rsplit(':').next().unwrap_or(name);
        if is_item(local.as_bytes()) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// A reader that leaves end-name checks to [`rebuild`] (which drops the item instead
/// of failing the document).
fn lenient_reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(text.as_bytes());
    let config = reader.config_mut();
    config.check_end_names = false;
    // A reader restarted at an item has not seen the elements around it.
    config.allow_unmatched_ends = true;
    reader
}

/// How far the reader has read, in bytes.
fn reader_position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_ampersands_are_escaped_and_references_kept() {
        let (text, n) = escape_bare_ampersands(
            "<a href=\"x?a=1&b=2\">Q&A &amp; &#233; &#xE9; &nbsp; & <![CDATA[&]]><!--&--></a>",
        );
        assert_eq!(n, 3);
        assert_eq!(
            text,
            "<a href=\"x?a=1&amp;b=2\">Q&amp;A &amp; &#233; &#xE9; &nbsp; &amp; \
             <![CDATA[&]]><!--&--></a>"
        );
    }

    #[test]
    fn a_broken_item_is_left_out_and_the_others_kept() -> Result<(), String> {
        let feed = "<rss><channel><title>T</title>\
                    <item><title>one</title></item>\
                    <item><title>two</b></item>\
                    <item><title>three</title></item>\
                    </channel></rss>";
        let salvaged = salvage(feed).ok_or("nothing kept")?;
        assert_eq!(
            salvaged.text,
            "<rss><channel><title>T</title><item><title>one</title></item>\
             <item><title>three</title></item></channel></rss>"
        );
        assert_eq!(salvaged.repairs.len(), 1, "{:?}", salvaged.repairs);
        assert_eq!(salvaged.repairs[0].code, "feed_episodes_dropped");
        assert_eq!(
            salvaged.repairs[0].params.get("count").map(String::as_str),
            Some("1")
        );
        assert_eq!(
            salvaged.repairs[0].message,
            "One episode's XML was broken; it was left out."
        );
        Ok(())
    }

    #[test]
    fn a_cut_off_end_is_closed() -> Result<(), String> {
        let feed = "<rss><channel><item><title>one</title></item>\n</channel>\n</rss";
        let salvaged = salvage(feed).ok_or("nothing kept")?;
        assert_eq!(
            salvaged.text,
            "<rss><channel><item><title>one</title></item>\n</channel></rss>"
        );
        assert_eq!(
            salvaged.repairs,
            [CodedMessage::new(
                "feed_closed",
                "The feed's last elements were not closed; they were closed."
            )]
        );
        let cut = "<rss><channel><item><title>one</title></item><item><title>tw";
        let salvaged = salvage(cut).ok_or("nothing kept")?;
        assert!(salvaged.text.ends_with("</item></channel></rss>"));
        assert_eq!(salvaged.repairs[0].code, "feed_cut_short");
        assert!(salvaged.repairs[0].message.contains("breaks off"));
        Ok(())
    }

    #[test]
    fn bare_ampersands_are_counted_for_the_window() -> Result<(), String> {
        let feed = "<rss><channel><title>Q&A & more</title>\
                    <item><title>one & two</title></item></channel></rss>";
        let salvaged = salvage(feed).ok_or("nothing kept")?;
        assert_eq!(salvaged.repairs.len(), 1, "{:?}", salvaged.repairs);
        let repair = &salvaged.repairs[0];
        assert_eq!(repair.code, "feed_ampersands_escaped");
        assert_eq!(repair.params.get("count").map(String::as_str), Some("3"));
        assert_eq!(repair.message, "3 bare “&” characters were read as text.");
        Ok(())
    }

    #[test]
    fn nothing_before_the_root_is_nothing_kept() {
        assert!(salvage("<<<").is_none());
        assert!(salvage("").is_none());
    }
}
