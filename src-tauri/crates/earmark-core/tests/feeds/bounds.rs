//! Issue 13, "bounded": documents nested too deep are refused in a sentence before
//! any recursive parser reads them (the `rss` and `atom_syndication` crates overflow
//! the stack on a few thousand levels and abort the process), deep show-note markup
//! keeps its text, and sidecar responses over their cap are not stored.

use earmark_core::feeds::{parse_feed, subscribe, FeedError, MAX_SIDECAR_BYTES};
use earmark_core::limits::{MAX_HTML_DEPTH, MAX_XML_DEPTH};
use earmark_core::opml::{parse_opml, OpmlError};

use crate::server::{Route, TestServer};
use crate::{quick_client, Library};

/// An RSS feed with one episode whose item holds `depth` nested namespaced
/// extension elements (2,000 of them make a 22 KB feed).
pub fn deep_rss(depth: usize) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:x="https://example.com/x"><channel><title>Deep</title>
<item><title>One</title><guid>deep-1</guid>
<enclosure url="https://example.com/1.mp3" type="audio/mpeg" length="10"/>
{}{}</item></channel></rss>"#,
        "<x:a>".repeat(depth),
        "</x:a>".repeat(depth)
    )
    .into_bytes()
}

/// An Atom feed with one entry nested `depth` elements deep inside it.
fn deep_atom(depth: usize) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="https://example.com/x">
<title>Deep</title><id>urn:deep</id><updated>2024-05-01T12:00:00Z</updated>
<entry><title>One</title><id>urn:deep:1</id><updated>2024-05-01T12:00:00Z</updated>
<link rel="enclosure" href="https://example.com/1.mp3" type="audio/mpeg"/>
{}{}</entry></feed>"#,
        "<x:a>".repeat(depth),
        "</x:a>".repeat(depth)
    )
    .into_bytes()
}

fn assert_too_deep(result: Result<impl std::fmt::Debug, FeedError>) {
    let e = result.unwrap_err();
    assert_eq!(e.code(), "malformed_feed", "{e:?}");
    assert!(
        e.to_string()
            .contains(&format!("nested more than {MAX_XML_DEPTH} deep")),
        "{e}"
    );
}

#[test]
fn an_rss_feed_2000_deep_is_refused_in_a_sentence() {
    let bytes = deep_rss(2_000);
    assert!(bytes.len() < 25_000, "the issue's 22 KB feed");
    assert_too_deep(parse_feed(&bytes));
}

#[test]
fn an_atom_feed_10000_deep_is_refused_in_a_sentence() {
    assert_too_deep(parse_feed(&deep_atom(10_000)));
}

#[test]
fn feeds_nested_within_the_limit_still_read() {
    // rss + channel + item + the extension chain.
    let rss = parse_feed(&deep_rss(MAX_XML_DEPTH - 3)).unwrap();
    assert_eq!(rss.episodes.len(), 1);
    assert_too_deep(parse_feed(&deep_rss(MAX_XML_DEPTH - 2)));
    let atom = parse_feed(&deep_atom(MAX_XML_DEPTH - 2)).unwrap();
    assert_eq!(atom.episodes.len(), 1);
    assert_too_deep(parse_feed(&deep_atom(MAX_XML_DEPTH - 1)));
}

#[test]
fn a_broken_feed_after_its_root_is_refused_before_the_feed_crates_read_it() {
    let mut bytes = deep_rss(1);
    let cut = bytes.len() - 20;
    bytes.truncate(cut);
    bytes.extend_from_slice(b"<x:a attr='unclosed");
    let e = parse_feed(&bytes).unwrap_err();
    assert_eq!(e.code(), "malformed_feed", "{e:?}");
}

#[test]
fn an_opml_file_nested_too_deep_is_refused_in_a_sentence() {
    let deep = format!(
        "<opml version=\"2.0\"><body>{}<outline xmlUrl=\"https://example.com/f.xml\"/>{}</body></opml>",
        "<outline text=\"folder\">".repeat(5_000),
        "</outline>".repeat(5_000)
    );
    let e = parse_opml(deep.as_bytes()).unwrap_err();
    assert!(matches!(e, OpmlError::NotOpml(_)), "{e:?}");
    assert!(
        e.to_string()
            .contains(&format!("nested more than {MAX_XML_DEPTH} deep")),
        "{e}"
    );
    let folders = format!(
        "<opml version=\"2.0\"><body>{}<outline xmlUrl=\"https://example.com/f.xml\"/>{}</body></opml>",
        "<outline text=\"folder\">".repeat(10),
        "</outline>".repeat(10)
    );
    assert_eq!(parse_opml(folders.as_bytes()).unwrap().len(), 1);
}

#[test]
fn show_notes_nested_50000_deep_keep_their_text() {
    let depth = 50_000;
    let notes = format!(
        "<p>Intro</p>{}The deep words{}<p>Outro</p>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let notes = notes.replace('<', "&lt;").replace('>', "&gt;");
    let feed = format!(
        r#"<rss version="2.0"><channel><title>Deep notes</title><item><title>One</title>
<enclosure url="https://example.com/1.mp3" type="audio/mpeg"/>
<description>{notes}</description></item></channel></rss>"#
    );
    let feed = parse_feed(feed.as_bytes()).unwrap();
    let description = feed.episodes[0].description.as_deref().unwrap();
    assert_eq!(description, "Intro\n\nThe deep words\n\nOutro");
    assert!(MAX_HTML_DEPTH < depth);
}

#[test]
fn a_transcript_response_over_its_cap_is_not_stored_and_the_episode_is() {
    let server = TestServer::start();
    let feed = format!(
        r#"<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>Big sidecars</title><item><title>One</title><guid>one</guid>
<enclosure url="{0}/1.mp3" type="audio/mpeg"/>
<podcast:transcript url="{0}/t.vtt" type="text/vtt"/>
<podcast:chapters url="{0}/c.json" type="application/json+chapters"/>
</item></channel></rss>"#,
        server.url("")
    );
    server.serve("/feed.xml", Route::ok(feed, "application/rss+xml"));
    let over = usize::try_from(MAX_SIDECAR_BYTES).unwrap() + 1;
    let mut vtt = b"WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n\n".to_vec();
    vtt.resize(over, b' ');
    let mut streamed = Route::ok(vtt, "text/vtt");
    streamed.no_length = true;
    server.serve("/t.vtt", streamed);
    let mut chapters = br#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"}]}"#.to_vec();
    chapters.resize(over, b' ');
    server.serve("/c.json", Route::ok(chapters, "application/json+chapters"));
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/feed.xml")).unwrap();
    assert_eq!(done.new_episodes, 1);
    assert_eq!(
        done.transcripts, 0,
        "the transcript over the cap is not kept"
    );
    assert_eq!(done.chapters, 0, "the chapters over the cap are not kept");
}
