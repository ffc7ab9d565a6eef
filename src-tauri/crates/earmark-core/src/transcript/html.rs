//! HTML transcripts: the Podcasting 2.0 form and ordinary transcript pages.
//!
//! The page is parsed by `scraper` (html5ever, the parser Servo uses), so broken
//! markup, character references and `<script>` contents are handled the way a
//! browser handles them. Only text is kept: `script`, `style`, `iframe`, forms,
//! media, navigation, page headers and footers are dropped with everything in
//! them, attributes are never read except `<time datetime>`, and nothing that
//! comes out is markup. Markup nested deeper than
//! [`MAX_HTML_DEPTH`](crate::limits::MAX_HTML_DEPTH) is flattened first
//! ([`bound_html_depth`]), which keeps the parse linear in the input.
//!
//! - **Podcasting 2.0 form** — `<cite>Name:</cite> <time>00:00:01</time>
//!   <p>words</p>` repeated. Chosen when the page has a `<cite>` and a `<time>`
//!   holding a clock time, or at least two such `<time>`s. Each `<p>` is a segment
//!   taking the speaker and time given before it; a `<p>` without a `<cite>`
//!   before it continues the previous speaker.
//! - **Ordinary pages** — the `<p>` elements of `<main>` (or else `<article>`, or
//!   else the whole page), read like plain text (see `text.rs`): `Name: words`
//!   prefixes, timestamps and continuation paragraphs work the same. A paragraph
//!   that opens with `<strong>Name:</strong>` or `<b>Name</b>:` names its speaker.
//!   A page without `<p>` is read as the plain text of its blocks.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::cleanup::collapse_whitespace;
use super::text::{segments_from_paragraphs, split_paragraphs, Paragraph};
use super::timestamps::parse_clock;
use super::timing::finish;
use super::{Segment, Transcript, TranscriptError, TranscriptFormat};
use crate::limits::bound_html_depth;

/// Elements dropped with everything inside them.
pub(crate) const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "audio", "video", "picture", "head", "title", "nav", "header", "footer", "aside",
    "form", "button", "select", "textarea", "dialog", "menu", "figure",
];

/// Elements that end a block of text in the fallback reading.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "body",
];

/// The longest name accepted from a bold paragraph opener.
const MAX_BOLD_NAME_CHARS: usize = 40;

/// What the page says, in document order.
#[derive(Debug)]
enum Event {
    /// A `<cite>`: who speaks next.
    Speaker(String),
    /// A `<time>` holding a clock time: when the next paragraph starts.
    Time(u64),
    /// A `<p>`: `text` without any `<cite>`/`<time>` inside it, `full` with them,
    /// and the text of a `<strong>`/`<b>` it opens with.
    Paragraph {
        text: String,
        full: String,
        bold_lead: Option<String>,
    },
}

/// The part an open element plays in the reading.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Dropped,
    Paragraph,
    Bold,
    Label {
        is_cite: bool,
        datetime: Option<u64>,
    },
    Other,
}

/// Parses an HTML transcript.
pub(crate) fn parse(input: &str) -> Result<Transcript, TranscriptError> {
    let document = Html::parse_document(&bound_html_depth(input));
    let (events, blocks) = read_events(content_root(&document));
    let clock_times = events
        .iter()
        .filter(|e| matches!(e, Event::Time(_)))
        .count();
    let cites = events
        .iter()
        .filter(|e| matches!(e, Event::Speaker(_)))
        .count();
    let has_paragraphs = events.iter().any(|e| matches!(e, Event::Paragraph { .. }));
    let segments = if clock_times >= 2 || (clock_times >= 1 && cites >= 1) {
        podcasting_form(events)
    } else if has_paragraphs {
        ordinary_page(events)
    } else {
        segments_from_paragraphs(&split_paragraphs(&blocks), &[])
    };
    finish(TranscriptFormat::Html, segments, Vec::new())
}

/// `<main>`, else `<article>`, else the whole page.
fn content_root(document: &Html) -> ElementRef<'_> {
    ["main", "article"]
        .iter()
        .find_map(|name| {
            document
                .root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == *name)
        })
        .unwrap_or_else(|| document.root_element())
}

/// Walks the page once, without recursion (deep nesting cannot overflow the
/// stack), collecting events and, for pages without paragraphs, the text of its
/// blocks separated by blank lines.
fn read_events(root: ElementRef<'_>) -> (Vec<Event>, String) {
    let mut events = Vec::new();
    let mut blocks = String::new();
    let mut roles: Vec<Role> = Vec::new();
    let mut dropped = 0usize;
    let mut paragraph: Option<(String, String)> = None;
    let mut bold: Option<String> = None;
    let mut bold_lead: Option<String> = None;
    let mut label: Option<String> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    let role = if dropped > 0 || DROPPED.contains(&name) {
                        Role::Dropped
                    } else {
                        match name {
                            "p" if paragraph.is_none() => Role::Paragraph,
                            "strong" | "b"
                                if bold.is_none()
                                    && bold_lead.is_none()
                                    && paragraph
                                        .as_ref()
                                        .is_some_and(|p| p.1.trim().is_empty()) =>
                            {
                                Role::Bold
                            }
                            "cite" | "time" if label.is_none() => Role::Label {
                                is_cite: name == "cite",
                                datetime: element.attr("datetime").and_then(parse_clock),
                            },
                            _ => Role::Other,
                        }
                    };
                    match role {
                        Role::Dropped => dropped += 1,
                        Role::Paragraph => {
                            paragraph = Some((String::new(), String::new()));
                            bold_lead = None;
                        }
                        Role::Bold => bold = Some(String::new()),
                        Role::Label { .. } => label = Some(String::new()),
                        Role::Other => {}
                    }
                    if role != Role::Dropped && name == "br" {
                        blocks.push('\n');
                        if let Some((text, full)) = paragraph.as_mut() {
                            text.push('\n');
                            full.push('\n');
                        }
                    }
                    if role != Role::Dropped && BLOCKS.contains(&name) {
                        blocks.push_str("\n\n");
                    }
                    roles.push(role);
                }
                Node::Text(text) if dropped == 0 => {
                    let text: &str = text;
                    blocks.push_str(text);
                    if let Some((own, full)) = paragraph.as_mut() {
                        full.push_str(text);
                        if label.is_none() {
                            own.push_str(text);
                        }
                    }
                    for capture in [label.as_mut(), bold.as_mut()].into_iter().flatten() {
                        capture.push_str(text);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(element) = node.value() else {
                    continue;
                };
                let role = roles.pop().unwrap_or(Role::Other);
                if role != Role::Dropped && BLOCKS.contains(&element.name()) {
                    blocks.push_str("\n\n");
                }
                match role {
                    Role::Dropped => dropped = dropped.saturating_sub(1),
                    Role::Paragraph => {
                        if let Some((text, full)) = paragraph.take() {
                            let bold_lead = bold_lead.take();
                            events.push(Event::Paragraph {
                                text,
                                full,
                                bold_lead,
                            });
                        }
                    }
                    Role::Bold => bold_lead = bold.take(),
                    Role::Label { is_cite, datetime } => {
                        let text = collapse_whitespace(&label.take().unwrap_or_default());
                        if is_cite {
                            let name = text.trim_end_matches([':', '：']).trim_end();
                            if !name.is_empty() && name.chars().count() <= MAX_BOLD_NAME_CHARS {
                                events.push(Event::Speaker(name.to_string()));
                            }
                        } else if let Some(ms) = datetime.or_else(|| parse_clock(&text)) {
                            events.push(Event::Time(ms));
                        }
                    }
                    Role::Other => {}
                }
            }
        }
    }
    (events, blocks)
}

/// Lines of paragraph text, whitespace collapsed, blank lines dropped.
fn lines_of(text: &str) -> Vec<String> {
    text.split('\n')
        .map(collapse_whitespace)
        .filter(|line| !line.is_empty())
        .collect()
}

/// The speaker named by a paragraph's opening `<strong>Name:</strong>` or
/// `<b>Name</b>:`, and its first line without the name.
fn bold_speaker(first_line: &str, bold_lead: Option<&str>) -> Option<(String, String)> {
    let lead = collapse_whitespace(bold_lead?);
    let after = first_line.strip_prefix(lead.as_str())?.trim_start();
    let (name, rest) = match lead.strip_suffix([':', '：']) {
        Some(name) => (name.trim_end(), after),
        None => (lead.as_str(), after.strip_prefix([':', '：'])?.trim_start()),
    };
    let fits = !name.is_empty() && name.chars().count() <= MAX_BOLD_NAME_CHARS;
    fits.then(|| (name.to_string(), rest.to_string()))
}

/// A paragraph as the page gives it: the speaker its markup names, and its lines.
pub(crate) type PageParagraph = (Option<String>, Vec<String>);

/// A paragraph's lines, with the speaker its bold opener names taken out.
pub(crate) fn paragraph_lines(text: &str, bold_lead: Option<&str>) -> PageParagraph {
    let mut lines = lines_of(text);
    let named = lines
        .first()
        .and_then(|first| bold_speaker(first, bold_lead));
    let speaker = named.map(|(name, rest)| {
        if rest.is_empty() {
            lines.remove(0);
        } else {
            lines[0] = rest;
        }
        name
    });
    (speaker, lines)
}

/// Segments from the Podcasting 2.0 form.
fn podcasting_form(events: Vec<Event>) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut speaker: Option<String> = None;
    let mut time: Option<u64> = None;
    let mut last_speaker: Option<String> = None;
    for event in events {
        match event {
            Event::Speaker(name) => speaker = Some(name),
            Event::Time(ms) => time = Some(ms),
            Event::Paragraph {
                text, bold_lead, ..
            } => {
                let (named, lines) = paragraph_lines(&text, bold_lead.as_deref());
                if lines.is_empty() {
                    continue;
                }
                let who = named.or(speaker.take()).or(last_speaker.clone());
                last_speaker.clone_from(&who);
                segments.push(Segment {
                    start_ms: time.take(),
                    end_ms: None,
                    speaker: who,
                    text: lines.join(" "),
                    words: None,
                });
            }
        }
    }
    segments
}

/// Segments from an ordinary page's paragraphs, read like plain text.
fn ordinary_page(events: Vec<Event>) -> Vec<Segment> {
    let owned: Vec<PageParagraph> = events
        .into_iter()
        .filter_map(|event| match event {
            Event::Paragraph {
                full, bold_lead, ..
            } => Some(paragraph_lines(&full, bold_lead.as_deref())),
            _ => None,
        })
        .collect();
    page_segments(&owned)
}

/// Segments from a page's paragraphs, read like plain text (`text.rs`): the names
/// their markup gives are vouched for, `Name:` prefixes follow the speaker rules,
/// and a paragraph without a name continues the previous speaker.
pub(crate) fn page_segments(owned: &[PageParagraph]) -> Vec<Segment> {
    let known: Vec<String> = owned
        .iter()
        .filter_map(|(speaker, _)| speaker.clone())
        .collect();
    let paragraphs: Vec<Paragraph<'_>> = owned
        .iter()
        .map(|(speaker, lines)| Paragraph {
            speaker: speaker.clone(),
            lines: lines.iter().map(String::as_str).collect(),
        })
        .collect();
    segments_from_paragraphs(&paragraphs, &known)
}
