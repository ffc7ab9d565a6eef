//! A feed with 3,000 episodes: parsed, stored, refreshed.

use std::time::Instant;

use earmark_core::feeds::{parse_feed, store_feed, subscribe};
use earmark_core::store::NewPodcast;

use crate::server::{Route, TestServer};
use crate::{quick_client, Library};

/// A realistic feed of `n` episodes: HTML show notes, iTunes duration, two
/// transcripts, chapters and a person each, dates in RFC 2822.
pub fn big_feed(n: usize, base: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" \
         xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">\n<channel>\
         <title>Daily Everything</title><description>Every day.</description>\n",
    );
    for i in 0..n {
        let day = i % 28 + 1;
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"][i % 6];
        let year = 2010 + i / 168;
        xml.push_str(&format!(
            "<item><title>Episode {i}: on things &amp; more</title><guid>ep-{i}</guid>\
             <pubDate>Mon, {day:02} {month} {year} 06:00:00 +0000</pubDate>\
             <itunes:duration>{}:{:02}:{:02}</itunes:duration>\
             <enclosure url=\"{base}/audio/{i}.mp3\" type=\"audio/mpeg\" length=\"{}\"/>\
             <description><![CDATA[<p>In episode {i} we talk about <b>memory</b>, notes and \
             <a href=\"https://example.com/{i}\">listening</a>.</p><p>Guests talk at length \
             about shorthand, transcripts, and the habits that help people keep what they \
             hear. Sponsored by nobody.</p><ul><li>Topic one</li><li>Topic two</li></ul>]]>\
             </description>\
             <podcast:transcript url=\"{base}/t/{i}.vtt\" type=\"text/vtt\"/>\
             <podcast:transcript url=\"{base}/t/{i}.html\" type=\"text/html\"/>\
             <podcast:chapters url=\"{base}/c/{i}.json\" type=\"application/json+chapters\"/>\
             <podcast:person role=\"host\">Host Person</podcast:person></item>\n",
            i % 2,
            i % 60,
            (i * 7) % 60,
            20_000_000 + i
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

#[test]
fn three_thousand_episodes_parse_and_store() {
    let xml = big_feed(3_000, "https://example.com");
    let started = Instant::now();
    let feed = parse_feed(xml.as_bytes()).unwrap();
    let parsed = started.elapsed();
    assert_eq!(feed.episodes.len(), 3_000);
    assert_eq!(feed.episodes[2_999].guid, "ep-2999");
    let library = Library::new();
    let podcast = library
        .store
        .add_podcast(&NewPodcast {
            title: feed.title.clone(),
            ..NewPodcast::default()
        })
        .unwrap();
    let started = Instant::now();
    let stored = store_feed(&library.store, podcast, &feed).unwrap();
    let first_store = started.elapsed();
    assert_eq!(stored.new_episodes.len(), 3_000);
    assert_eq!(library.store.list_episodes().unwrap().len(), 3_000);
    let started = Instant::now();
    let again = store_feed(&library.store, podcast, &feed).unwrap();
    let refresh_store = started.elapsed();
    assert!(again.new_episodes.is_empty());
    // Figures for the record (an unoptimized test build; the release benchmark is
    // `earmark-cli bench-feed`, see docs/benchmarks.md).
    eprintln!("3000 episodes: parse {parsed:?}, store {first_store:?}, re-store {refresh_store:?}");
}

#[test]
fn a_big_feed_subscribes_over_http() {
    let server = TestServer::start();
    server.serve(
        "/big.xml",
        Route::ok(big_feed(3_000, &server.url("")), "application/rss+xml"),
    );
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/big.xml")).unwrap();
    assert_eq!(done.episodes, 3_000);
    assert_eq!(done.new_episodes, 3_000);
    // Extras only for the newest few (their links 404 here: warnings, not errors).
    let extras_requests = server
        .seen()
        .iter()
        .filter(|s| s.path.starts_with("/t/") || s.path.starts_with("/c/"))
        .count();
    assert!(extras_requests <= 3 * 3, "{extras_requests} extras fetched");
    assert!(!done.warnings.is_empty());
}
