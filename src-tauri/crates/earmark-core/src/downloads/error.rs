//! What can go wrong downloading an episode, in sentences a user understands.

use std::path::PathBuf;

use crate::http::NetError;
use crate::store::StoreError;

use super::check::NotAudio;
use super::rate::MinRate;

/// A download failed. Unless it says otherwise, what was already downloaded is kept
/// and the next attempt goes on from there.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    /// The episode has no address to download from (a local file, or a feed item
    /// without audio).
    #[error("\"{title}\" has no audio address to download from.")]
    NoAudioUrl {
        /// The episode's title.
        title: String,
    },
    /// The server could not be reached or answered with an error (404 and the like).
    #[error("Could not download \"{title}\": {source}")]
    Net {
        /// The episode's title.
        title: String,
        /// What happened.
        #[source]
        source: NetError,
    },
    /// The disk is full. The partial file was removed, to give the space back (the
    /// library database lives on the same disk), so the next attempt starts afresh.
    #[error(
        "The disk is full: there is no room for \"{title}\"{} in {dir}. Free some space \
         and download it again.",
        needed.map_or_else(String::new, |n| format!(" ({})", megabytes(n)))
    )]
    DiskFull {
        /// The episode's title.
        title: String,
        /// The folder it was being saved in.
        dir: PathBuf,
        /// The episode's size, when the server said.
        needed: Option<u64>,
    },
    /// A file could not be written or moved.
    #[error("Could not save \"{title}\" to {path}: {source}")]
    Io {
        /// The episode's title.
        title: String,
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The connection kept breaking off before the whole file arrived.
    #[error(
        "The download of \"{title}\" stopped at {} of {}; download it again to go on \
         where it stopped.",
        megabytes(*done),
        total.map_or_else(|| "an unknown size".to_owned(), megabytes)
    )]
    Incomplete {
        /// The episode's title.
        title: String,
        /// Bytes on disk.
        done: u64,
        /// Bytes expected, when known.
        total: Option<u64>,
    },
    /// The server sent more than it announced; the file was thrown away.
    #[error(
        "The server sent {got} bytes for \"{title}\" where it announced {expected}; the \
         file was not kept. Try again later."
    )]
    LengthMismatch {
        /// The episode's title.
        title: String,
        /// Bytes announced.
        expected: u64,
        /// Bytes received.
        got: u64,
    },
    /// What arrived is not audio (empty, a web page, text, or a file the player
    /// cannot open); it was not kept.
    #[error("{}", not_audio_sentence(title, got))]
    NotAudio {
        /// The episode's title.
        title: String,
        /// What arrived instead.
        got: NotAudio,
    },
    /// Bytes came slower than the minimum rate (see [`MinRate`]); what arrived is
    /// kept for the next attempt.
    #[error(
        "The download of \"{title}\" stalled: the server sent less than {} in {} s. What \
         arrived ({}) is kept; download it again to go on where it stopped.",
        megabytes(min.bytes),
        seconds(min.window_ms),
        megabytes(*done)
    )]
    Stalled {
        /// The episode's title.
        title: String,
        /// Bytes on disk.
        done: u64,
        /// The rate it fell below.
        min: MinRate,
    },
    /// The download was cancelled.
    #[error("The download of \"{title}\" was cancelled.")]
    Cancelled {
        /// The episode's title.
        title: String,
    },
    /// Deleting a file Earmark did not download was refused.
    #[error(
        "The audio of \"{title}\" is a file you added ({path}); Earmark only deletes files \
         it downloaded."
    )]
    NotADownload {
        /// The episode's title.
        title: String,
        /// The file.
        path: PathBuf,
    },
    /// The library database refused.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DownloadError {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            DownloadError::NoAudioUrl { .. } => "no_audio_url",
            DownloadError::Net { source, .. } => source.code(),
            DownloadError::DiskFull { .. } => "disk_full",
            DownloadError::Io { .. } => "io",
            DownloadError::Incomplete { .. } => "incomplete",
            DownloadError::LengthMismatch { .. } => "length_mismatch",
            DownloadError::NotAudio { got, .. } => got.code(),
            DownloadError::Stalled { .. } => "stalled",
            DownloadError::Cancelled { .. } => "cancelled",
            DownloadError::NotADownload { .. } => "not_a_download",
            DownloadError::Store(e) => e.code(),
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code: always the episode's `title`, and sizes already written out.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let named = |title: &str, more: Vec<(&'static str, String)>| {
            let mut params = vec![("title", title.to_owned())];
            params.extend(more);
            params
        };
        match self {
            DownloadError::NoAudioUrl { title } | DownloadError::Cancelled { title } => {
                named(title, Vec::new())
            }
            DownloadError::Net { title, source } => named(title, source.params()),
            DownloadError::DiskFull { title, dir, needed } => {
                let mut more = vec![("dir", dir.display().to_string())];
                more.extend(needed.map(|n| ("size", megabytes(n))));
                named(title, more)
            }
            DownloadError::Io {
                title,
                path,
                source,
            } => named(
                title,
                vec![
                    ("path", path.display().to_string()),
                    ("detail", source.to_string()),
                ],
            ),
            DownloadError::Incomplete { title, done, total } => {
                let mut more = vec![("done", megabytes(*done))];
                more.extend(total.map(|t| ("total", megabytes(t))));
                named(title, more)
            }
            DownloadError::LengthMismatch {
                title,
                expected,
                got,
            } => named(
                title,
                vec![("expected", expected.to_string()), ("got", got.to_string())],
            ),
            DownloadError::NotAudio { title, got } => match got {
                NotAudio::Unplayable(reason) => named(title, vec![("detail", reason.clone())]),
                _ => named(title, Vec::new()),
            },
            DownloadError::Stalled { title, done, min } => named(
                title,
                vec![
                    ("min", megabytes(min.bytes)),
                    ("seconds", seconds(min.window_ms)),
                    ("done", megabytes(*done)),
                ],
            ),
            DownloadError::NotADownload { title, path } => {
                named(title, vec![("path", path.display().to_string())])
            }
            DownloadError::Store(e) => e.params(),
        }
    }
}

/// `12.3 MB`, `16 KB`, or bytes below a kilobyte.
fn megabytes(bytes: u64) -> String {
    if bytes < 1_000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{} KB", (bytes + 500) / 1_000)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

/// "The server sent a web page instead of the audio of …" and friends.
fn not_audio_sentence(title: &str, got: &NotAudio) -> String {
    let what = match got {
        NotAudio::Empty => "an empty file",
        NotAudio::WebPage => "a web page",
        NotAudio::Text => "text",
        NotAudio::Unplayable(reason) => {
            return format!(
                "What the server sent for \"{title}\" is not audio Earmark can play, so it \
                 was not kept ({}). Try again later.",
                reason.trim_end_matches('.')
            )
        }
    };
    format!(
        "The server sent {what} instead of the audio of \"{title}\", so nothing was kept. \
         The episode may have moved or be unavailable for now; try again later."
    )
}

/// `30` or `0.5`: a window in seconds, as short as it reads.
fn seconds(ms: u64) -> String {
    (ms as f64 / 1_000.0).to_string()
}

/// Whether an I/O error means the disk (or quota) is full.
pub(crate) fn is_disk_full(error: &std::io::Error) -> bool {
    // 28 = ENOSPC, 122 = EDQUOT on Linux; 112 = ERROR_DISK_FULL on Windows.
    error.kind() == std::io::ErrorKind::StorageFull
        || matches!(error.raw_os_error(), Some(28 | 122) if cfg!(unix))
        || matches!(error.raw_os_error(), Some(112) if cfg!(windows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_disk_is_recognised_and_worded() {
        let enospc = std::io::Error::from_raw_os_error(28);
        assert!(is_disk_full(&enospc), "{enospc}");
        assert!(!is_disk_full(&std::io::Error::from(
            std::io::ErrorKind::PermissionDenied
        )));
        let e = DownloadError::DiskFull {
            title: "Ep 1".into(),
            dir: "/data/downloads/show".into(),
            needed: Some(52_400_000),
        };
        assert_eq!(
            e.to_string(),
            "The disk is full: there is no room for \"Ep 1\" (52.4 MB) in /data/downloads/show. \
             Free some space and download it again."
        );
        let e = DownloadError::DiskFull {
            title: "Ep 1".into(),
            dir: "/d".into(),
            needed: None,
        };
        assert!(
            e.to_string()
                .starts_with("The disk is full: there is no room for \"Ep 1\" in /d."),
            "{e}"
        );
    }

    #[test]
    fn refusals_and_stalls_read_as_sentences() {
        let page = DownloadError::NotAudio {
            title: "Ep".into(),
            got: NotAudio::WebPage,
        };
        assert_eq!(
            page.to_string(),
            "The server sent a web page instead of the audio of \"Ep\", so nothing was kept. \
             The episode may have moved or be unavailable for now; try again later."
        );
        assert_eq!(page.code(), "web_page");
        assert_eq!(page.params(), [("title", "Ep".to_owned())]);
        let stalled = DownloadError::Stalled {
            title: "Ep".into(),
            done: 2_000,
            min: MinRate {
                bytes: 16_384,
                window_ms: 30_000,
            },
        };
        assert_eq!(
            stalled.to_string(),
            "The download of \"Ep\" stalled: the server sent less than 16 KB in 30 s. \
             What arrived (2 KB) is kept; download it again to go on where it stopped."
        );
        assert_eq!(
            stalled.params(),
            [
                ("title", "Ep".to_owned()),
                ("min", "16 KB".to_owned()),
                ("seconds", "30".to_owned()),
                ("done", "2 KB".to_owned()),
            ]
        );
        assert_eq!(seconds(500), "0.5");
        assert_eq!(seconds(30_000), "30");
    }

    #[test]
    fn incomplete_reads_in_megabytes() {
        let e = DownloadError::Incomplete {
            title: "Ep".into(),
            done: 2_500_000,
            total: Some(10_000_000),
        };
        assert_eq!(
            e.to_string(),
            "The download of \"Ep\" stopped at 2.5 MB of 10.0 MB; download it again to go on \
             where it stopped."
        );
    }
}
