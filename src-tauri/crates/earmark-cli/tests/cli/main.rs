//! Runs the built `earmark-cli` binary on the real demo episode, each test with its
//! own temporary data directory, and reads what it prints as a script would.

// Helpers here are test code too: a failed expect is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod align;
mod backup;
mod concurrent;
mod errors;
mod export;
mod library;
mod lying_header;
mod media;
mod notes;
mod search;
mod transcribe;
mod transcript;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

/// The demo episode's exact length in frames (44.1 kHz mono MP3).
const DEMO_FRAMES: u64 = 7_773_408;
/// The demo episode's exact length in milliseconds.
const DEMO_DURATION_MS: u64 = 176_267;
/// The demo file's title tag.
const DEMO_TITLE: &str = "Hearing It Twice \u{2014} Memory, Notes and the Transcript";

/// A file of the bundled demo episode (`assets/demo/NAME` at the repository root).
fn demo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../assets/demo")
        .join(name)
}

/// A fresh, empty data directory and a scratch folder, both deleted on drop.
struct Sandbox {
    data: TempDir,
    files: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Sandbox {
            data: tempfile::tempdir().expect("temp data dir"),
            files: tempfile::tempdir().expect("temp files dir"),
        }
    }

    /// A path in the scratch folder.
    fn file(&self, name: &str) -> PathBuf {
        self.files.path().join(name)
    }

    /// Copies a demo file into the scratch folder under a new name.
    fn copy_demo(&self, demo_name: &str, as_name: &str) -> PathBuf {
        let to = self.file(as_name);
        std::fs::copy(demo(demo_name), &to).expect("copy demo file");
        to
    }

    /// Runs the CLI with this sandbox's data directory.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_earmark-cli"))
            .arg("--data-dir")
            .arg(self.data.path())
            .args(args)
            .env_remove("EARMARK_DATA_DIR")
            .output()
            .expect("run earmark-cli")
    }

    /// Runs the CLI with `--json`, expects success, and parses its one JSON document.
    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let output = self.run(&all);
        assert!(
            output.status.success(),
            "earmark-cli {all:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("earmark-cli {all:?} printed no JSON ({e}): {stdout}"))
    }

    /// Runs the CLI expecting success, and returns what it printed.
    fn text(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "earmark-cli {args:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("stdout is UTF-8")
    }

    /// Runs the CLI expecting an error exit (1), and returns its one-line message.
    fn fails(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(1),
            "earmark-cli {args:?} should fail with exit code 1; stdout: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        assert!(output.stdout.is_empty(), "nothing on stdout after an error");
        let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
        assert_eq!(
            stderr.lines().count(),
            1,
            "the error is one line on stderr: {stderr:?}"
        );
        assert!(
            stderr.starts_with("earmark-cli: "),
            "the error names the program: {stderr:?}"
        );
        stderr.trim_end().to_string()
    }

    /// Imports a copy of the demo audio (`ep.mp3`) with `ep.vtt` beside it.
    fn import_demo(&self) -> i64 {
        self.import_demo_as(&["--title", "ep"])
    }

    /// Imports the demo as `ep.mp3` with `ep.vtt` beside it, with `more` arguments.
    fn import_demo_as(&self, more: &[&str]) -> i64 {
        let audio = self.copy_demo("demo.mp3", "ep.mp3");
        self.copy_demo("demo.vtt", "ep.vtt");
        let mut args = vec!["import", path_str(&audio)];
        args.extend_from_slice(more);
        let imported = self.json(&args);
        imported["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("import prints {{\"id\": N}}: {imported}"))
    }
}

/// A path as a command-line argument (temp paths are Unicode here).
fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The keys of a JSON object, sorted.
fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}
