//! Issue 19, the transcript an episode's web page shows, fetched from 127.0.0.1: the
//! page fixtures (`tests/fixtures/pages/`, in the shapes of WordPress, Squarespace
//! and Finnish and Swedish hosting pages) read as the window and `earmark-cli
//! transcript fetch` read them; a transcript file behind the address reads as that
//! file; a page too large is refused; a page without one says so.

use std::path::Path;

use earmark_core::feeds::{fetch_page_transcript, PageError, MAX_PAGE_BYTES};
use earmark_core::http::NetError;
use earmark_core::transcript::{TranscriptError, TranscriptFormat};

use crate::server::{Route, TestServer};
use crate::{demo, quick_client};

fn page(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pages")
            .join(name),
    )
    .unwrap()
}

#[test]
fn every_page_shape_is_read_from_the_server_as_it_serves_it() {
    let server = TestServer::start();
    for (name, content_type) in [
        ("wordpress.html", "text/html; charset=UTF-8"),
        ("squarespace.html", "text/html;charset=utf-8"),
        ("directory_fi.html", "text/html"),
        ("directory_sv.html", "text/html; charset=utf-8"),
    ] {
        server.serve(&format!("/{name}"), Route::ok(page(name), content_type));
    }
    let expected = [
        ("wordpress.html", false),
        ("squarespace.html", true),
        ("directory_fi.html", false),
        ("directory_sv.html", true),
    ];
    for (name, incomplete) in expected {
        let url = server.url(&format!("/{name}"));
        let read = fetch_page_transcript(&quick_client(), &url).unwrap();
        assert_eq!(read.source_url, url);
        assert_eq!(read.incomplete, incomplete, "{name}");
        assert_eq!(read.transcript.format, TranscriptFormat::Html, "{name}");
        assert!(
            read.transcript.segments.len() >= 5
                && read
                    .transcript
                    .segments
                    .iter()
                    .all(|s| s.start_ms.is_none()),
            "{name}: {:?}",
            read.transcript.segments
        );
        assert!(
            read.transcript.segments[0].speaker.is_some(),
            "{name}: the first line names its speaker"
        );
    }
}

#[test]
fn a_file_behind_the_address_a_missing_transcript_and_a_huge_page_are_told_apart() {
    let server = TestServer::start();
    let vtt = std::fs::read(demo("demo.vtt")).unwrap();
    server.serve("/episode.vtt", Route::ok(vtt, "text/vtt"));
    server.serve("/none", Route::ok(page("no_transcript.html"), "text/html"));
    let huge = "<p>Ana: words</p>".repeat((MAX_PAGE_BYTES / 16) as usize + 1);
    server.serve("/huge", Route::ok(huge, "text/html"));

    let file = fetch_page_transcript(&quick_client(), &server.url("/episode.vtt")).unwrap();
    assert_eq!(file.transcript.format, TranscriptFormat::Vtt);
    assert!(!file.incomplete && file.transcript.timed());

    let none = fetch_page_transcript(&quick_client(), &server.url("/none")).unwrap_err();
    assert!(
        matches!(
            none,
            PageError::Transcript(TranscriptError::NoTranscriptOnPage)
        ),
        "{none:?}"
    );
    assert_eq!(none.code(), "no_transcript_on_page");
    let huge = fetch_page_transcript(&quick_client(), &server.url("/huge")).unwrap_err();
    assert!(
        matches!(huge, PageError::Net(NetError::TooLarge { .. })),
        "{huge:?}"
    );
}
