//! What the shell keeps for the library's long jobs (managed beside
//! [`AppState`](crate::state::AppState)): the background runner, which runs the
//! api's [`Jobs`] on the blocking pool, and the download queue
//! ([`earmark_api::download_runner`]), which the window hears on a channel.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use earmark_api::download_list::DOWNLOADING;
use earmark_api::download_queue::DownloadsSnapshot;
use earmark_api::download_runner::{DownloadRunner, Jobs};
use earmark_core::http::HttpClient;
use earmark_core::store::Store;
use tauri::ipc::Channel;
use tauri::AppHandle;

use crate::background::Background;
use crate::error::IpcResult;
use crate::feed_refresh;
use crate::{events, supervise};

/// What the download queue is called should it stop on an internal error.
const QUEUE_JOB: &str = "The download queue";

/// Shows a job's trouble in the window's notice bar.
fn notice(app: &AppHandle) -> impl Fn(String) + Send + 'static {
    let app = app.clone();
    move |message| events::notice(&app, "error", &message)
}

/// Managed state for feeds, downloads and imports.
#[derive(Debug)]
pub struct LibraryJobs {
    /// Runs jobs off the async workers, each with its own store connection.
    pub background: Arc<Background>,
    /// The download queue.
    pub downloads: Arc<DownloadQueue>,
}

impl LibraryJobs {
    /// Takes up the download queue kept in `store` and starts the queue and the
    /// background feed checks, each started again (the window told) should it panic.
    pub fn start(app: &AppHandle, data_dir: PathBuf, store: &Store) -> LibraryJobs {
        let background = Arc::new(Background::new(data_dir));
        let downloads = Arc::new(DownloadQueue::new(Arc::clone(&background)));
        downloads.list.restore(store);
        let (queue, stuck) = (Arc::clone(&downloads), Arc::clone(&downloads));
        tauri::async_runtime::spawn(supervise::keep_running(
            QUEUE_JOB,
            move || Arc::clone(&queue).run(),
            notice(app),
            move || recover(&stuck),
        ));
        let (checker, checks) = (app.clone(), Arc::clone(&background));
        tauri::async_runtime::spawn(supervise::keep_running(
            feed_refresh::PERIODIC_CHECKS,
            move || feed_refresh::run_periodically(checker.clone(), Arc::clone(&checks)),
            notice(app),
            || {},
        ));
        LibraryJobs {
            background,
            downloads,
        }
    }
}

/// The download queue and its runner.
pub type DownloadQueue = DownloadRunner<Background>;

impl Jobs for Background {
    fn run<T: Send + 'static>(
        &self,
        name: &'static str,
        job: impl FnOnce(&Store, &Path) -> IpcResult<T> + Send + 'static,
    ) -> impl Future<Output = IpcResult<T>> + Send {
        Background::run(self, name, job)
    }

    fn run_online<T: Send + 'static>(
        &self,
        name: &'static str,
        job: impl FnOnce(&Store, &HttpClient, &Path) -> IpcResult<T> + Send + 'static,
    ) -> impl Future<Output = IpcResult<T>> + Send {
        Background::run_online(self, name, job)
    }
}

/// Sends the queue to `channel` now and on every change.
pub fn subscribe(queue: &DownloadQueue, channel: Channel<DownloadsSnapshot>) {
    queue.list.watch(move |snapshot| {
        let _ = channel.send(snapshot);
    });
}

/// Puts the queue right after its runner panicked: the download it was running
/// fails, the others wait their turn.
pub fn recover(queue: &DownloadQueue) {
    queue.list.recover(&supervise::internal_error(DOWNLOADING));
}
