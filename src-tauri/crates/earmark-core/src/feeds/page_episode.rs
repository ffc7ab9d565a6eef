//! Which of a feed's episodes a web page is, for "Add" given an episode's page: the
//! item whose `<link>` is the page; else, as directory and hosting pages are not the
//! item's own page, the item whose audio the page plays or links to; else the one
//! item whose title the page gives as its own (`og:title`, its heading, or its
//! `<title>` before the site's name). A page that fits no item, or several, is none.

use reqwest::Url;
use scraper::{Html, Selector};

use crate::anchor::normalize;
use crate::limits::bound_html_depth;

use super::model::{Feed, FeedEpisode};

/// Query parameters that only say where a visitor came from; a page is the same page
/// without them.
const TRACKING: [&str; 6] = ["utm_", "fbclid", "gclid", "mc_", "ref", "source"];

/// What separates a page's own title from the site's in `<title>`.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " – ", " — ", " - ", " · "];

/// The item of `feed` that the page at `page` (its markup `html`) is.
pub(super) fn page_item<'a>(feed: &'a Feed, page: &Url, html: &str) -> Option<&'a FeedEpisode> {
    let wanted = same_page_key(page.as_str());
    if let Some(item) = feed.episodes.iter().find(|e| {
        e.link
            .as_deref()
            .is_some_and(|l| same_page_key(l) == wanted)
    }) {
        return Some(item);
    }
    let clues = Clues::of(html, page);
    only(feed.episodes.iter().filter(|e| {
        let audio = address_key(&e.enclosure.url);
        !audio.is_empty() && clues.audio.iter().any(|a| same_audio(a, &audio))
    }))
    .or_else(|| {
        only(feed.episodes.iter().filter(|e| {
            let title = normalize(&e.title);
            !title.is_empty() && clues.titles.contains(&title)
        }))
    })
}

/// The one item `items` yields, if exactly one.
fn only<'a>(mut items: impl Iterator<Item = &'a FeedEpisode>) -> Option<&'a FeedEpisode> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// What a page says about the episode it shows.
struct Clues {
    /// Audio addresses it plays or links to ([`address_key`]).
    audio: Vec<String>,
    /// Titles it gives itself, as [`normalize`] writes them.
    titles: Vec<String>,
}

impl Clues {
    fn of(html: &str, base: &Url) -> Clues {
        let document = Html::parse_document(&bound_html_depth(html));
        let all = |selector: &str, attr: &str| -> Vec<String> {
            Selector::parse(selector).map_or_else(
                |_| Vec::new(),
                |s| {
                    document
                        .select(&s)
                        .filter_map(|e| e.value().attr(attr))
                        .map(str::to_owned)
                        .collect()
                },
            )
        };
        let texts = |selector: &str| -> Vec<String> {
            Selector::parse(selector).map_or_else(
                |_| Vec::new(),
                |s| document.select(&s).map(|e| e.text().collect()).collect(),
            )
        };
        let audio = [
            all("audio[src], audio source[src], video source[src]", "src"),
            all(
                "meta[property='og:audio'], meta[property='og:audio:url']",
                "content",
            ),
            all("a[href]", "href"),
        ]
        .concat()
        .iter()
        .filter_map(|href| base.join(href.trim()).ok())
        .map(|u| address_key(u.as_str()))
        .filter(|k| !k.is_empty())
        .collect();
        let mut titles: Vec<String> = [
            all(
                "meta[property='og:title'], meta[name='twitter:title']",
                "content",
            ),
            texts("h1"),
        ]
        .concat();
        for title in texts("title") {
            titles.extend(
                TITLE_SEPARATORS
                    .iter()
                    .filter_map(|s| title.split_once(s).map(|(own, _)| own.to_owned())),
            );
            titles.push(title);
        }
        Clues {
            audio,
            titles: titles.iter().map(|t| normalize(t)).collect(),
        }
    }
}

/// Two audio addresses name the same file: equal, or one wraps the other, as
/// measurement prefixes do (`dts.podtrac.com/redirect.mp3/host/ep.mp3`).
fn same_audio(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!("/{b}")) || b.ends_with(&format!("/{a}"))
}

/// An address without its scheme, `www.`, query and fragment, lowercased.
fn address_key(url: &str) -> String {
    let url = url.trim();
    let url = url.split(['#', '?']).next().unwrap_or(url);
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    url.strip_prefix("www.")
        .unwrap_or(url)
        .trim_end_matches('/')
        .to_ascii_lowercase()
}

/// A page address as pages and feeds write the same page differently: without the
/// scheme, `www.`, the fragment, tracking parameters and a trailing slash.
fn same_page_key(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let Some((path, query)) = url.split_once('?') else {
        return address_key(url);
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !TRACKING.iter().any(|t| p.starts_with(t)))
        .collect();
    match kept.is_empty() {
        true => address_key(path),
        false => format!("{}?{}", address_key(path), kept.join("&")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_keys_drop_what_differs_between_writings() {
        for (a, b) in [
            ("https://www.example.com/ep/1/", "http://example.com/ep/1"),
            (
                "https://example.com/ep/1?utm_source=x&utm_medium=y",
                "https://example.com/ep/1",
            ),
            (
                "https://example.com/ep/1#transcript",
                "https://example.com/ep/1",
            ),
        ] {
            assert_eq!(same_page_key(a), same_page_key(b), "{a} {b}");
        }
        assert_ne!(
            same_page_key("https://example.com/?p=1"),
            same_page_key("https://example.com/?p=2"),
            "a query that names the page stays"
        );
    }

    #[test]
    fn audio_behind_a_measurement_prefix_is_the_same_file() {
        let page = address_key("https://dts.podtrac.com/redirect.mp3/cdn.example.com/ep1.mp3?x=1");
        assert!(same_audio(
            &page,
            &address_key("https://cdn.example.com/ep1.mp3")
        ));
        assert!(!same_audio(
            &page,
            &address_key("https://cdn.example.com/ep2.mp3")
        ));
    }

    #[test]
    fn titles_compare_by_their_words() {
        assert_eq!(
            normalize("Low Tide: Part 2!"),
            normalize("low tide — part 2")
        );
    }
}
