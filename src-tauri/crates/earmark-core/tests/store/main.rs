//! Library store tests, one binary: real temp-file databases, one module per concern.

// Helpers here are test code too: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod artwork;
mod attach;
mod backup;
mod concurrency;
mod confidence;
mod cover;
mod demo;
mod durability;
mod episodes;
mod files;
mod large_transcripts;
mod listing;
mod migrate;
mod notes;
mod pins;
mod ranking_bound;
mod search;
mod sidebar;
mod transcripts;
mod upgrades;
mod upgrades_v10;

use std::path::PathBuf;

use earmark_core::store::{EpisodeId, NewEpisode, Store};
use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};
use tempfile::TempDir;

/// A library in its own temporary data directory (removed on drop).
#[derive(Debug)]
pub struct Library {
    /// The data directory.
    pub dir: TempDir,
    /// The open store.
    pub store: Store,
}

impl Library {
    /// The database file.
    pub fn db_path(&self) -> PathBuf {
        self.dir
            .path()
            .join(earmark_core::store::DATABASE_FILE_NAME)
    }

    /// Opens a second connection to the same file.
    pub fn reopen(&self) -> Store {
        Store::open_in_data_dir(self.dir.path()).expect("reopen the library")
    }
}

/// A fresh library on disk.
pub fn library() -> Library {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in_data_dir(dir.path()).expect("open a fresh library");
    Library { dir, store }
}

/// Adds a local-file episode with just a title.
pub fn add_episode(store: &Store, title: &str) -> EpisodeId {
    store
        .insert_episode(&NewEpisode {
            title: title.to_owned(),
            ..NewEpisode::default()
        })
        .expect("insert episode")
}

/// A segment with an optional start and a speaker-less text.
pub fn segment(start_ms: Option<u64>, text: &str) -> Segment {
    Segment {
        start_ms,
        end_ms: start_ms.map(|s| s + 1_000),
        speaker: None,
        text: text.to_owned(),
        words: None,
    }
}

/// A WebVTT transcript of timed lines, one second apart from `0`.
pub fn timed_transcript(lines: &[&str]) -> Transcript {
    Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments: lines
            .iter()
            .zip(0u64..)
            .map(|(text, i)| segment(Some(i * 1_000), text))
            .collect(),
    }
}
