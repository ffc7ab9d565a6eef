//! Media RSS: audio given only as `media:content` (alone or in a `media:group`) is an
//! episode's enclosure; an `<enclosure>` beside it wins.

use earmark_core::feeds::{parse_feed, parse_feed_from, FeedError};
use reqwest::Url;

use crate::fixture;

const BASE: &str = "https://radio.example";

#[test]
fn audio_media_content_is_the_enclosure() {
    let base = Url::parse(&format!("{BASE}/feed.xml")).unwrap();
    let feed = parse_feed_from(&fixture("media_rss.xml", BASE), Some(&base)).unwrap();
    let got: Vec<_> = feed
        .episodes
        .iter()
        .map(|e| {
            (
                e.guid.as_str(),
                e.enclosure.url.as_str(),
                e.enclosure.mime.as_deref(),
                e.enclosure.length,
                e.duration_ms,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "archive-2024-05-06-1",
                "https://radio.example/audio/2024-05-06-1.mp3",
                Some("audio/mpeg"),
                Some(28_731_392),
                Some(1_795_000),
            ),
            // In a group: the audio marked isDefault, not the image or the first audio.
            (
                "archive-2024-05-06-2",
                "https://radio.example/audio/2024-05-06-2.mp3",
                Some("audio/mpeg"),
                Some(28_843_008),
                Some(1_802_000),
            ),
            // Both given: the <enclosure>, and no duration taken from the other file.
            (
                "archive-both",
                "https://radio.example/audio/both.mp3",
                Some("audio/mpeg"),
                Some(1000),
                None,
            ),
            // Another prefix bound on the item; audio by medium; a relative address.
            (
                "archive-prefix",
                "https://radio.example/audio/prefix.mp3",
                None,
                None,
                Some(600_000),
            ),
        ]
    );
    assert_eq!(feed.skipped_items, 1, "the video-only item is no episode");
    assert_eq!(
        feed.episodes[0].published.as_deref(),
        Some("2024-05-06T12:00:00Z")
    );
}

#[test]
fn a_group_without_isdefault_gives_its_first_audio() {
    let feed = parse_feed(
        br#"<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>T</title>
<item><title>One</title><guid>1</guid>
  <media:group>
    <media:content url="https://a.example/1.jpg" type="image/jpeg"/>
    <media:content url="https://a.example/1.m4a" type="audio/mp4"/>
    <media:content url="https://a.example/1.mp3" type="audio/mpeg"/>
  </media:group>
</item>
</channel></rss>"#,
    )
    .unwrap();
    assert_eq!(feed.episodes.len(), 1);
    assert_eq!(feed.episodes[0].enclosure.url, "https://a.example/1.m4a");
}

#[test]
fn media_content_of_another_namespace_is_not_audio() {
    // The `media` prefix bound to something else is not Media RSS.
    let err = parse_feed(
        br#"<rss version="2.0" xmlns:media="https://example.com/not-mrss"><channel>
<title>T</title>
<item><title>One</title><guid>1</guid>
  <media:content url="https://a.example/1.mp3" type="audio/mpeg"/>
</item>
</channel></rss>"#,
    )
    .unwrap_err();
    assert!(matches!(err, FeedError::NoAudio(1)), "{err:?}");
}

#[test]
fn atom_entries_with_media_content_only_are_episodes() {
    let feed = parse_feed(
        br#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:m="http://search.yahoo.com/mrss/">
<title>Atom media</title>
<entry><title>Grouped</title><id>urn:1</id>
  <m:group>
    <m:content url="https://a.example/1.jpg" type="image/jpeg"/>
    <m:content url="https://a.example/1.ogg" type="audio/ogg" fileSize="1234" duration="61"/>
  </m:group>
</entry>
<entry><title>Linked</title><id>urn:2</id>
  <link rel="enclosure" href="https://a.example/2.mp3" type="audio/mpeg"/>
  <m:content url="https://a.example/other.mp3" type="audio/mpeg"/>
</entry>
<entry><title>Picture only</title><id>urn:3</id>
  <m:content url="https://a.example/3.jpg" medium="image"/>
</entry>
</feed>"#,
    )
    .unwrap();
    assert_eq!(feed.episodes.len(), 2);
    assert_eq!(feed.skipped_items, 1);
    let grouped = &feed.episodes[0];
    assert_eq!(grouped.enclosure.url, "https://a.example/1.ogg");
    assert_eq!(grouped.enclosure.length, Some(1234));
    assert_eq!(grouped.duration_ms, Some(61_000));
    assert_eq!(grouped.guid, "urn:1");
    assert_eq!(
        feed.episodes[1].enclosure.url, "https://a.example/2.mp3",
        "the enclosure link wins"
    );
}
