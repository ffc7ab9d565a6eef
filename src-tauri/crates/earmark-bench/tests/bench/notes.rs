//! `earmark-bench notes` on a tiny generated library: the commands run and print their
//! figures.

use crate::bench_json;

#[test]
fn bench_notes_commands_print_their_figures() {
    let scratch = tempfile::tempdir().expect("scratch folder");
    let dir = scratch.path().join("bench");
    let dir = dir.to_str().expect("a UTF-8 path");
    let size = ["--episodes", "3", "--segments", "40"];
    let with = |command: &str, extra: &[&str]| {
        let mut args = vec!["notes", command, dir];
        args.extend_from_slice(&size);
        args.extend_from_slice(extra);
        bench_json(&args)
    };

    let generated = with("generate", &[]);
    assert_eq!(generated["generated"], true, "{generated}");
    assert_eq!(generated["episodes"], 3, "{generated}");
    let again = with("generate", &[]);
    assert_eq!(again["generated"], false, "a library is made once: {again}");

    let search = with("search", &["--rounds", "2"]);
    assert_eq!(
        search
            .as_object()
            .expect("an object")
            .keys()
            .collect::<Vec<_>>(),
        [
            "cpu_p95_ms",
            "episodes",
            "max_ms",
            "met",
            "p50_ms",
            "p95_ms",
            "queries",
            "searches",
            "target_p95_ms"
        ],
        "{search}"
    );
    assert_eq!(search["episodes"], 3, "{search}");
    let queries = search["queries"].as_array().expect("queries");
    assert!(queries.len() >= 6, "several realistic queries: {search}");
    let people = queries
        .iter()
        .find(|q| q["query"] == "people")
        .expect("a common-word query");
    assert!(
        people["hits"].as_u64().is_some_and(|n| n > 0),
        "a common word is found: {search}"
    );

    let add = with("add-note", &["--notes", "5"]);
    assert_eq!(add["notes"], 5, "{add}");
    assert_eq!(add["target_p95_ms"], 5.0, "issue 5's target: {add}");
    assert!(add["met"].is_boolean(), "{add}");
    assert!(add["p95_ms"].as_f64().is_some_and(|ms| ms > 0.0), "{add}");

    let open = with("open", &["--notes", "25", "--rounds", "3"]);
    assert_eq!(
        (&open["notes"], &open["segments"], &open["opens"]),
        (
            &serde_json::json!(25),
            &serde_json::json!(40),
            &serde_json::json!(3)
        ),
        "{open}"
    );
    let after = with("add-note", &["--notes", "2"]);
    assert_eq!(after["notes"], 2, "{after}");
    let reopened = with("open", &["--notes", "25", "--rounds", "1"]);
    assert_eq!(
        reopened["notes"], 25,
        "add-note leaves no notes behind: {reopened}"
    );
}
