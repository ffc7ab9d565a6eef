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
        let mut fields = vec![
            "confidence",
            "end_ms",
            "flagged",
            "speaker",
            "start_ms",
            "text",
        ];
        if segment["flagged"] == false {
            fields.push("words");
        }
        assert_eq!(
            keys(segment),
            fields,
            "the segment fields of `transcript parse` (words when found), plus two: {segment}"
        );
        if let Some(words) = segment["words"].as_array() {
            let (start, end) = (segment["start_ms"].as_u64(), segment["end_ms"].as_u64());
            assert_eq!(words[0]["start_ms"].as_u64(), start, "{segment}");
            assert_eq!(words[words.len() - 1]["end_ms"].as_u64(), end, "{segment}");
            let texts: Vec<&str> = words.iter().filter_map(|w| w["text"].as_str()).collect();
            let written = segment["text"].as_str().expect("text");
            assert_eq!(
                texts.join(" "),
                written
                    .split_whitespace()
                    .filter(|t| t.chars().any(char::is_alphanumeric))
                    .collect::<Vec<_>>()
                    .join(" "),
                "{segment}"
            );
        }
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
fn a_transcript_cut_off_leaves_the_rest_of_the_audio_unmatched() {
    let cli = Sandbox::new();
    let text = std::fs::read_to_string(demo("demo.txt")).expect("demo text");
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    // The title, then the first 18 paragraphs, about half: the rest of the talk is
    // not in the text. (Not 17: its last line, "By hand?", is said again right
    // after, where an open end could as well take it.)
    let half = paragraphs[..1 + 18].join("\n\n");
    let cut = cli.file("cut.txt");
    std::fs::write(&cut, half).expect("write");
    let audio = demo("demo.mp3");
    let aligned = cli.json(&["align", path_str(&audio), path_str(&cut), "--cut-off"]);
    let segments = aligned["segments"].as_array().expect("segments");
    let truth = paragraph_starts(&cli, segments);
    for (segment, &start) in segments.iter().zip(&truth) {
        let at = segment["start_ms"].as_u64().expect("start");
        assert!(
            at.abs_diff(start) <= 1_000 && segment["flagged"] == false,
            "every line where it is spoken ({start} ms): {segment}"
        );
    }
    let unmatched = aligned["unmatched"].as_array().expect("unmatched");
    let last_end = segments[segments.len() - 1]["end_ms"]
        .as_u64()
        .expect("end");
    let rest = unmatched
        .last()
        .expect("the rest of the audio is unmatched");
    assert!(
        rest["start_ms"]
            .as_u64()
            .is_some_and(|s| s + 500 >= last_end)
            && rest["end_ms"].as_u64() >= Some(170_000),
        "from the last line to the end: {unmatched:?}"
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

/// demo.vtt with every cue from `from` on moved `by_ms` later: the transcript of a
/// version of the episode that had an ad the audio no longer has.
fn shifted_vtt(from: usize, by_ms: u64) -> String {
    let stamp = |t: &str| {
        let parts: Vec<f64> = t.split(':').map(|p| p.parse().expect("a time")).collect();
        let ms = ((parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]) * 1000.0).round() as u64 + by_ms;
        format!(
            "{:02}:{:02}:{:02}.{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    };
    let vtt = std::fs::read_to_string(demo("demo.vtt")).expect("demo.vtt");
    let mut cue = 0;
    vtt.lines()
        .map(|line| match line.split_once(" --> ") {
            Some((start, end)) => {
                cue += 1;
                if cue > from {
                    format!("{} --> {}", stamp(start), stamp(end))
                } else {
                    line.to_string()
                }
            }
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn fix_drift_finds_the_step_and_puts_the_cues_back() {
    let cli = Sandbox::new();
    let shifted = cli.file("shifted.vtt");
    std::fs::write(&shifted, shifted_vtt(20, 6_000)).expect("write the VTT");
    let (audio, shifted) = (demo("demo.mp3"), path_str(&shifted).to_string());
    let fixed = cli.json(&["align", path_str(&audio), &shifted, "--fix-drift"]);
    assert_eq!(
        keys(&fixed),
        ["drift", "format", "segments", "timed", "unmatched"],
        "the align document plus \"drift\": {fixed}"
    );
    assert_eq!(fixed["format"], "vtt");
    let drift = &fixed["drift"];
    assert_eq!(keys(drift), ["measured", "offset_ms", "steps"], "{drift}");
    assert_eq!(drift["offset_ms"], 0, "{drift}");
    let steps = drift["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 1, "one step: {drift}");
    assert_eq!(
        keys(&steps[0]),
        ["at_ms", "given_ms", "segment", "shift_ms"],
        "{drift}"
    );
    assert_eq!(steps[0]["segment"], 20, "{drift}");
    let shift = steps[0]["shift_ms"].as_i64().expect("shift");
    assert!((shift + 6_000).abs() <= 150, "6 s earlier: {drift}");

    let truth = cli.json(&["transcript", "parse", path_str(&demo("demo.vtt"))]);
    let truth = truth["segments"].as_array().expect("segments");
    let segments = fixed["segments"].as_array().expect("segments");
    assert_eq!(segments.len(), truth.len());
    for (k, (segment, want)) in segments.iter().zip(truth).enumerate() {
        assert_eq!(
            keys(segment),
            [
                "confidence",
                "end_ms",
                "flagged",
                "offset_ms",
                "speaker",
                "start_ms",
                "text"
            ],
            "{segment}"
        );
        let (got, want) = (segment["start_ms"].as_i64(), want["start_ms"].as_i64());
        let error = got.zip(want).map(|(g, w)| (g - w).abs());
        assert!(
            error.is_some_and(|e| e <= 300),
            "segment {k} back at its cue's time: {segment} vs {want:?}"
        );
        let moved = segment["offset_ms"].as_i64().expect("offset");
        assert_eq!(moved == 0, k < 20, "only the shifted cues move: {segment}");
    }

    let nudged = cli.json(&[
        "align",
        path_str(&audio),
        &shifted,
        "--fix-drift",
        "--nudge",
        "-500",
    ]);
    for (segment, fixed) in nudged["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .zip(segments)
    {
        let (got, was) = (segment["start_ms"].as_u64(), fixed["start_ms"].as_u64());
        assert_eq!(got, was.map(|w| w.saturating_sub(500)), "{segment}");
    }
    let alone = cli.run(&["align", path_str(&audio), &shifted, "--nudge", "500"]);
    assert_eq!(alone.status.code(), Some(2), "--nudge needs --fix-drift");
}

/// The demo's cues grouped into blocks of at least 25 s, written as an SRT with one
/// cue per block (as a website timed "by the paragraph" gives it). Returns how many
/// blocks, and the real start of each cue's text.
fn paragraph_timed_srt(cli: &Sandbox, path: &std::path::Path) -> (usize, Vec<(u64, String)>) {
    let vtt = cli.json(&["transcript", "parse", path_str(&demo("demo.vtt"))]);
    let cues: Vec<(u64, String)> = vtt["segments"]
        .as_array()
        .expect("cues")
        .iter()
        .map(|c| {
            (
                c["start_ms"].as_u64().unwrap(),
                c["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut blocks: Vec<(u64, Vec<&str>)> = Vec::new();
    for (start, text) in &cues {
        match blocks.last_mut() {
            Some((first, texts)) if start - *first < 25_000 => texts.push(text),
            _ => blocks.push((*start, vec![text])),
        }
    }
    let stamp = |ms: u64| {
        format!(
            "{:02}:{:02}:{:02},{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    };
    let srt: String = blocks
        .iter()
        .enumerate()
        .map(|(k, (start, texts))| {
            let end = blocks.get(k + 1).map_or(start + 25_000, |next| next.0);
            format!(
                "{}\n{} --> {}\n{}\n\n",
                k + 1,
                stamp(*start),
                stamp(end),
                texts.join(" ")
            )
        })
        .collect();
    std::fs::write(path, srt).expect("write the SRT");
    (blocks.len(), cues)
}

#[test]
fn a_transcript_timed_by_the_paragraph_is_cut_into_timed_sentences_as_in_the_window() {
    let cli = Sandbox::new();
    let srt = cli.file("website.srt");
    let (blocks, cues) = paragraph_timed_srt(&cli, &srt);
    let aligned = cli.json(&["align", path_str(&demo("demo.mp3")), path_str(&srt)]);
    let segments = aligned["segments"].as_array().expect("segments");
    assert!(
        segments.len() > 3 * blocks,
        "the blocks were cut into sentences: {} segments from {blocks}",
        segments.len()
    );
    let mut errors: Vec<u64> = segments
        .iter()
        .filter_map(|s| {
            let text = s["text"].as_str()?;
            let (start, _) = cues.iter().find(|(_, cue)| cue == text)?;
            Some(s["start_ms"].as_u64()?.abs_diff(*start))
        })
        .collect();
    errors.sort_unstable();
    assert!(
        errors.len() * 10 >= segments.len() * 8,
        "most segments are the demo's sentences: {} of {}",
        errors.len(),
        segments.len()
    );
    assert!(
        errors[errors.len() / 2] <= 300,
        "each where it is spoken: {errors:?}"
    );
}
