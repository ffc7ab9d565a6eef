//! Where fetched artwork is kept: `<data>/artwork/<key>-<side>.<png|jpg>`, the key a
//! hash of the picture's address, and `<key>.failed` to remember a fetch that failed.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use super::scale::scaled;
use crate::atomic_file::write_atomically;

/// The artwork folder's name in the data directory.
pub const ARTWORK_DIR: &str = "artwork";

/// How long a failed fetch is not tried again.
pub const RETRY_FAILED_AFTER: Duration = Duration::from_secs(3 * 24 * 3_600);

/// The sizes kept of each picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArtworkSize {
    /// 96 px: lists, the sidebar, the player bar.
    Small,
    /// 512 px: the show page, the episode header, the system's media controls.
    Large,
}

impl ArtworkSize {
    /// Every size, largest first (the order they are written in).
    pub const ALL: [ArtworkSize; 2] = [ArtworkSize::Large, ArtworkSize::Small];

    /// The longest side in pixels.
    pub fn side(self) -> u32 {
        match self {
            ArtworkSize::Small => 96,
            ArtworkSize::Large => 512,
        }
    }
}

/// The artwork folder of a data directory.
#[derive(Debug, Clone)]
pub struct ArtworkCache {
    dir: PathBuf,
}

impl ArtworkCache {
    /// The cache in `data_dir` (made when the first picture is stored).
    pub fn in_data_dir(data_dir: &Path) -> ArtworkCache {
        ArtworkCache {
            dir: data_dir.join(ARTWORK_DIR),
        }
    }

    /// The stored picture of `source` (an address, or any name the caller gives a
    /// picture) in `size`, if there is one.
    pub fn file(&self, source: &str, size: ArtworkSize) -> Option<PathBuf> {
        let stem = self.stem(source, size);
        ["jpg", "png"]
            .into_iter()
            .map(|extension| stem.with_extension(extension))
            .find(|path| path.is_file())
    }

    /// Whether every size of `source` is stored.
    pub fn has(&self, source: &str) -> bool {
        ArtworkSize::ALL
            .iter()
            .all(|&size| self.file(source, size).is_some())
    }

    /// Scales `bytes` to every size and stores them for `source`; `false` (and
    /// nothing stored) when they are not a picture the window may show.
    pub fn put(&self, source: &str, bytes: &[u8]) -> std::io::Result<bool> {
        let sides = ArtworkSize::ALL.map(ArtworkSize::side);
        let Some(pictures) = scaled(bytes, &sides) else {
            return Ok(false);
        };
        std::fs::create_dir_all(&self.dir)?;
        for (size, picture) in ArtworkSize::ALL.into_iter().zip(pictures) {
            let stem = self.stem(source, size);
            // A picture that changed from JPEG to PNG leaves no stale twin behind.
            for old in ["jpg", "png"] {
                if old != picture.extension {
                    let _ = std::fs::remove_file(stem.with_extension(old));
                }
            }
            write_atomically(&stem.with_extension(picture.extension), &picture.bytes)?;
        }
        let _ = std::fs::remove_file(self.failure_mark(source));
        Ok(true)
    }

    /// Whether fetching `source` failed less than [`RETRY_FAILED_AFTER`] ago.
    pub fn failed_recently(&self, source: &str) -> bool {
        let since = std::fs::metadata(self.failure_mark(source))
            .and_then(|m| m.modified())
            .ok()
            .and_then(|at| SystemTime::now().duration_since(at).ok());
        since.is_some_and(|since| since < RETRY_FAILED_AFTER)
    }

    /// Remembers that fetching `source` failed now.
    pub fn remember_failure(&self, source: &str) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        write_atomically(&self.failure_mark(source), source.as_bytes())
    }

    /// The file that says fetching `source` failed (its time is when).
    pub fn failure_mark(&self, source: &str) -> PathBuf {
        self.dir.join(format!("{}.failed", key(source)))
    }

    fn stem(&self, source: &str, size: ArtworkSize) -> PathBuf {
        self.dir.join(format!("{}-{}", key(source), size.side()))
    }
}

/// The first 128 bits of the SHA-256 of `source`, in hex.
fn key(source: &str) -> String {
    Sha256::digest(source.as_bytes())[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_stable_and_tells_addresses_apart() {
        assert_eq!(key("https://a/x.png"), key("https://a/x.png"));
        assert_ne!(key("https://a/x.png"), key("https://a/y.png"));
        assert_eq!(key("x").len(), 32);
    }
}
