//! `earmark-cli feed add` and `transcript fetch` given web pages: an episode's page,
//! a show's page on Apple Podcasts, and pages that show a transcript.

use std::path::Path;

use serde_json::Value;

use crate::server::{Route, TestServer};
use crate::Sandbox;

/// A page fixture of the core's episode-page tests.
fn page_fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../earmark-core/tests/fixtures/pages")
        .join(name);
    std::fs::read(path).unwrap()
}

#[test]
fn feed_add_takes_an_episodes_web_page_and_names_its_episode() {
    let server = TestServer::start();
    let item = |n: u32, title: &str| {
        format!(
            "<item><title>{title}</title><guid>ep-{n}</guid><link>{}</link>\
             <enclosure url=\"{}\" type=\"audio/mpeg\" length=\"1\"/></item>",
            server.url(&format!("/episodes/{n}/")),
            server.url("/a.mp3")
        )
    };
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>The Tide Show</title>{}{}</channel></rss>",
        item(2, "High Water"),
        item(1, "Low Tide")
    );
    server.serve("/feed.xml", Route::ok(feed, "application/rss+xml"));
    let page = "<!doctype html><html><head><title>Low Tide</title>\
        <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head>\
        <body><h1>Low Tide</h1></body></html>";
    server.serve("/episodes/1/", Route::ok(page, "text/html"));
    server.serve(
        "/about",
        Route::ok(page_fixture("no_transcript.html"), "text/html"),
    );
    let sandbox = Sandbox::new();

    let added = sandbox.json(&["feed", "add", &server.url("/episodes/1/")]);
    assert_eq!(added["title"], "The Tide Show", "{added}");
    assert_eq!(added["episodes"], 2);
    assert_eq!(
        added["page_episode"],
        sandbox.episode_id("Low Tide"),
        "the page's episode is named: {added}"
    );
    let shows = sandbox.json(&["feed", "list"]);
    assert_eq!(shows["podcasts"][0]["feed_url"], server.url("/feed.xml"));

    let refused = sandbox.fails(&["feed", "add", &server.url("/about")]);
    assert!(refused.contains("names no podcast feed"), "{refused}");

    // A show's page on Apple Podcasts names no feed: its id is looked up beside the
    // configured iTunes search.
    let apple = "/fi/podcast/the-tide-show/id1234567";
    server.serve(
        apple,
        Route::ok(page_fixture("no_transcript.html"), "text/html"),
    );
    let lookup = format!(
        r#"{{"resultCount":1,"results":[{{"collectionName":"The Tide Show","feedUrl":"{}"}}]}}"#,
        server.url("/feed.xml")
    );
    server.serve("/itunes/lookup", Route::ok(lookup, "application/json"));
    let other = Sandbox::new();
    let env = [("EARMARK_ITUNES_SEARCH_URL", server.url("/itunes/search"))];
    let output = other.run_with(&["feed", "add", &server.url(apple), "--json"], &env);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let added: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(added["title"], "The Tide Show", "{added}");
    let asked: Vec<_> = server
        .seen()
        .into_iter()
        .filter(|s| {
            s.path
                .starts_with("/itunes/lookup?id=1234567&entity=podcast")
        })
        .collect();
    assert_eq!(asked.len(), 1, "one lookup of the page's id");
}

#[test]
fn transcript_fetch_reads_the_transcript_a_page_shows() {
    let server = TestServer::start();
    server.serve(
        "/fi/jakso",
        Route::ok(
            page_fixture("directory_fi.html"),
            "text/html; charset=utf-8",
        ),
    );
    server.serve(
        "/sv/avsnitt",
        Route::ok(
            page_fixture("directory_sv.html"),
            "text/html; charset=utf-8",
        ),
    );
    server.serve(
        "/show",
        Route::ok(page_fixture("no_transcript.html"), "text/html"),
    );
    let sandbox = Sandbox::new();

    let whole = sandbox.json(&["transcript", "fetch", &server.url("/fi/jakso")]);
    assert_eq!(whole["source_url"], server.url("/fi/jakso"), "{whole}");
    assert_eq!(whole["incomplete"], false);
    let segments = whole["segments"].as_array().expect("segments");
    assert!(segments.len() >= 3, "{whole}");
    assert!(segments
        .iter()
        .all(|s| s["text"].as_str().is_some_and(|t| !t.is_empty())));
    let text = whole.to_string();
    for stranger in ["SIVUPALKKI", "SUOSITUS", "FOOTER", "SCRIPT"] {
        assert!(
            !text.contains(stranger),
            "{stranger} reached the transcript"
        );
    }

    let cut = sandbox.json(&["transcript", "fetch", &server.url("/sv/avsnitt")]);
    assert_eq!(
        cut["incomplete"], true,
        "the Swedish page cuts it off: {cut}"
    );

    let none = sandbox.fails(&["transcript", "fetch", &server.url("/show")]);
    assert!(none.contains("transcript"), "{none}");
}
