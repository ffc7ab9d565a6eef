//! Writing a file so that it is either the old one or the whole new one, never half.
//!
//! Every file Earmark writes for the user (exports, the vault's note files, OPML,
//! library backups) goes through [`replace_atomically`]: the content is written to a
//! temporary file in the same folder, flushed to the disk (`fsync`), then renamed over
//! the target in one step, and the folder is flushed so that the rename itself
//! survives a power cut. A full disk, a crash or a failed write leaves the target as
//! it was and removes the temporary file. `tempfile`'s `NamedTempFile::persist` does
//! the rename; this adds the flushes, keeps the target's permissions, and writes
//! through a symbolic link rather than replacing the link.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Replaces (or creates) `path` with `bytes`, atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_atomically(path, |temp| temp.as_file_mut().write_all(bytes))
}

/// Creates `path` with `bytes`, atomically, failing with
/// [`io::ErrorKind::AlreadyExists`] (and writing nothing) when something is there,
/// even if it appeared a moment ago.
pub fn create_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = filled_temp(path, |temp| temp.as_file_mut().write_all(bytes))?;
    let folder = folder_of(path);
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(&folder);
    Ok(())
}

/// Replaces (or creates) `path` with what `fill` writes into a temporary file beside
/// it (through the handle, or by opening `temp.path()`), atomically: when `fill`
/// fails, or flushing or renaming does, `path` is left as it was and the temporary
/// file is removed.
pub fn replace_atomically<E: From<io::Error>>(
    path: &Path,
    fill: impl FnOnce(&mut NamedTempFile) -> Result<(), E>,
) -> Result<(), E> {
    let target = through_links(path);
    let temp = filled_temp(&target, fill)?;
    temp.persist(&target).map_err(|e| e.error)?;
    sync_folder(&folder_of(&target));
    Ok(())
}

/// A temporary file beside `target`, filled by `fill` and flushed to the disk; it is
/// removed when dropped before being persisted.
fn filled_temp<E: From<io::Error>>(
    target: &Path,
    fill: impl FnOnce(&mut NamedTempFile) -> Result<(), E>,
) -> Result<NamedTempFile, E> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".earmark-tmp");
    if let Some(permissions) = permissions_for(target) {
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(folder_of(target))?;
    fill(&mut temp)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a path names, following symbolic links (the path itself when it is not a
/// link, or a link to nothing yet).
fn through_links(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        if let Ok(real) = std::fs::canonicalize(path) {
            return real;
        }
    }
    path.to_path_buf()
}

/// The permissions the new file gets: the old file's, else read-write for everyone the
/// user's umask allows (as a plain `File::create` would; a temporary file alone would
/// be readable by its owner only).
#[cfg(unix)]
fn permissions_for(target: &Path) -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(match std::fs::metadata(target) {
        Ok(existing) => existing.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o666),
    })
}

#[cfg(not(unix))]
fn permissions_for(target: &Path) -> Option<std::fs::Permissions> {
    std::fs::metadata(target).ok().map(|m| m.permissions())
}

/// Flushes a folder's entries, so a rename in it is on the disk. Best effort: some
/// file systems cannot open or flush a folder, and the file itself is already safe.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_a_new_file_and_replaces_an_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        write_atomically(&path, b"first").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomically(&path, b"second, longer").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second, longer");
        assert_eq!(names_in(dir.path()), ["notes.md"], "no temporary file left");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        std::fs::write(&path, "the user's old export").unwrap();
        let failed = replace_atomically(&path, |temp| {
            temp.as_file_mut().write_all(b"half a docu")?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        });
        assert_eq!(failed.unwrap_err().kind(), io::ErrorKind::StorageFull);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "the user's old export"
        );
        assert_eq!(names_in(dir.path()), ["notes.md"], "no temporary file left");
    }

    #[test]
    fn create_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.md");
        create_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let again = create_atomically(&path, b"other").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(names_in(dir.path()), ["mine.md"], "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_permissions_and_writes_through_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let fresh = dir.path().join("fresh.md");
        write_atomically(&fresh, b"x").unwrap();
        let plain = dir.path().join("plain.md");
        std::fs::write(&plain, b"x").unwrap();
        let mode_of = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode_of(&fresh),
            mode_of(&plain),
            "like a plain new file, not 0600"
        );
    }
}
