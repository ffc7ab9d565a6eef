//! `transcribe` on recorded speech (tests/fixtures/speech), through the installed
//! transcriber and model.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::{keys, path_str, Sandbox};

fn speech(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/speech")
        .join(name)
}

#[test]
fn transcribe_prints_the_transcript_parse_document_with_words_on_every_line() {
    let cli = Sandbox::new();
    let made = cli.json(&["transcribe", path_str(&speech("goforward.flac"))]);
    assert_eq!(
        keys(&made),
        ["format", "machine_made", "segments", "timed"],
        "top-level fields: {made}"
    );
    assert_eq!(made["format"], "speech");
    assert_eq!(made["machine_made"], true);
    assert_eq!(made["timed"], true);
    let segments = made["segments"].as_array().expect("segments is a list");
    assert_eq!(segments.len(), 1, "one sentence: {made}");
    let line = &segments[0];
    assert_eq!(
        keys(line),
        ["end_ms", "speaker", "start_ms", "text", "words"],
        "segment fields: {line}"
    );
    assert!(line["speaker"].is_null(), "no speaker is invented");
    let text = line["text"].as_str().expect("text").to_lowercase();
    assert!(
        text == "go forward 10 meters." || text == "go forward ten meters.",
        "{text}"
    );
    let words = line["words"].as_array().expect("words");
    assert_eq!(words.len(), 4, "{line}");
    assert_eq!(keys(&words[0]), ["end_ms", "start_ms", "text"]);
    assert_eq!(words[0]["start_ms"], line["start_ms"]);
    assert_eq!(words[3]["end_ms"], line["end_ms"]);
}

#[test]
fn transcribe_text_prints_timed_lines() {
    let cli = Sandbox::new();
    let output = cli.run(&["transcribe", path_str(&speech("cards-001.flac"))]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.starts_with("[0:0"), "a timed line: {text}");
    assert!(text.to_lowercase().contains("of clubs"), "{text}");
}

#[test]
fn transcribe_in_an_unknown_language_is_one_sentence() {
    let cli = Sandbox::new();
    let output = cli.run(&[
        "transcribe",
        path_str(&speech("goforward.flac")),
        "--language",
        "fr",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8(output.stderr).expect("utf-8");
    assert!(
        error.starts_with("earmark-cli: There is no speech model for the language"),
        "{error}"
    );
}

#[test]
fn an_episode_without_audio_cannot_be_transcribed() {
    let cli = Sandbox::new();
    let output = cli.run(&["transcribe", "12345"]);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8(output.stderr).expect("utf-8");
    assert!(error.starts_with("earmark-cli: "), "{error}");
}

#[test]
fn transcribe_an_imported_episode_by_its_id() {
    let cli = Sandbox::new();
    let audio = cli.file("goforward.flac");
    std::fs::copy(speech("goforward.flac"), &audio).expect("copy the clip");
    let id = cli.json(&["import", path_str(&audio)])["id"]
        .as_i64()
        .expect("an episode id");
    let made = cli.json(&["transcribe", &id.to_string()]);
    assert_eq!(made["machine_made"], true, "{made}");
    let words: Vec<&str> = made["segments"][0]["words"]
        .as_array()
        .expect("words")
        .iter()
        .map(|w| w["text"].as_str().expect("text"))
        .collect();
    assert_eq!(words.len(), 4, "go forward ten meters: {words:?}");
}

/// Runs `transcribe FILE` with `EARMARK_TRANSCRIBER` set to `transcriber`.
fn transcribe_with(cli: &Sandbox, transcriber: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earmark-cli"))
        .arg("--data-dir")
        .arg(cli.data.path())
        .args(["transcribe", path_str(&speech("goforward.flac"))])
        .env("EARMARK_TRANSCRIBER", transcriber)
        .output()
        .expect("run earmark-cli")
}

#[test]
fn a_missing_transcriber_says_how_to_install_it() {
    let output = transcribe_with(&Sandbox::new(), "/nonexistent/python");
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8(output.stderr).expect("utf-8");
    assert!(
        error.starts_with("earmark-cli: The transcriber is not installed")
            && error.contains("/nonexistent/python")
            && error.contains("install-system-deps.sh"),
        "{error}"
    );
}

#[test]
fn a_python_without_the_speech_runtime_says_so() {
    // Debian's own Python: no faster-whisper in it.
    let output = transcribe_with(&Sandbox::new(), "/usr/bin/python3");
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8(output.stderr).expect("utf-8");
    assert_eq!(
        error.trim_end(),
        "earmark-cli: The speech runtime (faster-whisper) is not installed in /usr/bin/python3."
    );
}
