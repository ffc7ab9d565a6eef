//! Schema migrations: each tested from the previous version, backups, refusals.

use std::path::Path;

use earmark_core::store::{
    backup_path, HitKind, NewHighlight, NewPodcast, SeekKey, Store, StoreError, DATABASE_FILE_NAME,
    LATEST_VERSION,
};
use rusqlite::Connection;

use crate::{add_episode, timed_transcript};

fn backups_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".bak-v"))
        .collect();
    names.sort();
    names
}

fn user_version(path: &Path) -> u32 {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn fresh_library_starts_at_the_latest_version_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_data_dir(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(
        store.path(),
        Some(dir.path().join(DATABASE_FILE_NAME).as_path())
    );
    assert!(
        backups_in(dir.path()).is_empty(),
        "a new library needs no backup: {:?}",
        backups_in(dir.path())
    );
}

#[test]
fn empty_file_migrates_to_version_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    let store = Store::open_at_version(&path, 1).unwrap();
    assert_eq!(store.schema_version().unwrap(), 1);
    let episode = add_episode(&store, "first");
    store.add_note(episode, 10, "works at v1").unwrap();
    assert_eq!(store.list_notes(episode).unwrap().len(), 1);
    assert!(
        store.search("works", 10).is_err(),
        "version 1 has no search index yet"
    );
}

#[test]
fn version_1_library_upgrades_to_2_keeping_and_indexing_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    let (episode, note, highlight) = {
        let v1 = Store::open_at_version(&path, 1).unwrap();
        let podcast = v1
            .add_podcast(&NewPodcast {
                title: "Show".into(),
                feed_url: Some("https://example.org/feed.xml".into()),
                ..NewPodcast::default()
            })
            .unwrap();
        let episode = v1
            .insert_episode(&earmark_core::store::NewEpisode {
                podcast_id: Some(podcast),
                title: "Le café du matin".into(),
                published: Some("2024-05-01T12:00:00Z".into()),
                duration_ms: Some(60_000),
                ..Default::default()
            })
            .unwrap();
        v1.set_position(episode, 12_345).unwrap();
        let note = v1
            .add_note(episode, 2_000, "remember the lighthouse")
            .unwrap();
        let highlight = v1
            .add_highlight(
                episode,
                &NewHighlight {
                    start_ms: 1_000,
                    end_ms: 2_000,
                    text: "tidal estuary".into(),
                    ..NewHighlight::default()
                },
            )
            .unwrap();
        v1.set_transcript(
            episode,
            &timed_transcript(&["hello there", "the river delta floods"]),
            None,
        )
        .unwrap();
        v1.set_setting("theme", "dark").unwrap();
        v1.put_seek_index(
            &SeekKey {
                path: "/a.mp3".into(),
                size: 1,
                mtime_ns: 2,
            },
            &[9, 9],
        )
        .unwrap();
        (episode, note, highlight)
    };

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);

    let backup = backup_path(&path, 1);
    assert!(backup.exists(), "upgrade must leave {}", backup.display());
    assert_eq!(backups_in(dir.path()), vec!["earmark.db.bak-v1".to_owned()]);
    assert_eq!(user_version(&backup), 1, "the backup is the version-1 file");
    let backed_up_notes: i64 = Connection::open(&backup)
        .unwrap()
        .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(backed_up_notes, 1, "the backup holds the data");

    let loaded = store.episode(episode).unwrap();
    assert_eq!(loaded.title, "Le café du matin");
    assert_eq!(loaded.position_ms, 12_345, "position survives");
    assert_eq!(store.list_notes(episode).unwrap()[0].id, note);
    assert_eq!(store.list_highlights(episode).unwrap()[0].id, highlight);
    assert_eq!(
        store
            .get_transcript(episode)
            .unwrap()
            .unwrap()
            .segments
            .len(),
        2
    );
    assert_eq!(
        store.setting::<String>("theme").unwrap().as_deref(),
        Some("dark")
    );

    // Migration 2 indexes what version 1 held.
    let kinds = |q: &str| -> Vec<HitKind> {
        store
            .search(q, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.kind)
            .collect()
    };
    assert_eq!(kinds("lighthouse"), vec![HitKind::Note]);
    assert_eq!(kinds("estuary"), vec![HitKind::Highlight]);
    assert_eq!(kinds("delta"), vec![HitKind::Transcript]);
    assert_eq!(
        kinds("cafe"),
        vec![HitKind::Episode],
        "title indexed with accents folded"
    );
    let delta = &store.search("delta", 1).unwrap()[0];
    assert_eq!(delta.at_ms, Some(1_000), "segment start carried over");

    // And keeps indexing new data.
    store.add_note(episode, 5, "after upgrade").unwrap();
    assert_eq!(kinds("upgrade"), vec![HitKind::Note]);
}

#[test]
fn reopening_an_up_to_date_library_makes_no_backup() {
    let lib = crate::library();
    add_episode(&lib.store, "x");
    drop(lib.reopen());
    drop(lib.reopen());
    assert!(backups_in(lib.dir.path()).is_empty());
}

#[test]
fn library_from_a_newer_earmark_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 7)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerDatabase { found, known }
            if found == LATEST_VERSION + 7 && known == LATEST_VERSION),
        "got {err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("newer version of Earmark"),
        "message: {message}"
    );
    assert_eq!(err.code(), "newer_database");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file must not change"
    );
    assert!(
        backups_in(dir.path()).is_empty(),
        "no backup of a file we do not upgrade"
    );
    assert_eq!(user_version(&path), LATEST_VERSION + 7);
}

#[test]
fn database_of_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos DEFAULT VALUES;",
        )
        .unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::ForeignDatabase { .. }),
        "got {err:?}"
    );
    assert!(err.to_string().contains("not an Earmark library"), "{err}");
}

#[test]
fn file_that_is_not_a_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    std::fs::write(&path, "this is a text file, not SQLite\n".repeat(50)).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::NotADatabase { .. }),
        "got {err:?}"
    );
    assert!(
        err.to_string()
            .contains("is not an Earmark library database"),
        "{err}"
    );
}

#[test]
fn opening_in_a_folder_that_cannot_exist_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let err = Store::open_in_data_dir(&file.join("sub")).unwrap_err();
    assert!(matches!(err, StoreError::DataDir { .. }), "got {err:?}");
    assert!(
        err.to_string()
            .starts_with("Could not create the data folder"),
        "{err}"
    );
}

#[test]
fn version_4_library_upgrades_to_5_with_its_search_index_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    let episode = {
        let v4 = Store::open_at_version(&path, 4).unwrap();
        let episode = add_episode(&v4, "Talks about conversation");
        v4.set_transcript(
            episode,
            &timed_transcript(&["a conversation by the river", "converging rivers"]),
            None,
        )
        .unwrap();
        v4.add_note(episode, 5_000, "convince the editor").unwrap();
        episode
    };
    assert_eq!(user_version(&path), 4);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let options: String = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'search_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        options.contains("'2 3 4'"),
        "the index has a 4-character prefix index: {options}"
    );

    // Everything indexed before the upgrade is found again, by prefix and by word.
    let hits = store.search("conv*", 20).unwrap();
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    assert_eq!(hits.len(), 4, "title, two lines and the note: {hits:?}");
    assert!(
        kinds.contains(&HitKind::Note) && kinds.contains(&HitKind::Episode),
        "{kinds:?}"
    );
    assert!(hits.iter().all(|h| h.episode == episode));
    assert_eq!(store.search("river", 20).unwrap().len(), 1);

    // And the triggers still keep the rebuilt index in step.
    store.add_note(episode, 9_000, "convey it plainly").unwrap();
    assert_eq!(store.search("conv*", 20).unwrap().len(), 5);
    assert_eq!(store.search("convey", 20).unwrap().len(), 1);
}
