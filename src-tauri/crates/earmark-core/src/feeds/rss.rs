//! RSS 2.0 (with iTunes, Podcasting 2.0 and Media RSS tags) into a [`Feed`].

use super::dates::parse_date;
use super::duration::parse_duration;
use super::media_rss;
use super::model::{Enclosure, Feed, FeedEpisode, FeedKind};
use super::parse::{Links, Namespaces};
use super::podcast_tags;
use super::podlove;
use super::text::{html_to_text, one_line_text, without_nul};
use super::update_frequency::update_every;

/// Title used when a feed gives none.
pub(super) const UNTITLED_PODCAST: &str = "Untitled podcast";
/// Title used when an episode gives none.
pub(super) const UNTITLED_EPISODE: &str = "Untitled episode";

/// Reads a parsed RSS channel.
pub(super) fn from_channel(channel: &rss::Channel, ns: &Namespaces, links: &Links<'_>) -> Feed {
    let itunes = channel.itunes_ext();
    let mut feed = Feed {
        kind: FeedKind::Rss,
        title: one_line_text(channel.title()).unwrap_or_else(|| UNTITLED_PODCAST.to_owned()),
        description: html_to_text(channel.description())
            .or_else(|| itunes.and_then(|i| i.summary()).and_then(html_to_text)),
        image_url: itunes
            .and_then(|i| i.image().map(str::to_owned))
            .or_else(|| podcast_tags::itunes_image(channel.extensions(), ns))
            .or_else(|| channel.image().map(|i| i.url().to_owned()))
            .and_then(|u| links.resolve(&u)),
        link: links.resolve(channel.link()),
        author: itunes
            .and_then(|i| i.author())
            .or_else(|| podcast_tags::itunes_text(channel.extensions(), ns, "author"))
            .and_then(one_line_text),
        language: channel.language().and_then(one_line_text),
        episodes: Vec::with_capacity(channel.items().len()),
        skipped_items: 0,
        new_feed_url: itunes
            .and_then(|i| i.new_feed_url())
            .or_else(|| podcast_tags::itunes_text(channel.extensions(), ns, "new-feed-url"))
            .or_else(|| ns.redirect.location())
            .and_then(|u| links.resolve(u)),
        update_every_secs: update_every(channel.extensions(), ns, channel.syndication_ext()),
        repairs: Vec::new(),
    };
    for item in channel.items() {
        match episode(item, ns, links) {
            Some(episode) => feed.episodes.push(episode),
            None => feed.skipped_items += 1,
        }
    }
    feed
}

/// The item's `<enclosure>`, unless it is an image or text or has no usable address.
fn enclosure(item: &rss::Item, links: &Links<'_>) -> Option<Enclosure> {
    let enclosure = item.enclosure()?;
    let mime = Some(enclosure.mime_type().trim().to_ascii_lowercase()).filter(|m| !m.is_empty());
    if mime
        .as_deref()
        .is_some_and(|m| m.starts_with("image/") || m.starts_with("text/"))
    {
        return None;
    }
    Some(Enclosure {
        url: links.resolve(enclosure.url())?,
        mime,
        length: Enclosure::claimed_length(enclosure.length()),
    })
}

/// One item, or `None` when it has no usable audio: its `<enclosure>`, else an audio
/// Media RSS `media:content`.
fn episode(item: &rss::Item, ns: &Namespaces, links: &Links<'_>) -> Option<FeedEpisode> {
    let (enclosure, media_duration_ms) = match enclosure(item, links) {
        Some(enclosure) => (enclosure, None),
        None => {
            let media = media_rss::audio(item.extensions(), ns, links)?;
            (media.enclosure, media.duration_ms)
        }
    };
    let itunes = item.itunes_ext();
    let tags = podcast_tags::read(item.extensions(), ns, links);
    let guid = item
        .guid()
        .map(|g| g.value().trim())
        .filter(|g| !g.is_empty())
        .map(|g| without_nul(g).chars().take(1_000).collect())
        .unwrap_or_else(|| enclosure.url.clone());
    let published = item.pub_date().and_then(parse_date).or_else(|| {
        item.dublin_core_ext()
            .and_then(|dc| dc.dates().first())
            .and_then(|d| parse_date(d))
    });
    Some(FeedEpisode {
        guid,
        title: item
            .title()
            .and_then(one_line_text)
            .or_else(|| {
                podcast_tags::itunes_text(item.extensions(), ns, "title").and_then(one_line_text)
            })
            .unwrap_or_else(|| UNTITLED_EPISODE.to_owned()),
        description: item
            .content()
            .and_then(html_to_text)
            .or_else(|| item.description().and_then(html_to_text))
            .or_else(|| itunes.and_then(|i| i.summary()).and_then(html_to_text))
            .or_else(|| itunes.and_then(|i| i.subtitle()).and_then(html_to_text)),
        published,
        duration_ms: itunes
            .and_then(|i| i.duration())
            .or_else(|| podcast_tags::itunes_text(item.extensions(), ns, "duration"))
            .and_then(parse_duration)
            .or(media_duration_ms),
        enclosure,
        transcripts: tags.transcripts,
        chapters: tags.chapters,
        inline_chapters: podlove::chapters(item.extensions(), ns, links),
        people: tags.people,
        link: item
            .link()
            .or_else(|| item.guid().filter(|g| g.is_permalink()).map(|g| g.value()))
            .and_then(|l| links.resolve(l)),
        image_url: itunes
            .and_then(|i| i.image().map(str::to_owned))
            .or_else(|| podcast_tags::itunes_image(item.extensions(), ns))
            .and_then(|u| links.resolve(&u)),
    })
}
