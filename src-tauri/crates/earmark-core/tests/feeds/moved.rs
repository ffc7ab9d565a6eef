//! A feed that says it has moved (`itunes:new-feed-url`, `<redirect><newLocation>`): a
//! refresh stores the new address, and the next refresh fetches it. Against a real
//! server on 127.0.0.1.

use earmark_core::feeds::{refresh, subscribe};

use crate::server::{Route, TestServer};
use crate::{fixture, quick_client, Library};

/// The `itunes:new-feed-url` form.
fn itunes(new_url: &str) -> String {
    format!("<itunes:new-feed-url>{new_url}</itunes:new-feed-url>")
}

/// The `<redirect><newLocation>` form (with an escaped `&` in the address).
fn redirect(new_url: &str) -> String {
    format!("<redirect>\n    <newLocation>\n      {new_url}?from=old&amp;v=2\n    </newLocation>\n  </redirect>")
}

/// A one-episode feed at the old address whose channel says, in `moved`, where it went.
fn moved_feed(moved: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
  <title>Moving Show</title>
  {moved}
  <item>
    <title>Before the move</title>
    <guid>moving-1</guid>
    <enclosure url="https://example.com/moving-1.mp3" type="audio/mpeg" length="1"/>
  </item>
</channel>
</rss>"#
    )
}

#[test]
fn itunes_new_feed_url_moves_the_stored_address_on_refresh() {
    moves_on_refresh(itunes, "");
}

#[test]
fn redirect_new_location_moves_the_stored_address_on_refresh() {
    moves_on_refresh(redirect, "?from=old&v=2");
}

/// Subscribes to a feed that says (`form`) it moved to /new.xml (with `query`), and
/// refreshes twice.
fn moves_on_refresh(form: fn(&str) -> String, query: &str) {
    let server = TestServer::start();
    let base = server.url("");
    let old_url = server.url("/old.xml");
    let new_path = format!("/new.xml{query}");
    let new_url = server.url(&new_path);
    server.serve(
        "/old.xml",
        Route::ok(
            moved_feed(&form(&server.url("/new.xml"))),
            "application/rss+xml",
        ),
    );
    server.serve(
        &new_path,
        Route::ok(fixture("podcast20.xml", &base), "application/rss+xml"),
    );
    let library = Library::new();
    let http = quick_client();
    let podcast = subscribe(&library.store, &http, &old_url).unwrap().podcast;

    refresh(&library.store, &http, podcast).unwrap();
    let show = library.store.podcast(podcast).unwrap();
    assert_eq!(show.feed_url.as_deref(), Some(new_url.as_str()));
    assert_eq!(server.seen_at("/old.xml").len(), 2, "subscribe and refresh");
    assert!(server.seen_at(&new_path).is_empty());

    let done = refresh(&library.store, &http, podcast).unwrap();
    assert_eq!(server.seen_at(&new_path).len(), 1, "the next refresh");
    assert_eq!(server.seen_at("/old.xml").len(), 2);
    assert_eq!(done.podcast, podcast, "the same show, moved");
    assert_eq!(done.new_episodes, 3, "the new feed's episodes join it");
}

#[test]
fn a_new_address_another_show_has_is_not_taken() {
    let server = TestServer::start();
    let base = server.url("");
    let new_url = server.url("/new.xml");
    server.serve(
        "/old.xml",
        Route::ok(moved_feed(&itunes(&new_url)), "application/rss+xml"),
    );
    server.serve(
        "/new.xml",
        Route::ok(fixture("podcast20.xml", &base), "application/rss+xml"),
    );
    let library = Library::new();
    let http = quick_client();
    subscribe(&library.store, &http, &new_url).unwrap();
    let old = subscribe(&library.store, &http, &server.url("/old.xml"))
        .unwrap()
        .podcast;
    refresh(&library.store, &http, old).unwrap();
    let show = library.store.podcast(old).unwrap();
    assert_eq!(
        show.feed_url.as_deref(),
        Some(server.url("/old.xml").as_str())
    );
}

/// Subscribes to /old.xml, which the server redirects along `hops` (status, path)
/// to /final.xml, and refreshes once: the stored address afterwards.
fn stored_after_redirects(hops: &[(u16, &str)]) -> (String, TestServer) {
    let server = TestServer::start();
    let base = server.url("");
    let mut from = "/old.xml".to_owned();
    for (status, to) in hops {
        server.serve(&from, Route::redirect(*status, &server.url(to)));
        from = (*to).to_owned();
    }
    server.serve(
        &from,
        Route::ok(fixture("podcast20.xml", &base), "application/rss+xml"),
    );
    let library = Library::new();
    let http = quick_client();
    let podcast = subscribe(&library.store, &http, &server.url("/old.xml"))
        .unwrap()
        .podcast;
    let done = refresh(&library.store, &http, podcast).unwrap();
    assert_eq!(done.episodes, 3, "the feed behind the redirects is read");
    let show = library.store.podcast(podcast).unwrap();
    (show.feed_url.unwrap(), server)
}

#[test]
fn a_permanent_redirect_moves_the_stored_address() {
    for status in [301, 308] {
        let (stored, server) = stored_after_redirects(&[(status, "/final.xml")]);
        assert_eq!(stored, server.url("/final.xml"), "{status}");
    }
    let (stored, server) = stored_after_redirects(&[(301, "/hop.xml"), (308, "/final.xml")]);
    assert_eq!(
        stored,
        server.url("/final.xml"),
        "a chain of permanent moves"
    );
}

#[test]
fn a_temporary_redirect_keeps_the_stored_address() {
    for status in [302, 307] {
        let (stored, server) = stored_after_redirects(&[(status, "/final.xml")]);
        assert_eq!(stored, server.url("/old.xml"), "{status}");
    }
    // A temporary hop anywhere on the way: the first address is still the one to ask.
    let (stored, server) = stored_after_redirects(&[(301, "/hop.xml"), (302, "/final.xml")]);
    assert_eq!(stored, server.url("/old.xml"));
}

#[test]
fn a_redirect_loop_is_a_sentence() {
    let server = TestServer::start();
    server.serve("/a.xml", Route::redirect(301, &server.url("/b.xml")));
    server.serve("/b.xml", Route::redirect(301, &server.url("/a.xml")));
    let library = Library::new();
    let err = subscribe(&library.store, &quick_client(), &server.url("/a.xml")).unwrap_err();
    assert_eq!(err.code(), "too_many_redirects");
    assert_eq!(
        err.to_string(),
        format!(
            "{} redirects too many times (more than 10).",
            server.url("/a.xml")
        )
    );
    assert_eq!(
        server.seen().len(),
        11,
        "the first request and ten redirects"
    );
}
