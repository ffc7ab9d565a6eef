//! Backing up the whole library to one file, and restoring it from one.
//!
//! - [`back_up`] copies the library database with SQLite's online backup API, in one
//!   step under one read snapshot: the copy is consistent even while the app or a
//!   command writes (WAL readers never block writers). It is written to a temporary
//!   file beside the target, switched to a plain single-file journal, flushed and
//!   renamed into place ([`crate::atomic_file`]).
//! - [`restore`] checks that the file is an Earmark library (an SQLite database with
//!   Earmark's tables and a schema version this build knows; a damaged or foreign
//!   file is refused with a sentence and nothing changes), copies it into the data
//!   folder and brings an older one up to date there, keeps a copy of the library it
//!   replaces in `backups/` in the data folder, then copies it into the live database
//!   with the same backup API, so every open connection sees the restored library.
//!
//! A restore needs the data folder's [`LibraryLock`]. The app holds it while it runs,
//! because its player, download queue and window hold episode ids that a restore
//! would make point elsewhere: `earmark-cli restore` refuses while the app is open on
//! the library, and the app's own restore (Settings) pauses the player, restores with
//! the lock it holds, and reloads the window.
//!
//! The backup holds everything in the database: shows, episodes, transcripts,
//! positions, notes, highlights, settings. Downloaded audio and covers are files in
//! the data folder, not in the backup; downloads can be fetched again.

mod copy;
mod error;
mod lock;

pub use copy::{back_up, inspect, restore, LibraryFacts, Restored, BACKUPS_FOLDER};
pub use error::BackupError;
pub use lock::{LibraryLock, LOCK_FILE_NAME};
