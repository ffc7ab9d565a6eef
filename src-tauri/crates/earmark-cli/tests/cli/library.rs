//! `import` and `list`: the demo episode in and back out.

use crate::{demo, keys, path_str, Sandbox, DEMO_DURATION_MS, DEMO_TITLE};

#[test]
fn import_then_list_shows_the_episode_with_its_transcript() {
    let cli = Sandbox::new();
    let id = cli.import_demo_as(&[]);
    let library = cli.json(&["list"]);
    assert_eq!(keys(&library), ["episodes"], "list's JSON: {library}");
    let episodes = library["episodes"].as_array().expect("episodes is a list");
    assert_eq!(episodes.len(), 1, "one episode imported: {library}");
    let episode = &episodes[0];
    assert_eq!(
        keys(episode),
        [
            "downloaded",
            "duration_ms",
            "has_transcript",
            "id",
            "last_opened",
            "played",
            "podcast",
            "podcast_id",
            "position_ms",
            "published",
            "title"
        ],
        "episode fields (docs/cli.md, and fields added since): {episode}"
    );
    assert_eq!(episode["id"], id, "the id import printed");
    assert_eq!(
        episode["title"], DEMO_TITLE,
        "title from the file's tags, as the window imports it"
    );
    assert_eq!(
        episode["podcast"], "Earmark Demo",
        "filed under the show its tags name"
    );
    assert!(episode["published"].is_null(), "a local file has no date");
    assert_eq!(
        episode["duration_ms"], DEMO_DURATION_MS,
        "the exact probed duration"
    );
    assert_eq!(episode["downloaded"], true, "the file is on disk");
    assert_eq!(
        episode["has_transcript"], true,
        "ep.vtt beside ep.mp3 was picked up"
    );
    assert_eq!(episode["position_ms"], 0, "not played yet");

    let text = cli.text(&["list"]);
    assert!(
        text.contains(DEMO_TITLE) && text.contains("2:56") && text.contains("transcript"),
        "text list: {text}"
    );
}

#[test]
fn a_title_given_wins_over_the_tags() {
    let cli = Sandbox::new();
    cli.import_demo_as(&["--title", "My own title"]);
    let library = cli.json(&["list"]);
    assert_eq!(library["episodes"][0]["title"], "My own title", "{library}");
}

#[test]
fn importing_the_same_file_twice_gives_the_same_id() {
    let cli = Sandbox::new();
    let first = cli.import_demo();
    let second = cli.import_demo();
    assert_eq!(first, second, "same file, same episode");
    let library = cli.json(&["list"]);
    assert_eq!(
        library["episodes"].as_array().map(Vec::len),
        Some(1),
        "no duplicate: {library}"
    );
}

#[test]
fn audio_without_a_transcript_beside_it_has_none_until_one_is_given() {
    let cli = Sandbox::new();
    let audio = cli.copy_demo("demo.mp3", "bare.mp3");
    let id = cli.json(&["import", path_str(&audio)])["id"].clone();
    let library = cli.json(&["list"]);
    assert_eq!(
        library["episodes"][0]["has_transcript"], false,
        "nothing beside bare.mp3: {library}"
    );
    let again = cli.json(&[
        "import",
        path_str(&audio),
        "--transcript",
        path_str(&demo("demo.txt")),
    ]);
    assert_eq!(again["id"], id, "the same episode");
    let library = cli.json(&["list"]);
    assert_eq!(
        library["episodes"][0]["has_transcript"], true,
        "--transcript attached one: {library}"
    );
}

#[test]
fn an_empty_library_lists_nothing() {
    let cli = Sandbox::new();
    let library = cli.json(&["list"]);
    assert_eq!(library["episodes"], serde_json::json!([]), "{library}");
    assert_eq!(cli.text(&["list"]).trim(), "The library is empty.");
}

#[test]
fn the_data_dir_comes_from_the_environment_too() {
    let cli = Sandbox::new();
    let audio = cli.copy_demo("demo.mp3", "env.mp3");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_earmark-cli"))
        .args(["import", path_str(&audio), "--title", "env", "--json"])
        .env("EARMARK_DATA_DIR", cli.data.path())
        .output()
        .expect("run earmark-cli");
    assert!(
        output.status.success(),
        "import with EARMARK_DATA_DIR: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let library = cli.json(&["list"]);
    assert_eq!(
        library["episodes"][0]["title"], "env",
        "the import went to EARMARK_DATA_DIR: {library}"
    );
}
