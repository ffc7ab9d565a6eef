//! Downloading episodes for offline listening, resumable across dropped connections
//! and restarts, and deleting downloads without touching notes or highlights.
//!
//! - Files land in `data_dir/downloads/<podcast>/<id>-<title>.<ext>` with names
//!   derived from the library, never from the enclosure address ([`naming`]).
//! - Bytes go to `<id>.part` first; an interrupted download resumes with `Range` and
//!   `If-Range`, and only a `206` continues a file ([`transfer`] has the rules).
//! - A body slower than the minimum rate stops as stalled ([`MinRate`]), so one slow
//!   server never holds the queue.
//! - The file is moved into place only once it is complete and of the announced
//!   length, and is audio: not empty, not a web page or text, and opened by the
//!   player's probe ([`check`]); anything else is thrown away with a sentence saying
//!   what came instead. Then the episode's `audio_path` is set, and its transcript
//!   and chapters are fetched (from the feed's links, or chapters embedded in the
//!   file).
//!
//! Blocking, like [`HttpClient`]: run it on a worker thread that owns its `Store`.

mod check;
mod error;
pub mod naming;
mod part;
mod rate;
mod transfer;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use crate::chapters::read_embedded_chapters;
use crate::feeds::fetch_extras;
use crate::http::{parse_url, HttpClient};
use crate::store::{EpisodeId, LinkKind, Store};

pub use check::{NotAudio, Probe};
pub use error::DownloadError;
pub use naming::{download_paths, DownloadPaths, DOWNLOADS_DIR};
pub use rate::{MinRate, MIN_RATE_BYTES, MIN_RATE_SETTING, MIN_RATE_WINDOW};

use check::check_audio;
use part::{discard, remove_quietly};
use transfer::{transfer, Plan, TransferError};

/// How many times a download goes on by itself after the connection breaks off.
pub const AUTO_RESUMES: u32 = 3;

/// An enclosure `length` below this is a placeholder (feeds publish 0, 1, 123…) and
/// is not held against the download (docs/decisions.md).
pub const PLACEHOLDER_LENGTH_BELOW: u64 = 64 * 1024;

/// Options for [`download_with`].
#[derive(Clone, Copy)]
pub struct DownloadOptions<'a> {
    /// Opens the finished file as the player would; a file it refuses is not kept.
    pub probe: Probe<'a>,
    /// Attempts after a broken connection before giving up (what is on disk is kept
    /// either way).
    pub resumes: u32,
    /// Raised by another thread to stop the download (the partial file is kept).
    pub cancel: Option<&'a AtomicBool>,
    /// Also fetch the transcript and chapters once the audio is in.
    pub extras: bool,
}

impl<'a> DownloadOptions<'a> {
    /// [`AUTO_RESUMES`] retries, no cancel flag, extras fetched.
    pub fn new(probe: Probe<'a>) -> Self {
        DownloadOptions {
            probe,
            resumes: AUTO_RESUMES,
            cancel: None,
            extras: true,
        }
    }
}

impl std::fmt::Debug for DownloadOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DownloadOptions")
            .field("resumes", &self.resumes)
            .field("cancel", &self.cancel)
            .field("extras", &self.extras)
            .finish_non_exhaustive()
    }
}

/// A finished download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Downloaded {
    /// The episode.
    pub episode: EpisodeId,
    /// The audio file.
    pub path: PathBuf,
    /// Its size.
    pub bytes: u64,
    /// Bytes kept from an earlier, interrupted attempt (0 when it started afresh).
    pub resumed_from: u64,
    /// The file was there already; nothing was fetched.
    pub already_downloaded: bool,
    /// A transcript was stored with it.
    pub transcript: bool,
    /// How many chapters were stored with it.
    pub chapters: usize,
    /// What could not be fetched along with it (transcript, chapters).
    pub warnings: Vec<String>,
}

/// Downloads an episode's audio (see the module documentation), checking it with
/// `probe`, reporting progress as (bytes on disk, total when known).
pub fn download(
    store: &Store,
    http: &HttpClient,
    data_dir: &Path,
    episode: EpisodeId,
    probe: Probe<'_>,
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<Downloaded, DownloadError> {
    download_with(
        store,
        http,
        data_dir,
        episode,
        DownloadOptions::new(probe),
        &mut progress,
    )
}

/// [`download`] with options: retries, a cancel flag, extras. The minimum rate is
/// the library's ([`MinRate::from_store`]).
pub fn download_with(
    store: &Store,
    http: &HttpClient,
    data_dir: &Path,
    episode: EpisodeId,
    options: DownloadOptions<'_>,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Downloaded, DownloadError> {
    let ep = store.episode(episode)?;
    let title = ep.title.clone();
    if let Some(path) = ep.audio_path.as_ref().filter(|p| p.is_file()) {
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        progress(bytes, Some(bytes));
        return Ok(Downloaded {
            episode,
            path: path.clone(),
            bytes,
            resumed_from: 0,
            already_downloaded: true,
            transcript: false,
            chapters: 0,
            warnings: Vec::new(),
        });
    }
    let Some(audio_url) = ep.audio_url.clone() else {
        return Err(DownloadError::NoAudioUrl { title });
    };
    let url = parse_url(&audio_url).map_err(|source| DownloadError::Net {
        title: title.clone(),
        source,
    })?;
    let enclosure = store
        .episode_links(episode)?
        .into_iter()
        .find(|l| l.kind == LinkKind::Enclosure);
    let expected = enclosure
        .as_ref()
        .and_then(|l| l.length)
        .filter(|n| *n >= PLACEHOLDER_LENGTH_BELOW);
    let mime = enclosure.and_then(|l| l.mime);
    let podcast = match ep.podcast_id {
        Some(id) => Some((id, store.podcast(id)?.title)),
        None => None,
    };
    let paths = download_paths(
        data_dir,
        podcast.as_ref().map(|(id, t)| (*id, t.as_str())),
        episode,
        &title,
        url.as_str(),
        mime.as_deref(),
    );
    let io = |path: &Path| {
        let (title, path) = (title.clone(), path.to_path_buf());
        move |source: std::io::Error| DownloadError::Io {
            title,
            path,
            source,
        }
    };
    std::fs::create_dir_all(&paths.dir).map_err(io(&paths.dir))?;
    let mut total = None;
    let mut track = |done: u64, all: Option<u64>| {
        total = all.or(total);
        progress(done, all);
    };
    let plan = Plan {
        retries: options.resumes,
        cancel: options.cancel,
        min_rate: MinRate::from_store(store),
        expected,
    };
    let done = transfer(http, &url, &paths, plan, &mut track)
        .map_err(|e| transfer_error(e, &title, &paths, total))?;
    if let Err(got) = check_audio(&paths.part, options.probe) {
        discard(&paths);
        return Err(DownloadError::NotAudio { title, got });
    }
    std::fs::rename(&paths.part, &paths.file).map_err(io(&paths.file))?;
    remove_quietly(&paths.part_meta);
    store.set_audio_path(episode, Some(&paths.file))?;
    let mut downloaded = Downloaded {
        episode,
        path: paths.file.clone(),
        bytes: done.bytes,
        resumed_from: done.resumed_from,
        already_downloaded: false,
        transcript: false,
        chapters: 0,
        warnings: Vec::new(),
    };
    if options.extras {
        add_extras(store, http, &mut downloaded)?;
    }
    Ok(downloaded)
}

/// The transcript and chapters from the feed's links, else chapters embedded in the
/// file.
fn add_extras(
    store: &Store,
    http: &HttpClient,
    downloaded: &mut Downloaded,
) -> Result<(), DownloadError> {
    let extras = fetch_extras(store, http, downloaded.episode)?;
    downloaded.transcript = extras.transcript;
    downloaded.chapters = extras.chapters;
    // Only the command line shows a download's warnings: in English.
    downloaded.warnings = extras.warnings.into_iter().map(|w| w.message).collect();
    if store.chapters(downloaded.episode)?.is_none() {
        match read_embedded_chapters(&downloaded.path) {
            Ok((chapters, source)) if !chapters.is_empty() => {
                store.set_chapters(downloaded.episode, &chapters, source)?;
                downloaded.chapters = chapters.len();
            }
            Ok(_) => {}
            Err(e) => downloaded.warnings.push(e.to_string()),
        }
    }
    Ok(())
}

/// The error to report for a failed transfer. A full disk also removes the partial
/// file: kept, it would hold the disk full, and the library database (on the same
/// disk) could then save nothing — no note, no position — until space was freed.
fn transfer_error(
    error: TransferError,
    title: &str,
    paths: &DownloadPaths,
    total: Option<u64>,
) -> DownloadError {
    let title = title.to_owned();
    match error {
        TransferError::Net(source) => DownloadError::Net { title, source },
        TransferError::Io {
            disk_full: true, ..
        } => {
            discard(paths);
            DownloadError::DiskFull {
                title,
                dir: paths.dir.clone(),
                needed: total,
            }
        }
        TransferError::Io { error, .. } => DownloadError::Io {
            title,
            path: paths.part.clone(),
            source: error,
        },
        TransferError::Incomplete { done, total } => {
            DownloadError::Incomplete { title, done, total }
        }
        TransferError::TooLong { expected, got } => DownloadError::LengthMismatch {
            title,
            expected,
            got,
        },
        TransferError::NotAudio(got) => DownloadError::NotAudio { title, got },
        TransferError::Stalled { done, min } => DownloadError::Stalled { title, done, min },
        TransferError::Cancelled => DownloadError::Cancelled { title },
    }
}

/// Deletes an episode's download — the audio file and any partial file — and clears
/// its `audio_path`. The episode stays in the library with its notes, highlights,
/// transcript, chapters and position. A local file the user added (outside the
/// downloads folder) is never deleted: that is refused. Returns whether a file was
/// removed.
pub fn delete(store: &Store, data_dir: &Path, episode: EpisodeId) -> Result<bool, DownloadError> {
    let ep = store.episode(episode)?;
    let downloads = data_dir.join(DOWNLOADS_DIR);
    let mut removed = false;
    if let Some(path) = &ep.audio_path {
        if !is_inside(path, &downloads) {
            return Err(DownloadError::NotADownload {
                title: ep.title,
                path: path.clone(),
            });
        }
        match std::fs::remove_file(path) {
            Ok(()) => removed = true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(DownloadError::Io {
                    title: ep.title,
                    path: path.clone(),
                    source,
                })
            }
        }
        store.set_audio_path(episode, None)?;
    }
    // Partial files of this episode, in whichever podcast folder they are.
    if let Ok(folders) = std::fs::read_dir(&downloads) {
        for folder in folders.flatten() {
            for name in [format!("{episode}.part"), format!("{episode}.part.json")] {
                let path = folder.path().join(name);
                if path.is_file() {
                    remove_quietly(&path);
                    removed = true;
                }
            }
        }
    }
    Ok(removed)
}

/// Whether `path` lies inside `dir` (both made absolute and normalized where they
/// exist).
pub(crate) fn is_inside(path: &Path, dir: &Path) -> bool {
    let canonical = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let dir = canonical(dir);
    let path = match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => canonical(parent).join(name),
        _ => canonical(path),
    };
    path.starts_with(&dir)
}
