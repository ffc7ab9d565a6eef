//! `earmark-bench parse` and `earmark-bench align` on the demo episode.

use earmark_core::transcript::{parse_bytes, FormatHint, TranscriptFormat};

use crate::{bench_json, demo};

#[test]
fn bench_parse_reports_its_figures() {
    let vtt = demo("demo.vtt");
    let out = bench_json(&["parse", vtt.to_str().unwrap(), "--runs", "3"]);
    assert_eq!(out["format"], "vtt");
    assert_eq!(out["runs"], 3);
    assert!(out["segments"].as_u64().unwrap() > 10, "{out}");
    let (min, p50, max) = (
        out["min_ms"].as_f64().unwrap(),
        out["p50_ms"].as_f64().unwrap(),
        out["max_ms"].as_f64().unwrap(),
    );
    assert!(0.0 < min && min <= p50 && p50 <= max, "{out}");
}

/// Where each paragraph of demo.txt really starts: the start of the VTT cue its text
/// begins with.
fn paragraph_starts() -> Vec<u64> {
    let read = |name: &str, format| {
        let bytes = std::fs::read(demo(name)).unwrap();
        parse_bytes(&bytes, Some(FormatHint::new(format))).unwrap()
    };
    let cues = read("demo.vtt", TranscriptFormat::Vtt).segments;
    let paragraphs = read("demo.txt", TranscriptFormat::Text).segments;
    let mut next = 0;
    paragraphs
        .iter()
        .map(|paragraph| {
            let at = cues[next..]
                .iter()
                .position(|cue| paragraph.text.starts_with(&cue.text))
                .unwrap_or_else(|| panic!("no cue begins {:?}", paragraph.text));
            next += at + 1;
            cues[next - 1].start_ms.unwrap()
        })
        .collect()
}

#[test]
fn bench_align_prints_its_figures() {
    let starts = paragraph_starts();
    let truth = serde_json::json!({
        "segments": starts.iter().map(|s| serde_json::json!({"start_ms": s})).collect::<Vec<_>>(),
        "unmatched": []
    });
    let scratch = tempfile::tempdir().unwrap();
    let truth_file = scratch.path().join("truth.json");
    std::fs::write(&truth_file, truth.to_string()).unwrap();
    let (audio, text) = (demo("demo.mp3"), demo("demo.txt"));
    let figures = bench_json(&[
        "align",
        audio.to_str().unwrap(),
        text.to_str().unwrap(),
        "--truth",
        truth_file.to_str().unwrap(),
    ]);
    let keys: Vec<_> = figures.as_object().expect("an object").keys().collect();
    assert_eq!(
        keys,
        [
            "align_ms",
            "audio_ms",
            "cpu_ms",
            "decode_ms",
            "max_start_error_ms",
            "median_start_error_ms",
            "median_word_start_error_ms",
            "p95_start_error_ms",
            "p95_word_start_error_ms",
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
            "unspoken_flagged",
            "words_measured"
        ],
        "{figures}"
    );
    assert_eq!(figures["audio_ms"], 176_267, "the demo's exact length");
    assert!(
        figures["median_start_error_ms"].as_u64() <= Some(100),
        "{figures}"
    );
    assert_eq!(figures["spoken"], starts.len(), "{figures}");
    assert_eq!(
        figures["words_measured"], 0,
        "this truth has no word starts: {figures}"
    );
}
