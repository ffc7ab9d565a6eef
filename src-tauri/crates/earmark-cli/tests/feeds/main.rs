//! `earmark-cli feed`, `download` and `opml`, run as a script would,
//! against a real HTTP server on 127.0.0.1 (the same test server as the core's
//! feed tests), each test with its own data directory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../earmark-core/tests/feeds/server.rs"]
mod server;

mod pages;
mod remove;
mod speech_language;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use earmark_core::artwork::{ArtworkCache, ArtworkSize};
use serde_json::Value;
use server::{closed_port, Route, TestServer};
use tempfile::TempDir;

/// A file of the bundled demo episode.
fn demo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../assets/demo")
        .join(name)
}

/// A feed fixture of the core's tests, `{BASE}` replaced.
fn fixture(name: &str, base: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../earmark-core/tests/fixtures/feeds")
        .join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .replace("{BASE}", base)
}

/// A server with the Podcasting 2.0 fixture feed, its audio, transcript and chapters.
fn podcast_server() -> TestServer {
    let server = TestServer::start();
    let base = server.url("");
    server.serve(
        "/feed.xml",
        Route::ok(fixture("podcast20.xml", &base), "application/rss+xml"),
    );
    server.serve(
        "/t/ep3.vtt",
        Route::ok(std::fs::read(demo("demo.vtt")).unwrap(), "text/vtt"),
    );
    let audio = std::fs::read(demo("demo.mp3")).unwrap();
    for ep in ["ep1", "ep3"] {
        server.serve(
            &format!("/audio/{ep}.mp3"),
            Route::ok(audio.clone(), "audio/mpeg"),
        );
    }
    server
}

struct Sandbox {
    data: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            data: tempfile::tempdir().unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[])
    }

    /// Runs with more environment (the directories' addresses).
    fn run_with(&self, args: &[&str], env: &[(&str, String)]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_earmark-cli"))
            .arg("--data-dir")
            .arg(self.data.path())
            .args(args)
            .env_remove("EARMARK_DATA_DIR")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("run earmark-cli")
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let output = self.run(&all);
        assert!(
            output.status.success(),
            "earmark-cli {all:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "{all:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&output.stdout)
            )
        })
    }

    fn fails(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.status.code(), Some(1), "{args:?} should fail");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
        stderr.trim_end().to_owned()
    }

    fn episode_id(&self, title: &str) -> i64 {
        let list = self.json(&["list"]);
        list["episodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["title"] == title)
            .unwrap_or_else(|| panic!("no episode {title:?} in {list}"))["id"]
            .as_i64()
            .unwrap()
    }
}

#[test]
fn feed_add_then_refresh() {
    let server = podcast_server();
    let sandbox = Sandbox::new();
    let added = sandbox.json(&["feed", "add", &server.url("/feed.xml")]);
    assert_eq!(added["episodes"], 3, "{added}");
    assert_eq!(added["new_episodes"], 3);
    let podcast = added["podcast"].as_i64().expect("podcast id");
    let list = sandbox.json(&["list"]);
    let first = &list["episodes"][0];
    assert_eq!(first["title"], "Hearing It Twice");
    assert_eq!(first["published"], "2024-05-01T12:00:00Z");
    assert_eq!(first["duration_ms"], 3_723_000);
    assert_eq!(first["has_transcript"], true);
    assert_eq!(first["downloaded"], false);

    let refreshed = sandbox.json(&["feed", "refresh", &podcast.to_string()]);
    assert_eq!(refreshed["new_episodes"], 0, "{refreshed}");
    assert_eq!(refreshed["not_modified"], 0, "the server sends no 304 yet");
    let whole = refreshed["bytes"].as_u64().expect("bytes");
    assert!(whole > 1_000, "the whole feed was received: {refreshed}");

    // The server now answers If-None-Match: an unchanged feed costs a 304.
    let mut conditional = Route::ok(
        fixture("podcast20.xml", &server.url("")),
        "application/rss+xml",
    );
    conditional.conditional = true;
    server.serve("/feed.xml", conditional);
    sandbox.json(&["feed", "refresh"]); // keeps the new route's ETag
    let all = sandbox.json(&["feed", "refresh"]);
    assert_eq!(all["new_episodes"], 0);
    assert_eq!(all["podcasts"][0]["podcast"], podcast);
    assert_eq!(all["not_modified"], 1, "{all}");
    assert_eq!(all["podcasts"][0]["not_modified"], true, "{all}");
    assert_eq!(all["bytes"], 0, "a 304 has no body: {all}");

    let podcasts = sandbox.json(&["feed", "list"]);
    assert_eq!(podcasts["podcasts"][0]["title"], "The Listening Room");
}

#[test]
fn feed_add_and_refresh_keep_the_shows_artwork_as_the_window_does() {
    let server = podcast_server();
    let icon = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../icons/64x64.png");
    let sandbox = Sandbox::new();
    let cache = ArtworkCache::in_data_dir(sandbox.data.path());
    let cover = server.url("/cover.jpg");

    sandbox.json(&["feed", "add", &server.url("/feed.xml")]);
    assert!(!cache.has(&cover), "the cover was not served yet");
    assert!(cache.failed_recently(&cover), "a failed picture is marked");

    server.serve(
        "/cover.jpg",
        Route::ok(std::fs::read(icon).unwrap(), "image/jpeg"),
    );
    std::fs::remove_file(cache.failure_mark(&cover)).unwrap();
    sandbox.json(&["feed", "refresh"]);
    assert!(cache.has(&cover), "a check keeps the pictures not kept yet");
    assert!(cache.file(&cover, ArtworkSize::Small).is_some());
}

#[test]
fn feed_errors_are_one_line() {
    let server = podcast_server();
    let sandbox = Sandbox::new();
    let missing = server.url("/nope.xml");
    assert_eq!(
        sandbox.fails(&["feed", "add", &missing]),
        format!("earmark-cli: 404 Not found: there is nothing at {missing}.")
    );
    let line = sandbox.fails(&["feed", "add", &server.url("/t/ep3.vtt")]);
    assert!(line.contains("is not a podcast feed"), "{line}");
    assert!(sandbox
        .fails(&["feed", "refresh", "99"])
        .contains("There is no podcast 99"));
}

#[test]
fn download_reports_progress_and_resumes() {
    let server = podcast_server();
    let mut cut = Route::ok(std::fs::read(demo("demo.mp3")).unwrap(), "audio/mpeg");
    cut.cut_first = 1;
    cut.cut_at = 500_000;
    let sandbox = Sandbox::new();
    sandbox.json(&["feed", "add", &server.url("/feed.xml")]);
    let ep1 = sandbox.episode_id("Pilot");
    server.serve("/audio/ep1.mp3", cut);

    let output = sandbox.run(&["download", &ep1.to_string(), "--json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("downloading"),
        "progress on stderr: {stderr}"
    );
    assert!(stderr.contains("100%"), "{stderr}");
    let done: Value = serde_json::from_slice(&output.stdout).unwrap();
    let path = PathBuf::from(done["path"].as_str().expect("path"));
    assert!(
        path.starts_with(sandbox.data.path().join("downloads")),
        "{path:?}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(demo("demo.mp3")).unwrap()
    );
    assert_eq!(done["resumed_from"], 500_000);
    let ranges: Vec<_> = server
        .seen_at("/audio/ep1.mp3")
        .into_iter()
        .filter_map(|s| s.range)
        .collect();
    assert_eq!(ranges, ["bytes=500000-"]);

    let list = sandbox.json(&["list"]);
    let entry = list["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == ep1)
        .unwrap();
    assert_eq!(entry["downloaded"], true);

    let deleted = sandbox.json(&["download", &ep1.to_string(), "--delete"]);
    assert_eq!(deleted["deleted"], true);
    assert!(!path.exists());
}

#[test]
fn download_errors_are_one_line() {
    let server = podcast_server();
    let sandbox = Sandbox::new();
    sandbox.json(&["feed", "add", &server.url("/feed.xml")]);
    let ep2 = sandbox.episode_id("The Shorthand Writers");
    let line = sandbox.fails(&["download", &ep2.to_string()]);
    assert!(
        line.starts_with(
            "earmark-cli: Could not download \"The Shorthand Writers\": 404 Not found"
        ),
        "{line}"
    );
    assert!(sandbox
        .fails(&["download", "4242"])
        .contains("There is no episode 4242"));

    // What is not audio is refused, not saved: a web page by its type, bytes the
    // player cannot open by the player's probe.
    let ep1 = sandbox.episode_id("Pilot");
    server.serve(
        "/audio/ep1.mp3",
        Route::ok("<html><body>Sign in</body></html>", "text/html"),
    );
    assert_eq!(
        sandbox.fails(&["download", &ep1.to_string(), "--quiet"]),
        "earmark-cli: The server sent a web page instead of the audio of \"Pilot\", so \
         nothing was kept. The episode may have moved or be unavailable for now; try again \
         later."
    );
    let noise: Vec<u8> = (0..100_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    server.serve("/audio/ep1.mp3", Route::ok(noise, "audio/mpeg"));
    let line = sandbox.fails(&["download", &ep1.to_string(), "--quiet"]);
    assert!(
        line.contains("is not audio Earmark can play, so it was not kept"),
        "{line}"
    );
    let list = sandbox.json(&["list"]);
    assert!(
        list["episodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["downloaded"] == false),
        "{list}"
    );
}

#[test]
fn opml_import_and_export() {
    let server = podcast_server();
    server.serve(
        "/atom.xml",
        Route::ok(fixture("atom.xml", &server.url("")), "application/atom+xml"),
    );
    let sandbox = Sandbox::new();
    let file = sandbox.data.path().join("subs.opml");
    std::fs::write(&file, fixture("subscriptions.opml", &server.url(""))).unwrap();
    let imported = sandbox.json(&["opml", "import", file.to_str().unwrap()]);
    assert_eq!(imported["imported"], 2, "{imported}");
    assert_eq!(imported["failed"], 1);
    let failed = imported["feeds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| !f["error"].is_null())
        .unwrap();
    assert_eq!(failed["title"], "Gone");

    let output = sandbox.run(&["opml", "export"]);
    assert!(output.status.success());
    let opml = String::from_utf8(output.stdout).unwrap();
    assert!(
        opml.contains(&format!("xmlUrl=\"{}\"", server.url("/feed.xml"))),
        "{opml}"
    );
    let out = sandbox.data.path().join("out.opml");
    let exported = sandbox.json(&["opml", "export", "--out", out.to_str().unwrap()]);
    assert_eq!(exported["podcasts"], 2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), opml);
}

#[test]
fn feed_search_asks_both_directories_and_prints_their_hits() {
    let server = TestServer::start();
    server.serve(
        "/itunes",
        Route::ok(
            r#"{"resultCount":1,"results":[{"collectionName":"The Tide Show","artistName":"Sea People",
               "feedUrl":"https://tide.example/feed.xml","artworkUrl600":"https://img.example/600.jpg","trackCount":212}]}"#,
            "text/javascript",
        ),
    );
    server.serve(
        "/gpodder",
        Route::ok(
            r#"[{"url":"https://low.example/rss","title":"Low Water"}]"#,
            "application/json",
        ),
    );
    let sandbox = Sandbox::new();
    let env = [
        ("EARMARK_ITUNES_SEARCH_URL", server.url("/itunes")),
        ("EARMARK_GPODDER_SEARCH_URL", server.url("/gpodder")),
    ];
    let output = sandbox.run_with(&["feed", "search", "tide", "show", "--json"], &env);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(found["hits"][0]["title"], "The Tide Show");
    assert_eq!(found["hits"][0]["episodes"], 212);
    assert_eq!(found["hits"][0]["directory"], "itunes");
    assert_eq!(found["hits"][1]["feed_url"], "https://low.example/rss");
    assert_eq!(found["problems"], serde_json::json!([]));
    let text = sandbox.run_with(&["feed", "search", "tide"], &env);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with(
            "The Tide Show — Sea People, 212 episodes\n      https://tide.example/feed.xml"
        ),
        "{text}"
    );

    let port = closed_port();
    let gone = [
        (
            "EARMARK_ITUNES_SEARCH_URL",
            format!("http://127.0.0.1:{port}/s"),
        ),
        (
            "EARMARK_GPODDER_SEARCH_URL",
            format!("http://127.0.0.1:{port}/g"),
        ),
    ];
    let failed = sandbox.run_with(&["feed", "search", "tide"], &gone);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(
        stderr.starts_with("earmark-cli: Could not reach 127.0.0.1:"),
        "{stderr}"
    );
}
