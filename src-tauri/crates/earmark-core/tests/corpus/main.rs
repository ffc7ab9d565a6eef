//! The real-world corpus (issue 14): feeds and transcripts from other projects' test
//! suites (`tests/fixtures/corpus/`, sources and licences in its `SOURCES.md`), each
//! read by Earmark and compared with what its upstream suite expects.
//!
//! What upstream expects comes from two places: `expectations.tsv`, written by hand
//! from upstream's own assertions (feedparser's `Expect:` comments, web-platform-tests'
//! `assert_equals` lines, webvtt-py's and go-astisub's unit tests), and the JSON files
//! of vtt.js and podcastparser, read here ([`vttjs`], [`podcastparser`]). Each
//! expectation has a status ([`table::Status`]): `same` must match upstream; `lenient`
//! and `differs` record what Earmark reads instead, with the reason, and fail when
//! that changes either way; `expected-after:ITEM` rows are work in progress: they
//! never fail, and the summary printed at the end (`-- --nocapture`) says which ones
//! now match upstream and can be flipped to `same`.
//!
//! `EARMARK_CORPUS_DUMP=1` prints every value Earmark reads, to write new rows from.

// Helpers here are test code too: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod feeds;
mod podcastparser;
#[path = "../feeds/server.rs"]
mod server;
mod table;
mod transcripts;
mod vttjs;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use table::{Expectation, Report};

/// What Earmark read from one file: check name → value (see [`feeds`] and
/// [`transcripts`] for the names).
pub type Observed = BTreeMap<String, String>;

/// `tests/fixtures/corpus` at the repository's root.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/corpus")
}

/// Every file under `dir` whose name ends with one of `extensions`, as paths
/// relative to the corpus (with `/`), sorted.
pub fn corpus_files(dir: &str, extensions: &[&str]) -> Vec<String> {
    let root = corpus_dir();
    let mut found = Vec::new();
    let mut pending = vec![root.join(dir)];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if extensions
                .iter()
                .any(|ext| path.to_string_lossy().ends_with(ext))
            {
                let relative = path.strip_prefix(&root).unwrap();
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// Compares what Earmark read (`observed`, by file) with `expectations` (upstream's
/// expectations for them), prints the summary, and fails on any mismatch.
fn compare(what: &str, observed: &BTreeMap<String, Observed>, expectations: &[Expectation]) {
    if std::env::var_os("EARMARK_CORPUS_DUMP").is_some() {
        for (file, values) in observed {
            for (check, value) in values {
                println!("{file}\t{check}\t{}", table::escape(value));
            }
        }
    }
    let report = Report::new(observed, expectations);
    println!("{}", report.summary(what));
    assert!(report.failures.is_empty(), "{}", report.failures.join("\n"));
}

#[test]
fn feeds_read_as_upstream_expects() {
    let files = corpus_files("feeds", &[".xml", ".rss"]);
    assert!(files.len() > 100, "the feed corpus is missing: {files:?}");
    let observed = feeds::observe_all(&files);
    let mut expectations = podcastparser::expectations();
    expectations.extend(table::load("feeds/"));
    compare("feeds", &observed, &table::merge(expectations));
}

#[test]
fn transcripts_read_as_upstream_expects() {
    let files = corpus_files("transcripts", &[".vtt", ".srt"]);
    assert!(
        files.len() > 100,
        "the transcript corpus is missing: {files:?}"
    );
    let observed = transcripts::observe_all(&files);
    let mut expectations = vttjs::expectations();
    expectations.extend(table::load("transcripts/"));
    compare("transcripts", &observed, &table::merge(expectations));
}
