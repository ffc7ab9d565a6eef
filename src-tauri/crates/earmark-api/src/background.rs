//! Work that waits on the network or the disk for long runs here: on tokio's blocking
//! pool, each job with its own connection to the library and the one blocking HTTP
//! client, so the window's store is never held for a download. A job that panics
//! ends with an error naming it ([`crate::supervise`]). The download queue
//! ([`crate::download_runner`]) and the feed checks ([`crate::feed_checks`]) run here.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use earmark_core::http::HttpClient;
use earmark_core::store::Store;

use crate::error_report::ErrorReport;
use crate::supervise::blocking;

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

    /// Runs `job` on the blocking pool with its own store connection; `name` says
    /// what it does ("Checking for new episodes") should it panic.
    pub async fn run<T: Send + 'static>(
        &self,
        name: &str,
        job: impl FnOnce(&Store, &Path) -> Result<T, ErrorReport> + Send + 'static,
    ) -> Result<T, ErrorReport> {
        let data_dir = self.data_dir.clone();
        blocking(name, move || {
            let store = Store::open_in_data_dir(&data_dir)?;
            job(&store, &data_dir)
        })
        .await
    }

    /// Like [`Background::run`], with the HTTP client too.
    pub async fn run_online<T: Send + 'static>(
        &self,
        name: &str,
        job: impl FnOnce(&Store, &HttpClient, &Path) -> Result<T, ErrorReport> + Send + 'static,
    ) -> Result<T, ErrorReport> {
        let known = self.http.get().cloned();
        let http = match known {
            Some(http) => http,
            // Made (and first used) on the blocking pool: reqwest's blocking client
            // must not be built on an async worker.
            None => blocking(name, || HttpClient::new().map_err(ErrorReport::from)).await?,
        };
        let _ = self.http.set(http.clone());
        self.run(name, move |store, data_dir| job(store, &http, data_dir))
            .await
    }
}
