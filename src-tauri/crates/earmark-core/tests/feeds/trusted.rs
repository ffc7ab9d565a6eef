//! Downloads that can be trusted, against a real HTTP server on 127.0.0.1: what is
//! not audio (an empty body, a web page or text, whatever its type, bytes the
//! player cannot open) is refused and nothing is kept; a server that changed the file
//! under a resumed download starts it over; a trickling server stops as stalled.

use earmark_core::downloads::{DownloadError, MinRate, DOWNLOADS_DIR, MIN_RATE_SETTING};
use earmark_core::store::EpisodeId;
use std::time::Duration;

use crate::downloads::{
    assert_same_file, download_once, episode_at, fetch, other_version, serve_cut_once,
};
use crate::server::{Route, TestServer};
use crate::{demo_mp3, quick_client, Library};

/// Asks for `path` on a fresh library and returns the error, after checking that the
/// episode is not marked downloaded and nothing was left in its folder.
fn refused(server: &TestServer, path: &str) -> DownloadError {
    let library = Library::new();
    let episode = episode_at(&library, server, path);
    let e = fetch(&library, episode).unwrap_err();
    assert_not_downloaded(&library, episode);
    let dir = library.data_dir().join(DOWNLOADS_DIR).join("demo-show");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|f| f.path()).collect())
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "nothing kept: {leftovers:?}");
    e
}

fn assert_not_downloaded(library: &Library, episode: EpisodeId) {
    assert_eq!(library.store.episode(episode).unwrap().audio_path, None);
    assert!(!library.store.list_episodes().unwrap()[0].downloaded);
}

#[test]
fn an_empty_body_is_not_a_download() {
    let server = TestServer::start();
    server.serve("/audio/ep.mp3", Route::ok(Vec::new(), "audio/mpeg"));
    let e = refused(&server, "/audio/ep.mp3");
    assert_eq!(e.code(), "empty_body", "{e}");
    assert!(
        e.to_string()
            .starts_with("The server sent an empty file instead of the audio of"),
        "{e}"
    );
}

#[test]
fn a_web_page_is_refused_at_its_headers_with_a_clear_sentence() {
    let server = TestServer::start();
    let page = "<!DOCTYPE html><html><body><h1>Please sign in</h1></body></html>";
    server.serve("/audio/ep.mp3", Route::ok(page, "text/html; charset=utf-8"));
    let e = refused(&server, "/audio/ep.mp3");
    assert_eq!(e.code(), "web_page");
    assert_eq!(
        e.to_string(),
        "The server sent a web page instead of the audio of \"Hearing It Twice: part 1/2\", \
         so nothing was kept. The episode may have moved or be unavailable for now; try \
         again later."
    );
    assert_eq!(server.seen_at("/audio/ep.mp3").len(), 1, "not retried");
}

#[test]
fn a_page_or_text_served_as_audio_is_refused_by_its_first_bytes() {
    let server = TestServer::start();
    let xml = "<?xml version=\"1.0\"?>\n<Error><Code>AccessDenied</Code></Error>";
    server.serve("/audio/xml.mp3", Route::ok(xml, "audio/mpeg"));
    server.serve(
        "/audio/text.mp3",
        Route::ok("Bandwidth limit exceeded.\n", "audio/mpeg"),
    );
    assert_eq!(refused(&server, "/audio/xml.mp3").code(), "web_page");
    assert_eq!(refused(&server, "/audio/text.mp3").code(), "text_body");
}

#[test]
fn bytes_the_player_cannot_open_are_not_a_download() {
    let server = TestServer::start();
    // Binary, not text, not markup: only the probe can tell it is not audio.
    let noise: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    server.serve("/audio/ep.mp3", Route::ok(noise, "audio/mpeg"));
    let e = refused(&server, "/audio/ep.mp3");
    assert_eq!(e.code(), "not_audio", "{e}");
    assert!(
        e.to_string()
            .contains("is not audio Earmark can play, so it was not kept"),
        "{e}"
    );
}

#[test]
fn a_206_of_a_changed_file_starts_over_instead_of_mixing_versions() {
    const CUT: usize = 300_000;
    let server = TestServer::start();
    let (library, episode) = serve_cut_once(&server, Route::ok(demo_mp3(), "audio/mpeg"), CUT);
    let http = quick_client();
    let first = download_once(&library, &http, episode, 0);
    assert_eq!(first.unwrap_err().code(), "incomplete");
    // The publisher replaces the file, and the server answers the stale If-Range
    // with a range of the new file anyway.
    let mut route = Route::ok(other_version(), "audio/mpeg");
    route.etag = Some("\"v2\"".into());
    route.ignore_if_range = true;
    server.serve("/audio/ep.mp3", route);
    let done = download_once(&library, &http, episode, 0).unwrap();
    assert_same_file(&done.path, &other_version());
    assert_eq!(done.resumed_from, 0);
    let seen = server.seen_at("/audio/ep.mp3");
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert_eq!(seen[1].if_range.as_deref(), Some("\"v1\""));
    assert_eq!(seen[2].range, None, "asked again from byte 0");
}

#[test]
fn a_trickling_server_stalls_and_what_arrived_is_kept_for_later() {
    let server = TestServer::start();
    let mut route = Route::ok(demo_mp3(), "audio/mpeg");
    route.trickle = Some(Duration::from_millis(20));
    server.serve("/audio/ep.mp3", route);
    let library = Library::new();
    let episode = episode_at(&library, &server, "/audio/ep.mp3");
    // A short window through the library's setting, as the app reads it.
    let rate = MinRate {
        bytes: 1_000,
        window_ms: 300,
    };
    library.store.set_setting(MIN_RATE_SETTING, &rate).unwrap();
    let e = download_once(&library, &quick_client(), episode, 3).unwrap_err();
    let DownloadError::Stalled { done, min, .. } = e else {
        panic!("{e:?}");
    };
    assert_eq!(min, rate);
    assert!(done > 0 && done < 1_000, "{done}");
    assert_eq!(
        server.seen_at("/audio/ep.mp3").len(),
        1,
        "a stall is not retried"
    );
    assert_not_downloaded(&library, episode);

    // The server recovers: the next attempt goes on from what arrived.
    server.serve("/audio/ep.mp3", Route::ok(demo_mp3(), "audio/mpeg"));
    let done = fetch(&library, episode).unwrap();
    assert_same_file(&done.path, &demo_mp3());
    assert!(done.resumed_from > 0, "{done:?}");
}
