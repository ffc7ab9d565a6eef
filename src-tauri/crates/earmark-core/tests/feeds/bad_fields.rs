//! Issue 13: one bad field drops that field, never the item, never the feed; NUL
//! characters never reach the library.

use earmark_core::feeds::{parse_feed, refresh, store_feed, subscribe, Feed};
use earmark_core::store::{LinkKind, NewPodcast};

use crate::server::{Route, TestServer};
use crate::{quick_client, Library};

/// Three items; the middle one has every field Earmark reads set to something it
/// cannot keep.
fn feed_with_bad_fields(length: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>Bad fields</title>
<item><title>Before</title><guid>before</guid>
  <enclosure url="https://example.com/before.mp3" type="audio/mpeg" length="1000"/></item>
<item><title>Bad</title><guid>bad</guid>
  <pubDate>Caturday, 99 Smarch 20x4</pubDate>
  <itunes:duration>99999999999999999999:00:00</itunes:duration>
  <itunes:episode>18446744073709551616</itunes:episode>
  <enclosure url="https://example.com/bad.mp3" type="audio/mpeg" length="{length}"/>
  <podcast:transcript url="javascript:alert(1)" type="text/vtt"/>
  <podcast:transcript url="https://example.com/bad.vtt"/>
  <podcast:chapters url="http://[::1" type="application/json+chapters"/>
</item>
<item><title>After</title><guid>after</guid>
  <enclosure url="https://example.com/after.mp3" type="audio/mpeg" length="3000"/></item>
</channel></rss>"#
    )
}

const TOO_LONG: &[&str] = &[
    "9223372036854775808",  // i64::MAX + 1: fits u64, not SQLite
    "18446744073709551615", // u64::MAX
    "18446744073709551616", // past u64
    "-5",
    "1e9",
];

#[test]
fn a_bad_field_drops_only_that_field() {
    for length in TOO_LONG {
        let feed = parse_feed(feed_with_bad_fields(length).as_bytes()).unwrap();
        let titles: Vec<&str> = feed.episodes.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Before", "Bad", "After"], "length {length}");
        let bad = &feed.episodes[1];
        assert_eq!(bad.enclosure.length, None, "length {length}");
        assert_eq!(bad.enclosure.url, "https://example.com/bad.mp3");
        assert_eq!(bad.published, None);
        assert_eq!(bad.duration_ms, None);
        assert!(bad.transcripts.is_empty(), "{:?}", bad.transcripts);
        assert_eq!(bad.chapters, None);
        assert_eq!(feed.episodes[0].enclosure.length, Some(1000));
        assert_eq!(feed.episodes[2].enclosure.length, Some(3000));
    }
    let max = i64::MAX.to_string();
    let feed = parse_feed(feed_with_bad_fields(&max).as_bytes()).unwrap();
    assert_eq!(feed.episodes[1].enclosure.length, Some(i64::MAX as u64));
}

#[test]
fn an_atom_enclosure_length_past_i64_drops_only_the_length() {
    let feed = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
<updated>2024-05-01T12:00:00Z</updated>
<entry><title>Bad</title><id>urn:a:1</id><updated>2024-05-01T12:00:00Z</updated>
<link rel="enclosure" href="https://example.com/1.mp3" type="audio/mpeg" length="9223372036854775808"/>
</entry></feed>"#;
    let feed = parse_feed(feed.as_bytes()).unwrap();
    assert_eq!(feed.episodes.len(), 1);
    assert_eq!(feed.episodes[0].enclosure.length, None);
}

#[test]
fn a_feed_with_a_length_past_i64_subscribes_and_refreshes_whole() {
    let server = TestServer::start();
    let body = feed_with_bad_fields("9223372036854775808");
    server.serve("/feed.xml", Route::ok(body, "application/rss+xml"));
    let library = Library::new();
    let http = quick_client();
    let done = subscribe(&library.store, &http, &server.url("/feed.xml")).unwrap();
    assert_eq!(done.episodes, 3);
    assert_eq!(done.new_episodes, 3);
    let again = refresh(&library.store, &http, done.podcast).unwrap();
    assert_eq!(again.episodes, 3);
    assert_eq!(again.new_episodes, 0);
    let stored: Vec<String> = library
        .store
        .list_episodes()
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    for title in ["Before", "Bad", "After"] {
        assert!(stored.iter().any(|t| t == title), "{title} in {stored:?}");
    }
}

#[test]
fn the_store_drops_a_number_sqlite_cannot_hold_instead_of_the_feed() {
    let library = Library::new();
    let mut feed: Feed = parse_feed(feed_with_bad_fields("10").as_bytes()).unwrap();
    feed.episodes[1].enclosure.length = Some(u64::MAX);
    feed.episodes[1].duration_ms = Some(u64::MAX);
    let podcast = library
        .store
        .add_podcast(&NewPodcast {
            title: "Hand-made".into(),
            ..NewPodcast::default()
        })
        .unwrap();
    let stored = store_feed(&library.store, podcast, &feed).unwrap();
    assert_eq!(stored.new_episodes.len(), 3);
    let bad = stored.new_episodes[1];
    assert_eq!(library.store.episode(bad).unwrap().duration_ms, None);
    let audio = library
        .store
        .episode_links(bad)
        .unwrap()
        .into_iter()
        .find(|l| l.kind == LinkKind::Enclosure)
        .expect("the enclosure is stored");
    assert_eq!(audio.length, None);
}

#[test]
fn nul_characters_in_feed_text_become_replacement_characters() {
    let feed = "<rss version=\"2.0\"><channel><title>Nul\0Show</title>\
        <description><![CDATA[<p>notes\0here</p>]]></description>\
        <item><title>Ep\0one</title><guid>g\0uid</guid>\
        <description>plain\0text</description>\
        <enclosure url=\"https://example.com/1.mp3\" type=\"audio/mpeg\"/></item>\
        </channel></rss>";
    let feed = parse_feed(feed.as_bytes()).unwrap();
    let everything = format!("{feed:?}");
    assert!(!everything.contains('\0'), "{everything}");
    assert_eq!(feed.title, "Nul\u{fffd}Show");
    let ep = &feed.episodes[0];
    assert_eq!(ep.title, "Ep\u{fffd}one");
    assert_eq!(ep.guid, "g\u{fffd}uid");
    assert_eq!(ep.description.as_deref(), Some("plain\u{fffd}text"));
}
