//! Media RSS (`http://search.yahoo.com/mrss/`): the audio of RSS items and Atom entries
//! that give it only as `media:content`, alone or inside a `media:group`, and no
//! `<enclosure>` (or Atom `rel="enclosure"` link).

use super::duration::parse_duration;
use super::model::Enclosure;
use super::parse::{Links, Namespaces};
use super::podcast_tags::{tags, Tag, TagMap};

/// An audio `media:content`, as an enclosure and the duration it claims.
#[derive(Debug)]
pub(super) struct MediaAudio {
    pub enclosure: Enclosure,
    pub duration_ms: Option<u64>,
}

/// The item's audio `media:content` (type `audio/*` or `medium="audio"`, with a
/// usable address): the first one marked `isDefault="true"`, else the first one,
/// items' own before those inside a `media:group`.
pub(super) fn audio<T: Tag>(
    map: &TagMap<T>,
    ns: &Namespaces,
    links: &Links<'_>,
) -> Option<MediaAudio> {
    let grouped = tags(map, &ns.media, "group").flat_map(|group| group.children("content"));
    let candidates: Vec<(&T, String)> = tags(map, &ns.media, "content")
        .chain(grouped)
        .filter(|content| is_audio(*content))
        .filter_map(|content| Some((content, links.resolve(content.attr("url")?)?)))
        .collect();
    let (content, url) = candidates
        .iter()
        .find(|(content, _)| {
            content
                .attr("isDefault")
                .is_some_and(|d| d.trim().eq_ignore_ascii_case("true"))
        })
        .or(candidates.first())?;
    Some(MediaAudio {
        enclosure: Enclosure {
            url: url.clone(),
            mime: content
                .attr("type")
                .map(|t| t.trim().to_ascii_lowercase())
                .filter(|t| !t.is_empty()),
            length: content.attr("fileSize").and_then(Enclosure::claimed_length),
        },
        duration_ms: content.attr("duration").and_then(parse_duration),
    })
}

/// Whether a `media:content` is audio by its type or its medium.
fn is_audio<T: Tag>(content: &T) -> bool {
    let by_type = content
        .attr("type")
        .is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("audio/"));
    let by_medium = content
        .attr("medium")
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("audio"));
    by_type || by_medium
}
