//! Notes: add, list in episode order, edit, delete — and survive a killed process.

use std::path::PathBuf;
use std::process::Command;

use earmark_core::store::{HitKind, Store, StoreError};

use crate::{add_episode, library};

/// Set in the child process of [`note_survives_a_killed_process`]: the data directory.
const ABORT_CHILD_ENV: &str = "EARMARK_TEST_ABORT_CHILD_DIR";

#[test]
fn notes_list_in_the_order_they_occur() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    let late = lib.store.add_note(id, 90_000, "late").unwrap();
    let early = lib.store.add_note(id, 1_000, "early").unwrap();
    let tie = lib
        .store
        .add_note(id, 90_000, "same moment, added later")
        .unwrap();
    let notes = lib.store.list_notes(id).unwrap();
    let order: Vec<_> = notes.iter().map(|n| n.id).collect();
    assert_eq!(order, vec![early, late, tie], "by moment, then by id");
    assert_eq!(notes[0].at_ms, 1_000);
    assert_eq!(notes[0].text, "early");
    assert_eq!(notes[0].episode, id);
    assert!(notes[0].created.ends_with('Z'), "{}", notes[0].created);
}

#[test]
fn note_json_has_the_cli_shape() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    let note = lib.store.add_note(id, 42, "text \"quoted\"").unwrap();
    let json = serde_json::to_value(lib.store.list_notes(id).unwrap()).unwrap();
    assert_eq!(json[0]["id"], note);
    assert_eq!(json[0]["at_ms"], 42);
    assert_eq!(json[0]["text"], "text \"quoted\"");
    assert!(json[0]["created"].is_string(), "{json}");
}

#[test]
fn editing_a_note_changes_text_moment_and_index() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    let note = lib.store.add_note(id, 5_000, "first draft wombat").unwrap();
    lib.store.update_note(note, 7_500, "final numbat").unwrap();
    let got = lib.store.note(note).unwrap();
    assert_eq!((got.at_ms, got.text.as_str()), (7_500, "final numbat"));
    assert!(
        lib.store.search("wombat", 5).unwrap().is_empty(),
        "old text unindexed"
    );
    let hits = lib.store.search("numbat", 5).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Note);
    assert_eq!(hits[0].at_ms, Some(7_500), "moment follows the edit");
    assert_eq!(hits[0].note, Some(note));
}

#[test]
fn deleting_a_note_removes_it_and_its_index_entry() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    let note = lib.store.add_note(id, 1, "ephemeral").unwrap();
    lib.store.delete_note(note).unwrap();
    assert!(lib.store.list_notes(id).unwrap().is_empty());
    assert!(lib.store.search("ephemeral", 5).unwrap().is_empty());
    let err = lib.store.delete_note(note).unwrap_err();
    assert!(
        matches!(err, StoreError::NoteNotFound(n) if n == note),
        "got {err:?}"
    );
    assert!(matches!(
        lib.store.update_note(note, 1, "x"),
        Err(StoreError::NoteNotFound(_))
    ));
    assert!(matches!(
        lib.store.note(note),
        Err(StoreError::NoteNotFound(_))
    ));
}

#[test]
fn note_on_a_missing_episode_is_refused() {
    let lib = library();
    let err = lib.store.add_note(31, 0, "nowhere").unwrap_err();
    assert!(
        matches!(err, StoreError::EpisodeNotFound(31)),
        "got {err:?}"
    );
}

#[test]
fn empty_note_is_a_bare_earmark() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    let note = lib.store.add_note(id, 12_000, "").unwrap();
    assert_eq!(lib.store.note(note).unwrap().text, "");
}

#[test]
fn all_notes_come_by_episode_then_moment() {
    let lib = library();
    let a = add_episode(&lib.store, "a");
    let b = add_episode(&lib.store, "b");
    lib.store.add_note(b, 1, "b1").unwrap();
    lib.store.add_note(a, 9, "a9").unwrap();
    lib.store.add_note(a, 2, "a2").unwrap();
    let texts: Vec<String> = lib
        .store
        .list_all_notes()
        .unwrap()
        .into_iter()
        .map(|n| n.text)
        .collect();
    assert_eq!(texts, ["a2", "a9", "b1"]);
}

#[test]
fn note_survives_reopening_the_library() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    lib.store.add_note(id, 3, "persisted").unwrap();
    let other = lib.reopen();
    assert_eq!(other.list_notes(id).unwrap()[0].text, "persisted");
}

/// The child half of [`note_survives_a_killed_process`]: adds a note, then aborts
/// without closing anything. Does nothing in a normal test run.
#[test]
fn abort_child() {
    let Some(dir) = std::env::var_os(ABORT_CHILD_ENV) else {
        return;
    };
    let store = Store::open_in_data_dir(&PathBuf::from(dir)).unwrap();
    let id = add_episode(&store, "written by a process that dies");
    store.add_note(id, 1_234, "saved before the crash").unwrap();
    std::process::abort();
}

#[test]
fn note_survives_a_killed_process() {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "notes::abort_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ABORT_CHILD_ENV, dir.path())
        .output()
        .unwrap();
    assert!(
        !status.status.success(),
        "the child must die by abort, got {:?}; stderr: {}",
        status.status,
        String::from_utf8_lossy(&status.stderr)
    );
    let store = Store::open_in_data_dir(dir.path()).unwrap();
    let episodes = store.list_episodes().unwrap();
    assert_eq!(episodes.len(), 1, "the episode committed before the abort");
    let notes = store.list_notes(episodes[0].id).unwrap();
    assert_eq!(notes.len(), 1, "the note committed before the abort");
    assert_eq!(notes[0].text, "saved before the crash");
    assert_eq!(notes[0].at_ms, 1_234);
}
