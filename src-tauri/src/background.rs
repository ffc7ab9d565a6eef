//! Work that waits on the network or the disk for long — feeds, downloads, imports —
//! runs here: on tokio's blocking pool, each job with its own connection to the
//! library (SQLite is synchronous; WAL lets it write beside the window's connection)
//! and the one blocking HTTP client, so the window's store is never held for a
//! download and no async worker ever blocks (design.md §9).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use earmark_core::http::HttpClient;
use earmark_core::store::Store;

use crate::error::{IpcError, IpcResult};

/// Runs library jobs off the async workers.
#[derive(Debug)]
pub struct Background {
    data_dir: PathBuf,
    http: OnceLock<HttpClient>,
}

impl Background {
    /// Jobs on the library in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        Background {
            data_dir,
            http: OnceLock::new(),
        }
    }

    /// Runs `job` on the blocking pool with its own store connection.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Store, &Path) -> IpcResult<T> + Send + 'static,
    ) -> IpcResult<T> {
        let data_dir = self.data_dir.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let store = Store::open_in_data_dir(&data_dir)?;
            job(&store, &data_dir)
        })
        .await
        .map_err(|_| IpcError::new("internal", "A background task failed."))?
    }

    /// Like [`Background::run`], with the HTTP client too.
    pub async fn run_online<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Store, &HttpClient, &Path) -> IpcResult<T> + Send + 'static,
    ) -> IpcResult<T> {
        let known = self.http.get().cloned();
        let http = match known {
            Some(http) => http,
            // Made (and first used) on the blocking pool: reqwest's blocking client
            // must not be built on an async worker.
            None => tauri::async_runtime::spawn_blocking(HttpClient::new)
                .await
                .map_err(|_| IpcError::new("internal", "A background task failed."))?
                .map_err(IpcError::from)?,
        };
        let _ = self.http.set(http.clone());
        self.run(move |store, data_dir| job(store, &http, data_dir))
            .await
    }
}
