//! The lock a running app holds on its data folder, so that a restore from the
//! command line does not pull the library out from under it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::error::BackupError;

/// The lock file's name inside the data folder.
pub const LOCK_FILE_NAME: &str = "earmark.lock";

/// An exclusive advisory lock on a data folder (`flock` on [`LOCK_FILE_NAME`]),
/// held until dropped; the operating system releases it when the process ends,
/// however it ends.
#[derive(Debug)]
pub struct LibraryLock {
    // Held for its lock; closing the file releases it.
    _file: File,
    data_dir: PathBuf,
}

impl LibraryLock {
    /// Takes the lock on `data_dir`, creating the folder and the file if needed;
    /// [`BackupError::InUse`] when another process (or handle) holds it.
    pub fn try_acquire(data_dir: &Path) -> Result<LibraryLock, BackupError> {
        let path = data_dir.join(LOCK_FILE_NAME);
        let io = |source| BackupError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(data_dir).map_err(io)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(LibraryLock {
                _file: file,
                data_dir: data_dir.to_path_buf(),
            }),
            Err(TryLockError::WouldBlock) => Err(BackupError::InUse(data_dir.to_path_buf())),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// The data folder it locks.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let held = LibraryLock::try_acquire(dir.path()).unwrap();
        assert_eq!(held.data_dir(), dir.path());
        let second = LibraryLock::try_acquire(dir.path()).unwrap_err();
        assert!(matches!(second, BackupError::InUse(_)), "{second}");
        assert!(second.to_string().contains("Close it first"), "{second}");
        drop(held);
        LibraryLock::try_acquire(dir.path()).unwrap();
    }
}
