//! The library store: podcasts, episodes, transcripts, notes, highlights, the search
//! index, cached seek tables and settings, in one SQLite file (`earmark.db`) in the
//! data directory, shared by the app and `earmark-cli`.
//!
//! A [`Store`] owns one connection. SQLite is synchronous: keep a `Store` off async
//! worker threads (a dedicated store thread or `spawn_blocking`) and never hold it
//! across an `.await`. Several `Store`s — in threads or processes — may
//! use the same file at once: the database runs in WAL mode, writers wait up to
//! [`BUSY_TIMEOUT`] for each other, and every multi-statement write is one
//! `BEGIN IMMEDIATE` transaction.
//!
//! Timestamps are RFC 3339 UTC strings with second precision (`2024-05-01T12:00:00Z`),
//! written by SQLite's `strftime`. Times in media are `u64` milliseconds.

mod artwork;
mod chapters;
mod confidence;
mod db;
mod episodes;
mod error;
mod feed_schedule;
mod feed_sync;
mod feed_validators;
mod file_cache;
mod highlights;
mod leave_show;
mod listing;
mod migrate;
mod notes;
mod pins;
mod podcasts;
mod search;
mod settings;
mod sidebar;
mod transcription_chunks;
mod transcripts;

pub use artwork::EpisodeArtwork;
pub use db::{Store, BUSY_TIMEOUT, DATABASE_FILE_NAME};
pub use episodes::{Episode, EpisodeSummary, NewEpisode, PLAYED_WITHIN_MS};
pub use error::StoreError;
pub use feed_schedule::FeedSchedule;
pub use feed_sync::{EpisodeLink, EpisodePerson, FeedItem, LinkKind, SyncedEpisode};
pub use file_cache::{FileCache, FileKey};
pub use highlights::{Highlight, NewHighlight, DEFAULT_HIGHLIGHT_COLOR};
pub use leave_show::LeftShow;
pub use listing::{EpisodeListing, EpisodePage, EXCERPT_CHARS};
pub use migrate::{backup_path, LATEST_VERSION};
pub use notes::Note;
pub use podcasts::{NewPodcast, Podcast};
pub use search::{
    fts_query, render_snippet, HitKind, SearchHit, SNIPPET_MARK_END, SNIPPET_MARK_START,
};
pub use sidebar::{SidebarShow, LOCAL_FILES, SIDEBAR_EPISODES};
pub use transcription_chunks::FinishedChunk;
pub(crate) use transcripts::store_transcript;
pub use transcripts::{TranscriptInfo, TranscriptOrigin};

/// Row id of a podcast.
pub type PodcastId = i64;
/// Row id of an episode.
pub type EpisodeId = i64;
/// Row id of a note.
pub type NoteId = i64;
/// Row id of a highlight.
pub type HighlightId = i64;

/// Shorthand for results of store operations.
pub type StoreResult<T> = Result<T, StoreError>;
