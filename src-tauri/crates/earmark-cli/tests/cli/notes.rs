//! `notes add` and `notes list`.

use crate::{keys, Sandbox};

#[test]
fn notes_round_trip_in_episode_order() {
    let cli = Sandbox::new();
    let episode = cli.import_demo().to_string();
    let later = cli.json(&["notes", "add", &episode, "--at", "90000", "Tironian notes"]);
    let earlier = cli.json(&["notes", "add", &episode, "--at", "1500", "the welcome"]);
    let dash = cli.json(&["notes", "add", &episode, "--at", "2000", "-3 dB, too quiet"]);
    assert_eq!(keys(&later), ["id"], "notes add prints {{\"id\"}}: {later}");
    assert_ne!(later["id"], earlier["id"], "each note has its own id");

    let listed = cli.json(&["notes", "list", &episode]);
    assert_eq!(keys(&listed), ["notes"], "notes list's JSON: {listed}");
    let notes = listed["notes"].as_array().expect("notes is a list");
    assert_eq!(notes.len(), 3, "all three notes: {listed}");
    for field in ["id", "at_ms", "text", "created"] {
        assert!(
            notes.iter().all(|n| n.get(field).is_some()),
            "every note has {field}: {listed}"
        );
    }
    assert_eq!(notes[0]["id"], earlier["id"], "ordered by moment: {listed}");
    assert_eq!(notes[0]["at_ms"], 1500, "{listed}");
    assert_eq!(notes[0]["text"], "the welcome", "{listed}");
    assert_eq!(notes[1]["id"], dash["id"], "{listed}");
    assert_eq!(
        notes[1]["text"], "-3 dB, too quiet",
        "a note may start with a dash: {listed}"
    );
    assert_eq!(notes[2]["at_ms"], 90_000, "{listed}");
    assert_eq!(notes[2]["text"], "Tironian notes", "{listed}");
    assert!(
        notes[0]["created"]
            .as_str()
            .is_some_and(|c| c.ends_with('Z')),
        "created is RFC 3339 UTC: {listed}"
    );

    let text = cli.text(&["notes", "list", &episode]);
    assert_eq!(
        text.lines()
            .next()
            .map(|l| l.starts_with("[0:01] the welcome")),
        Some(true),
        "text list: {text}"
    );
}

#[test]
fn notes_on_an_unknown_episode_fail_with_a_message() {
    let cli = Sandbox::new();
    cli.import_demo();
    let message = cli.fails(&["notes", "add", "999", "--at", "0", "lost"]);
    assert!(
        message.contains("no episode 999"),
        "says which episode is missing: {message}"
    );
    let message = cli.fails(&["notes", "list", "999"]);
    assert!(
        message.contains("no episode 999"),
        "says which episode is missing: {message}"
    );
}
