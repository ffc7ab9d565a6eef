//! Podlove Simple Chapters (`http://podlove.org/simple-chapters`): chapters written
//! in the feed itself, on an RSS item or an Atom entry:
//!
//! ```xml
//! <psc:chapters version="1.2">
//!   <psc:chapter start="00:00:00.000" title="Welcome" href="https://…" image="https://…"/>
//!   <psc:chapter start="1:02:03.5" title="Goodbye"/>
//! </psc:chapters>
//! ```
//!
//! `start` is Normal Play Time (RFC 2326: `[[HH:]MM:]SS[.mmm]`). A chapter without a
//! readable start is left out; the rest are tidied as every chapter source is
//! (sorted, ends taken from the next start, "Chapter N" for a missing title).

use super::duration::parse_duration;
use super::parse::{Links, Namespaces};
use super::podcast_tags::{tags, Tag, TagMap};
use crate::chapters::{clean_title, tidy, Chapter, MAX_CHAPTERS};

/// The chapters of one item or entry (empty when it has none).
pub(super) fn chapters<T: Tag>(
    map: &TagMap<T>,
    ns: &Namespaces,
    links: &Links<'_>,
) -> Vec<Chapter> {
    // Podlove allows one list per episode; a second one is ignored, as Podlove's
    // own parsers do.
    let chapters: Vec<Chapter> = tags(map, &ns.podlove, "chapters")
        .take(1)
        .flat_map(|list| list.children("chapter"))
        .filter_map(|chapter| {
            Some(Chapter {
                start_ms: normal_play_time(chapter.attr("start")?)?,
                end_ms: None,
                title: chapter.attr("title").map(clean_title).unwrap_or_default(),
                url: chapter.attr("href").and_then(|u| links.resolve(u)),
                image_url: chapter.attr("image").and_then(|u| links.resolve(u)),
            })
        })
        .take(MAX_CHAPTERS)
        .collect();
    tidy(chapters)
}

/// Normal Play Time in milliseconds: `00:00:00.000`, `1:02:03.5`, `62:03`, `3723`.
fn normal_play_time(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    {
        return None;
    }
    // The duration reader takes only lengths above zero; a chapter may start at zero.
    if text.chars().all(|c| matches!(c, '0' | ':' | '.')) {
        return text.contains('0').then_some(0);
    }
    parse_duration(text)
}

#[cfg(test)]
mod tests {
    use super::normal_play_time;

    #[test]
    fn normal_play_time_reads_every_form() {
        assert_eq!(normal_play_time("00:00:00.000"), Some(0));
        assert_eq!(normal_play_time("0"), Some(0));
        assert_eq!(normal_play_time("1:02:03.5"), Some(3_723_500));
        assert_eq!(normal_play_time("62:03"), Some(3_723_000));
        assert_eq!(normal_play_time(" 3723.250 "), Some(3_723_250));
        assert_eq!(normal_play_time("soon"), None);
        assert_eq!(normal_play_time("1:-2"), None);
        assert_eq!(normal_play_time(""), None);
        assert_eq!(normal_play_time("::"), None);
    }
}
