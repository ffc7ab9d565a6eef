//! `probe` and `clip` on the demo MP3.

use crate::{demo, keys, path_str, Sandbox, DEMO_DURATION_MS, DEMO_FRAMES};

#[test]
fn probe_measures_the_demo_exactly() {
    let cli = Sandbox::new();
    let info = cli.json(&["probe", path_str(&demo("demo.mp3"))]);
    assert_eq!(
        keys(&info),
        ["channels", "codec", "duration_ms", "frames", "sample_rate"],
        "probe's JSON fields: {info}"
    );
    assert_eq!(info["frames"], DEMO_FRAMES, "exact frame count: {info}");
    assert_eq!(info["sample_rate"], 44_100, "sample rate: {info}");
    assert_eq!(info["channels"], 1, "mono: {info}");
    assert_eq!(
        info["duration_ms"], DEMO_DURATION_MS,
        "exact duration: {info}"
    );
    assert_eq!(info["codec"], "mp3", "codec: {info}");
}

#[test]
fn probe_text_names_the_file_and_length() {
    let cli = Sandbox::new();
    let text = cli.text(&["probe", path_str(&demo("demo.mp3"))]);
    assert!(text.contains("demo.mp3"), "names the file: {text}");
    assert!(text.contains("176.267 s"), "exact length: {text}");
}

#[test]
fn clip_writes_exactly_the_requested_frames() {
    let cli = Sandbox::new();
    let out = cli.file("clip.wav");
    let report = cli.json(&[
        "clip",
        path_str(&demo("demo.mp3")),
        "--from",
        "10000",
        "--to",
        "12500",
        "--out",
        path_str(&out),
    ]);
    // 2.5 s at 44.1 kHz.
    assert_eq!(report["frames"], 110_250, "reported frames: {report}");
    let wav = hound::WavReader::open(&out).expect("clip is a readable WAV");
    let spec = wav.spec();
    assert_eq!(spec.sample_rate, 44_100, "the file's rate is kept");
    assert_eq!(spec.channels, 1, "the file's channels are kept");
    assert_eq!(wav.duration(), 110_250, "frames in the WAV");
    let peak = wav
        .into_samples::<f32>()
        .map(|s| s.expect("sample").abs())
        .fold(0.0f32, f32::max);
    assert!(
        peak > 0.01,
        "the clip holds speech, not silence (peak {peak})"
    );
}

#[test]
fn clip_refuses_a_backwards_range() {
    let cli = Sandbox::new();
    let out = cli.file("clip.wav");
    let message = cli.fails(&[
        "clip",
        path_str(&demo("demo.mp3")),
        "--from",
        "2000",
        "--to",
        "1000",
        "--out",
        path_str(&out),
    ]);
    assert!(message.contains("--to"), "says what is wrong: {message}");
    assert!(!out.exists(), "no file written");
}
