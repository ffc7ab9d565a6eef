//! Media RSS (`http://search.yahoo.com/mrss/`): the audio of items that give it only as
//! `media:content`, alone or inside a `media:group`, and no `<enclosure>`.

use rss::extension::Extension;

use super::duration::parse_duration;
use super::model::Enclosure;
use super::parse::{Links, Namespaces};
use super::podcast_tags::{tags, TagMap};

/// An audio `media:content`, as an enclosure and the duration it claims.
#[derive(Debug)]
pub(super) struct MediaAudio {
    pub enclosure: Enclosure,
    pub duration_ms: Option<u64>,
}

/// The item's audio `media:content` (type `audio/*` or `medium="audio"`, with a
/// usable address): the first one marked `isDefault="true"`, else the first one,
/// items' own before those inside a `media:group`.
pub(super) fn audio(
    map: &TagMap<Extension>,
    ns: &Namespaces,
    links: &Links<'_>,
) -> Option<MediaAudio> {
    let grouped = tags(map, &ns.media, "group")
        .flat_map(|group| group.children.get("content").into_iter().flatten());
    let candidates: Vec<(&Extension, String)> = tags(map, &ns.media, "content")
        .chain(grouped)
        .filter(|content| is_audio(content))
        .filter_map(|content| Some((content, links.resolve(attr(content, "url")?)?)))
        .collect();
    let (content, url) = candidates
        .iter()
        .find(|(content, _)| {
            attr(content, "isDefault").is_some_and(|d| d.trim().eq_ignore_ascii_case("true"))
        })
        .or(candidates.first())?;
    Some(MediaAudio {
        enclosure: Enclosure {
            url: url.clone(),
            mime: attr(content, "type")
                .map(|t| t.trim().to_ascii_lowercase())
                .filter(|t| !t.is_empty()),
            length: attr(content, "fileSize").and_then(Enclosure::claimed_length),
        },
        duration_ms: attr(content, "duration").and_then(parse_duration),
    })
}

/// Whether a `media:content` is audio by its type or its medium.
fn is_audio(content: &Extension) -> bool {
    let by_type =
        attr(content, "type").is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("audio/"));
    let by_medium = attr(content, "medium").is_some_and(|m| m.trim().eq_ignore_ascii_case("audio"));
    by_type || by_medium
}

/// An attribute's value.
fn attr<'e>(content: &'e Extension, name: &str) -> Option<&'e str> {
    content.attrs.get(name).map(String::as_str)
}
