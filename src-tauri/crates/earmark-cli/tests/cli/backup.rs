//! `backup` and `restore`: the whole library to one file and back, and what is
//! refused.

use earmark_core::backup::LibraryLock;

use crate::{path_str, Sandbox};

#[test]
fn a_backup_restores_into_a_fresh_data_dir() {
    let cli = Sandbox::new();
    let episode = cli.import_demo().to_string();
    cli.json(&[
        "notes",
        "add",
        &episode,
        "--at",
        "12000",
        "kept across machines",
    ]);
    let file = cli.file("library.earmark");
    let backed_up = cli.json(&["backup", path_str(&file)]);
    assert_eq!(
        (&backed_up["episodes"], &backed_up["notes"]),
        (&serde_json::json!(1), &serde_json::json!(1)),
        "{backed_up}"
    );

    let fresh = Sandbox::new();
    let restored = fresh.json(&["restore", path_str(&file)]);
    assert_eq!(restored["from"]["notes"], 1, "{restored}");
    assert_eq!(restored["previous"], serde_json::Value::Null, "{restored}");
    let notes = fresh.json(&["notes", "list", &episode]);
    assert_eq!(notes["notes"][0]["text"], "kept across machines", "{notes}");
    let hits = fresh.json(&["search", "machines"]);
    assert_eq!(
        hits["hits"].as_array().map(Vec::len),
        Some(1),
        "searchable: {hits}"
    );
}

#[test]
fn a_restore_keeps_the_library_it_replaces() {
    let source = Sandbox::new();
    let episode = source.import_demo().to_string();
    source.json(&["notes", "add", &episode, "--at", "1000", "from the backup"]);
    let file = source.file("backup.db");
    source.json(&["backup", path_str(&file)]);

    let target = Sandbox::new();
    let mine = target.import_demo().to_string();
    target.json(&["notes", "add", &mine, "--at", "2000", "only here"]);
    let restored = target.json(&["restore", path_str(&file)]);
    let previous = restored["previous"]
        .as_str()
        .expect("the replaced library is kept");
    let text = target.text(&["notes", "list", &episode]);
    assert!(
        text.contains("from the backup") && !text.contains("only here"),
        "{text}"
    );

    // The kept copy is itself a library that restores.
    let again = target.json(&["restore", previous]);
    assert_eq!(again["from"]["notes"], 1, "{again}");
    let text = target.text(&["notes", "list", &mine]);
    assert!(text.contains("only here"), "{text}");
}

#[test]
fn what_is_not_a_library_is_refused_with_a_sentence() {
    let cli = Sandbox::new();
    let episode = cli.import_demo().to_string();
    cli.json(&["notes", "add", &episode, "--at", "1000", "still here"]);
    let text_file = cli.file("notes.txt");
    std::fs::write(
        &text_file,
        "Just some notes, not a database at all.\n".repeat(20),
    )
    .unwrap();
    let message = cli.fails(&["restore", path_str(&text_file)]);
    assert!(
        message.contains("is not an Earmark library backup")
            && message.contains("nothing was changed"),
        "{message}"
    );
    let missing = cli.fails(&["restore", path_str(&cli.file("nowhere.db"))]);
    assert!(missing.contains("no such file"), "{missing}");
    let text = cli.text(&["notes", "list", &episode]);
    assert!(
        text.contains("still here"),
        "the library is untouched: {text}"
    );
}

#[test]
fn restore_is_refused_while_the_app_holds_the_library() {
    let cli = Sandbox::new();
    cli.import_demo();
    let file = cli.file("backup.db");
    cli.json(&["backup", path_str(&file)]);
    let held = LibraryLock::try_acquire(cli.data.path()).unwrap();
    let message = cli.fails(&["restore", path_str(&file)]);
    assert!(
        message.contains("Earmark is open on the library"),
        "{message}"
    );
    drop(held);
    cli.json(&["restore", path_str(&file)]);
}
