//! `search` over transcripts and notes.

use serde_json::Value;

use crate::{keys, Sandbox, DEMO_DURATION_MS};

/// The hits of `search QUERY --json`.
fn hits(cli: &Sandbox, query: &str) -> Vec<Value> {
    let found = cli.json(&["search", query]);
    assert_eq!(keys(&found), ["hits"], "search's JSON: {found}");
    found["hits"].as_array().expect("hits is a list").clone()
}

#[test]
fn search_finds_a_transcript_word_at_its_moment() {
    let cli = Sandbox::new();
    let episode = cli.import_demo();
    let hits = hits(&cli, "Tiro");
    let hit = hits
        .iter()
        .find(|h| h["kind"] == "transcript")
        .unwrap_or_else(|| panic!("a transcript hit for Tiro: {hits:?}"));
    for field in ["episode", "at_ms", "kind", "snippet"] {
        assert!(hit.get(field).is_some(), "hit has {field}: {hit}");
    }
    assert_eq!(hit["episode"], episode, "the imported episode: {hit}");
    let at = hit["at_ms"].as_u64().expect("a timed line has at_ms");
    assert!(
        at > 0 && at < DEMO_DURATION_MS,
        "at_ms inside the episode: {hit}"
    );
    let snippet = hit["snippet"].as_str().expect("snippet is text");
    assert!(
        snippet.contains("\u{2}Tiro\u{3}"),
        "the match is wrapped in U+0002/U+0003: {snippet:?}"
    );
}

#[test]
fn search_finds_a_note() {
    let cli = Sandbox::new();
    let episode = cli.import_demo();
    let note = cli.json(&[
        "notes",
        "add",
        &episode.to_string(),
        "--at",
        "42000",
        "remember the marmalade",
    ]);
    let hits = hits(&cli, "marmalade");
    assert_eq!(hits.len(), 1, "only the note mentions marmalade: {hits:?}");
    let hit = &hits[0];
    assert_eq!(hit["kind"], "note", "{hit}");
    assert_eq!(hit["episode"], episode, "{hit}");
    assert_eq!(hit["at_ms"], 42_000, "the note's moment: {hit}");
    assert_eq!(hit["note"], note["id"], "which note: {hit}");
}

#[test]
fn search_text_marks_matches_and_limit_caps_hits() {
    let cli = Sandbox::new();
    cli.import_demo();
    let text = cli.text(&["search", "Tiro"]);
    assert!(text.contains("[Tiro]"), "text shows [match]: {text}");
    assert!(
        !text.contains('\u{2}') && !text.contains('\u{3}'),
        "no control characters in text output: {text:?}"
    );
    let all = hits(&cli, "the");
    assert!(all.len() > 1, "\"the\" occurs often: {all:?}");
    let one = cli.json(&["search", "the", "--limit", "1"]);
    assert_eq!(one["hits"].as_array().map(Vec::len), Some(1), "{one}");
    assert_eq!(
        cli.json(&["search", "xylophonic"])["hits"],
        serde_json::json!([]),
        "no hits is an empty list"
    );
}
