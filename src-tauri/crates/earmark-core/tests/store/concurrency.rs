//! Several connections on one file: the app and the CLI, or threads of the app.
//! Writers wait for each other (WAL + busy timeout + IMMEDIATE transactions); none
//! sees `SQLITE_BUSY` unless another holds the database past the timeout.

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use earmark_core::store::{Store, StoreError, BUSY_TIMEOUT, LATEST_VERSION};
use rusqlite::Connection;

use crate::{add_episode, library, timed_transcript};

const WRITES_PER_THREAD: u64 = 150;

#[test]
fn two_connections_write_concurrently_without_busy_errors() {
    let lib = library();
    let episode = add_episode(&lib.store, "shared");
    let barrier = Arc::new(Barrier::new(3));
    let writers: Vec<_> = (0..2u64)
        .map(|writer| {
            let store = lib.reopen();
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || -> Result<(), StoreError> {
                barrier.wait();
                for i in 0..WRITES_PER_THREAD {
                    store.add_note(episode, writer * 1_000_000 + i, &format!("w{writer} n{i}"))?;
                    store.set_position(episode, i)?;
                    if i % 25 == 0 {
                        let lines = [format!("writer {writer} line {i}")];
                        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
                        store.set_transcript(episode, &timed_transcript(&refs), None)?;
                    }
                }
                Ok(())
            })
        })
        .collect();
    let reader = {
        let store = lib.reopen();
        let barrier = Arc::clone(&barrier);
        thread::spawn(move || -> Result<usize, StoreError> {
            barrier.wait();
            let mut seen = 0;
            for _ in 0..100 {
                seen = seen.max(store.search("n1*", 10)?.len());
                store.list_notes(episode)?;
                store.list_episodes()?;
            }
            Ok(seen)
        })
    };
    for (i, writer) in writers.into_iter().enumerate() {
        let result = writer.join().expect("writer thread panicked");
        assert!(result.is_ok(), "writer {i} failed: {:?}", result.err());
    }
    let read = reader.join().expect("reader thread panicked");
    assert!(read.is_ok(), "reader failed: {:?}", read.err());

    let notes = lib.store.list_notes(episode).unwrap();
    assert_eq!(
        notes.len() as u64,
        2 * WRITES_PER_THREAD,
        "every note from both connections is there"
    );
    assert_eq!(
        lib.store.search("w0", 1_000).unwrap().len() as u64,
        WRITES_PER_THREAD,
        "the index saw every note of writer 0"
    );
    assert_eq!(
        lib.store.search("writer", 10).unwrap().len(),
        1,
        "one transcript line left after the replacements"
    );
}

#[test]
fn first_open_of_a_new_file_from_several_threads_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let barrier = Arc::new(Barrier::new(4));
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let dir = dir.path().to_path_buf();
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                barrier.wait();
                Store::open_in_data_dir(&dir).and_then(|s| s.schema_version())
            })
        })
        .collect();
    for opener in openers {
        let version = opener.join().expect("opener panicked");
        assert!(
            matches!(version, Ok(v) if v == LATEST_VERSION),
            "got {version:?}"
        );
    }
}

#[test]
fn writer_waits_for_a_short_lock_held_elsewhere() {
    let lib = library();
    let episode = add_episode(&lib.store, "e");
    let holder = Connection::open(lib.db_path()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = thread::spawn(move || {
        thread::sleep(Duration::from_millis(400));
        holder.execute_batch("COMMIT").unwrap();
    });
    let started = Instant::now();
    let result = lib.store.add_note(episode, 0, "waited");
    assert!(result.is_ok(), "the write should wait, got {result:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "it really had to wait ({:?})",
        started.elapsed()
    );
    release.join().unwrap();
}

#[test]
fn lock_held_past_the_timeout_is_a_clear_busy_error() {
    let lib = library();
    let episode = add_episode(&lib.store, "e");
    let holder = Connection::open(lib.db_path()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let err = lib.store.add_note(episode, 0, "never").unwrap_err();
    assert!(matches!(err, StoreError::Busy), "got {err:?}");
    assert!(
        started.elapsed() >= BUSY_TIMEOUT - Duration::from_millis(100),
        "gave up only after the busy timeout ({:?})",
        started.elapsed()
    );
    assert!(err.to_string().contains("busy"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
    lib.store.add_note(episode, 0, "now it works").unwrap();
}
