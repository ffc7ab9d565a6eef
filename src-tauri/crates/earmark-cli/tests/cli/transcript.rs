//! `transcript parse` on the demo transcripts.

use crate::{demo, keys, path_str, Sandbox};

#[test]
fn vtt_parses_to_the_contract_shape() {
    let cli = Sandbox::new();
    let parsed = cli.json(&["transcript", "parse", path_str(&demo("demo.vtt"))]);
    assert_eq!(
        keys(&parsed),
        ["format", "segments", "timed"],
        "top-level fields: {parsed}"
    );
    assert_eq!(parsed["format"], "vtt", "format");
    assert_eq!(parsed["timed"], true, "a VTT file is timed");
    let segments = parsed["segments"].as_array().expect("segments is a list");
    assert_eq!(segments.len(), 61, "the demo has 61 cues");
    let first = &segments[0];
    assert_eq!(
        keys(first),
        ["end_ms", "speaker", "start_ms", "text"],
        "segment fields (no words without word timings): {first}"
    );
    assert_eq!(first["start_ms"], 400, "first cue start: {first}");
    assert_eq!(first["end_ms"], 2005, "first cue end: {first}");
    assert_eq!(
        first["speaker"], "Maya Lindqvist",
        "speaker from <v>: {first}"
    );
    assert_eq!(
        first["text"], "Welcome to the Earmark demo.",
        "text: {first}"
    );
    assert!(
        segments.iter().all(|s| s["speaker"].is_string()),
        "every demo cue names its speaker"
    );
    assert!(
        segments.iter().any(|s| s["speaker"] == "Theo Marsh"),
        "all three voices are there"
    );
}

#[test]
fn untimed_text_has_null_times() {
    let cli = Sandbox::new();
    let parsed = cli.json(&["transcript", "parse", path_str(&demo("demo.txt"))]);
    assert_eq!(parsed["format"], "text", "format");
    assert_eq!(parsed["timed"], false, "website text has no times");
    let segments = parsed["segments"].as_array().expect("segments is a list");
    assert!(!segments.is_empty(), "the text has segments");
    for segment in segments {
        assert!(
            segment["start_ms"].is_null() && segment["end_ms"].is_null(),
            "start_ms/end_ms are null, not missing or 0: {segment}"
        );
    }
    assert!(
        segments.iter().any(|s| s["speaker"] == "Ines Okafor"),
        "\"Speaker: words\" paragraphs name their speaker"
    );
}

#[test]
fn text_output_is_one_line_per_segment() {
    let cli = Sandbox::new();
    let timed = cli.text(&["transcript", "parse", path_str(&demo("demo.vtt"))]);
    assert_eq!(timed.lines().count(), 61, "one line per cue");
    assert_eq!(
        timed.lines().next(),
        Some("[0:00] Maya Lindqvist: Welcome to the Earmark demo."),
        "first line"
    );
    let untimed = cli.text(&["transcript", "parse", path_str(&demo("demo.txt"))]);
    assert!(
        untimed.lines().all(|l| l.starts_with("[--:--] ")),
        "untimed lines show no time: {untimed}"
    );
}

#[test]
fn format_option_overrides_detection() {
    let cli = Sandbox::new();
    let parsed = cli.json(&[
        "transcript",
        "parse",
        path_str(&demo("demo.vtt")),
        "--format",
        "text",
    ]);
    assert_eq!(parsed["format"], "text", "the named format wins");
    let segments = parsed["segments"].as_array().expect("segments is a list");
    assert!(
        segments.iter().any(|s| s["text"]
            .as_str()
            .is_some_and(|t| t.contains("NOTE Earmark Demo"))),
        "read as text, the WebVTT comment block is text like any other: {parsed}"
    );

    let output = cli.run(&[
        "transcript",
        "parse",
        path_str(&demo("demo.vtt")),
        "--format",
        "doc",
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown format is a usage error"
    );
}

#[test]
fn a_cue_left_out_is_reported_in_json_and_on_stderr() {
    let cli = Sandbox::new();
    let path = cli.file("broken.srt");
    std::fs::write(
        &path,
        "1\n00:00:01,000 --> 00:00:02,000\nKept.\n\n\
         2\n00:00:03,000 --> garbage\nLeft out.\n\n\
         3\n00:00:04,000 --> 00:00:05,000\nAlso kept.\n",
    )
    .expect("write the SRT file");
    let warning = "Cue 2 (line 5) was left out: its timing line could not be read.";
    let parsed = cli.json(&["transcript", "parse", path_str(&path)]);
    assert_eq!(
        parsed["warnings"],
        serde_json::json!([warning]),
        "one sentence per cue left out: {parsed}"
    );
    assert_eq!(
        parsed["segments"].as_array().map(Vec::len),
        Some(2),
        "{parsed}"
    );
    let output = cli.run(&["transcript", "parse", path_str(&path)]);
    assert!(output.status.success(), "text mode succeeds");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stdout.contains("Left out") && !stdout.contains("garbage"),
        "stdout has only the kept cues: {stdout}"
    );
    assert_eq!(stderr.trim(), format!("earmark-cli: warning: {warning}"));
}
