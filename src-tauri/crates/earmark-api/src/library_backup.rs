//! Restoring the library from a backup (`earmark_core::backup`), for the window and
//! `earmark-cli restore`: only while holding the lock on the data folder.

use std::path::Path;

use earmark_core::backup::{restore, BackupError, LibraryLock, Restored};

/// Restores the library in `data_dir` from `file` under the lock on it: `held` when
/// the front end took it at start, else taken now (refused while the app holds it).
pub fn restore_library(
    file: &Path,
    data_dir: &Path,
    held: Option<&LibraryLock>,
) -> Result<Restored, BackupError> {
    match held {
        Some(lock) => restore(file, lock),
        None => restore(file, &LibraryLock::try_acquire(data_dir)?),
    }
}
