//! OPML import (each feed reported, failures not fatal) and export.

use earmark_core::opml::{import, parse_opml, write_opml};

use crate::subscribe::podcast_server;
use crate::{fixture, quick_client, Library};

#[test]
fn import_subscribes_to_each_feed_and_reports_failures() {
    let server = podcast_server();
    let library = Library::new();
    let opml = fixture("subscriptions.opml", &server.url(""));
    let results = import(&library.store, &quick_client(), &opml).unwrap();
    assert_eq!(
        results.len(),
        3,
        "the repeated feed is imported once: {results:?}"
    );
    assert!(
        results[0].podcast.is_some() && results[0].error.is_none(),
        "{:?}",
        results[0]
    );
    assert_eq!(results[0].episodes, 3);
    assert!(results[1].podcast.is_some(), "{:?}", results[1]);
    let gone = &results[2];
    assert_eq!(gone.podcast, None);
    assert_eq!(gone.title.as_deref(), Some("Gone"));
    assert!(
        gone.error
            .as_deref()
            .is_some_and(|e| e.starts_with("404 Not found")),
        "{gone:?}"
    );
    let why = gone.error_report.as_ref().expect("the error by code too");
    assert_eq!(why.code, "not_found");
    assert_eq!(why.params.get("status").map(String::as_str), Some("404"));
    assert_eq!(Some(&why.message), gone.error.as_ref(), "the same sentence");
    assert_eq!(library.store.podcasts().unwrap().len(), 2);

    // Export lists the subscriptions, and reads back as the same feeds.
    let exported = write_opml(&library.store.podcasts().unwrap());
    let back = parse_opml(exported.as_bytes()).unwrap();
    let mut urls: Vec<_> = back.iter().map(|f| f.url.clone()).collect();
    urls.sort();
    assert_eq!(urls, [server.url("/atom.xml"), server.url("/feed.xml")]);
    assert!(back
        .iter()
        .any(|f| f.title.as_deref() == Some("The Listening Room")));
}

#[test]
fn a_file_that_is_not_opml_is_refused() {
    let library = Library::new();
    let e = import(&library.store, &quick_client(), b"<rss version=\"2.0\"/>").unwrap_err();
    assert_eq!(
        e.to_string(),
        "This is not an OPML subscription list: it starts with <rss>, not <opml>."
    );
}

#[test]
fn an_opml_file_in_utf16_or_latin1_is_read() {
    let opml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<opml version=\"2.0\"><body>\
                <outline text=\"Café Öljy\" xmlUrl=\"https://example.com/feed.xml\"/></body></opml>";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(opml);
    let utf16: Vec<u8> = opml
        .replace("ISO-8859-1", "UTF-16")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for bytes in [latin1.into_owned(), utf16] {
        let feeds = parse_opml(&bytes).unwrap();
        assert_eq!(feeds.len(), 1);
        assert_eq!(feeds[0].title.as_deref(), Some("Café Öljy"));
    }
}
