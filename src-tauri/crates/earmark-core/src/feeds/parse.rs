//! `parse_feed`: bytes in, a [`Feed`] out. Pure, no I/O.
//!
//! A first quick pass with `quick-xml` finds what the document is (RSS, Atom, a web
//! page, not XML) and every prefix the document binds to the Podcasting 2.0, iTunes
//! and Media RSS namespaces — on any element, since the `rss` crate keys extensions by the
//! document's own prefix. Then the `rss` or `atom_syndication` crate reads it.
//!
//! Hostile input is bounded: documents over [`MAX_FEED_BYTES`] are refused; so are
//! documents nested deeper than [`MAX_XML_DEPTH`], counted by the first pass before
//! the `rss` and `atom_syndication` crates (which recurse once per level of extension
//! elements, and overflow the stack a few thousand levels down) see them; the XML
//! parser never expands entities declared in a DTD (a "billion laughs" document
//! leaves `&lol9;` as literal text, so the work stays linear in the input); every
//! text is sanitized ([`super::text`]) and every link kept only when it is http(s).

use std::collections::BTreeSet;

use quick_xml::events::Event;
use quick_xml::Reader;
use reqwest::Url;

use super::model::Feed;
use super::salvage::salvage;
use super::{FeedError, NotFeed};
use crate::limits::XmlDepth;
#[cfg(doc)]
use crate::limits::MAX_XML_DEPTH;
use crate::text_encoding;

/// The largest feed read, in bytes (bigger responses are cut off and refused).
pub const MAX_FEED_BYTES: u64 = 20_000_000;

/// Namespace URIs the Podcasting 2.0 namespace is declared with (the current one and
/// the older documentation address many feeds still use).
const PODCAST_NAMESPACES: &[&str] = &[
    "https://podcastindex.org/namespace/1.0",
    "http://podcastindex.org/namespace/1.0",
    "https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
];

/// Namespace URIs of Apple's iTunes podcast tags.
const ITUNES_NAMESPACES: &[&str] = &[
    "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "https://www.itunes.com/dtds/podcast-1.0.dtd",
];

/// Namespace URIs of Media RSS.
const MEDIA_NAMESPACES: &[&str] = &[
    "http://search.yahoo.com/mrss",
    "https://search.yahoo.com/mrss",
];

/// Namespace URIs of Podlove Simple Chapters.
const PODLOVE_NAMESPACES: &[&str] = &["http://podlove.org/simple-chapters"];

/// What the first pass learned about a document.
#[derive(Debug, Default)]
pub(super) struct Namespaces {
    /// Prefixes bound to the Podcasting 2.0 namespace.
    pub podcast: BTreeSet<String>,
    /// Prefixes bound to the iTunes namespace.
    pub itunes: BTreeSet<String>,
    /// Prefixes bound to the Media RSS namespace.
    pub media: BTreeSet<String>,
    /// Prefixes bound to the Podlove Simple Chapters namespace.
    pub podlove: BTreeSet<String>,
    /// For each Atom entry, in order, whether it writes a date in `<updated>`.
    pub atom_updated: AtomUpdated,
    /// An RSS channel's `<redirect><newLocation>` (no namespace, so the rss crate
    /// drops it), or one right under `<rss>` in a document without a channel.
    pub redirect: Redirect,
    /// Whether an RSS document has a `<channel>` (the rss crate refuses one without).
    pub rss_channel: bool,
}

/// The text of an RSS channel's `<redirect><newLocation>`.
#[derive(Debug, Default)]
pub(super) struct Redirect {
    /// The address, as written (entities decoded).
    location: String,
    /// Inside `<newLocation>`, reading its text.
    reading: bool,
    /// The depth of the `<redirect>` being read (under the root or the channel).
    in_redirect: Option<usize>,
}

impl Redirect {
    /// The address written, if any.
    pub fn location(&self) -> Option<&str> {
        Some(self.location.trim()).filter(|l| !l.is_empty())
    }

    /// A start tag at `depth` (the root is 1), named `name` as written.
    fn start(&mut self, depth: usize, name: &[u8]) {
        match (depth, name) {
            (2 | 3, b"redirect") if self.in_redirect.is_none() => self.in_redirect = Some(depth),
            (_, b"newLocation")
                if self.in_redirect == Some(depth - 1) && self.location.is_empty() =>
            {
                self.reading = true;
            }
            _ => self.reading = false,
        }
    }

    /// Text (or a decoded entity) inside the current element.
    fn text(&mut self, text: &str) {
        if self.reading && self.location.len() < 4_096 {
            self.location.push_str(text);
        }
    }

    /// An end tag at `depth` (before it closes).
    fn end(&mut self, depth: usize) {
        self.reading = false;
        if self.in_redirect == Some(depth) {
            self.in_redirect = None;
        }
    }
}

/// Which Atom entries write an `<updated>` date. atom_syndication gives a missing one
/// as the Unix epoch, which a feed may also write on purpose: only the document tells.
#[derive(Debug, Default)]
pub(super) struct AtomUpdated {
    /// One flag per `<entry>` the feed crate reads (direct children of the root).
    written: Vec<bool>,
    /// Inside an entry's `<updated>`, waiting for its text.
    in_updated: bool,
}

impl AtomUpdated {
    /// Whether the `index`th entry writes an `<updated>` date.
    pub fn written(&self, index: usize) -> bool {
        self.written.get(index).copied().unwrap_or(false)
    }

    /// A start tag at `depth` (the root is 1), named `name` as written.
    fn start(&mut self, depth: usize, name: &[u8]) {
        match (depth, name) {
            (2, b"entry") => self.written.push(false),
            (3, b"updated") => self.in_updated = !self.written.is_empty(),
            _ => self.in_updated = false,
        }
    }

    /// Text inside the current element.
    fn text(&mut self, text: &[u8]) {
        if self.in_updated && !text.iter().all(u8::is_ascii_whitespace) {
            if let Some(last) = self.written.last_mut() {
                *last = true;
            }
        }
    }

    /// An end tag, or anything else that ends the current element's text.
    fn end(&mut self) {
        self.in_updated = false;
    }
}

/// The document's root element.
#[derive(Debug, PartialEq, Eq)]
enum Root {
    Rss,
    Atom,
    Other(String),
}

/// Parses an RSS or Atom podcast feed. Relative links stay unresolved (and are
/// dropped); use [`parse_feed_from`] when the feed's address is known.
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, FeedError> {
    parse_feed_from(bytes, None)
}

/// Parses an RSS or Atom podcast feed fetched from `base`, against which relative
/// links (enclosures, transcripts, images) are resolved.
pub fn parse_feed_from(bytes: &[u8], base: Option<&Url>) -> Result<Feed, FeedError> {
    parse_fetched_feed(bytes, base, None)
}

/// Parses a feed as [`parse_feed_from`] does, decoding it with the charset of the
/// response's `Content-Type` when there is one ([`crate::text_encoding`]).
///
/// A feed whose XML is broken is salvaged ([`super::salvage`]): every episode that
/// reads is kept, and [`Feed::repairs`] says what was repaired; when the break cost
/// every episode, the feed is refused with the line where it breaks.
pub fn parse_fetched_feed(
    bytes: &[u8],
    base: Option<&Url>,
    content_type: Option<&str>,
) -> Result<Feed, FeedError> {
    if bytes.len() as u64 > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge(MAX_FEED_BYTES));
    }
    let text = text_encoding::decode_xml(bytes, content_type);
    match read(&text, base) {
        Err(FeedError::Malformed(reason)) => {
            let salvaged = salvage(&text).ok_or(FeedError::Malformed(reason.clone()))?;
            let mut feed = match read(&salvaged.text, base) {
                Ok(feed) => feed,
                // What the repaired document says of itself (no audio) stands; if it
                // still does not read, the first break is the one to name.
                Err(FeedError::Malformed(_)) => return Err(FeedError::Malformed(reason)),
                Err(other) => return Err(other),
            };
            if feed.episodes.is_empty() && salvaged.lost_something {
                // Every episode was lost to the break: an empty show would hide that.
                return Err(FeedError::Malformed(reason));
            }
            feed.repairs = salvaged.repairs;
            Ok(feed)
        }
        other => other,
    }
}

/// Reads a decoded document (see [`parse_fetched_feed`]), strictly.
fn read(text: &str, base: Option<&Url>) -> Result<Feed, FeedError> {
    let bytes = text.as_bytes();
    let (root, namespaces) = scan(bytes)?;
    let links = Links { base };
    let feed = match root {
        // An <rss> without a <channel> is a feed without episodes, as an empty Atom
        // <feed> is (it may only say where the feed went).
        Root::Rss if !namespaces.rss_channel => {
            super::rss::from_channel(&rss::Channel::default(), &namespaces, &links)
        }
        Root::Rss => {
            let channel = rss::Channel::read_from(bytes).map_err(|_| unreadable())?;
            super::rss::from_channel(&channel, &namespaces, &links)
        }
        Root::Atom => {
            let feed = atom_syndication::Feed::read_from(bytes).map_err(|_| unreadable())?;
            super::atom::from_atom(&feed, &namespaces, &links)
        }
        Root::Other(name) => return Err(FeedError::NotAFeed(describe_root(&name))),
    };
    if feed.episodes.is_empty() && feed.skipped_items > 0 {
        return Err(FeedError::NoAudio(feed.skipped_items));
    }
    Ok(feed)
}

/// The XML breaks at byte `at`: a sentence naming the line.
fn broken_at(bytes: &[u8], at: usize) -> FeedError {
    let line = 1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    FeedError::Malformed(format!("its XML is broken at line {line}"))
}

/// The feed crates refused a document the first pass read whole.
fn unreadable() -> FeedError {
    FeedError::Malformed("its XML does not follow the RSS or Atom format".to_owned())
}

/// What a document with the root element `name` is, when it is not a feed.
fn describe_root(name: &str) -> NotFeed {
    match name.to_ascii_lowercase().as_str() {
        "html" => NotFeed::WebPage,
        "opml" => NotFeed::Opml,
        other => NotFeed::OtherXml(other.to_owned()),
    }
}

/// Finds the root element and the namespace prefixes, reading the whole document once
/// (start tags only; text is not decoded), and refuses a document nested too deep or
/// broken after its root: the crates that read it next recurse, and must only ever see
/// what this pass has measured whole.
fn scan(bytes: &[u8]) -> Result<(Root, Namespaces), FeedError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..];
    if head.is_empty() {
        return Err(FeedError::NotAFeed(NotFeed::Empty));
    }
    if head.starts_with(b"{") || head.starts_with(b"[") {
        return Err(FeedError::NotAFeed(NotFeed::Json));
    }
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut root = None;
    let mut namespaces = Namespaces::default();
    let mut bound_elsewhere = BTreeSet::new();
    let mut depth = XmlDepth::default();
    let mut html_doctype = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            // Before the root, this is no XML; after it, a broken feed.
            Err(_) if root.is_none() => return Err(FeedError::NotAFeed(NotFeed::NotXml)),
            Err(_) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(bytes.len());
                return Err(broken_at(bytes, at));
            }
        };
        if let Event::Start(_) = event {
            depth.open()?;
        }
        // HTML may leave out its <html> (`<!doctype html><title>…`): the doctype says,
        // unless the root is a feed's (feeds carry stray HTML doctypes too).
        if let Event::DocType(ref doctype) = event {
            let name = doctype.trim_ascii_start();
            html_doctype |= name
                .get(..4)
                .is_some_and(|n| n.eq_ignore_ascii_case(b"html"));
        }
        if root == Some(Root::Rss) {
            if let Event::Start(ref e) | Event::Empty(ref e) = event {
                let at = depth.current() - usize::from(matches!(event, Event::Start(_)));
                namespaces.rss_channel |= at == 1 && e.local_name().as_ref() == b"channel";
            }
            let redirect = &mut namespaces.redirect;
            match event {
                Event::Start(ref e) => redirect.start(depth.current(), e.name().as_ref()),
                Event::Text(ref t) => redirect.text(&String::from_utf8_lossy(t)),
                Event::CData(ref t) => redirect.text(&String::from_utf8_lossy(t)),
                Event::GeneralRef(ref r) => {
                    let name = String::from_utf8_lossy(r);
                    if let Some(c) = quick_xml::escape::resolve_predefined_entity(&name) {
                        redirect.text(c);
                    }
                }
                Event::End(_) => redirect.end(depth.current()),
                _ => {}
            }
        }
        if root == Some(Root::Atom) {
            match event {
                Event::Start(ref e) => namespaces
                    .atom_updated
                    .start(depth.current(), e.name().as_ref()),
                Event::Text(ref t) => namespaces.atom_updated.text(t),
                Event::CData(ref t) => namespaces.atom_updated.text(t),
                Event::End(_) | Event::Empty(_) => namespaces.atom_updated.end(),
                _ => {}
            }
        }
        match event {
            Event::End(_) => {
                depth.close();
                // The root is closed: what follows is not read by the feed crates.
                if depth.current() == 0 {
                    break;
                }
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                if root.is_none() {
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    root = Some(match name.as_str() {
                        "rss" | "RDF" => Root::Rss,
                        "feed" => Root::Atom,
                        _ if html_doctype => return Ok((Root::Other("html".into()), namespaces)),
                        _ => return Ok((Root::Other(name), namespaces)),
                    });
                }
                for attr in e.attributes().with_checks(false).flatten() {
                    let key = attr.key.as_ref();
                    let Some(prefix) = key.strip_prefix(b"xmlns:") else {
                        continue;
                    };
                    let prefix = String::from_utf8_lossy(prefix).into_owned();
                    let value = String::from_utf8_lossy(&attr.value).to_ascii_lowercase();
                    let value = value.trim().trim_end_matches('/');
                    if PODCAST_NAMESPACES.contains(&value) {
                        namespaces.podcast.insert(prefix);
                    } else if ITUNES_NAMESPACES.contains(&value) {
                        namespaces.itunes.insert(prefix);
                    } else if MEDIA_NAMESPACES.contains(&value) {
                        namespaces.media.insert(prefix);
                    } else if PODLOVE_NAMESPACES.contains(&value) {
                        namespaces.podlove.insert(prefix);
                    } else {
                        bound_elsewhere.insert(prefix);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let Some(root) = root else {
        return Err(FeedError::NotAFeed(NotFeed::NotXml));
    };
    // Undeclared prefixes are common in hand-made feeds: take the usual ones unless
    // the document binds them to something else.
    for (set, usual) in [
        (&mut namespaces.podcast, "podcast"),
        (&mut namespaces.itunes, "itunes"),
        (&mut namespaces.media, "media"),
        (&mut namespaces.podlove, "psc"),
    ] {
        if set.is_empty() && !bound_elsewhere.contains(usual) {
            set.insert(usual.to_owned());
        }
    }
    Ok((root, namespaces))
}

/// Resolves and filters links from the feed: only http(s) addresses survive.
#[derive(Debug)]
pub(super) struct Links<'a> {
    base: Option<&'a Url>,
}

impl Links<'_> {
    /// The absolute http(s) address `raw` points to, if any.
    pub fn resolve(&self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        if raw.is_empty() || raw.len() > 4_096 {
            return None;
        }
        let url = match Url::parse(raw) {
            Ok(url) => url,
            Err(_) => self.base?.join(raw).ok()?,
        };
        matches!(url.scheme(), "http" | "https").then(|| url.to_string())
    }
}
