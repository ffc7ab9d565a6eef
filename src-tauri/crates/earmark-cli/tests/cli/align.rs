//! `align` on the demo episode: its untimed website text (one segment per
//! paragraph) placed on the MP3, checked against the timed VTT made with it.

use serde_json::Value;

use crate::{demo, keys, path_str, Sandbox};

/// Where each paragraph of demo.txt really starts: the start of the VTT cue its
/// text begins with.
fn paragraph_starts(cli: &Sandbox, paragraphs: &[Value]) -> Vec<u64> {
    let vtt = cli.json(&["transcript", "parse", path_str(&demo("demo.vtt"))]);
    let cues = vtt["segments"].as_array().expect("cues");
    let mut next_cue = 0;
    paragraphs
        .iter()
        .map(|paragraph| {
            let text = paragraph["text"].as_str().expect("text");
            let at = cues[next_cue..]
                .iter()
                .position(|cue| text.starts_with(cue["text"].as_str().expect("cue text")))
                .unwrap_or_else(|| panic!("no cue begins paragraph {text:?}"));
            next_cue += at + 1;
            cues[next_cue - 1]["start_ms"].as_u64().expect("cue start")
        })
        .collect()
}

#[test]
fn the_demo_text_is_aligned_to_its_audio() {
    let cli = Sandbox::new();
    let aligned = cli.json(&[
        "align",
        path_str(&demo("demo.mp3")),
        path_str(&demo("demo.txt")),
    ]);
    assert_eq!(
        keys(&aligned),
        ["format", "segments", "timed", "unmatched"],
        "the transcript document plus \"unmatched\": {aligned}"
    );
    assert_eq!(aligned["format"], "text");
    assert_eq!(aligned["timed"], true, "every segment has times now");
    let segments = aligned["segments"].as_array().expect("segments");
    for segment in segments {
        assert_eq!(
            keys(segment),
            [
                "confidence",
                "end_ms",
                "flagged",
                "speaker",
                "start_ms",
                "text"
            ],
            "the segment fields of `transcript parse`, plus two: {segment}"
        );
        let confidence = segment["confidence"].as_f64().expect("a number");
        assert!((0.0..=1.0).contains(&confidence), "{segment}");
        assert!(
            segment["start_ms"].as_u64() <= segment["end_ms"].as_u64(),
            "{segment}"
        );
    }
    let truth = paragraph_starts(&cli, segments);
    let mut errors: Vec<u64> = segments
        .iter()
        .zip(&truth)
        .map(|(s, &t)| s["start_ms"].as_u64().expect("start").abs_diff(t))
        .collect();
    errors.sort_unstable();
    let median = errors[errors.len() / 2];
    let p95 = errors[(errors.len() - 1) * 95 / 100];
    assert!(
        median <= 100 && p95 <= 300,
        "start errors: median {median} ms, p95 {p95} ms: {errors:?}"
    );
    assert!(
        segments.iter().all(|s| s["flagged"] == false),
        "the demo's text is all spoken: {segments:?}"
    );
    assert_eq!(
        aligned["unmatched"],
        serde_json::json!([]),
        "nothing unmatched"
    );
}

#[test]
fn a_pin_is_kept_and_text_output_shows_times_and_confidence() {
    let cli = Sandbox::new();
    let (audio, text) = (demo("demo.mp3"), demo("demo.txt"));
    let aligned = cli.json(&[
        "align",
        path_str(&audio),
        path_str(&text),
        "--pin",
        "3=20000",
    ]);
    assert_eq!(
        aligned["segments"][3]["start_ms"], 20_000,
        "segment 3 starts at its pin: {}",
        aligned["segments"][3]
    );
    let printed = cli.text(&["align", path_str(&audio), path_str(&text)]);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines.len(),
        aligned["segments"].as_array().map_or(0, Vec::len),
        "one line per segment: {printed}"
    );
    assert!(
        lines[0].starts_with("[0:00] ") && lines[0].contains("% Maya Lindqvist: Welcome"),
        "time, confidence, speaker and text: {}",
        lines[0]
    );
}

#[test]
fn bad_input_is_a_one_line_error() {
    let cli = Sandbox::new();
    let message = cli.fails(&[
        "align",
        path_str(&cli.file("none.mp3")),
        path_str(&demo("demo.txt")),
    ]);
    assert!(message.contains("none.mp3"), "{message}");
    let bad_pin = cli.run(&[
        "align",
        path_str(&demo("demo.mp3")),
        path_str(&demo("demo.txt")),
        "--pin",
        "three",
    ]);
    assert_eq!(bad_pin.status.code(), Some(2), "a usage error");
    assert!(
        String::from_utf8_lossy(&bad_pin.stderr).contains("INDEX=MS"),
        "the usage error says the form"
    );
}

#[test]
fn bench_align_prints_its_figures() {
    let cli = Sandbox::new();
    // The demo's truth, in the shape make-episode.py writes.
    let parsed = cli.json(&["transcript", "parse", path_str(&demo("demo.txt"))]);
    let starts = paragraph_starts(&cli, parsed["segments"].as_array().expect("segments"));
    let truth = serde_json::json!({
        "segments": starts.iter().map(|s| serde_json::json!({"start_ms": s})).collect::<Vec<_>>(),
        "unmatched": []
    });
    let truth_file = cli.file("truth.json");
    std::fs::write(&truth_file, truth.to_string()).expect("write truth");
    let figures = cli.json(&[
        "bench",
        "align",
        path_str(&demo("demo.mp3")),
        path_str(&demo("demo.txt")),
        "--truth",
        path_str(&truth_file),
    ]);
    assert_eq!(
        keys(&figures),
        [
            "align_ms",
            "audio_ms",
            "cpu_ms",
            "decode_ms",
            "max_start_error_ms",
            "median_start_error_ms",
            "p95_start_error_ms",
            "peak_rss_kb",
            "realtime_cpu_x",
            "realtime_x",
            "segments",
            "spoken",
            "spoken_flagged",
            "total_ms",
            "unmatched_found_ms",
            "unmatched_ms",
            "unspoken",
            "unspoken_flagged"
        ],
        "{figures}"
    );
    assert_eq!(figures["audio_ms"], crate::DEMO_DURATION_MS);
    assert!(
        figures["median_start_error_ms"].as_u64() <= Some(100),
        "{figures}"
    );
    assert_eq!(figures["spoken"], starts.len(), "{figures}");
}
