//! The app and the CLI writing at once: a long-lived connection in one process (as
//! the app holds) adds notes back to back, as fast as it can, while `earmark-cli notes
//! add` runs again and again in other processes. No write fails with a busy error and
//! every note is there. (A writer this relentless starves SQLite's default busy
//! handler; the store's own handler looks for the lock often enough to get a turn.)

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use earmark_core::store::{NewEpisode, Store};

use crate::Sandbox;

/// Set in the app-like child: the data directory.
const CHILD_DIR_ENV: &str = "EARMARK_TEST_APP_WRITER_DIR";
/// Set in the app-like child: the file whose existence tells it to stop.
const CHILD_STOP_ENV: &str = "EARMARK_TEST_APP_WRITER_STOP";

/// `earmark-cli notes add` runs while the app-like writer writes.
const CLI_NOTES: usize = 30;

/// The app-like half of [`app_and_cli_write_notes_at_once`]: adds notes to episode 1
/// until the stop file appears, printing `saved ID` after each. Does nothing in a
/// normal test run.
#[test]
fn app_writer_child() {
    let (Some(dir), Some(stop)) = (
        std::env::var_os(CHILD_DIR_ENV),
        std::env::var_os(CHILD_STOP_ENV),
    ) else {
        return;
    };
    let store = Store::open_in_data_dir(&PathBuf::from(dir)).unwrap();
    let stop = PathBuf::from(stop);
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    let mut i = 0u64;
    // A cap, so that a failed parent never leaves a writer running.
    let started = std::time::Instant::now();
    while !stop.exists() && started.elapsed() < std::time::Duration::from_secs(60) {
        let id = match store.add_note(1, i, &format!("app note {i}")) {
            Ok(id) => id,
            Err(e) => {
                writeln!(out, "error {e}").unwrap();
                out.flush().unwrap();
                std::process::exit(3);
            }
        };
        writeln!(out, "saved {id}").unwrap();
        out.flush().unwrap();
        i += 1;
    }
}

#[test]
fn app_and_cli_write_notes_at_once() {
    let cli = Sandbox::new();
    let setup = Store::open_in_data_dir(cli.data.path()).unwrap();
    let episode = setup
        .insert_episode(&NewEpisode {
            title: "shared".into(),
            ..NewEpisode::default()
        })
        .unwrap();
    assert_eq!(episode, 1, "the child writes to episode 1");
    drop(setup);
    let stop = cli.file("stop");
    let mut app = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "concurrent::app_writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR_ENV, cli.data.path())
        .env(CHILD_STOP_ENV, &stop)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(app.stdout.take().unwrap()).lines();
    // The test harness prints its own lines first.
    let ready = lines
        .by_ref()
        .map(|line| line.unwrap())
        .any(|line| line.ends_with("ready"));
    assert!(ready, "the app writer starts");
    // Drain the writer's output as it comes, so a full pipe never slows it down.
    let reader = std::thread::spawn(move || lines.map(|l| l.unwrap()).collect::<Vec<_>>());

    let mut cli_ids = HashSet::new();
    for i in 0..CLI_NOTES {
        let added = cli.json(&[
            "notes",
            "add",
            "1",
            "--at",
            &i.to_string(),
            &format!("cli note {i}"),
        ]);
        cli_ids.insert(added["id"].as_i64().expect("an id"));
    }
    std::fs::write(&stop, "").unwrap();

    let mut app_ids = HashSet::new();
    for line in reader.join().unwrap() {
        assert!(!line.starts_with("error"), "the app writer failed: {line}");
        if let Some(id) = line.strip_prefix("saved ") {
            app_ids.insert(id.parse::<i64>().unwrap());
        }
    }
    let status = app.wait().unwrap();
    assert!(
        status.success(),
        "the app writer ran without error: {status:?}"
    );
    assert!(
        app_ids.len() > CLI_NOTES,
        "the app kept writing the whole time ({} notes)",
        app_ids.len()
    );

    let store = Store::open_in_data_dir(cli.data.path()).unwrap();
    let present: HashSet<i64> = store.list_notes(1).unwrap().iter().map(|n| n.id).collect();
    assert_eq!(
        present.len(),
        app_ids.len() + CLI_NOTES,
        "every note of both processes, none twice"
    );
    assert!(app_ids.is_subset(&present), "every app note is there");
    assert!(cli_ids.is_subset(&present), "every CLI note is there");
}
