//! The chapters/feed-links migration, from the version before it.

use earmark_core::chapters::{Chapter, ChapterSource};
use earmark_core::store::{NewEpisode, Store, DATABASE_FILE_NAME, LATEST_VERSION};

#[test]
fn chapters_migration_keeps_the_library_and_adds_chapters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    let episode = {
        let old = Store::open_at_version(&path, LATEST_VERSION - 1).unwrap();
        let id = old
            .insert_episode(&NewEpisode {
                title: "Before chapters".into(),
                ..NewEpisode::default()
            })
            .unwrap();
        old.add_note(id, 1_000, "kept").unwrap();
        id
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(store.episode(episode).unwrap().title, "Before chapters");
    assert_eq!(store.list_notes(episode).unwrap().len(), 1);
    assert_eq!(store.chapters(episode).unwrap(), None);
    let chapter = Chapter {
        start_ms: 0,
        end_ms: Some(5_000),
        title: "Intro".into(),
        url: None,
        image_url: None,
    };
    store
        .set_chapters(episode, std::slice::from_ref(&chapter), ChapterSource::Id3)
        .unwrap();
    assert_eq!(
        store.chapters(episode).unwrap(),
        Some((vec![chapter], ChapterSource::Id3))
    );
    assert!(store.episode_links(episode).unwrap().is_empty());
    store.delete_episode(episode).unwrap();
    assert_eq!(
        store.chapters(episode).unwrap(),
        None,
        "chapters go with the episode"
    );
}
