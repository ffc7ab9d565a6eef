//! What the shell keeps for the library's long jobs (managed beside
//! [`AppState`](crate::state::AppState)): the [`Background`] runner, the download
//! queue ([`earmark_api::download_runner`]), which the window hears on a channel, and
//! the periodic feed checks ([`earmark_api::feed_checks`]) and background
//! transcription ([`earmark_api::transcribe_queue`]).

use std::path::PathBuf;
use std::sync::Arc;

use earmark_api::align_jobs::AlignJobs;
use earmark_api::background::Background;
use earmark_api::download_queue::DownloadsSnapshot;
use earmark_api::download_runner::DownloadRunner;
use earmark_api::feed_checks::check_periodically;
use earmark_api::shared::lock;
use earmark_api::transcribe_queue::TranscribeQueue;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use crate::events;
use crate::state::AppState;

/// Managed state for feeds, downloads and imports.
#[derive(Debug)]
pub struct LibraryJobs {
    /// Runs jobs off the async workers, each with its own store connection.
    pub background: Arc<Background>,
    /// The download queue.
    pub downloads: Arc<DownloadRunner>,
    /// Background transcription.
    pub transcriptions: Arc<TranscribeQueue>,
}

impl LibraryJobs {
    /// Takes up the download queue kept in `store` and starts the queue and the
    /// background feed checks, each started again (the window told) should it panic.
    pub fn start(app: &AppHandle, data_dir: PathBuf, state: &AppState) -> LibraryJobs {
        let store = &lock(&state.store);
        let background = Arc::new(Background::new(data_dir));
        let downloads = Arc::new(DownloadRunner::new(Arc::clone(&background)));
        downloads.list.restore(store);
        let queue = Arc::clone(&downloads).keep_running(events::error_notice(app));
        tauri::async_runtime::spawn(queue);
        let (progress, found) = (events::refresh_progress(app), events::feeds_checked(app));
        let checks = check_periodically(
            Arc::clone(&background),
            progress,
            found,
            events::error_notice(app),
        );
        tauri::async_runtime::spawn(checks);
        let transcriptions = Arc::new(TranscribeQueue::default());
        let align = Arc::clone(app.state::<Arc<AlignJobs>>().inner());
        let events = Arc::new(events::Transcriptions(app.clone()));
        let queue =
            Arc::clone(&transcriptions).keep_running(Arc::clone(&state.store), align, events);
        tauri::async_runtime::spawn(queue);
        LibraryJobs {
            background,
            downloads,
            transcriptions,
        }
    }
}

/// Sends the queue to `channel` now and on every change.
pub fn subscribe(queue: &DownloadRunner, channel: Channel<DownloadsSnapshot>) {
    queue.list.watch(move |snapshot| {
        let _ = channel.send(snapshot);
    });
}
