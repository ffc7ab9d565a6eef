//! Feeds, downloads, OPML and chapters, one binary. Network tests talk only to a real
//! HTTP server on 127.0.0.1 started by the test itself ([`server`]).

// Helpers here are test code too: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::new_without_default)]

mod bad_fields;
mod big_feed;
mod bounds;
mod chapters;
mod conditional;
mod directory;
mod discover;
mod downloaded;
mod downloads;
mod encodings;
mod episode_pages;
mod feed_limits;
mod hostile;
mod hostile_refresh;
mod media_rss;
mod moved;
mod opml;
mod parallel_refresh;
mod parse;
mod podlove;
mod salvage;
pub mod server;
mod subscribe;
mod trusted;

use std::path::{Path, PathBuf};
use std::time::Duration;

use earmark_core::http::HttpClient;
use earmark_core::store::Store;
use tempfile::TempDir;

/// A feed fixture with `{BASE}` replaced by `base`.
pub fn fixture(name: &str, base: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read fixture {}: {e}", path.display()));
    text.replace("{BASE}", base).into_bytes()
}

/// `tests/fixtures/feeds`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds")
}

/// A file of the bundled demo episode (`assets/demo/NAME`).
pub fn demo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../assets/demo")
        .join(name)
}

/// The bytes of the demo episode's audio.
pub fn demo_mp3() -> Vec<u8> {
    std::fs::read(demo("demo.mp3")).expect("read demo.mp3")
}

/// A library in its own temporary data directory.
#[derive(Debug)]
pub struct Library {
    /// The data directory (removed on drop).
    pub dir: TempDir,
    /// The open store.
    pub store: Store,
}

impl Library {
    /// A fresh, empty library.
    pub fn new() -> Library {
        let dir = tempfile::tempdir().expect("temp data dir");
        let store = Store::open_in_data_dir(dir.path()).expect("open library");
        Library { dir, store }
    }

    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }
}

/// The player's probe, as the app and the command line hand it to downloads.
pub use earmark_player::check_playable as playable;

/// A client with short timeouts, so slow-server tests finish quickly.
pub fn quick_client() -> HttpClient {
    HttpClient::with_timeouts(
        Duration::from_secs(2),
        Duration::from_secs(1),
        Duration::from_secs(10),
    )
    .expect("http client")
}
