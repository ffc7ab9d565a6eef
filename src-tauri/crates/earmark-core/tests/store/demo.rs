//! The demo episode a fresh install gets: filed under its show, with its transcript,
//! and offered once.

use earmark_core::library::install_demo;

use crate::library;

/// What assets/demo/episode.json says of the demo.
fn bundled_metadata() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/demo/episode.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_demo_is_filed_under_its_podcast_with_its_transcript() {
    let lib = library();
    let meta = bundled_metadata();
    let id = install_demo(&lib.store, lib.dir.path()).unwrap().unwrap();

    let episodes = lib.store.list_episodes().unwrap();
    let demo = episodes.iter().find(|e| e.id == id).unwrap();
    assert_eq!(demo.podcast.as_deref(), meta["podcast"].as_str());
    assert_eq!(demo.podcast.as_deref(), Some("Earmark Demo"));
    assert_eq!(Some(demo.title.as_str()), meta["title"].as_str());
    assert!(demo.has_transcript && demo.downloaded, "{demo:?}");

    let show = lib.store.podcast(demo.podcast_id.unwrap()).unwrap();
    assert_eq!(show.title, "Earmark Demo");
    assert_eq!(show.feed_url, None, "a show without a feed");
    let local = lib.store.podcast_episodes(None, 0, 10).unwrap();
    assert_eq!(local.total, 0, "nothing under \"Local files\"");
}

#[test]
fn the_demo_is_installed_once_and_shares_its_show_with_tagged_files() {
    let lib = library();
    let first = install_demo(&lib.store, lib.dir.path()).unwrap();
    assert!(first.is_some());
    assert_eq!(install_demo(&lib.store, lib.dir.path()).unwrap(), None);
    assert_eq!(lib.store.list_episodes().unwrap().len(), 1);
    // A local file tagged with the same album lands in the same show.
    let show = lib.store.local_show("Earmark Demo").unwrap();
    let demo = lib.store.episode(first.unwrap()).unwrap();
    assert_eq!(demo.podcast_id, Some(show));
    assert_eq!(lib.store.podcasts().unwrap().len(), 1);
}
