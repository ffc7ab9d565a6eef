//! Feeds with broken XML, as hand-made and badly generated feeds are: every episode
//! that reads is kept, the refresh report says what was repaired, and what cannot be
//! kept is refused in a sentence. Through a real server on 127.0.0.1.

use earmark_core::feeds::{parse_feed, subscribe, FeedError};

use crate::server::{Route, TestServer};
use crate::{quick_client, Library};

/// Ten episodes; `title(i)` gives each one's title element.
fn ten_episodes(title: impl Fn(usize) -> String, end: &str) -> String {
    let items: String = (1..=10)
        .map(|i| {
            format!(
                "<item>{}<guid>s-{i}</guid>\
                 <enclosure url=\"https://example.com/{i}.mp3?a=1&b={i}\" type=\"audio/mpeg\"/>\
                 </item>\n",
                title(i)
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Q&A Hour</title>\n{items}</channel>\n{end}")
}

#[test]
fn a_bare_ampersand_and_a_cut_off_end_lose_no_episode() {
    let body = ten_episodes(|i| format!("<title>Q&A {i}</title>"), "</rss");
    let server = TestServer::start();
    server.serve("/feed.xml", Route::ok(body, "application/rss+xml"));
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/feed.xml")).unwrap();
    assert_eq!(done.episodes, 10);
    assert_eq!(done.title, "Q&A Hour");
    let said: Vec<(&str, &str)> = done
        .warnings
        .iter()
        .map(|w| (w.code, w.message.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (
                "feed_ampersands_escaped",
                "21 bare “&” characters were read as text."
            ),
            (
                "feed_closed",
                "The feed's last elements were not closed; they were closed."
            ),
        ]
    );
    assert_eq!(
        done.warnings[0].params.get("count").map(String::as_str),
        Some("21")
    );
    let page = library
        .store
        .podcast_episodes(Some(done.podcast), 0, 20)
        .unwrap();
    let mut titles: Vec<String> = page.episodes.into_iter().map(|e| e.summary.title).collect();
    titles.sort();
    assert!(titles.contains(&"Q&A 7".to_owned()), "{titles:?}");
    let audio = library
        .store
        .podcast_episodes(Some(done.podcast), 0, 1)
        .unwrap();
    assert_eq!(audio.total, 10);
}

#[test]
fn a_broken_episode_is_left_out_and_the_rest_kept() {
    let body = ten_episodes(
        |i| match i {
            4 => "<title>Four <b>bold</title>".to_owned(),
            _ => format!("<title>Episode {i}</title>"),
        },
        "</rss>",
    );
    let feed = parse_feed(body.as_bytes()).unwrap();
    assert_eq!(feed.episodes.len(), 9);
    assert!(feed.episodes.iter().all(|e| e.title != "Four bold"));
    assert_eq!(feed.episodes[3].title, "Episode 5");
    assert!(
        feed.repairs
            .iter()
            .any(|r| r.code == "feed_episodes_dropped"
                && r.message == "One episode's XML was broken; it was left out."),
        "{:?}",
        feed.repairs
    );
}

#[test]
fn a_feed_cut_off_mid_episode_keeps_the_whole_ones() {
    let whole = ten_episodes(|i| format!("<title>Episode {i}</title>"), "</rss>");
    let cut = &whole[..whole.find("<guid>s-8").unwrap()];
    let feed = parse_feed(cut.as_bytes()).unwrap();
    assert_eq!(feed.episodes.len(), 7);
    assert!(
        feed.repairs
            .iter()
            .any(|r| r.code == "feed_cut_short" && r.message.contains("breaks off")),
        "{:?}",
        feed.repairs
    );
}

#[test]
fn a_well_formed_feed_reports_no_repair() {
    let body = ten_episodes(|i| format!("<title>Episode {i}</title>"), "</rss>")
        .replace("&b=", "&amp;b=")
        .replace("Q&A", "Q&amp;A");
    let feed = parse_feed(body.as_bytes()).unwrap();
    assert_eq!(feed.episodes.len(), 10);
    assert!(feed.repairs.is_empty(), "{:?}", feed.repairs);
}

#[test]
fn what_cannot_be_salvaged_is_refused_in_a_sentence() {
    let broken = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>x</title>\n<!-- unclosed\n";
    let err = parse_feed(broken.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        FeedError::Malformed("its XML is broken at line 4".to_owned())
    );
    assert_eq!(
        err.to_string(),
        "it could not be read as a feed (its XML is broken at line 4)"
    );
    // Broken so that the XML reads but no channel is left: said in words too.
    let no_channel = "<rss version=\"2.0\">\n<channel <title>x</title></rss>";
    assert_eq!(
        parse_feed(no_channel.as_bytes()).unwrap_err().to_string(),
        "it could not be read as a feed (its XML does not follow the RSS or Atom format)"
    );
}
