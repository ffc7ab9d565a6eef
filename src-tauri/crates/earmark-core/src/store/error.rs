//! What can go wrong with the library store, in sentences a user understands.

use std::path::PathBuf;

use rusqlite::ErrorCode;

use super::{EpisodeId, HighlightId, NoteId, PodcastId};

/// An error from the library store.
///
/// Every variant a user can cause reads as a sentence they understand; the shell maps
/// these to its `{code, message}` IPC error and the CLI prints the message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database was written by a newer Earmark; it is left untouched.
    #[error(
        "The library database is from a newer version of Earmark (schema version {found}; \
         this version knows up to {known}). Update Earmark to open it; the file was not changed."
    )]
    NewerDatabase {
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this build knows.
        known: u32,
    },

    /// The file exists but is not an SQLite database, or is damaged.
    #[error("The file {path} is not an Earmark library database, or it is damaged.")]
    NotADatabase {
        /// The file that was opened.
        path: PathBuf,
    },

    /// The file is an SQLite database that some other program made.
    #[error(
        "The file {path} is a database from another program, not an Earmark library; \
         it was not changed."
    )]
    ForeignDatabase {
        /// The file that was opened.
        path: PathBuf,
    },

    /// The data folder or database file could not be created or opened.
    #[error("Could not open the library database {path}: {source}")]
    Open {
        /// The file that was opened.
        path: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },

    /// The data folder could not be created.
    #[error("Could not create the data folder {path}: {source}")]
    DataDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },

    /// The safety copy taken before an upgrade could not be written; nothing was upgraded.
    #[error(
        "Could not back up the library database to {path} before upgrading it, so it was \
         not upgraded: {source}"
    )]
    Backup {
        /// Where the copy was to go.
        path: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },

    /// A schema upgrade failed and was rolled back.
    #[error("Could not upgrade the library database to schema version {version}: {source}")]
    Migration {
        /// The version that failed.
        version: u32,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },

    /// Another window or command held the database for longer than the busy timeout.
    #[error(
        "The library database is busy in another Earmark window or command; try again in a moment."
    )]
    Busy,

    /// No episode has that id.
    #[error("There is no episode {0} in the library.")]
    EpisodeNotFound(EpisodeId),

    /// The episode has no transcript (to pin a line of, for example).
    #[error("Episode {0} has no transcript yet.")]
    NoTranscript(EpisodeId),

    /// No podcast has that id.
    #[error("There is no podcast {0} in the library.")]
    PodcastNotFound(PodcastId),

    /// No note has that id.
    #[error("There is no note {0}.")]
    NoteNotFound(NoteId),

    /// No highlight has that id.
    #[error("There is no highlight {0}.")]
    HighlightNotFound(HighlightId),

    /// A highlight would end before it starts.
    #[error("A highlight must not end before it starts (from {start_ms} ms to {end_ms} ms).")]
    HighlightRange {
        /// Requested start.
        start_ms: u64,
        /// Requested end.
        end_ms: u64,
    },

    /// A podcast with that feed address is already in the library.
    #[error("The podcast feed {0} is already in the library.")]
    DuplicateFeed(String),

    /// A stored transcript could not be read back.
    #[error("The stored transcript of episode {episode} could not be read: {source}")]
    StoredTranscript {
        /// The episode.
        episode: EpisodeId,
        /// Why.
        #[source]
        source: serde_json::Error,
    },

    /// A setting could not be written or read as JSON.
    #[error("The setting \"{key}\" could not be stored or read: {source}")]
    Setting {
        /// The setting's key.
        key: String,
        /// Why.
        #[source]
        source: serde_json::Error,
    },

    /// A finished chunk of a transcription could not be written as JSON.
    #[error("Chunk {chunk} of the transcription could not be kept: {source}")]
    TranscriptionChunk {
        /// The chunk's number.
        chunk: usize,
        /// Why.
        #[source]
        source: serde_json::Error,
    },

    /// Any other database error.
    #[error("The library database reported an error: {0}")]
    Database(#[source] rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Database(error),
        }
    }
}

impl StoreError {
    /// Maps an error from opening or first reading `path` to the clearest variant.
    pub(crate) fn opening(path: &std::path::Path, error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                StoreError::NotADatabase {
                    path: path.to_path_buf(),
                }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Open {
                path: path.to_path_buf(),
                source: error,
            },
        }
    }

    /// A short stable code for the IPC boundary and scripts (`"newer_database"`, …).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NewerDatabase { .. } => "newer_database",
            StoreError::NotADatabase { .. } => "not_a_database",
            StoreError::ForeignDatabase { .. } => "foreign_database",
            StoreError::Open { .. } => "database_open",
            StoreError::DataDir { .. } => "data_dir",
            StoreError::Backup { .. } => "database_backup",
            StoreError::Migration { .. } => "database_migration",
            StoreError::Busy => "database_busy",
            StoreError::EpisodeNotFound(_) => "episode_not_found",
            StoreError::NoTranscript(_) => "no_transcript",
            StoreError::PodcastNotFound(_) => "podcast_not_found",
            StoreError::NoteNotFound(_) => "note_not_found",
            StoreError::HighlightNotFound(_) => "highlight_not_found",
            StoreError::HighlightRange { .. } => "highlight_range",
            StoreError::DuplicateFeed(_) => "duplicate_feed",
            StoreError::StoredTranscript { .. } => "stored_transcript",
            StoreError::Setting { .. } => "setting",
            StoreError::TranscriptionChunk { .. } => "transcription_chunk",
            StoreError::Database(_) => "database",
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code (the window, in the listener's language); `detail` is what the
    /// system or a library said, in English.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let path = |p: &std::path::Path| ("path", p.display().to_string());
        let detail = |e: &dyn std::error::Error| ("detail", e.to_string());
        match self {
            StoreError::NewerDatabase { found, known } => {
                vec![("found", found.to_string()), ("known", known.to_string())]
            }
            StoreError::NotADatabase { path: p } | StoreError::ForeignDatabase { path: p } => {
                vec![path(p)]
            }
            StoreError::Open { path: p, source } | StoreError::Backup { path: p, source } => {
                vec![path(p), detail(source)]
            }
            StoreError::DataDir { path: p, source } => vec![path(p), detail(source)],
            StoreError::Migration { version, source } => {
                vec![("version", version.to_string()), detail(source)]
            }
            StoreError::Busy => Vec::new(),
            StoreError::EpisodeNotFound(id)
            | StoreError::NoTranscript(id)
            | StoreError::PodcastNotFound(id)
            | StoreError::NoteNotFound(id)
            | StoreError::HighlightNotFound(id) => vec![("id", id.to_string())],
            StoreError::HighlightRange { start_ms, end_ms } => vec![
                ("start_ms", start_ms.to_string()),
                ("end_ms", end_ms.to_string()),
            ],
            StoreError::DuplicateFeed(url) => vec![("url", url.clone())],
            StoreError::StoredTranscript { episode, source } => {
                vec![("id", episode.to_string()), detail(source)]
            }
            StoreError::Setting { key, source } => vec![("key", key.clone()), detail(source)],
            StoreError::TranscriptionChunk { chunk, source } => {
                vec![("chunk", chunk.to_string()), detail(source)]
            }
            StoreError::Database(source) => vec![detail(source)],
        }
    }
}
