//! Reading feeds: RSS with iTunes and Podcasting 2.0 tags, any prefix, Atom, dates and
//! durations in the forms feeds use.

use earmark_core::feeds::{best_transcript, parse_feed, FeedError, FeedKind};

use crate::fixture;

const BASE: &str = "https://example.com";

#[test]
fn rss_with_itunes_and_podcasting_2_tags() {
    let feed = parse_feed(&fixture("podcast20.xml", BASE)).unwrap();
    assert_eq!(feed.kind, FeedKind::Rss);
    assert_eq!(feed.title, "The Listening Room");
    assert_eq!(
        feed.description.as_deref(),
        Some("Conversations about memory and notes.\n\nWeekly.")
    );
    assert_eq!(feed.author.as_deref(), Some("Maya Lindqvist"));
    assert_eq!(feed.language.as_deref(), Some("en-US"));
    assert_eq!(
        feed.image_url.as_deref(),
        Some("https://example.com/cover.jpg")
    );
    assert_eq!(feed.episodes.len(), 3, "the item without audio is left out");
    assert_eq!(feed.skipped_items, 1);

    let ep3 = &feed.episodes[0];
    assert_eq!(ep3.guid, "ep-3");
    assert_eq!(ep3.published.as_deref(), Some("2024-05-01T12:00:00Z"));
    assert_eq!(ep3.duration_ms, Some(3_723_000));
    assert_eq!(
        ep3.description.as_deref(),
        Some("Why we forget what we hear.\n\nLinks:\n\n• Shorthand\n• Notes"),
        "content:encoded is preferred over description, paragraphs kept"
    );
    assert_eq!(ep3.enclosure.url, "https://example.com/audio/ep3.mp3");
    assert_eq!(ep3.enclosure.mime.as_deref(), Some("audio/mpeg"));
    assert_eq!(ep3.enclosure.length, Some(1_256_269));
    let types: Vec<_> = ep3.transcripts.iter().map(|t| t.mime.as_str()).collect();
    assert_eq!(
        types,
        [
            "text/plain",
            "text/html",
            "application/json",
            "application/x-subrip",
            "text/vtt"
        ],
        "all five transcript types are read, in feed order"
    );
    assert_eq!(ep3.transcripts[3].rel.as_deref(), Some("captions"));
    assert_eq!(ep3.transcripts[4].language.as_deref(), Some("en"));
    assert_eq!(
        best_transcript(&ep3.transcripts).map(|t| t.url.as_str()),
        Some("https://example.com/t/ep3.vtt"),
        "VTT is preferred"
    );
    let chapters = ep3.chapters.as_ref().expect("chapters link");
    assert_eq!(chapters.url, "https://example.com/c/ep3.json");
    assert_eq!(chapters.mime.as_deref(), Some("application/json+chapters"));
    let people: Vec<_> = ep3
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Maya Lindqvist", Some("host")),
            ("Tomas Reyes", Some("guest"))
        ]
    );
    assert_eq!(
        ep3.image_url.as_deref(),
        Some("https://example.com/ep3.jpg")
    );

    let ep2 = &feed.episodes[1];
    assert_eq!(
        ep2.published.as_deref(),
        Some("2024-04-30T12:00:00Z"),
        "PDT is -7 h"
    );
    assert_eq!(ep2.duration_ms, Some(3_723_000), "plain seconds");
    assert_eq!(ep2.enclosure.length, None, "a junk length is dropped");
    assert_eq!(
        ep2.description.as_deref(),
        Some("Two thousand years of keeping speech on paper & why it worked.")
    );

    let ep1 = &feed.episodes[2];
    assert_eq!(
        ep1.published.as_deref(),
        Some("2024-04-01T00:00:00Z"),
        "ISO date"
    );
    assert_eq!(ep1.duration_ms, Some(3_723_000), "mm:ss past an hour");
    assert!(ep1.transcripts.is_empty() && ep1.chapters.is_none());
}

#[test]
fn podcast_namespace_bound_to_another_prefix() {
    let feed = parse_feed(&fixture("other_prefix.xml", BASE)).unwrap();
    let ep = &feed.episodes[0];
    let urls: Vec<_> = ep.transcripts.iter().map(|t| t.url.as_str()).collect();
    assert_eq!(
        urls,
        ["https://example.com/p1.vtt"],
        "pi: is the Podcasting 2.0 namespace here; podcast: is bound to something else"
    );
    assert_eq!(
        ep.chapters.as_ref().map(|c| c.url.as_str()),
        Some("https://example.com/p1-chapters.json")
    );
    assert_eq!(ep.people.len(), 1);
    assert_eq!(ep.duration_ms, Some(2_700_000), "it:duration with junk");
    assert_eq!(
        ep.published.as_deref(),
        Some("2024-09-01T07:05:00Z"),
        "Sept, single-digit hour, no seconds, CEST"
    );
}

#[test]
fn undeclared_podcast_prefix_is_still_read() {
    let xml = br#"<rss version="2.0"><channel><title>T</title><item><guid>u</guid>
        <enclosure url="https://x.example/a.mp3" type="audio/mpeg"/>
        <podcast:transcript url="https://x.example/a.vtt" type="text/vtt"/>
        <itunes:duration>5:00</itunes:duration>
        </item></channel></rss>"#;
    let feed = parse_feed(xml).unwrap();
    assert_eq!(feed.episodes[0].transcripts.len(), 1);
    assert_eq!(feed.episodes[0].duration_ms, Some(300_000));
}

#[test]
fn atom_feed() {
    let feed = parse_feed(&fixture("atom.xml", "https://atom.example")).unwrap();
    assert_eq!(feed.kind, FeedKind::Atom);
    assert_eq!(feed.title, "Atom Talks");
    assert_eq!(feed.description.as_deref(), Some("An Atom podcast"));
    assert_eq!(
        feed.image_url.as_deref(),
        Some("https://atom.example/logo.png")
    );
    assert_eq!(feed.author.as_deref(), Some("Atom Author"));
    assert_eq!(feed.language.as_deref(), Some("sv"), "xml:lang");
    assert_eq!(feed.episodes.len(), 2);
    assert_eq!(feed.skipped_items, 1);
    let first = &feed.episodes[0];
    assert_eq!(
        first.title, "Plain <b> title",
        "type=text titles are literal text"
    );
    assert_eq!(first.guid, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    assert_eq!(first.published.as_deref(), Some("2024-05-02T08:00:00Z"));
    assert_eq!(first.duration_ms, Some(600_000));
    assert_eq!(first.description.as_deref(), Some("First\n\nSecond"));
    assert_eq!(first.enclosure.length, Some(12_345));
    assert_eq!(first.transcripts.len(), 1, "pod: prefix in Atom");
    assert_eq!(first.link.as_deref(), Some("https://atom.example/1"));
    let second = &feed.episodes[1];
    assert_eq!(
        second.published.as_deref(),
        Some("2024-04-03T10:00:00Z"),
        "updated when no published"
    );
    assert_eq!(second.enclosure.mime.as_deref(), Some("audio/ogg"));
}

#[test]
fn atom_dates_at_the_epoch_are_dates_and_missing_ones_are_none() {
    let feed = parse_feed(
        br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Epoch</title>
  <id>urn:epoch</id>
  <updated>2024-05-02T10:00:00Z</updated>
  <entry>
    <title>No audio, before the others</title>
    <id>urn:text</id>
    <updated>2024-05-01T10:00:00Z</updated>
  </entry>
  <entry>
    <title>Updated at the epoch</title>
    <id>urn:1</id>
    <updated>1970-01-01T00:00:00Z</updated>
    <link rel="enclosure" type="audio/mpeg" href="https://example.com/1.mp3"/>
  </entry>
  <entry>
    <title>Published at the epoch</title>
    <id>urn:2</id>
    <published>1970-01-01T00:00:00Z</published>
    <updated>2024-05-01T10:00:00Z</updated>
    <link rel="enclosure" type="audio/mpeg" href="https://example.com/2.mp3"/>
  </entry>
  <entry>
    <title>No date</title>
    <id>urn:3</id>
    <link rel="enclosure" type="audio/mpeg" href="https://example.com/3.mp3"/>
  </entry>
  <entry>
    <title>Dated after one without</title>
    <id>urn:4</id>
    <updated>
      2024-04-03T10:00:00Z
    </updated>
    <link rel="enclosure" type="audio/mpeg" href="https://example.com/4.mp3"/>
  </entry>
</feed>"#,
    )
    .unwrap();
    let dates: Vec<_> = feed
        .episodes
        .iter()
        .map(|e| (e.guid.as_str(), e.published.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [
            ("urn:1", Some("1970-01-01T00:00:00Z")),
            ("urn:2", Some("1970-01-01T00:00:00Z")),
            ("urn:3", None),
            ("urn:4", Some("2024-04-03T10:00:00Z")),
        ]
    );
}

#[test]
fn other_documents_are_not_feeds() {
    let cases: [(&[u8], &str); 7] = [
        (
            include_bytes!("../fixtures/feeds/webpage.html"),
            "a web page",
        ),
        (
            b"{\"version\": \"https://jsonfeed.org/version/1\"}",
            "a JSON document",
        ),
        (b"", "an empty document"),
        (
            b"<!doctype html><title>About</title><p>Nothing",
            "a web page",
        ),
        (
            b"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><TITLE>x</TITLE>",
            "a web page",
        ),
        (b"just some words", "not an XML document"),
        (b"<?xml version=\"1.0\"?><svg></svg>", "<svg>"),
    ];
    for (bytes, words) in cases {
        match parse_feed(bytes) {
            Err(FeedError::NotAFeed(why)) => {
                assert!(why.to_string().contains(words), "{why:?} vs {words:?}")
            }
            other => panic!("expected NotAFeed({words}), got {other:?}"),
        }
    }
    let no_audio = br#"<rss version="2.0"><channel><title>Blog</title>
        <item><title>a</title></item><item><title>b</title></item></channel></rss>"#;
    assert_eq!(parse_feed(no_audio).unwrap_err(), FeedError::NoAudio(2));
    let broken =
        b"<rss version=\"2.0\"><channel><title>x</title><item><enclosure url=\"https://e/a.mp3\"";
    assert!(
        matches!(parse_feed(broken), Err(FeedError::Malformed(_))),
        "{:?}",
        parse_feed(broken)
    );
}

#[test]
fn a_feed_without_guids_uses_the_enclosure_address() {
    let xml = br#"<rss version="2.0"><channel><title>T</title>
        <item><title>No guid</title><enclosure url="https://x.example/a.mp3" type="audio/mpeg"/></item>
        <item><guid>   </guid><title></title><enclosure url="https://x.example/b.mp3" type="audio/mpeg"/></item>
        </channel></rss>"#;
    let feed = parse_feed(xml).unwrap();
    assert_eq!(feed.episodes[0].guid, "https://x.example/a.mp3");
    assert_eq!(feed.episodes[1].guid, "https://x.example/b.mp3");
    assert_eq!(feed.episodes[1].title, "Untitled episode");
}

#[test]
fn relative_links_resolve_against_the_feed_address() {
    let xml = br#"<rss version="2.0"><channel><title>T</title>
        <item><guid>r</guid><enclosure url="../audio/a.mp3" type="audio/mpeg"/>
        <podcast:transcript url="t/a.vtt" type="text/vtt"/></item></channel></rss>"#;
    let base = reqwest::Url::parse("https://host.example/feeds/show/rss.xml").unwrap();
    let feed = earmark_core::feeds::parse_feed_from(xml, Some(&base)).unwrap();
    assert_eq!(
        feed.episodes[0].enclosure.url,
        "https://host.example/feeds/audio/a.mp3"
    );
    assert_eq!(
        feed.episodes[0].transcripts[0].url,
        "https://host.example/feeds/show/t/a.vtt"
    );
    assert!(
        parse_feed(xml).unwrap_err() == FeedError::NoAudio(1),
        "no base: no audio address"
    );
}

#[test]
fn pub_dates_in_other_languages_are_read() {
    let item = |n: u32, date: &str| {
        format!(
            "<item><title>E{n}</title><guid>e{n}</guid><pubDate>{date}</pubDate>\
             <enclosure url=\"https://a.example/{n}.mp3\" type=\"audio/mpeg\"/></item>"
        )
    };
    let xml = format!(
        "<rss version=\"2.0\"><channel><title>Jaksot</title>{}{}{}</channel></rss>",
        item(1, "ke, 5 kesäkuuta 2024 10:00:00 +0300"),
        item(2, "ons, 28 maj 2024 08:00:00 +0200"),
        item(3, "Mi., 3. März 2024 12:00:00 GMT"),
    );
    let feed = parse_feed(xml.as_bytes()).unwrap();
    let dates: Vec<_> = feed
        .episodes
        .iter()
        .map(|e| e.published.as_deref())
        .collect();
    assert_eq!(
        dates,
        [
            Some("2024-06-05T07:00:00Z"),
            Some("2024-05-28T06:00:00Z"),
            Some("2024-03-03T12:00:00Z"),
        ]
    );
}
