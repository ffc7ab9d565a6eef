//! The artwork cache against a real HTTP server on 127.0.0.1: pictures fetched once,
//! capped, checked by their bytes, scaled down, remembered when they fail, and served
//! from the data directory when the server is gone.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../earmark-core/tests/feeds/server.rs"]
mod server;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use earmark_api::artwork_fetch::{fetch_show_artwork, subscribe_with_artwork, ArtworkRun};
use earmark_api::artwork_file::{artwork_file, artwork_url, ArtworkSize, PictureOf};
use earmark_core::artwork::{fetch_artwork, ArtworkCache, ArtworkFetch, RETRY_FAILED_AFTER};
use earmark_core::http::HttpClient;
use earmark_core::store::{NewEpisode, Store};
use image::{ImageFormat, Rgb, RgbImage};
use server::{Route, TestServer};
use tempfile::TempDir;

fn quick_client() -> HttpClient {
    HttpClient::with_timeouts(
        Duration::from_secs(2),
        Duration::from_secs(2),
        Duration::from_secs(10),
    )
    .unwrap()
}

/// A `width`×`height` PNG of one colour.
fn png(width: u32, height: u32, colour: [u8; 3]) -> Vec<u8> {
    let mut bytes = Vec::new();
    RgbImage::from_pixel(width, height, Rgb(colour))
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

/// The size of the picture file at `path`.
fn dimensions(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap()
}

/// A feed whose show and first episode have pictures.
fn feed(base: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Pictured</title><link>{base}/</link><description>d</description>
<itunes:image href="{base}/show.png"/>
<item><title>Own picture</title><guid>e2</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="{base}/e2.mp3" type="audio/mpeg" length="1"/>
<itunes:image href="{base}/e2.png"/></item>
<item><title>Show's picture</title><guid>e1</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="{base}/e1.mp3" type="audio/mpeg" length="1"/></item>
</channel></rss>"#
    )
}

struct Subscribed {
    server: TestServer,
    dir: TempDir,
    store: Store,
    own: i64,
    plain: i64,
}

/// A library in a temporary data directory subscribed to [`feed`], its artwork fetched.
fn subscribed() -> Subscribed {
    let server = TestServer::start();
    let base = server.url("");
    server.serve("/feed.xml", Route::ok(feed(&base), "application/rss+xml"));
    server.serve(
        "/show.png",
        Route::ok(png(1_000, 1_000, [200, 40, 40]), "image/png"),
    );
    server.serve(
        "/e2.png",
        Route::ok(png(600, 300, [40, 40, 200]), "image/png"),
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_data_dir(dir.path()).unwrap();
    let done = subscribe_with_artwork(
        &store,
        &quick_client(),
        dir.path(),
        &server.url("/feed.xml"),
    )
    .unwrap();
    let page = store.podcast_episodes(Some(done.podcast), 0, 10).unwrap();
    let id = |title: &str| {
        page.episodes
            .iter()
            .find(|e| e.summary.title == title)
            .unwrap()
            .summary
            .id
    };
    let (own, plain) = (id("Own picture"), id("Show's picture"));
    Subscribed {
        server,
        dir,
        store,
        own,
        plain,
    }
}

#[test]
fn subscribing_fetches_each_picture_once_scaled_to_the_sizes_shown() {
    let lib = subscribed();
    assert_eq!(lib.server.seen_at("/show.png").len(), 1);
    assert_eq!(lib.server.seen_at("/e2.png").len(), 1);
    let show_file = artwork_file(&lib.store, lib.dir.path(), lib.plain).expect("the show's");
    assert!(show_file.starts_with(lib.dir.path().join("artwork")));
    assert_eq!(
        dimensions(&show_file),
        (512, 512),
        "scaled down for the header"
    );
    let own_file = artwork_file(&lib.store, lib.dir.path(), lib.own).expect("its own");
    assert_eq!(
        dimensions(&own_file),
        (512, 256),
        "its own first, proportions kept"
    );
    let cache = ArtworkCache::in_data_dir(lib.dir.path());
    let small = cache
        .file(&lib.server.url("/show.png"), ArtworkSize::Small)
        .unwrap();
    assert_eq!(dimensions(&small), (96, 96), "and for the lists");

    let again = fetch_show_artwork(&lib.store, &quick_client(), lib.dir.path(), None);
    assert_eq!(again, ArtworkRun::default(), "nothing left to fetch");
    assert_eq!(lib.server.seen_at("/show.png").len(), 1, "fetched once");
    assert_eq!(lib.server.seen_at("/e2.png").len(), 1, "fetched once");
}

#[test]
fn with_the_server_gone_the_pictures_come_from_the_data_directory() {
    let Subscribed {
        server,
        dir,
        store,
        own,
        plain,
    } = subscribed();
    drop(server);
    let again = fetch_show_artwork(&store, &quick_client(), dir.path(), None);
    assert_eq!(again, ArtworkRun::default(), "nothing asked of the network");
    assert!(artwork_file(&store, dir.path(), plain).is_some());
    let shared = Mutex::new(store);
    let podcast = shared
        .lock()
        .unwrap()
        .episode(own)
        .unwrap()
        .podcast_id
        .unwrap();
    for of in [PictureOf::Episode(own), PictureOf::Podcast(podcast)] {
        for size in [ArtworkSize::Small, ArtworkSize::Large] {
            let url = artwork_url(&shared, of, size).unwrap().expect("a picture");
            assert!(
                url.starts_with("data:image/jpeg;base64,"),
                "{of:?} {size:?}"
            );
        }
    }
}

/// A cache in a fresh data directory and a server with `body` at /p.
fn serving(body: impl Into<Vec<u8>>, content_type: &str) -> (TestServer, TempDir, ArtworkCache) {
    let server = TestServer::start();
    server.serve("/p", Route::ok(body, content_type));
    let dir = tempfile::tempdir().unwrap();
    let cache = ArtworkCache::in_data_dir(dir.path());
    (server, dir, cache)
}

#[test]
fn svg_html_and_broken_pictures_are_refused_whatever_their_type_says() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    let mut broken = png(10, 10, [0, 0, 0]);
    broken.truncate(30);
    for (body, claimed) in [
        (svg.as_bytes().to_vec(), "image/svg+xml"),
        (svg.as_bytes().to_vec(), "image/png"),
        (b"<html>not found</html>".to_vec(), "image/jpeg"),
        (broken, "image/png"),
    ] {
        let (server, _dir, cache) = serving(body, claimed);
        let url = server.url("/p");
        assert_eq!(
            fetch_artwork(&quick_client(), &cache, &url),
            ArtworkFetch::Failed
        );
        assert!(!cache.has(&url), "nothing kept for {claimed}");
    }
}

#[test]
fn a_picture_over_the_cap_is_not_kept() {
    let mut huge = png(8, 8, [1, 2, 3]);
    huge.resize(6 * 1024 * 1024, 0);
    let (server, _dir, cache) = serving(huge, "image/png");
    let url = server.url("/p");
    assert_eq!(
        fetch_artwork(&quick_client(), &cache, &url),
        ArtworkFetch::Failed
    );
    assert!(!cache.has(&url));
}

/// Moves the time of `path` back by `age`.
fn age(path: &PathBuf, age: Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

#[test]
fn a_failed_fetch_is_not_retried_at_once_but_later() {
    let (server, _dir, cache) = serving(b"<html>oops</html>".to_vec(), "text/html");
    let url = server.url("/p");
    let http = quick_client();
    assert_eq!(fetch_artwork(&http, &cache, &url), ArtworkFetch::Failed);
    assert_eq!(
        fetch_artwork(&http, &cache, &url),
        ArtworkFetch::FailedBefore
    );
    assert_eq!(server.seen_at("/p").len(), 1, "not asked again soon");

    server.serve("/p", Route::ok(png(50, 50, [9, 9, 9]), "image/png"));
    age(
        &cache.failure_mark(&url),
        RETRY_FAILED_AFTER + Duration::from_secs(60),
    );
    assert_eq!(fetch_artwork(&http, &cache, &url), ArtworkFetch::Fetched);
    assert_eq!(server.seen_at("/p").len(), 2, "asked again later");
    let small = cache.file(&url, ArtworkSize::Small).unwrap();
    assert_eq!(dimensions(&small), (50, 50), "never scaled up");
}

#[test]
fn a_local_files_embedded_cover_is_kept_in_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_data_dir(dir.path()).unwrap();
    let audio = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/audio/mp3-id3-picture-48k-mono.mp3");
    let id = store
        .insert_episode(&NewEpisode {
            title: "Local".into(),
            audio_path: Some(audio),
            ..NewEpisode::default()
        })
        .unwrap();
    let file = artwork_file(&store, dir.path(), id).expect("the embedded cover");
    assert!(file.starts_with(dir.path().join("artwork")));
    assert_eq!(dimensions(&file), (64, 64));
}
