//! Hostile feeds: scripts and event handlers never survive, entity expansion is
//! bounded, external entities are not fetched, oversized documents are refused, and
//! only http(s) links are kept.

use std::time::{Duration, Instant};

use earmark_core::feeds::{parse_feed, FeedError, MAX_FEED_BYTES};

use crate::fixture;

#[test]
fn scripts_and_event_handlers_never_survive() {
    let feed = parse_feed(&fixture("hostile.xml", "https://example.com")).unwrap();
    assert_eq!(feed.title, "Evil & Co");
    assert_eq!(feed.description.as_deref(), Some("Safe words."));
    assert_eq!(feed.image_url, None, "a javascript: image is dropped");
    assert_eq!(
        feed.episodes.len(),
        1,
        "javascript: and data: enclosures are no audio"
    );
    let ep = &feed.episodes[0];
    assert_eq!(ep.title, "Clickbait episode");
    let description = ep.description.as_deref().unwrap();
    assert_eq!(description, "Hello world\n\nclick me\n\nBye <3");
    let everything = format!("{feed:?}");
    for bad in [
        "alert",
        "onerror",
        "onmouseover",
        "javascript",
        "<script",
        "<iframe",
        "<img",
        "display: none",
        "document.",
    ] {
        assert!(!everything.contains(bad), "{bad:?} survived: {everything}");
    }
    assert_eq!(ep.link, None, "javascript: links are dropped");
    // The enclosure address is only an address: where the file lands is decided by
    // the downloads module (see downloads tests), never by this string.
    assert_eq!(ep.enclosure.url, "https://evil.example/etc/passwd");
}

#[test]
fn billion_laughs_is_bounded_and_quick() {
    let bytes = fixture("billion_laughs.xml", "");
    let started = Instant::now();
    let result = parse_feed(&bytes);
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_secs(1),
        "parsing took {elapsed:?}: entities must not be expanded"
    );
    match result {
        Ok(feed) => {
            let size = format!("{feed:?}").len();
            assert!(
                size < 10 * bytes.len(),
                "output of {size} bytes is not bounded"
            );
            assert!(
                !format!("{feed:?}").contains("lollollol"),
                "entities were expanded"
            );
            assert!(
                !format!("{feed:?}").contains("root:"),
                "an external entity was read"
            );
        }
        Err(e) => assert!(
            matches!(e, FeedError::Malformed(_) | FeedError::NotAFeed(_)),
            "{e:?}"
        ),
    }
}

#[test]
fn oversized_documents_are_refused() {
    let mut big = b"<rss version=\"2.0\"><channel><title>Big</title><description>".to_vec();
    big.resize(MAX_FEED_BYTES as usize + 1, b'a');
    let started = Instant::now();
    assert_eq!(
        parse_feed(&big).unwrap_err(),
        FeedError::TooLarge(MAX_FEED_BYTES)
    );
    assert!(
        started.elapsed() < Duration::from_millis(100),
        "refused before reading"
    );
}

#[test]
fn deeply_nested_markup_in_descriptions_is_fine() {
    let nested = format!("{}deep{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
    let xml = format!(
        "<rss version=\"2.0\"><channel><title>N</title><item><guid>n</guid>\
         <enclosure url=\"https://x.example/a.mp3\" type=\"audio/mpeg\"/>\
         <description><![CDATA[{nested}]]></description></item></channel></rss>"
    );
    let started = Instant::now();
    let feed = parse_feed(xml.as_bytes()).unwrap();
    assert_eq!(feed.episodes[0].description.as_deref(), Some("deep"));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
