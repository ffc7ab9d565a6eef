//! Opening a library: fresh, up to date, several versions behind (one backup), newer,
//! foreign or broken. Each migration's own test is in `upgrades.rs`.

use std::path::Path;

use earmark_core::store::{Store, StoreError, DATABASE_FILE_NAME, LATEST_VERSION};
use rusqlite::Connection;

use crate::add_episode;

pub fn backups_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".bak-v"))
        .collect();
    names.sort();
    names
}

pub fn user_version(path: &Path) -> u32 {
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
fn a_library_several_versions_behind_is_backed_up_once_before_upgrading() {
    let up = crate::upgrades::upgrade(1, LATEST_VERSION, |v1| {
        let episode = add_episode(v1, "old");
        v1.add_note(episode, 1_000, "from version 1").unwrap();
        episode
    });
    assert_eq!(up.store.list_notes(up.made).unwrap().len(), 1);
    assert_eq!(
        user_version(&up.path),
        LATEST_VERSION,
        "the library itself is upgraded"
    );
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
