//! JSON: versioned, everything about the episode, and it reads back the same.

use earmark_core::export::{parse_export, to_json, ExportDocument, EXPORT_VERSION};

use crate::{annotated_library, read, AUDIO_URL, FEED, TITLE, TRICKY_NOTE};

#[test]
fn export_is_versioned_and_holds_episode_notes_and_highlights() {
    let (lib, episode) = annotated_library();
    let text = to_json(&[read(&lib.store, episode)]).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["earmark_export"], EXPORT_VERSION, "{json}");
    let e = &json["episodes"][0];
    assert_eq!(e["id"], episode, "{e}");
    assert_eq!(e["title"], TITLE, "{e}");
    assert_eq!(e["guid"], "ep-1", "{e}");
    assert_eq!(e["podcast"]["feed_url"], FEED, "{e}");
    assert_eq!(e["podcast"]["title"], crate::PODCAST, "{e}");
    assert_eq!(e["audio_url"], AUDIO_URL, "{e}");
    assert_eq!(e["published"], "2024-05-01T12:00:00Z", "{e}");
    assert_eq!(e["duration_ms"], 3_725_000, "{e}");
    let notes = e["notes"].as_array().expect("notes");
    let moments: Vec<u64> = notes.iter().map(|n| n["at_ms"].as_u64().unwrap()).collect();
    assert_eq!(moments, [7_000, 12_000, 3_700_000], "in time order: {e}");
    assert_eq!(notes[0]["text"], TRICKY_NOTE, "text kept exactly: {e}");
    assert!(notes[0]["created"].is_string(), "{e}");
    let highlight = &e["highlights"][0];
    assert_eq!(
        (highlight["start_ms"].as_u64(), highlight["end_ms"].as_u64()),
        (Some(10_000), Some(15_000)),
        "{e}"
    );
    assert_eq!(highlight["color"], "green", "{e}");
    assert_eq!(highlight["note"], "good line, \"really\"", "{e}");
    assert!(text.ends_with("}\n"), "ends with a newline");
}

#[test]
fn export_reads_back_unchanged() {
    let (lib, episode) = annotated_library();
    let episodes = [read(&lib.store, episode)];
    let parsed = parse_export(&to_json(&episodes).unwrap()).unwrap();
    assert_eq!(parsed, ExportDocument::new(&episodes));
}

#[test]
fn unknown_fields_from_a_later_minor_version_are_ignored() {
    let doc = parse_export(
        r#"{"earmark_export": 1, "exported_by": "future",
            "episodes": [{"title": "T", "mood": "calm", "notes": [{"at_ms": 1, "text": "n", "pinned": true}]}]}"#,
    )
    .unwrap();
    assert_eq!(doc.episodes[0].notes[0].text, "n");
}
