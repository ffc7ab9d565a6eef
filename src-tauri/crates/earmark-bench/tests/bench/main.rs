//! `earmark-bench`, run as a script would: each benchmark prints its JSON figures.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod engine;
mod feed;
mod notes;
mod transcript;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// An audio file of `tests/fixtures/audio`.
fn audio_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/audio")
        .join(name)
}

/// A file of the bundled demo episode.
fn demo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../assets/demo")
        .join(name)
}

/// Runs `earmark-bench ARGS --json`, expects success, and parses its one document.
fn bench_json(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_earmark-bench"))
        .args(args)
        .arg("--json")
        .env_remove("EARMARK_DATA_DIR")
        .output()
        .expect("run earmark-bench");
    assert!(
        out.status.success(),
        "earmark-bench {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}
