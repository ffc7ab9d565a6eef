//! What the shell keeps for the library's long jobs: the background runner and the
//! download queue (managed beside [`AppState`](crate::state::AppState)).

use std::path::PathBuf;
use std::sync::Arc;

use earmark_core::store::Store;
use tauri::AppHandle;

use crate::background::Background;
use crate::download_queue::DownloadQueue;
use crate::feed_refresh;

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
    /// background feed checks.
    pub fn start(app: &AppHandle, data_dir: PathBuf, store: &Store) -> LibraryJobs {
        let background = Arc::new(Background::new(data_dir));
        let downloads = Arc::new(DownloadQueue::new(Arc::clone(&background)));
        downloads.restore(store);
        tauri::async_runtime::spawn(Arc::clone(&downloads).run());
        tauri::async_runtime::spawn(feed_refresh::run_periodically(
            app.clone(),
            Arc::clone(&background),
        ));
        LibraryJobs {
            background,
            downloads,
        }
    }
}
