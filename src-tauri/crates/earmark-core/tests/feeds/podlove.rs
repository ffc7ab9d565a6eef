//! Podlove Simple Chapters written in the feed: read from RSS items and Atom entries
//! under any prefix bound to the namespace, and stored with new episodes at
//! subscribe, through a real server on 127.0.0.1.

use earmark_core::chapters::{Chapter, ChapterSource};
use earmark_core::feeds::{parse_feed, subscribe};

use crate::server::{Route, TestServer};
use crate::{quick_client, Library};

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:psc="http://podlove.org/simple-chapters">
<channel>
  <title>Chaptered</title>
  <item>
    <title>With chapters</title>
    <guid>pl-1</guid>
    <enclosure url="https://example.com/1.mp3" type="audio/mpeg" length="1"/>
    <psc:chapters version="1.2">
      <psc:chapter start="00:00:00.000" title="Welcome"/>
      <psc:chapter start="1:02:03.5" title="Q&amp;A &lt;b&gt;end&lt;/b&gt;" href="https://example.com/end"/>
      <psc:chapter start="02:30" title="" image="/art/2.jpg"/>
      <psc:chapter start="whenever" title="Unreadable start"/>
    </psc:chapters>
  </item>
  <item>
    <title>Without</title>
    <guid>pl-2</guid>
    <enclosure url="https://example.com/2.mp3" type="audio/mpeg" length="1"/>
  </item>
</channel>
</rss>"#;

fn chapter(start_ms: u64, end_ms: Option<u64>, title: &str) -> Chapter {
    Chapter {
        start_ms,
        end_ms,
        title: title.to_owned(),
        url: None,
        image_url: None,
    }
}

#[test]
fn rss_podlove_chapters_are_stored_with_the_episode() {
    let server = TestServer::start();
    server.serve("/feed.xml", Route::ok(RSS, "application/rss+xml"));
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/feed.xml")).unwrap();
    assert_eq!(done.chapters, 1, "one new episode got chapters");
    let episode = library
        .store
        .episode_by_guid(done.podcast, "pl-1")
        .unwrap()
        .unwrap();
    let (chapters, source) = library.store.chapters(episode.id).unwrap().unwrap();
    assert_eq!(source, ChapterSource::Feed);
    let image = server.url("/art/2.jpg");
    assert_eq!(
        chapters,
        [
            chapter(0, Some(150_000), "Welcome"),
            Chapter {
                image_url: Some(image),
                ..chapter(150_000, Some(3_723_500), "Chapter 2")
            },
            Chapter {
                url: Some("https://example.com/end".to_owned()),
                ..chapter(3_723_500, None, "Q&A end")
            },
        ]
    );
    let other = library
        .store
        .episode_by_guid(done.podcast, "pl-2")
        .unwrap()
        .unwrap();
    assert!(library.store.chapters(other.id).unwrap().is_none());
}

#[test]
fn atom_podlove_chapters_under_another_prefix() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ch="http://podlove.org/simple-chapters">
  <title>Atom chapters</title>
  <entry>
    <title>One</title><id>urn:a:1</id><updated>2024-01-01T00:00:00Z</updated>
    <link rel="enclosure" href="https://example.com/a.mp3" type="audio/mpeg"/>
    <ch:chapters><ch:chapter start="12.5" title="Only"/></ch:chapters>
  </entry>
</feed>"#;
    let feed = parse_feed(atom.as_bytes()).unwrap();
    assert_eq!(
        feed.episodes[0].inline_chapters,
        [chapter(12_500, None, "Only")]
    );
}
