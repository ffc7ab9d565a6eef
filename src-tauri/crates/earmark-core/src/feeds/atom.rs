//! Atom 1.0 into a [`Feed`]: entries with a `rel="enclosure"` link are episodes.

use atom_syndication::{Entry, Text, TextType};

use super::dates::parse_date;
use super::duration::parse_duration;
use super::media_rss;
use super::model::{Enclosure, Feed, FeedEpisode, FeedKind};
use super::parse::{Links, Namespaces};
use super::podcast_tags;
use super::podlove;
use super::rss::{UNTITLED_EPISODE, UNTITLED_PODCAST};
use super::text::{html_to_text, one_line_text, plain_text, without_nul};
use super::update_frequency::update_every;

/// Reads a parsed Atom feed.
pub(super) fn from_atom(feed: &atom_syndication::Feed, ns: &Namespaces, links: &Links<'_>) -> Feed {
    let alternate = feed
        .links()
        .iter()
        .find(|l| l.rel() == "alternate")
        .and_then(|l| links.resolve(l.href()));
    let mut out = Feed {
        kind: FeedKind::Atom,
        title: one_line(feed.title()).unwrap_or_else(|| UNTITLED_PODCAST.to_owned()),
        description: feed.subtitle().and_then(block),
        image_url: feed
            .logo()
            .or(feed.icon())
            .map(str::to_owned)
            .or_else(|| podcast_tags::itunes_image(feed.extensions(), ns))
            .and_then(|u| links.resolve(&u)),
        link: alternate,
        author: feed.authors().first().and_then(|a| one_line_text(a.name())),
        language: feed.lang().and_then(one_line_text),
        episodes: Vec::with_capacity(feed.entries().len()),
        skipped_items: 0,
        new_feed_url: podcast_tags::itunes_text(feed.extensions(), ns, "new-feed-url")
            .and_then(|u| links.resolve(u)),
        update_every_secs: update_every(feed.extensions(), ns, None),
        repairs: Vec::new(),
    };
    for (index, entry) in feed.entries().iter().enumerate() {
        match episode(entry, ns.atom_updated.written(index), ns, links) {
            Some(episode) => out.episodes.push(episode),
            None => out.skipped_items += 1,
        }
    }
    out
}

/// The entry's `rel="enclosure"` link that may be audio (not an image or text).
fn enclosure(entry: &Entry, links: &Links<'_>) -> Option<Enclosure> {
    let link = entry.links().iter().find(|l| {
        l.rel() == "enclosure"
            && !l
                .mime_type()
                .is_some_and(|m| m.starts_with("image/") || m.starts_with("text/"))
    })?;
    Some(Enclosure {
        url: links.resolve(link.href())?,
        mime: link.mime_type().map(|m| m.trim().to_ascii_lowercase()),
        length: link.length().and_then(Enclosure::claimed_length),
    })
}

/// One entry, or `None` when it has no audio: its `rel="enclosure"` link, else an
/// audio Media RSS `media:content`. `updated_written` says whether
/// the entry writes its `<updated>` date (see [`super::parse::AtomUpdated`]).
fn episode(
    entry: &Entry,
    updated_written: bool,
    ns: &Namespaces,
    links: &Links<'_>,
) -> Option<FeedEpisode> {
    let extensions = entry.extensions();
    let (enclosure, media_duration_ms) = match enclosure(entry, links) {
        Some(enclosure) => (enclosure, None),
        None => {
            let media = media_rss::audio(extensions, ns, links)?;
            (media.enclosure, media.duration_ms)
        }
    };
    let tags = podcast_tags::read(extensions, ns, links);
    let guid = Some(entry.id().trim())
        .filter(|id| !id.is_empty())
        .map(|id| without_nul(id).chars().take(1_000).collect())
        .unwrap_or_else(|| enclosure.url.clone());
    // atom_syndication fills a missing <updated> with the Unix epoch; a written one,
    // the epoch included, is a date.
    let published = entry
        .published()
        .or(updated_written.then(|| entry.updated()))
        .and_then(|d| parse_date(&d.to_rfc3339()));
    let description = entry
        .content()
        .and_then(|c| c.value())
        .and_then(html_to_text)
        .or_else(|| entry.summary().and_then(block));
    Some(FeedEpisode {
        guid,
        title: one_line(entry.title()).unwrap_or_else(|| UNTITLED_EPISODE.to_owned()),
        description,
        published,
        duration_ms: podcast_tags::itunes_text(extensions, ns, "duration")
            .and_then(parse_duration)
            .or(media_duration_ms),
        enclosure,
        transcripts: tags.transcripts,
        chapters: tags.chapters,
        inline_chapters: podlove::chapters(extensions, ns, links),
        people: tags.people,
        link: entry
            .links()
            .iter()
            .find(|l| l.rel() == "alternate")
            .and_then(|l| links.resolve(l.href())),
        image_url: podcast_tags::itunes_image(extensions, ns).and_then(|u| links.resolve(&u)),
    })
}

/// An Atom text construct on one line.
fn one_line(text: &Text) -> Option<String> {
    match text.r#type {
        TextType::Text => {
            plain_text(&text.value).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        TextType::Html | TextType::Xhtml => one_line_text(&text.value),
    }
}

/// An Atom text construct as paragraphs.
fn block(text: &Text) -> Option<String> {
    match text.r#type {
        TextType::Text => plain_text(&text.value),
        TextType::Html | TextType::Xhtml => html_to_text(&text.value),
    }
}
