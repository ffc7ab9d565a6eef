//! What can go wrong backing up or restoring the library, in sentences.

use std::path::PathBuf;

use crate::store::StoreError;

/// An error from [`back_up`](super::back_up) or [`restore`](super::restore).
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The data folder has no library to back up.
    #[error("There is no Earmark library in {0} to back up.")]
    NoLibrary(PathBuf),

    /// The backup would overwrite the library itself.
    #[error("{0} is the library itself; choose another file for the backup.")]
    SameFile(PathBuf),

    /// The file to restore is not an Earmark library.
    #[error("{path} is not an Earmark library backup ({reason}); nothing was changed.")]
    NotALibrary {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },

    /// The file to restore comes from a newer Earmark.
    #[error(
        "{path} is a library from a newer Earmark (schema version {found}; this version \
         knows up to {known}). Update Earmark to restore it; nothing was changed."
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The newest this build knows.
        known: u32,
    },

    /// The app (or another restore) holds the library.
    #[error(
        "Earmark is open on the library in {0}. Close it first, or restore from its \
         Settings; nothing was changed."
    )]
    InUse(PathBuf),

    /// Another connection held the library for longer than the busy timeout.
    #[error(
        "The library stayed busy in another Earmark window or command; nothing was \
         changed. Try again in a moment."
    )]
    Busy,

    /// SQLite failed while copying.
    #[error("Could not copy the library {what}: {source}")]
    Copy {
        /// What was being copied where, e.g. "to /backups/x.db".
        what: String,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },

    /// A file could not be read or written.
    #[error("Could not write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },

    /// From the library store.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl BackupError {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            BackupError::NoLibrary(_) => "no_library",
            BackupError::SameFile(_) => "backup_same_file",
            BackupError::NotALibrary { .. } => "not_a_library",
            BackupError::Newer { .. } => "newer_library",
            BackupError::InUse(_) => "library_in_use",
            BackupError::Busy => "busy",
            BackupError::Copy { .. } => "backup_copy",
            BackupError::Io { .. } => "io",
            BackupError::Store(e) => e.code(),
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code; `detail` is what the system said, in English.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let path = |p: &std::path::Path| ("path", p.display().to_string());
        match self {
            BackupError::NoLibrary(p) | BackupError::SameFile(p) | BackupError::InUse(p) => {
                vec![path(p)]
            }
            BackupError::NotALibrary { path: p, reason } => {
                vec![path(p), ("detail", reason.clone())]
            }
            BackupError::Newer {
                path: p,
                found,
                known,
            } => vec![
                path(p),
                ("found", found.to_string()),
                ("known", known.to_string()),
            ],
            BackupError::Busy => Vec::new(),
            BackupError::Copy { source, .. } => vec![("detail", source.to_string())],
            BackupError::Io { path: p, source } => vec![path(p), ("detail", source.to_string())],
            BackupError::Store(e) => e.params(),
        }
    }
}

/// An I/O error from inside an atomic write; the caller names the file.
impl From<std::io::Error> for BackupError {
    fn from(source: std::io::Error) -> Self {
        BackupError::Io {
            path: PathBuf::new(),
            source,
        }
    }
}
