//! Downloads against a real HTTP server on 127.0.0.1: resume with Range/If-Range, a
//! server that ignores Range, dropped connections, 404, slow servers, cancel. What
//! comes with a download and deleting one: [`crate::downloaded`].

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use earmark_core::downloads::{
    download, download_with, DownloadError, DownloadOptions, Downloaded, DOWNLOADS_DIR,
};
use earmark_core::http::HttpClient;
use earmark_core::store::{EpisodeId, NewEpisode, NewPodcast};

use crate::server::{Route, TestServer};
use crate::{demo_mp3, playable, quick_client, Library};

/// Where the demo file is cut when a test drops the connection.
const CUT: usize = 300_000;

/// A podcast with one episode whose audio is at `path` on `server`.
pub fn episode_at(library: &Library, server: &TestServer, path: &str) -> EpisodeId {
    let podcast = library
        .store
        .add_podcast(&NewPodcast {
            title: "Demo Show!".into(),
            feed_url: Some(server.url("/feed.xml")),
            ..NewPodcast::default()
        })
        .unwrap();
    library
        .store
        .insert_episode(&NewEpisode {
            podcast_id: Some(podcast),
            guid: Some("g1".into()),
            title: "Hearing It Twice: part 1/2".into(),
            audio_url: Some(server.url(path)),
            ..NewEpisode::default()
        })
        .unwrap()
}

pub fn no_progress(_: u64, _: Option<u64>) {}

/// The demo episode's audio at `/audio/ep.mp3` on `server`, answered by `route`
/// whose first answer drops the connection after `at` bytes; and a library with one
/// episode there.
pub fn serve_cut_once(server: &TestServer, mut route: Route, at: usize) -> (Library, EpisodeId) {
    route.cut_first = 1;
    route.cut_at = at;
    server.serve("/audio/ep.mp3", route);
    let library = Library::new();
    let episode = episode_at(&library, server, "/audio/ep.mp3");
    (library, episode)
}

/// One call of the download with `resumes` retries, without progress.
pub fn download_once(
    library: &Library,
    http: &HttpClient,
    episode: EpisodeId,
    resumes: u32,
) -> Result<Downloaded, DownloadError> {
    download_with(
        &library.store,
        http,
        library.data_dir(),
        episode,
        options(resumes),
        &mut no_progress,
    )
}

/// Downloads `episode` into `library` as the app does, without reporting progress.
pub fn fetch(library: &Library, episode: EpisodeId) -> Result<Downloaded, DownloadError> {
    download(
        &library.store,
        &quick_client(),
        library.data_dir(),
        episode,
        &playable,
        no_progress,
    )
}

pub fn options(resumes: u32) -> DownloadOptions<'static> {
    DownloadOptions {
        resumes,
        extras: false,
        ..DownloadOptions::new(&playable)
    }
}

/// The demo episode with one letter of its ID3 title changed: another version of
/// the file, still playable, of the same length.
pub fn other_version() -> Vec<u8> {
    let mut bytes = demo_mp3();
    // 10-byte ID3 header, "TIT2", 4-byte size, 2 flags, the UTF-16 encoding byte and
    // its byte-order mark, then the title's first letter.
    assert_eq!(&bytes[10..14], b"TIT2");
    assert!(bytes[23].is_ascii_alphabetic(), "{:?}", &bytes[..32]);
    bytes[23] ^= 0x20;
    bytes
}

pub fn assert_same_file(path: &Path, want: &[u8]) {
    let got = std::fs::read(path).unwrap();
    assert_eq!(got.len(), want.len(), "size of {}", path.display());
    assert!(
        got == want,
        "{} differs from the served bytes",
        path.display()
    );
}

#[test]
fn download_lands_in_the_data_dir_under_a_safe_name() {
    let server = TestServer::start();
    server.serve("/audio/ep.mp3", Route::ok(demo_mp3(), "audio/mpeg"));
    let library = Library::new();
    let episode = episode_at(&library, &server, "/audio/ep.mp3");
    let mut reports = Vec::new();
    let done = download(
        &library.store,
        &quick_client(),
        library.data_dir(),
        episode,
        &playable,
        |done, total| reports.push((done, total)),
    )
    .unwrap();
    let want = library
        .data_dir()
        .join(DOWNLOADS_DIR)
        .join("demo-show")
        .join(format!("{episode}-hearing-it-twice-part-1-2.mp3"));
    assert_eq!(done.path, want);
    assert_same_file(&done.path, &demo_mp3());
    assert_eq!(done.resumed_from, 0);
    let total = demo_mp3().len() as u64;
    assert_eq!(reports.last(), Some(&(total, Some(total))));
    assert!(
        reports.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress only grows"
    );
    assert_eq!(
        library.store.episode(episode).unwrap().audio_path,
        Some(want)
    );
    let listed = library.store.list_episodes().unwrap();
    assert!(listed[0].downloaded);
    let seen = server.seen_at("/audio/ep.mp3");
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].accept_encoding.as_deref(), Some("identity"));
    assert!(!library
        .data_dir()
        .join(DOWNLOADS_DIR)
        .join("demo-show")
        .join(format!("{episode}.part"))
        .exists());

    // Asking again finds the file and fetches nothing.
    let again = fetch(&library, episode).unwrap();
    assert!(again.already_downloaded);
    assert_eq!(server.seen_at("/audio/ep.mp3").len(), 1);
}

#[test]
fn a_dropped_connection_resumes_with_range_and_identical_bytes() {
    let server = TestServer::start();
    let (library, episode) = serve_cut_once(&server, Route::ok(demo_mp3(), "audio/mpeg"), CUT);
    let done = download_once(&library, &quick_client(), episode, 3).unwrap();
    assert_same_file(&done.path, &demo_mp3());
    assert_eq!(done.resumed_from, CUT as u64);
    let seen = server.seen_at("/audio/ep.mp3");
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(seen[0].range, None);
    assert_eq!(
        seen[1].range.as_deref(),
        Some(format!("bytes={CUT}-").as_str())
    );
    assert_eq!(seen[1].if_range.as_deref(), Some("\"v1\""));
}

#[test]
fn an_interrupted_download_goes_on_in_a_later_call() {
    let server = TestServer::start();
    let (library, episode) = serve_cut_once(&server, Route::ok(demo_mp3(), "audio/mpeg"), CUT);
    let http = quick_client();
    let e = download_once(&library, &http, episode, 0).unwrap_err();
    assert!(
        matches!(e, DownloadError::Incomplete { done, .. } if done == CUT as u64),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .contains("download it again to go on where it stopped"),
        "{e}"
    );
    assert_eq!(
        library.store.episode(episode).unwrap().audio_path,
        None,
        "not in place yet"
    );
    let part = library
        .data_dir()
        .join(DOWNLOADS_DIR)
        .join("demo-show")
        .join(format!("{episode}.part"));
    assert_eq!(std::fs::metadata(&part).unwrap().len(), CUT as u64);

    // "After a restart": a new client and store, same data directory.
    let store = earmark_core::store::Store::open_in_data_dir(library.data_dir()).unwrap();
    let done = download_with(
        &store,
        &quick_client(),
        library.data_dir(),
        episode,
        options(0),
        &mut no_progress,
    )
    .unwrap();
    assert_same_file(&done.path, &demo_mp3());
    assert_eq!(done.resumed_from, CUT as u64);
    assert!(!part.exists());
}

#[test]
fn a_server_that_ignores_range_restarts_the_file() {
    let server = TestServer::start();
    let mut route = Route::ok(demo_mp3(), "audio/mpeg");
    route.ranges = false;
    let (library, episode) = serve_cut_once(&server, route, CUT);
    let done = download_once(&library, &quick_client(), episode, 2).unwrap();
    assert_same_file(&done.path, &demo_mp3());
    assert_eq!(
        done.resumed_from, 0,
        "a 200 starts over: nothing was appended"
    );
    let seen = server.seen_at("/audio/ep.mp3");
    assert_eq!(seen.len(), 2);
    assert!(seen[1].range.is_some(), "it asked for the rest");
}

#[test]
fn a_changed_file_restarts_instead_of_mixing_versions() {
    let server = TestServer::start();
    let (library, episode) = serve_cut_once(&server, Route::ok(demo_mp3(), "audio/mpeg"), CUT);
    let http = quick_client();
    download_once(&library, &http, episode, 0).unwrap_err();
    // The publisher replaces the file: new bytes, new ETag.
    let new_bytes = other_version();
    let mut route = Route::ok(new_bytes.clone(), "audio/mpeg");
    route.etag = Some("\"v2\"".into());
    server.serve("/audio/ep.mp3", route);
    let done = download_once(&library, &http, episode, 0).unwrap();
    assert_same_file(&done.path, &new_bytes);
    assert_eq!(done.resumed_from, 0);
    assert_eq!(
        server.seen_at("/audio/ep.mp3")[1].if_range.as_deref(),
        Some("\"v1\"")
    );
}

#[test]
fn a_complete_partial_file_is_finished_on_416() {
    let server = TestServer::start();
    let mut route = Route::ok(demo_mp3(), "audio/mpeg");
    route.cut_first = 1;
    route.cut_at = demo_mp3().len(); // all bytes sent, then the connection drops
    route.no_length = false;
    server.serve("/audio/ep.mp3", route);
    let library = Library::new();
    let episode = episode_at(&library, &server, "/audio/ep.mp3");
    let done = download_once(&library, &quick_client(), episode, 1).unwrap();
    assert_same_file(&done.path, &demo_mp3());
}

#[test]
fn not_found_is_clear_and_leaves_nothing() {
    let server = TestServer::start();
    let library = Library::new();
    let episode = episode_at(&library, &server, "/audio/missing.mp3");
    let e = fetch(&library, episode).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "Could not download \"Hearing It Twice: part 1/2\": 404 Not found: there is nothing at {}.",
            server.url("/audio/missing.mp3")
        )
    );
    assert_eq!(e.code(), "not_found");
    let dir = library.data_dir().join(DOWNLOADS_DIR).join("demo-show");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(
        server.seen_at("/audio/missing.mp3").len(),
        1,
        "a 404 is not retried"
    );
}

#[test]
fn a_stalled_server_times_out_and_keeps_what_arrived() {
    let server = TestServer::start();
    let mut route = Route::ok(demo_mp3(), "audio/mpeg");
    route.delay = Duration::from_secs(4);
    server.serve("/audio/ep.mp3", route);
    let library = Library::new();
    let episode = episode_at(&library, &server, "/audio/ep.mp3");
    let started = Instant::now();
    let e = download_once(&library, &quick_client(), episode, 0).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(e.code(), "timed_out", "{e}");
}

#[test]
fn cancel_keeps_the_partial_file_for_later() {
    let server = TestServer::start();
    server.serve("/audio/ep.mp3", Route::ok(demo_mp3(), "audio/mpeg"));
    let library = Library::new();
    let episode = episode_at(&library, &server, "/audio/ep.mp3");
    let cancel = AtomicBool::new(false);
    let http = quick_client();
    let e = download_with(
        &library.store,
        &http,
        library.data_dir(),
        episode,
        DownloadOptions {
            cancel: Some(&cancel),
            ..options(0)
        },
        &mut |done, _| {
            if done >= 100_000 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
    )
    .unwrap_err();
    assert!(matches!(e, DownloadError::Cancelled { .. }), "{e:?}");
    let done = download_once(&library, &http, episode, 0).unwrap();
    assert!(done.resumed_from >= 100_000, "{done:?}");
    assert_same_file(&done.path, &demo_mp3());
}
