//! The transcript section of an episode's web page.
//!
//! Show websites and hosting or directory sites put a transcript on the episode's
//! page among much else: the title, a bulleted summary, a list of other episodes
//! with their dates and lengths, related shows, navigation and a footer. This
//! module finds the transcript part and reads only that.
//!
//! The page is parsed by `scraper` after [`bound_html_depth`], and walked once
//! without recursion, so neither deep nesting nor size costs more than linear time
//! or overflows the stack. Scripts never run; the elements `html.rs` drops
//! (scripts, styles, navigation, headers, footers, asides, forms, buttons…) are
//! dropped with all they hold. What remains becomes a list of blocks in document
//! order: headings, paragraphs (`<p>` outside lists), and breaks (a list, a
//! paragraph that is only links, a date or an episode length such as "5 Kesä 2024"
//! or "38min").
//!
//! - **By heading** — a heading whose text names a transcript in a common
//!   European language ("Transcript", "Full transcript:", "Transcript of episode
//!   12", "Tekstivastine", "Litterointi", "Utskrift", "Transkription",
//!   "Transcripción"…: at most six words, the transcript word first or last). A
//!   heading is `<h1>`–`<h6>`, a paragraph that is all `<strong>`/`<b>`, a
//!   `<summary>`, or an element whose `id` or `class` holds "transcript". The
//!   section is the paragraphs after it, up to the next heading of the same or a
//!   higher level (a bold paragraph or the like counts as below `<h6>`) or the end
//!   of its container: the heading's parent, or the nearest ancestor that has
//!   paragraphs after the heading (a heading alone in its block). With several such
//!   headings, the one with the most paragraphs wins.
//! - **By shape** — otherwise, the longest run of consecutive paragraphs (not
//!   interrupted by a heading or a break) in which at least two paragraphs open
//!   with a speaker label (`Name: …` by the rules of `speaker.rs`, or
//!   `<strong>Name:</strong>`), starting at the first such paragraph whose speaker
//!   speaks again (a one-off "Guest: Olof Berg" above the turns is not a turn);
//!   the others continue the speaker before them.
//!
//! The paragraphs are read as `html.rs` reads an ordinary page (and so as plain
//! text is read): `Name:` prefixes and bold names give speakers, a paragraph
//! without a name continues the previous speaker, and timestamps in the text give
//! times. A bold paragraph that is not a speaker label ("Links", "Part two") is a
//! sub-heading and is left out.
//!
//! The transcript is **incomplete** when the page cuts it off: its last paragraph
//! ends with "...", "…" or "[…]", or with a "Read more" link ("Lue lisää", "Läs
//! mer", "Weiterlesen", "Lire la suite", "Leer más", "Continue reading"…), or such
//! a link comes right after it. Those marks are taken off the last segment.

use std::collections::HashMap;
use std::ops::Range;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};

use super::cleanup::{collapse_whitespace, finish_text, without_nul};
use super::html::{page_segments, paragraph_lines, PageParagraph, DROPPED};
use super::page_text::{
    is_date_or_length, is_read_more, is_speaker_line, is_transcript_heading, without_cut_off_marks,
};
use super::page_turns::first_turn;
use super::timing::finish;
use super::{Transcript, TranscriptError, TranscriptFormat};
use crate::limits::bound_html_depth;

/// A transcript read from an episode's web page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTranscript {
    /// The transcript, in [`TranscriptFormat::Html`]; untimed unless the page
    /// gives times.
    pub transcript: Transcript,
    /// The page cut the transcript off ("...", "…", a "Read more"/"Lue lisää"/"Läs
    /// mer"/"Weiterlesen"/"Lire la suite"/"Leer más"/"Continue reading" link right
    /// after it, or text ending mid-sentence right before such a link).
    pub incomplete: bool,
}

/// The level given to headings that are not `<h1>`–`<h6>`: below all of them.
const MINOR_HEADING: u8 = 7;

/// Reads the transcript section of an episode's web page (see the module
/// documentation). A page with no transcript heading and no run of speaker-labelled
/// paragraphs gives [`TranscriptError::NoTranscriptOnPage`].
pub fn read_episode_page(html: &str) -> Result<PageTranscript, TranscriptError> {
    let html = without_nul(html);
    let document = Html::parse_document(&bound_html_depth(&html));
    let page = PageBlocks::read(&document);
    let section = page
        .by_heading(&document)
        .or_else(|| page.by_shape())
        .ok_or(TranscriptError::NoTranscriptOnPage)?;
    let mut blocks = page.blocks;
    let last = blocks
        .get(section.clone())
        .and_then(|kept| kept.iter().rposition(|b| matches!(b, Block::Paragraph(_))))
        .map(|n| section.start + n);
    let link_after = last
        .and_then(|i| blocks.get(i + 1))
        .is_some_and(|b| matches!(b, Block::More));
    let cut_by_link = last
        .and_then(|i| blocks.get(i))
        .is_some_and(|b| matches!(b, Block::Paragraph(p) if p.cut_by_link));
    let paragraphs: Vec<PageParagraph> = blocks
        .drain(section)
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.paragraph),
            _ => None,
        })
        .collect();
    let mut segments = page_segments(&paragraphs);
    let mut incomplete = link_after || cut_by_link;
    if let Some(segment) = segments.last_mut() {
        if let Some(kept) = without_cut_off_marks(&segment.text) {
            incomplete = true;
            segment.text = kept.to_string();
        }
    }
    let transcript = finish(TranscriptFormat::Html, segments, Vec::new()).map_err(|e| match e {
        TranscriptError::Empty => TranscriptError::NoTranscriptOnPage,
        other => other,
    })?;
    Ok(PageTranscript {
        transcript: finish_text(transcript),
        incomplete,
    })
}

/// One block of the page, in document order.
#[derive(Debug)]
enum Block {
    /// A heading of `level` (1–6, or [`MINOR_HEADING`]); `transcript` when its
    /// text names a transcript.
    Heading {
        level: u8,
        transcript: bool,
        node: NodeId,
    },
    /// A paragraph of text.
    Paragraph(KeptParagraph),
    /// What is not transcript text: a list, a links-only paragraph, a date or a
    /// length.
    Break,
    /// A "Read more" link outside any paragraph.
    More,
}

/// A paragraph of text, read.
#[derive(Debug)]
struct KeptParagraph {
    paragraph: PageParagraph,
    /// It ended with a "Read more" link, now taken off.
    cut_by_link: bool,
}

/// A `<p>` being read: where its text starts in [`PageBlocks::text`], and what
/// is known of it so far.
#[derive(Debug)]
struct OpenParagraph {
    start: usize,
    /// The text of the `<strong>`/`<b>` it opens with, once closed.
    bold: Option<Range<usize>>,
    /// It has text outside links.
    plain: bool,
    /// It has any text.
    visible: bool,
    /// Where a "Read more" link inside it begins and ends.
    more: Option<Range<usize>>,
    /// Its `id` or `class` holds "transcript".
    named_transcript: bool,
}

/// The part an open element plays in the walk; offsets are into
/// [`PageBlocks::text`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Dropped,
    Paragraph,
    Heading {
        level: u8,
        start: usize,
    },
    Link {
        start: usize,
    },
    Bold {
        start: usize,
    },
    List,
    /// A `<summary>` or an element whose `id` or `class` holds "transcript".
    Titled {
        start: usize,
    },
    Other,
}

/// The page as blocks, with where each element's content ends.
#[derive(Debug, Default)]
struct PageBlocks {
    blocks: Vec<Block>,
    /// For each element, how many blocks there are once it has closed.
    ends: HashMap<NodeId, usize>,
    /// All the text kept, in document order (`<br>` as a line break): elements
    /// remember offsets into it, so nothing is copied twice.
    text: String,
    dropped: usize,
    lists: usize,
    links: usize,
    paragraph: Option<OpenParagraph>,
}

impl PageBlocks {
    /// Walks the document once, without recursion.
    fn read(document: &Html) -> Self {
        let mut page = PageBlocks::default();
        let mut parts: Vec<Part> = Vec::new();
        for edge in document.root_element().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(element) => {
                        let part = page.open(element);
                        parts.push(part);
                    }
                    Node::Text(text) if page.dropped == 0 => page.add_text(text),
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        let part = parts.pop().unwrap_or(Part::Other);
                        page.close(part, node.id());
                    }
                }
            }
        }
        page
    }

    fn open(&mut self, element: &scraper::node::Element) -> Part {
        let name = element.name();
        let start = self.text.len();
        let part = if self.dropped > 0 || DROPPED.contains(&name) {
            Part::Dropped
        } else {
            match name {
                "p" if self.paragraph.is_none() && self.lists == 0 => Part::Paragraph,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Part::Heading {
                    level: name[1..].parse().unwrap_or(MINOR_HEADING),
                    start,
                },
                "a" => Part::Link { start },
                "strong" | "b" if self.opens_paragraph() => Part::Bold { start },
                "ul" | "ol" | "dl" | "li" => Part::List,
                "summary" => Part::Titled { start },
                _ if names_transcript(element) => Part::Titled { start },
                _ => Part::Other,
            }
        };
        match part {
            Part::Dropped => self.dropped += 1,
            Part::Paragraph => {
                self.paragraph = Some(OpenParagraph {
                    start,
                    bold: None,
                    plain: false,
                    visible: false,
                    more: None,
                    named_transcript: names_transcript(element),
                });
            }
            Part::Link { .. } => self.links += 1,
            Part::List => {
                self.lists += 1;
                self.blocks.push(Block::Break);
            }
            _ => {}
        }
        if part != Part::Dropped && name == "br" {
            self.text.push('\n');
        }
        part
    }

    /// True inside a paragraph that has no text yet and no bold opener.
    fn opens_paragraph(&self) -> bool {
        self.paragraph
            .as_ref()
            .is_some_and(|p| p.bold.is_none() && !p.visible)
    }

    fn add_text(&mut self, text: &str) {
        self.text.push_str(text);
        let visible = !text.trim().is_empty();
        match self.paragraph.as_mut() {
            Some(paragraph) => {
                paragraph.visible |= visible;
                paragraph.plain |= visible && self.links == 0;
            }
            None if visible && self.lists == 0 && is_date_or_length(text) => {
                self.blocks.push(Block::Break);
            }
            None => {}
        }
    }

    fn close(&mut self, part: Part, node: NodeId) {
        let end = self.text.len();
        match part {
            Part::Dropped => {
                self.dropped = self.dropped.saturating_sub(1);
                return;
            }
            Part::Paragraph => self.close_paragraph(node),
            Part::Heading { level, start } => {
                let transcript = self.text.get(start..).is_some_and(is_transcript_heading);
                self.blocks.push(Block::Heading {
                    level,
                    transcript,
                    node,
                });
            }
            Part::Link { start } => {
                self.links = self.links.saturating_sub(1);
                if self.text.get(start..).is_some_and(is_read_more) {
                    match self.paragraph.as_mut() {
                        Some(paragraph) => paragraph.more = Some(start..end),
                        None => self.blocks.push(Block::More),
                    }
                }
            }
            Part::Bold { start } => {
                if let Some(paragraph) = self.paragraph.as_mut() {
                    paragraph.bold = Some(start..end);
                }
            }
            Part::List => self.lists = self.lists.saturating_sub(1),
            Part::Titled { start } => {
                if self.text.get(start..).is_some_and(is_transcript_heading) {
                    self.blocks.push(Block::Heading {
                        level: MINOR_HEADING,
                        transcript: true,
                        node,
                    });
                }
            }
            Part::Other => {}
        }
        self.ends.insert(node, self.blocks.len());
    }

    /// Turns the `<p>` just closed into a block: a paragraph of text, a heading
    /// (all bold, or naming a transcript), a break (only links, or a date or
    /// length) or a "Read more" link.
    fn close_paragraph(&mut self, node: NodeId) {
        let Some(open) = self.paragraph.take() else {
            return;
        };
        let mut end = self.text.len();
        // A "Read more" link ending the paragraph is not its text.
        let cut_by_link = match &open.more {
            Some(more)
                if self
                    .text
                    .get(more.end..)
                    .is_some_and(|t| t.trim().is_empty()) =>
            {
                end = more.start;
                true
            }
            _ => false,
        };
        let full = self.text.get(open.start..end).unwrap_or_default();
        let collapsed = collapse_whitespace(full);
        let bold = open.bold.and_then(|range| self.text.get(range));
        let bold_only = bold.is_some_and(|b| collapse_whitespace(b) == collapsed);
        let block = if collapsed.is_empty() {
            cut_by_link.then_some(Block::More)
        } else if (bold_only || open.named_transcript) && is_transcript_heading(&collapsed) {
            Some(Block::Heading {
                level: MINOR_HEADING,
                transcript: true,
                node,
            })
        } else if bold_only && !is_speaker_line(&collapsed) {
            Some(Block::Heading {
                level: MINOR_HEADING,
                transcript: false,
                node,
            })
        } else if !open.plain || is_date_or_length(&collapsed) {
            Some(Block::Break)
        } else {
            Some(Block::Paragraph(KeptParagraph {
                paragraph: paragraph_lines(full, bold),
                cut_by_link,
            }))
        };
        self.blocks.extend(block);
    }

    /// The section after the best transcript heading, as a range of blocks.
    fn by_heading(&self, document: &Html) -> Option<Range<usize>> {
        // counts[i]: how many paragraphs come before block i.
        let mut counts = Vec::with_capacity(self.blocks.len() + 1);
        let mut count = 0usize;
        counts.push(count);
        for block in &self.blocks {
            count += usize::from(matches!(block, Block::Paragraph(_)));
            counts.push(count);
        }
        let paragraphs_in = |range: &Range<usize>| {
            counts
                .get(range.end)
                .zip(counts.get(range.start))
                .map_or(0, |(end, start)| end.saturating_sub(*start))
        };
        let mut best: Option<(usize, Range<usize>)> = None;
        for (i, block) in self.blocks.iter().enumerate() {
            let Block::Heading {
                level,
                transcript: true,
                node,
            } = block
            else {
                continue;
            };
            // Each scan stops at the next heading of its level or above, so the
            // scans of one level never overlap: linear over the page.
            let stop = self.blocks[i + 1..]
                .iter()
                .position(|b| matches!(b, Block::Heading { level: l, .. } if l <= level))
                .map_or(self.blocks.len(), |n| i + 1 + n);
            let Some(heading) = document.tree.get(*node) else {
                continue;
            };
            for container in heading.ancestors() {
                let end = self
                    .ends
                    .get(&container.id())
                    .map_or(stop, |&end| end.min(stop));
                let section = i + 1..end;
                let found = paragraphs_in(&section);
                if found > 0 {
                    if best.as_ref().is_none_or(|(most, _)| found > *most) {
                        best = Some((found, section));
                    }
                    break;
                }
                if end >= stop {
                    break;
                }
            }
        }
        best.map(|(_, section)| section)
    }

    /// The longest run of paragraphs with at least two speaker-labelled ones, from
    /// the first of those.
    fn by_shape(&self) -> Option<Range<usize>> {
        let mut best: Option<Range<usize>> = None;
        let mut start = 0;
        while start < self.blocks.len() {
            let run: Vec<&PageParagraph> = self.blocks[start..]
                .iter()
                .map_while(|b| match b {
                    Block::Paragraph(p) => Some(&p.paragraph),
                    _ => None,
                })
                .collect();
            if let Some(first) = first_turn(&run) {
                let section = start + first..start + run.len();
                if best.as_ref().is_none_or(|b| section.len() > b.len()) {
                    best = Some(section);
                }
            }
            start += run.len().max(1);
        }
        best
    }
}

/// True when the element's `id` or `class` holds "transcript".
fn names_transcript(element: &scraper::node::Element) -> bool {
    ["id", "class"].iter().any(|name| {
        element
            .attr(name)
            .is_some_and(|value| value.to_lowercase().contains("transcript"))
    })
}
