//! Issue 19, "find a show by name": the iTunes Search API and gpodder.net's search,
//! served on 127.0.0.1 with the JSON each documents; hits merged, one per feed; one
//! directory down still gives the other's hits; both down is one sentence. Podcast
//! Index too, with the user's key, each request signed as its API documents.

use earmark_core::directory::{search_directories, Directories, PodcastIndex};

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
        podcast_index: None,
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
        podcast_index: None,
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

/// Podcast Index's `search/byterm` answer, as its API documents it.
const PODCAST_INDEX: &str = r#"{"status": "true", "feeds": [
  {"id": 920666, "title": "The Tide Show", "url": "https://tide.example/feed.xml",
   "author": "Sea People", "image": "https://img.example/pi.jpg", "episodeCount": 212},
  {"id": 75075, "title": "Deep Water Weekly", "url": "https://deep.example/rss",
   "originalUrl": "https://deep.example/rss", "link": "https://deep.example/",
   "author": "Diver Dan", "ownerName": "Dan", "artwork": "https://img.example/deep.jpg",
   "image": "https://img.example/deep-small.jpg", "episodeCount": 48, "language": "en"},
  {"id": 1, "title": "No address"}
], "count": 3, "query": "tide", "description": "Found matching feeds"}"#;

#[test]
fn podcast_index_is_asked_with_the_users_key_and_each_request_is_signed() {
    let server = TestServer::start();
    server.serve("/itunes/search", Route::ok(ITUNES, "application/json"));
    server.serve("/gpodder/search.json", Route::status(503));
    server.serve(
        "/pi/search/byterm",
        Route::ok(PODCAST_INDEX, "application/json"),
    );
    let without = directories(&server).with_podcast_index("KEY123", "  ");
    assert!(
        without.podcast_index.is_none(),
        "a blank secret leaves it out"
    );
    let given = directories(&server).with_podcast_index(" KEY123 ", "s3cr3t");
    let index = given.podcast_index.expect("asked with a key and a secret");
    assert_eq!(
        (index.key.as_str(), index.secret.as_str()),
        ("KEY123", "s3cr3t")
    );
    let with = Directories {
        podcast_index: Some(PodcastIndex {
            url: server.url("/pi/search/byterm"),
            ..index
        }),
        ..directories(&server)
    };
    let found = search_directories(&quick_client(), &with, "deep water").unwrap();
    let hits: Vec<_> = found
        .hits
        .iter()
        .map(|h| (h.feed_url.as_str(), h.directory, h.episodes))
        .collect();
    assert_eq!(
        hits,
        [
            ("https://tide.example/feed.xml", "itunes", Some(212)),
            ("https://deep.example/rss", "podcastindex", Some(48)),
        ],
        "merged one per feed, a feed without an address left out"
    );
    assert_eq!(
        found.hits[1].artwork_url.as_deref(),
        Some("https://img.example/deep.jpg")
    );
    assert_eq!(
        found.problems.len(),
        1,
        "gpodder's 503: {:?}",
        found.problems
    );

    let asked: Vec<_> = server
        .seen()
        .into_iter()
        .filter(|s| s.path.starts_with("/pi/search/byterm?"))
        .collect();
    assert_eq!(asked.len(), 1);
    assert!(asked[0].path.contains("q=deep+water"), "{}", asked[0].path);
    let [key, date, signature] = asked[0].auth.clone();
    assert_eq!(key.as_deref(), Some("KEY123"));
    let date = date.expect("X-Auth-Date");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(now.abs_diff(date.parse::<u64>().unwrap()) < 60, "{date}");
    let expected = sha1_hex(&format!("KEY123s3cr3t{date}"));
    assert_eq!(signature.as_deref(), Some(expected.as_str()));
    for other in server.seen().iter().filter(|s| !s.path.starts_with("/pi/")) {
        assert_eq!(
            other.auth,
            [None, None, None],
            "credentials go to Podcast Index only"
        );
    }
}

/// SHA-1 in lowercase hex (checked against the standard test vector below).
fn sha1_hex(text: &str) -> String {
    use sha1::{Digest, Sha1};
    Sha1::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn sha1_is_the_standard_one() {
    assert_eq!(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}
