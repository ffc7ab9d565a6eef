//! `earmark-cli feed remove`: unsubscribing keeps the listener's work and deletes
//! only the show's downloads.

use std::path::PathBuf;

use crate::{podcast_server, Sandbox};

#[test]
fn feed_remove_deletes_the_downloads_and_keeps_the_noted_episode() {
    let server = podcast_server();
    let sandbox = Sandbox::new();
    let added = sandbox.json(&["feed", "add", &server.url("/feed.xml")]);
    let podcast = added["podcast"].as_i64().expect("podcast id").to_string();
    let pilot = sandbox.episode_id("Pilot").to_string();
    let downloaded = sandbox.json(&["download", &pilot]);
    let audio = PathBuf::from(downloaded["path"].as_str().expect("path"));
    assert!(audio.is_file(), "{audio:?}");
    let noted = sandbox.episode_id("Hearing It Twice").to_string();
    sandbox.json(&["notes", "add", &noted, "--at", "1000", "worth keeping"]);

    let done = sandbox.json(&["feed", "remove", &podcast]);
    assert_eq!(done["title"], added["title"], "{done}");
    assert_eq!(done["removed"], 2, "{done}");
    assert_eq!(done["kept"], 1, "{done}");
    assert_eq!(done["files_deleted"], 1, "{done}");
    assert!(!audio.exists(), "the show's download is deleted");

    assert_eq!(
        sandbox.json(&["feed", "list"])["podcasts"],
        serde_json::json!([])
    );
    let list = sandbox.json(&["list"]);
    let episodes = list["episodes"].as_array().expect("episodes");
    assert_eq!(episodes.len(), 1, "{list}");
    assert_eq!(episodes[0]["title"], "Hearing It Twice");
    assert!(
        episodes[0]["podcast"].is_null(),
        "kept under Local files: {list}"
    );
    let notes = sandbox.json(&["notes", "list", &noted]);
    assert_eq!(notes["notes"][0]["text"], "worth keeping");

    let text = sandbox.run(&["feed", "remove", &podcast]);
    assert_eq!(
        text.status.code(),
        Some(1),
        "a show that is gone is an error"
    );
    let line = String::from_utf8_lossy(&text.stderr);
    assert!(line.contains("There is no podcast"), "{line}");
}
