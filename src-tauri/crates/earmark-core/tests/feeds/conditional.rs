//! Refreshing politely: a feed's ETag and Last-Modified are kept, the next refresh asks
//! whether it changed, and a 304 costs nothing more (no parse, no write). Feeds may
//! come gzip-compressed. Against a real server on 127.0.0.1.

use earmark_core::feeds::{refresh, subscribe};

use crate::server::{Route, TestServer};
use crate::{fixture, quick_client, Library};

const MONDAY: &str = "Mon, 07 Dec 2026 10:00:00 GMT";

/// The Podcasting 2.0 fixture at /feed.xml from a server that answers conditional
/// requests, with `etag`.
fn conditional_feed(server: &TestServer, etag: &str) -> Route {
    Route {
        etag: Some(etag.to_owned()),
        last_modified: Some(MONDAY.to_owned()),
        conditional: true,
        ..Route::ok(
            fixture("podcast20.xml", &server.url("")),
            "application/rss+xml",
        )
    }
}

#[test]
fn an_unchanged_feed_costs_a_304_and_nothing_more() {
    let server = TestServer::start();
    server.serve("/feed.xml", conditional_feed(&server, "\"v1\""));
    let library = Library::new();
    let http = quick_client();
    let first = subscribe(&library.store, &http, &server.url("/feed.xml")).unwrap();
    assert!(first.bytes > 1_000 && !first.not_modified, "{first:?}");
    let asked = &server.seen_at("/feed.xml")[0];
    assert_eq!(
        (
            asked.if_none_match.as_deref(),
            asked.if_modified_since.as_deref()
        ),
        (None, None)
    );

    // The body changes but the server says it has not: nothing is read.
    server.update("/feed.xml", |r| {
        r.body = String::from_utf8(r.body.clone())
            .unwrap()
            .replace("The Listening Room", "Renamed")
            .into_bytes();
    });
    let again = refresh(&library.store, &http, first.podcast).unwrap();
    let asked = server.seen_at("/feed.xml")[1].clone();
    assert_eq!(asked.if_none_match.as_deref(), Some("\"v1\""));
    assert_eq!(asked.if_modified_since.as_deref(), Some(MONDAY));
    assert!(again.not_modified, "{again:?}");
    assert_eq!((again.bytes, again.new_episodes), (0, 0));
    assert_eq!(
        library.store.podcast(first.podcast).unwrap().title,
        "The Listening Room",
        "nothing was parsed or written"
    );
}

#[test]
fn a_changed_feed_is_read_and_its_new_validators_kept() {
    let server = TestServer::start();
    server.serve("/feed.xml", conditional_feed(&server, "\"v1\""));
    let library = Library::new();
    let http = quick_client();
    let podcast = subscribe(&library.store, &http, &server.url("/feed.xml"))
        .unwrap()
        .podcast;
    server.update("/feed.xml", |r| {
        r.etag = Some("\"v2\"".to_owned());
        r.last_modified = Some("Tue, 08 Dec 2026 10:00:00 GMT".to_owned());
        r.body = String::from_utf8(r.body.clone())
            .unwrap()
            .replace("The Listening Room", "Renamed")
            .into_bytes();
    });
    let changed = refresh(&library.store, &http, podcast).unwrap();
    assert!(
        !changed.not_modified && changed.bytes > 1_000,
        "{changed:?}"
    );
    assert_eq!(library.store.podcast(podcast).unwrap().title, "Renamed");
    let third = refresh(&library.store, &http, podcast).unwrap();
    assert!(third.not_modified, "the new version's validators were kept");
    assert_eq!(
        server.seen_at("/feed.xml")[2].if_none_match.as_deref(),
        Some("\"v2\"")
    );
}

#[test]
fn a_server_without_validators_is_asked_nothing() {
    let server = TestServer::start();
    let route = Route {
        etag: None,
        ..Route::ok(
            fixture("podcast20.xml", &server.url("")),
            "application/rss+xml",
        )
    };
    server.serve("/feed.xml", route);
    let library = Library::new();
    let http = quick_client();
    let podcast = subscribe(&library.store, &http, &server.url("/feed.xml"))
        .unwrap()
        .podcast;
    let again = refresh(&library.store, &http, podcast).unwrap();
    assert!(!again.not_modified);
    let asked = &server.seen_at("/feed.xml")[1];
    assert_eq!(
        (
            asked.if_none_match.as_deref(),
            asked.if_modified_since.as_deref()
        ),
        (None, None)
    );
}

#[test]
fn a_gzip_or_brotli_feed_is_accepted_and_a_gzip_one_read() {
    let server = TestServer::start();
    let route = Route {
        gzip: true,
        ..Route::ok(
            fixture("podcast20.xml", &server.url("")),
            "application/rss+xml",
        )
    };
    server.serve("/feed.xml", route);
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/feed.xml")).unwrap();
    assert_eq!(done.episodes, 3);
    let asked = server.seen_at("/feed.xml")[0]
        .accept_encoding
        .clone()
        .unwrap_or_default();
    assert!(asked.contains("gzip") && asked.contains("br"), "{asked}");
}
