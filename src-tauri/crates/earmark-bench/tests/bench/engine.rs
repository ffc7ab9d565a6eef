//! `earmark-bench seek|decode|play|stretch`: the JSON figures of the engine's benchmarks.

use crate::{audio_fixture as fixture, bench_json};

#[test]
fn bench_seek_reports_percentiles_and_checks_exactness() {
    let file = fixture("mp3-vbr-noxing-44k-mono.mp3");
    let json = bench_json(&[
        "seek",
        file.to_str().unwrap(),
        "--seeks",
        "40",
        "--verify",
        "10",
    ]);
    assert_eq!(json["seeks"], 40);
    for key in ["p50_ms", "p95_ms", "max_ms", "open_ms", "open_cached_ms"] {
        assert!(
            json[key].as_f64().is_some_and(|v| v >= 0.0),
            "{key} in {json}"
        );
    }
    assert!(json["p50_ms"].as_f64() <= json["p95_ms"].as_f64());
    assert!(json["p95_ms"].as_f64() <= json["max_ms"].as_f64());
    assert!(
        json["index_bytes"].as_u64().is_some_and(|n| n > 0),
        "MP3 has an index"
    );
    assert_eq!(json["verified"], 10);
    assert_eq!(
        json["exact"], true,
        "seeks return the continuous decode's samples"
    );
}

#[test]
fn bench_decode_reports_frames_and_time() {
    let file = fixture("vorbis-48k-stereo.ogg");
    let json = bench_json(&["decode", file.to_str().unwrap()]);
    assert_eq!(json["frames"], 480_000);
    assert!(json["ms"].as_f64().is_some_and(|v| v > 0.0), "{json}");
}

#[test]
fn bench_of_a_missing_file_fails_with_one_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_earmark-bench"))
        .args(["decode", "/nonexistent.mp3"])
        .output()
        .expect("run earmark-bench");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("earmark-bench: "), "{stderr}");
}

#[test]
fn bench_play_plays_through_and_reports_memory() {
    let file = fixture("vorbis-48k-stereo.ogg");
    let json = bench_json(&["play", file.to_str().unwrap(), "--speed", "2"]);
    assert_eq!(json["speed"], 2.0);
    assert!(
        json["audio_ms"].as_u64().is_some_and(|ms| ms >= 9_900),
        "played the whole 10 s file: {json}"
    );
    for key in ["rss_before_kb", "rss_after_kb", "rss_peak_kb"] {
        assert!(
            json[key].as_u64().is_some_and(|kb| kb > 0),
            "{key} in {json}"
        );
    }
    assert!(json["rss_added_mb"].as_f64().is_some(), "{json}");
}

#[test]
fn bench_stretch_times_each_speed() {
    let file = fixture("vorbis-48k-stereo.ogg");
    let json = bench_json(&["stretch", file.to_str().unwrap(), "--speeds", "1.5,3"]);
    assert_eq!(json["channels"], 2);
    let runs = json["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[1]["speed"], 3.0);
    assert!(runs[0]["ms"].as_f64().is_some_and(|ms| ms > 0.0), "{json}");
}
