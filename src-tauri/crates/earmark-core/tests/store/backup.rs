//! Backing up the library while it is written to, and restoring it: into a fresh
//! data folder, over a library (which is kept), from an older version, and what is
//! refused.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use earmark_core::backup::{back_up, inspect, restore, BackupError, LibraryLock, BACKUPS_FOLDER};
use earmark_core::store::Store;

use crate::{add_episode, library, timed_transcript};

#[test]
fn a_backup_taken_while_another_connection_writes_is_whole_and_consistent() {
    let lib = library();
    let episode = add_episode(&lib.store, "busy");
    lib.store.add_note(episode, 0, "first").unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(1));
    let writer = {
        let (stop, written) = (Arc::clone(&stop), Arc::clone(&written));
        let store = lib.reopen();
        std::thread::spawn(move || {
            let mut i = 1;
            while !stop.load(Ordering::Acquire) {
                store.add_note(episode, i, &format!("note {i}")).unwrap();
                written.fetch_add(1, Ordering::AcqRel);
                i += 1;
            }
        })
    };
    // Back up while the writer commits, until it has written during several backups.
    let backups = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    for n in 0..5 {
        let before = written.load(Ordering::Acquire);
        let file = backups.path().join(format!("b{n}.db"));
        let facts = back_up(lib.dir.path(), &file).unwrap();
        let after = written.load(Ordering::Acquire);
        assert!(
            (before..=after).contains(&facts.notes),
            "the copy holds the notes of one moment: {before} <= {} <= {after}",
            facts.notes
        );
        // Consistent: every note the copy holds is in its search index too.
        let copy = rusqlite::Connection::open(&file).unwrap();
        let indexed: u64 = copy
            .query_row(
                "SELECT count(*) FROM search_docs WHERE kind = 'note'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(
            indexed, facts.notes,
            "the copy's search index matches its notes"
        );
        seen.push(facts.notes);
        while written.load(Ordering::Acquire) == after {
            std::thread::yield_now();
        }
    }
    stop.store(true, Ordering::Release);
    writer.join().unwrap();
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "each backup saw later writes: {seen:?}"
    );
}

#[test]
fn a_backup_restores_into_a_fresh_data_folder() {
    let lib = library();
    let episode = add_episode(&lib.store, "walk");
    lib.store
        .set_transcript(episode, &timed_transcript(&["one", "two"]), None)
        .unwrap();
    lib.store.add_note(episode, 1_500, "on two").unwrap();
    lib.store.set_position(episode, 1_200).unwrap();
    let file = lib.dir.path().join("library-backup.db");
    back_up(lib.dir.path(), &file).unwrap();
    assert!(
        !lib.dir.path().join("library-backup.db-wal").exists(),
        "the backup is one self-contained file"
    );

    let fresh = tempfile::tempdir().unwrap();
    let lock = LibraryLock::try_acquire(fresh.path()).unwrap();
    let restored = restore(&file, &lock).unwrap();
    assert_eq!(restored.previous, None, "nothing was there to keep");
    assert_eq!((restored.from.episodes, restored.from.notes), (1, 1));
    let store = Store::open_in_data_dir(fresh.path()).unwrap();
    let back = store.episode(episode).unwrap();
    assert_eq!((back.title.as_str(), back.position_ms), ("walk", 1_200));
    assert_eq!(store.list_notes(episode).unwrap()[0].text, "on two");
    assert_eq!(
        store.get_transcript(episode).unwrap(),
        lib.store.get_transcript(episode).unwrap()
    );
}

#[test]
fn a_restore_keeps_the_replaced_library_and_open_connections_see_the_new_one() {
    let source = library();
    let episode = add_episode(&source.store, "from the backup");
    source.store.add_note(episode, 0, "restored note").unwrap();
    let file = source.dir.path().join("b.db");
    back_up(source.dir.path(), &file).unwrap();

    let target = library();
    let mine = add_episode(&target.store, "replaced");
    target.store.add_note(mine, 0, "replaced note").unwrap();
    let lock = LibraryLock::try_acquire(target.dir.path()).unwrap();
    let restored = restore(&file, &lock).unwrap();

    let titles = |store: &Store| -> Vec<String> {
        store
            .list_episodes()
            .unwrap()
            .into_iter()
            .map(|e| e.title)
            .collect()
    };
    assert_eq!(
        titles(&target.store),
        ["from the backup"],
        "a connection opened before the restore reads the restored library"
    );
    let kept = restored.previous.expect("the replaced library is kept");
    assert!(
        kept.starts_with(target.dir.path().join(BACKUPS_FOLDER)),
        "{kept:?}"
    );
    let kept_facts = inspect(&kept).unwrap();
    assert_eq!((kept_facts.episodes, kept_facts.notes), (1, 1));
    assert_eq!(titles(&Store::open(&kept).unwrap()), ["replaced"]);
}

#[test]
fn an_older_library_is_brought_up_to_date_and_the_backup_file_left_alone() {
    let old = tempfile::tempdir().unwrap();
    let file = old.path().join("v1.db");
    {
        let store = Store::open_at_version(&file, 1).unwrap();
        let episode = add_episode(&store, "old times");
        store.add_note(episode, 0, "written long ago").unwrap();
    }
    let bytes = std::fs::read(&file).unwrap();
    let target = library();
    let lock = LibraryLock::try_acquire(target.dir.path()).unwrap();
    let restored = restore(&file, &lock).unwrap();
    assert_eq!(restored.from.schema_version, 1);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the backup was only read"
    );
    let store = Store::open_in_data_dir(target.dir.path()).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        earmark_core::store::LATEST_VERSION
    );
    let hits = store.search("long ago", 10).unwrap();
    assert_eq!(
        hits.len(),
        1,
        "the old note is in the new search index: {hits:?}"
    );
    let strays: Vec<_> = std::fs::read_dir(target.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restore"))
        .collect();
    assert!(strays.is_empty(), "no staging files left: {strays:?}");
}

#[test]
fn files_that_are_not_earmark_libraries_are_refused_and_nothing_changes() {
    let target = library();
    let episode = add_episode(&target.store, "mine");
    let lock = LibraryLock::try_acquire(target.dir.path()).unwrap();
    let scratch = tempfile::tempdir().unwrap();

    let text = scratch.path().join("notes.txt");
    std::fs::write(&text, "Not a database, just words.\n".repeat(40)).unwrap();
    let foreign = scratch.path().join("other.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT); PRAGMA user_version = 3;")
        .unwrap();
    let empty = scratch.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();

    for file in [&text, &foreign, &empty, &scratch.path().join("missing.db")] {
        let err = restore(file, &lock).unwrap_err();
        assert!(
            matches!(err, BackupError::NotALibrary { .. }),
            "{file:?}: {err}"
        );
        let message = err.to_string();
        assert!(
            message.contains("is not an Earmark library backup")
                && message.ends_with("nothing was changed."),
            "a sentence: {message}"
        );
    }
    assert_eq!(target.store.episode(episode).unwrap().title, "mine");
    assert!(
        !target.dir.path().join(BACKUPS_FOLDER).exists(),
        "nothing was replaced, so nothing was kept"
    );
}

#[test]
fn a_library_from_a_newer_earmark_is_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let newer = scratch.path().join("newer.db");
    {
        let store = Store::open(&newer).unwrap();
        add_episode(&store, "future");
    }
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let target = library();
    let lock = LibraryLock::try_acquire(target.dir.path()).unwrap();
    let err = restore(&newer, &lock).unwrap_err();
    assert!(matches!(err, BackupError::Newer { found: 99, .. }), "{err}");
}
