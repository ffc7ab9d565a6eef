//! The Podcasting 2.0 tags Earmark reads — `podcast:transcript`, `podcast:chapters`,
//! `podcast:person` — from the extension maps of either feed crate, whatever prefix
//! the document binds the namespace to.

use std::collections::BTreeMap;

use super::model::{ChaptersLink, Person, TranscriptLink};
use super::parse::{Links, Namespaces};
use super::text::one_line_text;

/// The most transcripts or people read per episode (a hostile feed could list more).
const MAX_PER_EPISODE: usize = 32;

/// One extension element, as both feed crates represent it.
pub(super) trait Tag {
    /// An attribute's value.
    fn attr(&self, name: &str) -> Option<&str>;
    /// The element's text.
    fn text(&self) -> Option<&str>;
    /// Its child elements named `local` (any prefix).
    fn children(&self, local: &str) -> &[Self]
    where
        Self: Sized;
}

impl Tag for rss::extension::Extension {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
    fn text(&self) -> Option<&str> {
        self.value.as_deref()
    }
    fn children(&self, local: &str) -> &[Self] {
        self.children.get(local).map_or(&[], Vec::as_slice)
    }
}

impl Tag for atom_syndication::extension::Extension {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
    fn text(&self) -> Option<&str> {
        self.value.as_deref()
    }
    fn children(&self, local: &str) -> &[Self] {
        self.children.get(local).map_or(&[], Vec::as_slice)
    }
}

/// An extension map keyed by prefix, then local name.
pub(super) type TagMap<T> = BTreeMap<String, BTreeMap<String, Vec<T>>>;

/// All elements `local` under any of `prefixes`.
pub(super) fn tags<'m, T>(
    map: &'m TagMap<T>,
    prefixes: &'m std::collections::BTreeSet<String>,
    local: &'m str,
) -> impl Iterator<Item = &'m T> + 'm {
    prefixes
        .iter()
        .filter_map(move |p| map.get(p))
        .filter_map(move |names| names.get(local))
        .flatten()
}

/// The Podcasting 2.0 links of one item.
#[derive(Debug, Default)]
pub(super) struct PodcastTags {
    pub transcripts: Vec<TranscriptLink>,
    pub chapters: Option<ChaptersLink>,
    pub people: Vec<Person>,
}

/// Reads the Podcasting 2.0 tags of one item.
pub(super) fn read<T: Tag>(map: &TagMap<T>, ns: &Namespaces, links: &Links<'_>) -> PodcastTags {
    let mut out = PodcastTags::default();
    for tag in tags(map, &ns.podcast, "transcript") {
        if out.transcripts.len() >= MAX_PER_EPISODE {
            break;
        }
        let (Some(url), Some(mime)) = (
            tag.attr("url").and_then(|u| links.resolve(u)),
            tag.attr("type"),
        ) else {
            continue;
        };
        out.transcripts.push(TranscriptLink {
            url,
            mime: mime.trim().to_ascii_lowercase(),
            language: tag.attr("language").and_then(short),
            rel: tag.attr("rel").and_then(short),
        });
    }
    out.chapters = tags(map, &ns.podcast, "chapters").find_map(|tag| {
        Some(ChaptersLink {
            url: links.resolve(tag.attr("url")?)?,
            mime: tag.attr("type").and_then(short),
        })
    });
    for tag in tags(map, &ns.podcast, "person") {
        if out.people.len() >= MAX_PER_EPISODE {
            break;
        }
        let Some(name) = tag.text().and_then(one_line_text) else {
            continue;
        };
        out.people.push(Person {
            name,
            role: tag.attr("role").and_then(short),
            href: tag.attr("href").and_then(|h| links.resolve(h)),
        });
    }
    out
}

/// The text of the first `local` element under any iTunes prefix.
pub(super) fn itunes_text<'m, T: Tag>(
    map: &'m TagMap<T>,
    ns: &'m Namespaces,
    local: &'m str,
) -> Option<&'m str> {
    tags(map, &ns.itunes, local).find_map(Tag::text)
}

/// The address of the first `itunes:image` (`href`, or `url` as some feeds write
/// it), else of an old-style `itunes:link rel="image"`.
pub(super) fn itunes_image<T: Tag>(map: &TagMap<T>, ns: &Namespaces) -> Option<String> {
    tags(map, &ns.itunes, "image")
        .find_map(|t| t.attr("href").or_else(|| t.attr("url")))
        .or_else(|| {
            tags(map, &ns.itunes, "link")
                .filter(|t| t.attr("rel").is_some_and(|r| r.trim() == "image"))
                .find_map(|t| t.attr("href"))
        })
        .map(str::to_owned)
}

/// A short attribute value: trimmed, lower-cased, at most 64 characters, not empty.
fn short(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty() && value.chars().count() <= 64).then(|| value.to_ascii_lowercase())
}
