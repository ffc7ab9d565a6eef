//! Feed autodiscovery: the feed addresses a web page names, for "Add podcast" given a
//! show's or an episode's page instead of its feed. First what the page declares
//! (`<link rel="alternate" type="application/rss+xml">`, Atom too), then the links
//! that hosting and directory pages commonly carry to their feed (an `<a href>` to
//! `….rss`, `…/feed`, `feeds.…`, `…/rss…`). Scripts never run: the page is only
//! parsed, its nesting bounded first so the parse stays linear.

use reqwest::Url;
use scraper::{Html, Selector};

use crate::limits::bound_html_depth;

/// The most addresses tried from one page (each costs a request).
pub const MAX_DISCOVERED: usize = 4;

/// Feed types a `<link rel="alternate">` may name.
const FEED_TYPES: [&str; 4] = [
    "application/rss+xml",
    "application/atom+xml",
    "application/rss",
    "application/xml",
];

/// The feed addresses `html` names, best first, resolved against `base`, at most
/// [`MAX_DISCOVERED`], each once.
pub fn feed_links(html: &str, base: &Url) -> Vec<String> {
    let document = Html::parse_document(&bound_html_depth(html));
    let mut found: Vec<String> = Vec::new();
    let mut add = |href: &str| {
        let Some(url) = base
            .join(href.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
        else {
            return;
        };
        let url = url.to_string();
        if !found.contains(&url) && found.len() < MAX_DISCOVERED {
            found.push(url);
        }
    };
    if let Ok(links) = Selector::parse("link[rel][href]") {
        for link in document.select(&links) {
            let element = link.value();
            let alternate = element.attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("alternate"))
            });
            let feed_type = element.attr("type").is_some_and(|t| {
                let t = t.trim().to_ascii_lowercase();
                FEED_TYPES.iter().any(|f| t.starts_with(f))
            });
            if let (true, true, Some(href)) = (alternate, feed_type, element.attr("href")) {
                add(href);
            }
        }
    }
    if let Ok(anchors) = Selector::parse("a[href]") {
        for anchor in document.select(&anchors) {
            if let Some(href) = anchor.value().attr("href").filter(|h| looks_like_feed(h)) {
                add(href);
            }
        }
    }
    found
}

/// Whether a link's address looks like a feed's, as hosting pages write them.
fn looks_like_feed(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    path.ends_with(".rss")
        || path.ends_with("/rss")
        || path.ends_with("/feed")
        || path.ends_with("/feed/")
        || path.ends_with("/rss.xml")
        || path.ends_with("/feed.xml")
        || path.ends_with("/podcast.xml")
        || path.contains("://feeds.")
        || path.contains("://rss.")
        || lower.starts_with("feed:")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://show.example/episodes/42-the-tide").unwrap()
    }

    #[test]
    fn declared_feeds_come_first_then_feed_like_links() {
        let html = r#"<!doctype html><html><head>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">
            <link rel="ALTERNATE" type="application/atom+xml" href="https://show.example/atom.xml">
            </head><body>
            <a href="/about">About</a>
            <a href="https://feeds.host.example/show">Subscribe</a>
            <a href="/comments/feed/">again</a>
            <script>document.write('<link rel=alternate type=application/rss+xml href=/evil>')</script>
            </body></html>"#;
        assert_eq!(
            feed_links(html, &base()),
            [
                "https://show.example/comments/feed/",
                "https://show.example/atom.xml",
                "https://feeds.host.example/show",
            ]
        );
    }

    #[test]
    fn a_page_without_feeds_names_none_and_at_most_four_are_kept() {
        assert!(feed_links("<p>Just a page</p><a href='mailto:x@y'>mail</a>", &base()).is_empty());
        let many: String = (0..10)
            .map(|n| format!("<a href='/s{n}.rss'>{n}</a>"))
            .collect();
        assert_eq!(feed_links(&many, &base()).len(), MAX_DISCOVERED);
        let deep = "<div>".repeat(50_000) + "<a href='/deep.rss'>x</a>";
        assert!(
            feed_links(&deep, &base()).len() <= 1,
            "deep nesting is bounded, not a crash"
        );
    }
}
