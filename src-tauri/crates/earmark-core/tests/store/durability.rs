//! A saved note survives a killed process: a writer child adds notes as fast as it
//! can and prints each id once `add_note` has returned (committed); the parent kills
//! it with SIGKILL after a random number of ids, again and again, and after each kill
//! checks that the database opens, passes `PRAGMA integrity_check`, and holds every
//! note whose id was printed.
//!
//! The kill moments are random but repeatable: the seed is printed, and
//! `EARMARK_KILL_SEED=N` runs the same sequence again.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use earmark_core::store::{EpisodeId, NoteId, Store};
use rusqlite::Connection;

use crate::{add_episode, library};

/// Set in the writer child: the data directory.
const CHILD_DIR_ENV: &str = "EARMARK_TEST_KILL_WRITER_DIR";
/// Set in the writer child: the episode to write notes to.
const CHILD_EPISODE_ENV: &str = "EARMARK_TEST_KILL_WRITER_EPISODE";
/// Repeats a run's kill moments.
const SEED_ENV: &str = "EARMARK_KILL_SEED";

/// Kills per run.
const ROUNDS: u32 = 30;
/// The most saved notes read before a kill.
const MAX_NOTES_BEFORE_KILL: u64 = 40;

/// The child half of [`killing_a_writer_never_loses_a_saved_note`]: writes until it
/// is killed, printing `saved ID` after each note is committed. Does nothing in a
/// normal test run.
#[test]
fn kill_writer_child() {
    let (Some(dir), Some(episode)) = (
        std::env::var_os(CHILD_DIR_ENV),
        std::env::var(CHILD_EPISODE_ENV).ok(),
    ) else {
        return;
    };
    let episode: EpisodeId = episode.parse().unwrap();
    let store = Store::open_in_data_dir(&PathBuf::from(dir)).unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    // A cap, so that a failed parent never leaves a writer running.
    let started = std::time::Instant::now();
    for i in 0u64.. {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            break;
        }
        let id = store
            .add_note(
                episode,
                i * 250,
                &format!("note {i} from pid {}", std::process::id()),
            )
            .unwrap();
        // Other writes the app makes between notes, so kills land in them too.
        if i % 3 == 0 {
            store.set_position(episode, i * 250).unwrap();
        }
        writeln!(out, "saved {id}").unwrap();
        out.flush().unwrap();
    }
}

/// SplitMix64: the test's own small seeded generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

fn seed() -> u64 {
    match std::env::var(SEED_ENV) {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("{SEED_ENV} must be a number, got {text:?}")),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
    }
}

#[test]
fn killing_a_writer_never_loses_a_saved_note() {
    let seed = seed();
    eprintln!("kill test seed {seed} (rerun with {SEED_ENV}={seed})");
    let lib = library();
    let episode = add_episode(&lib.store, "written by processes that get killed");
    let db_path = lib.db_path();
    drop(lib.store);
    let mut rng = Rng(seed);
    let mut saved: HashSet<NoteId> = HashSet::new();
    let mut kills_before_first_note = 0;

    for round in 0..ROUNDS {
        // 0 kills the child as soon as it is running (it may be opening the file).
        let wanted = rng.below(MAX_NOTES_BEFORE_KILL + 1);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "durability::kill_writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR_ENV, lib.dir.path())
            .env(CHILD_EPISODE_ENV, episode.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut read = 0;
        while read < wanted {
            let line = lines
                .next()
                .unwrap_or_else(|| {
                    let mut why = String::new();
                    let _ = std::io::Read::read_to_string(&mut stderr, &mut why);
                    panic!(
                        "seed {seed} round {round}: the writer stopped before it was killed: {why}"
                    )
                })
                .unwrap();
            if let Some(id) = line.strip_prefix("saved ") {
                saved.insert(id.parse().unwrap());
                read += 1;
            }
        }
        if wanted == 0 {
            kills_before_first_note += 1;
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "seed {seed} round {round}: the writer must die by SIGKILL, got {status:?}"
        );

        let check = Connection::open(&db_path).unwrap();
        let integrity: String = check
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(
            integrity, "ok",
            "seed {seed} round {round}: the database is intact after a kill"
        );
        drop(check);
        let store = Store::open(&db_path).unwrap_or_else(|e| {
            panic!("seed {seed} round {round}: the library opens after a kill: {e}")
        });
        let present: HashSet<NoteId> = store
            .list_notes(episode)
            .unwrap()
            .into_iter()
            .map(|n| n.id)
            .collect();
        let lost: Vec<_> = saved.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "seed {seed} round {round}: notes shown as saved were lost: {lost:?}"
        );
        assert!(
            store.search("pid", 1).is_ok(),
            "seed {seed} round {round}: the search index answers"
        );
    }
    eprintln!(
        "kill test: {ROUNDS} kills ({kills_before_first_note} before any note), {} saved notes all present",
        saved.len()
    );
    assert!(
        !saved.is_empty(),
        "seed {seed}: the writers saved something"
    );
}
