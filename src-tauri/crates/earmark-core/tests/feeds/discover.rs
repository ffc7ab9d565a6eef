//! Issue 19, "any web address works in Add": a show's page or one of its episodes'
//! pages subscribes to the feed the page names (a real server on 127.0.0.1), the
//! episode's page says which episode to open, and a page naming no readable feed is
//! refused in a sentence.

use earmark_core::feeds::subscribe;

use crate::server::{Route, TestServer};
use crate::{quick_client, Library};

fn feed(server: &TestServer) -> Route {
    let page = |n: u32| server.url(&format!("/episodes/{n}/"));
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Tide Show</title><link>{home}</link>
<item><title>Second</title><guid>ep-2</guid><link>{two}</link>
<enclosure url="{audio}" type="audio/mpeg" length="1"/></item>
<item><title>First</title><guid>ep-1</guid><link>{one}</link>
<enclosure url="{audio}" type="audio/mpeg" length="1"/></item>
</channel></rss>"#,
        home = server.url("/"),
        two = page(2),
        one = page(1),
        audio = server.url("/a.mp3"),
    );
    Route::ok(body, "application/rss+xml")
}

fn page(head: &str, body: &str) -> Route {
    Route::ok(
        format!(
            "<!doctype html><html><head><title>Page</title>{head}</head><body>{body}</body></html>"
        ),
        "text/html; charset=utf-8",
    )
}

/// A page whose head declares the feed at `href`.
fn declaring(href: &str) -> Route {
    let link = format!(r#"<link rel="alternate" type="application/rss+xml" href="{href}">"#);
    page(&link, "<h1>The Tide Show</h1>")
}

#[test]
fn a_shows_page_subscribes_to_the_feed_it_names_once() {
    let server = TestServer::start();
    server.serve("/feed.xml", feed(&server));
    server.serve("/", declaring("/feed.xml"));
    let library = Library::new();
    let http = quick_client();
    let done = subscribe(&library.store, &http, &server.url("/")).unwrap();
    assert!(done.subscribed_now);
    assert_eq!((done.title.as_str(), done.episodes), ("The Tide Show", 2));
    assert_eq!(done.page_episode, None, "the show's page is no episode's");
    let show = library.store.podcast(done.podcast).unwrap();
    assert_eq!(
        show.feed_url.as_deref(),
        Some(server.url("/feed.xml").as_str()),
        "the feed's address is kept, not the page's"
    );

    let again = subscribe(&library.store, &http, &server.url("/")).unwrap();
    assert!(!again.subscribed_now, "the page again refreshes the show");
    assert_eq!(library.store.podcasts().unwrap().len(), 1);
}

#[test]
fn an_episodes_page_subscribes_to_its_show_and_names_the_episode() {
    let server = TestServer::start();
    server.serve("/feed.xml", feed(&server));
    // The page links its feed the way hosting pages do: a plain link, no <link rel>;
    // and its address lacks the trailing slash the feed's <link> has.
    let body = r#"<nav><a href="/">Home</a></nav><p>Episode one</p><a href="/feed.xml">RSS</a>"#;
    server.serve("/episodes/1", page("", body));
    let library = Library::new();
    let http = quick_client();
    let done = subscribe(&library.store, &http, &server.url("/episodes/1")).unwrap();
    assert!(done.subscribed_now);
    let first = library
        .store
        .episode_by_guid(done.podcast, "ep-1")
        .unwrap()
        .unwrap();
    assert_eq!(done.page_episode, Some(first.id));
    let again = subscribe(&library.store, &http, &server.url("/episodes/1")).unwrap();
    assert!(!again.subscribed_now, "already subscribed: refreshed");
    assert_eq!(
        again.page_episode,
        Some(first.id),
        "and the page's episode named again"
    );
}

#[test]
fn a_page_naming_no_readable_feed_is_refused_in_a_sentence() {
    let server = TestServer::start();
    server.serve("/plain", page("", "<p>No feed here.</p>"));
    server.serve("/broken", declaring("/missing.xml"));
    let library = Library::new();
    let http = quick_client();
    let e = subscribe(&library.store, &http, &server.url("/plain")).unwrap_err();
    assert_eq!(e.code(), "no_feed_on_page");
    assert_eq!(
        e.to_string(),
        format!(
            "The page at {} is a web page that names no podcast feed. Paste the show's feed \
             address, or the address of its page on the show's own site.",
            server.url("/plain")
        )
    );
    let e = subscribe(&library.store, &http, &server.url("/broken")).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "The page at {} names 1 feed address, and none of them is a podcast feed Earmark \
             could read.",
            server.url("/broken")
        )
    );
    assert!(
        library.store.podcasts().unwrap().is_empty(),
        "nothing half-added"
    );
}

#[test]
fn a_directorys_page_names_the_episode_by_the_audio_it_plays_or_the_title_it_gives() {
    let server = TestServer::start();
    let feed_link = r#"<link rel="alternate" type="application/rss+xml" href="/feed.xml">"#;
    // Neither page is an item's <link>: a directory's own address for the episode.
    // The first plays the newer item's audio through a measurement prefix (the older
    // one keeps the shared file); the second gives the older one's title as its own.
    let playing = format!(
        r#"<h1>Jakso</h1><audio src="https://dts.podtrac.com/redirect.mp3/{}"></audio>"#,
        server.url("/second.mp3").trim_start_matches("http://")
    );
    let mut second_audio = feed(&server);
    second_audio.body = String::from_utf8(second_audio.body)
        .unwrap()
        .replacen("/a.mp3", "/second.mp3", 1)
        .into_bytes();
    server.serve("/feed.xml", second_audio);
    server.serve("/dir/playing", page(feed_link, &playing));
    let titled = format!("{feed_link}<meta property=\"og:title\" content=\"First\">");
    server.serve("/dir/titled", page(&titled, "<h1>The Tide Show</h1>"));
    server.serve("/dir/show", page(feed_link, "<h1>The Tide Show</h1>"));
    let library = Library::new();
    let http = quick_client();
    let episode = |guid: &str, podcast| {
        library
            .store
            .episode_by_guid(podcast, guid)
            .unwrap()
            .map(|e| e.id)
    };

    let done = subscribe(&library.store, &http, &server.url("/dir/playing")).unwrap();
    assert_eq!(
        done.page_episode,
        episode("ep-2", done.podcast),
        "by its audio"
    );
    let titled = server.url("/dir/titled?utm_source=share");
    let done = subscribe(&library.store, &http, &titled).unwrap();
    assert_eq!(
        done.page_episode,
        episode("ep-1", done.podcast),
        "by og:title"
    );
    let done = subscribe(&library.store, &http, &server.url("/dir/show")).unwrap();
    assert_eq!(
        done.page_episode, None,
        "the show's name is no episode's title"
    );
}
