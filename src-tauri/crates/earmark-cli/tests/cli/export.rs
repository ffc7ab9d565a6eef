//! `export` (Markdown, JSON, CSV; stdout, a file, a folder) and `import-notes`.

use crate::{keys, path_str, Sandbox};

/// A sandbox with the demo episode and two notes; returns it with the episode id.
fn annotated() -> (Sandbox, String) {
    let cli = Sandbox::new();
    let episode = cli.import_demo().to_string();
    cli.json(&[
        "notes",
        "add",
        &episode,
        "--at",
        "12000",
        "Shorthand, \"fast\"",
    ]);
    cli.json(&[
        "notes",
        "add",
        &episode,
        "--at",
        "61000",
        "*speech* written down",
    ]);
    (cli, episode)
}

#[test]
fn markdown_goes_to_stdout_with_front_matter_and_timestamps() {
    let (cli, episode) = annotated();
    let doc = cli.text(&["export", &episode, "--format", "md"]);
    assert!(doc.starts_with("---\n"), "front matter first:\n{doc}");
    assert!(doc.contains("\nepisode: \"ep\"\n"), "{doc}");
    assert!(doc.contains("\ndate: "), "{doc}");
    assert!(doc.contains("\nsource: \""), "{doc}");
    let first = doc
        .find("## [0:12] Note")
        .expect("the first note's heading");
    let second = doc
        .find("## [1:01] Note")
        .expect("the second note's heading");
    assert!(first < second, "in time order:\n{doc}");
    assert!(
        doc[first..second].contains("\n> **"),
        "the note quotes the transcript with its speaker:\n{doc}"
    );
    assert!(doc.contains("\\*speech\\* written down"), "escaped:\n{doc}");
}

#[test]
fn csv_to_a_file_prints_a_summary() {
    let (cli, _) = annotated();
    let out = cli.file("notes.csv");
    let summary = cli.json(&[
        "export",
        "--all",
        "--format",
        "csv",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(
        keys(&summary),
        ["episodes", "files", "format", "highlights", "kept", "notes"],
        "{summary}"
    );
    assert_eq!(summary["files"][0], path_str(&out), "{summary}");
    assert_eq!(
        (
            &summary["episodes"],
            &summary["notes"],
            &summary["highlights"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(2),
            &serde_json::json!(0)
        ),
        "{summary}"
    );
    let csv = std::fs::read_to_string(&out).expect("the CSV file");
    assert!(
        csv.starts_with("Highlight,Title,Author,URL,Note,Location,Date\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",\"Shorthand, \"\"fast\"\"\",12,"),
        "quoted note:\n{csv}"
    );
    assert!(
        !cli.file("notes.csv.earmark-tmp").exists(),
        "no temporary file left behind"
    );
}

#[test]
fn markdown_into_a_folder_writes_one_file_per_episode() {
    let (cli, _) = annotated();
    let other = cli.copy_demo("demo.mp3", "second.mp3");
    let second = cli.json(&["import", path_str(&other), "--title", "second"])["id"].to_string();
    cli.json(&["notes", "add", &second, "--at", "1000", "on the second"]);
    let vault = cli.file("vault");
    std::fs::create_dir(&vault).unwrap();
    let summary = cli.json(&[
        "export",
        "--all",
        "--format",
        "md",
        "--out",
        path_str(&vault),
    ]);
    let mut names: Vec<String> = std::fs::read_dir(&vault)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Named "Show - Episode": both are filed under the show their tags name.
    assert_eq!(
        names,
        ["Earmark Demo - ep.md", "Earmark Demo - second.md"],
        "{summary}"
    );
    let note = std::fs::read_to_string(vault.join("Earmark Demo - second.md")).unwrap();
    assert!(note.contains("on the second"), "{note}");
    assert!(!note.contains("Shorthand"), "only its own episode: {note}");
}

#[test]
fn json_export_imports_into_another_library_once() {
    let (cli, episode) = annotated();
    let file = cli.file("notes.json");
    cli.json(&[
        "export",
        &episode,
        "--format",
        "json",
        "--out",
        path_str(&file),
    ]);
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(exported["earmark_export"], 1, "{exported}");

    // Another library with the same audio file.
    let other = Sandbox::new();
    let audio = cli.file("ep.mp3");
    other.json(&["import", path_str(&audio)]);
    let first = other.json(&["import-notes", path_str(&file)]);
    for key in ["notes_added", "highlights_added", "skipped"] {
        assert!(
            first.get(key).is_some(),
            "import-notes prints {key}: {first}"
        );
    }
    assert_eq!(
        (
            &first["notes_added"],
            &first["highlights_added"],
            &first["skipped"]
        ),
        (
            &serde_json::json!(2),
            &serde_json::json!(0),
            &serde_json::json!(0)
        ),
        "{first}"
    );
    let second = other.json(&["import-notes", path_str(&file)]);
    assert_eq!(
        (&second["notes_added"], &second["skipped"]),
        (&serde_json::json!(0), &serde_json::json!(2)),
        "importing the same file twice adds nothing: {second}"
    );
    let listed = other.json(&["notes", "list", "1"]);
    assert_eq!(
        listed["notes"].as_array().map(Vec::len),
        Some(2),
        "{listed}"
    );
}

#[test]
fn import_into_a_library_without_the_episode_adds_it() {
    let (cli, episode) = annotated();
    let file = cli.file("notes.json");
    std::fs::write(&file, cli.text(&["export", &episode, "--format", "json"])).unwrap();
    let empty = Sandbox::new();
    let report = empty.json(&["import-notes", path_str(&file)]);
    assert_eq!(report["notes_added"], 2, "{report}");
    assert_eq!(report["episodes_added"], 1, "{report}");
    assert_eq!(
        report["podcasts_added"], 1,
        "its show comes along: {report}"
    );
    assert_eq!(report["transcripts_added"], 1, "{report}");
    assert_eq!(
        report["unknown_episodes"],
        serde_json::json!([]),
        "{report}"
    );
    let listed = empty.json(&["list"]);
    assert_eq!(listed["episodes"][0]["title"], "ep", "{listed}");
    assert_eq!(listed["episodes"][0]["has_transcript"], true, "{listed}");
    let text = empty.text(&["import-notes", path_str(&file)]);
    assert!(
        text.starts_with("Added 0 shows, 0 episodes, 0 transcripts, 0 notes and 0 highlights"),
        "the second time adds nothing: {text}"
    );
}

#[test]
fn the_whole_library_moves_to_an_empty_one_through_json() {
    let (cli, episode) = annotated();
    let other = cli.copy_demo("demo.mp3", "untouched.mp3");
    cli.json(&["import", path_str(&other), "--title", "untouched"]);
    let file = cli.file("library.json");
    let summary = cli.json(&[
        "export",
        "--all",
        "--format",
        "json",
        "--out",
        path_str(&file),
    ]);
    assert_eq!(
        summary["episodes"], 2,
        "every episode, notes or not: {summary}"
    );

    let moved = Sandbox::new();
    let first = moved.json(&["import-notes", path_str(&file)]);
    assert_eq!(
        (&first["episodes_added"], &first["notes_added"]),
        (&serde_json::json!(2), &serde_json::json!(2)),
        "{first}"
    );
    let fields = |listing: &serde_json::Value| -> Vec<String> {
        let mut rows: Vec<String> = listing["episodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} {} {} {} {}",
                    e["title"], e["podcast"], e["published"], e["duration_ms"], e["has_transcript"]
                )
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(fields(&moved.json(&["list"])), fields(&cli.json(&["list"])));
    let moved_id = moved.json(&["list"])["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "ep")
        .unwrap()["id"]
        .to_string();
    let texts = |sandbox: &Sandbox, id: &str| -> Vec<serde_json::Value> {
        sandbox.json(&["notes", "list", id])["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| serde_json::json!([n["at_ms"], n["text"], n["created"]]))
            .collect()
    };
    assert_eq!(texts(&moved, &moved_id), texts(&cli, &episode));

    let second = moved.json(&["import-notes", path_str(&file)]);
    for key in [
        "podcasts_added",
        "episodes_added",
        "transcripts_added",
        "notes_added",
    ] {
        assert_eq!(
            second[key], 0,
            "importing twice adds nothing ({key}): {second}"
        );
    }
    assert_eq!(
        moved.json(&["list"])["episodes"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn a_vault_file_earmark_did_not_write_is_left_alone() {
    let (cli, _) = annotated();
    let vault = cli.file("vault");
    std::fs::create_dir(&vault).unwrap();
    let theirs = vault.join("Earmark Demo - ep.md");
    std::fs::write(
        &theirs,
        "# My own page
",
    )
    .unwrap();
    let args = [
        "export",
        "--all",
        "--format",
        "md",
        "--out",
        path_str(&vault),
    ];
    let summary = cli.json(&args);
    assert_eq!(
        std::fs::read_to_string(&theirs).unwrap(),
        "# My own page
",
        "{summary}"
    );
    let ours = vault.join("Earmark Demo - ep (2).md");
    assert_eq!(summary["files"], serde_json::json!([path_str(&ours)]));
    assert_eq!(summary["kept"], serde_json::json!([path_str(&theirs)]));
    assert!(std::fs::read_to_string(&ours)
        .unwrap()
        .contains("Shorthand"));
    let text = cli.text(&args);
    assert!(
        text.contains("Left ") && text.contains("as it was"),
        "people are told: {text}"
    );
    let names = std::fs::read_dir(&vault).unwrap().count();
    assert_eq!(
        names, 2,
        "exporting again replaces Earmark's own file, no (3)"
    );
}

#[test]
fn bad_exports_and_imports_are_one_line_errors() {
    let (cli, _) = annotated();
    let message = cli.fails(&["export", "99", "--format", "md"]);
    assert!(message.contains("no episode 99"), "{message}");
    let not_export = cli.file("list.json");
    std::fs::write(&not_export, "{\"episodes\": []}").unwrap();
    let message = cli.fails(&["import-notes", path_str(&not_export)]);
    assert!(message.contains("not an Earmark notes export"), "{message}");
    let newer = cli.file("newer.json");
    std::fs::write(&newer, "{\"earmark_export\": 9}").unwrap();
    let message = cli.fails(&["import-notes", path_str(&newer)]);
    assert!(message.contains("newer Earmark"), "{message}");
    let message = cli.fails(&["import-notes", path_str(&cli.file("missing.json"))]);
    assert!(message.contains("missing.json"), "{message}");
    let usage = cli.run(&["export", "--format", "md"]);
    assert_eq!(usage.status.code(), Some(2), "EPISODE or --all is required");
    let usage = cli.run(&["export", "1", "--all", "--format", "md"]);
    assert_eq!(usage.status.code(), Some(2), "not both");
    let usage = cli.run(&["export", "1", "--format", "pdf"]);
    assert_eq!(usage.status.code(), Some(2), "an unknown format");
}
