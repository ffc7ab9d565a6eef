//! Issue 19, "find a show by name": the iTunes Search API and gpodder.net's search,
//! served on 127.0.0.1 with the JSON each documents; hits merged, one per feed; one
//! directory down still gives the other's hits; both down is one sentence.

use earmark_core::directory::{search_directories, Directories};

use crate::quick_client;
use crate::server::{closed_port, Route, TestServer};

const ITUNES: &str = r#"{"resultCount": 3, "results": [
  {"wrapperType": "track", "kind": "podcast", "collectionId": 1, "collectionName": "The Tide Show",
   "artistName": "Sea People", "feedUrl": "https://tide.example/feed.xml",
   "artworkUrl100": "https://img.example/100.jpg", "artworkUrl600": "https://img.example/600.jpg",
   "trackCount": 212, "primaryGenreName": "Science"},
  {"collectionName": "No Feed Here", "artistName": "Nobody"},
  {"collectionName": "Bad <b>Feed</b>", "feedUrl": "javascript:alert(1)"}
]}"#;

const GPODDER: &str = r#"[
  {"url": "https://tide.example/feed.xml", "title": "The Tide Show (gpodder)", "author": "Sea People",
   "description": "Waves.", "subscribers": 12, "logo_url": "https://img.example/logo.png",
   "scaled_logo_url": "https://img.example/scaled.png", "website": "https://tide.example/"},
  {"url": "https://low.example/rss", "title": "Low Water", "author": null, "logo_url": null}
]"#;

fn directories(server: &TestServer) -> Directories {
    Directories {
        itunes: server.url("/itunes/search"),
        gpodder: server.url("/gpodder/search.json"),
    }
}

#[test]
fn both_directories_are_asked_and_their_hits_merged_one_per_feed() {
    let server = TestServer::start();
    server.serve(
        "/itunes/search",
        Route::ok(ITUNES, "text/javascript; charset=utf-8"),
    );
    server.serve(
        "/gpodder/search.json",
        Route::ok(GPODDER, "application/json"),
    );
    let found = search_directories(&quick_client(), &directories(&server), "  tide show ").unwrap();
    let hits: Vec<_> = found
        .hits
        .iter()
        .map(|h| {
            (
                h.title.as_str(),
                h.author.as_deref(),
                h.feed_url.as_str(),
                h.episodes,
                h.directory,
            )
        })
        .collect();
    assert_eq!(
        hits,
        [
            (
                "The Tide Show",
                Some("Sea People"),
                "https://tide.example/feed.xml",
                Some(212),
                "itunes"
            ),
            (
                "Low Water",
                None,
                "https://low.example/rss",
                None,
                "gpodder"
            ),
        ],
        "no hit without a web feed address; the same feed once"
    );
    assert_eq!(
        found.hits[0].artwork_url.as_deref(),
        Some("https://img.example/600.jpg")
    );
    assert!(found.problems.is_empty());
    let asked = server.seen();
    let itunes = asked
        .iter()
        .find(|s| s.path.starts_with("/itunes/search?"))
        .unwrap();
    assert!(
        itunes.path.contains("media=podcast") && itunes.path.contains("term=tide+show"),
        "{}",
        itunes.path
    );
    assert!(asked
        .iter()
        .any(|s| s.path == "/gpodder/search.json?q=tide+show"));
}

#[test]
fn one_directory_down_leaves_the_others_hits_and_both_down_is_one_sentence() {
    let server = TestServer::start();
    server.serve(
        "/gpodder/search.json",
        Route::ok(GPODDER, "application/json"),
    );
    server.serve(
        "/itunes/search",
        Route::ok("<html>maintenance</html>", "text/html"),
    );
    let found = search_directories(&quick_client(), &directories(&server), "tide").unwrap();
    assert_eq!(found.hits.len(), 2);
    assert_eq!(found.problems.len(), 1);
    assert!(
        found.problems[0].contains("could not be read"),
        "{}",
        found.problems[0]
    );

    let port = closed_port();
    let gone = Directories {
        itunes: format!("http://127.0.0.1:{port}/search"),
        gpodder: format!("http://127.0.0.1:{port}/search.json"),
    };
    let e = search_directories(&quick_client(), &gone, "tide").unwrap_err();
    assert!(e.is_transient(), "{e}");
    assert_eq!(
        e.to_string(),
        "Could not reach 127.0.0.1:".to_owned()
            + &port.to_string()
            + ": the server refused the connection."
    );
}
