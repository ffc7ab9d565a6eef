//! Bad input: a clear one-line error, exit code 1, nothing changed.

use crate::{demo, path_str, Sandbox};

#[test]
fn probing_a_non_audio_file_names_the_file() {
    let cli = Sandbox::new();
    let not_audio = demo("demo.txt");
    let message = cli.fails(&["probe", path_str(&not_audio)]);
    assert!(
        message.contains("demo.txt"),
        "the message mentions the file: {message}"
    );
}

#[test]
fn importing_a_non_audio_file_adds_nothing() {
    let cli = Sandbox::new();
    let not_audio = cli.copy_demo("demo.vtt", "notes.mp3");
    let message = cli.fails(&["import", path_str(&not_audio)]);
    assert!(
        message.contains("notes.mp3"),
        "the message mentions the file: {message}"
    );
    let library = cli.json(&["list"]);
    assert_eq!(
        library["episodes"],
        serde_json::json!([]),
        "nothing was added: {library}"
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let cli = Sandbox::new();
    let missing = cli.file("nowhere.mp3");
    let message = cli.fails(&["import", path_str(&missing)]);
    assert!(message.contains("nowhere.mp3"), "{message}");
    let message = cli.fails(&["transcript", "parse", path_str(&cli.file("none.vtt"))]);
    assert!(message.contains("none.vtt"), "{message}");
}

#[test]
fn a_binary_file_is_not_a_transcript() {
    let cli = Sandbox::new();
    let message = cli.fails(&["transcript", "parse", path_str(&demo("demo.mp3"))]);
    assert!(
        message.contains("demo.mp3") && message.contains("does not look like a transcript"),
        "{message}"
    );
}

#[test]
fn help_lists_the_commands() {
    let cli = Sandbox::new();
    let help = cli.text(&["--help"]);
    for command in [
        "probe",
        "clip",
        "transcript",
        "import",
        "list",
        "notes",
        "search",
    ] {
        assert!(help.contains(command), "--help lists {command}: {help}");
    }
    let search_help = cli.text(&["search", "--help"]);
    assert!(
        search_help.contains("U+0002"),
        "search --help documents the snippet markers: {search_help}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let cli = Sandbox::new();
    let output = cli.run(&["notes", "add", "1"]);
    assert_eq!(output.status.code(), Some(2), "missing --at and TEXT");
    let output = cli.run(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2), "unknown command");
}

/// A sparse file of `size` bytes: as large as asked, without writing its bytes.
fn sparse(path: &std::path::Path, size: u64) {
    let file = std::fs::File::create(path).unwrap();
    file.set_len(size).unwrap();
}

#[test]
fn transcript_parse_with_a_format_refuses_a_file_over_the_cap() {
    let cli = Sandbox::new();
    let huge = cli.file("huge.vtt");
    sparse(&huge, earmark_core::library::MAX_TRANSCRIPT_BYTES + 1);
    for args in [
        vec!["transcript", "parse", "--format", "vtt", path_str(&huge)],
        vec!["transcript", "parse", path_str(&huge)],
    ] {
        let message = cli.fails(&args);
        assert!(message.contains("huge.vtt"), "{message}");
        assert!(message.contains("too large"), "{message}");
    }
}

#[test]
fn import_notes_refuses_a_file_over_the_cap() {
    let cli = Sandbox::new();
    let huge = cli.file("backup.json");
    sparse(&huge, earmark_core::limits::MAX_NOTES_IMPORT_BYTES + 1);
    let message = cli.fails(&["import-notes", path_str(&huge)]);
    assert!(message.contains("backup.json"), "{message}");
    assert!(message.contains("too large"), "{message}");
}

#[test]
fn opml_import_refuses_a_file_over_the_cap() {
    let cli = Sandbox::new();
    let huge = cli.file("subs.opml");
    sparse(&huge, earmark_core::opml::MAX_OPML_BYTES as u64 + 1);
    let message = cli.fails(&["opml", "import", path_str(&huge)]);
    assert!(message.contains("subs.opml"), "{message}");
    assert!(message.contains("too large"), "{message}");
}
