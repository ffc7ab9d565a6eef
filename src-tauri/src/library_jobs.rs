//! What the shell keeps for the library's long jobs: the background runner and the
//! download queue (managed beside [`AppState`](crate::state::AppState)).

use std::path::PathBuf;
use std::sync::Arc;

use earmark_core::store::Store;
use tauri::AppHandle;

use crate::background::Background;
use crate::download_queue::DownloadQueue;
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
        downloads.restore(store);
        let (queue, stuck) = (Arc::clone(&downloads), Arc::clone(&downloads));
        tauri::async_runtime::spawn(supervise::keep_running(
            QUEUE_JOB,
            move || Arc::clone(&queue).run(),
            notice(app),
            move || stuck.recover(),
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
