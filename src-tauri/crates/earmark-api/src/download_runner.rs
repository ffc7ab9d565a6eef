//! The download queue at work: one episode at a time downloads, for the life of the
//! app, each download and each save of the queue run by the front end's [`Jobs`]
//! (off its async workers, with a connection to the library of its own); the queue's
//! state is a [`DownloadList`].

use std::future::Future;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use earmark_core::http::HttpClient;
use earmark_core::store::{EpisodeId, Store};
use tokio::sync::Notify;

use crate::download_list::{DownloadList, DOWNLOADING};
use crate::error_report::ErrorReport;

/// How a front end runs blocking work on the library; `name` says what the job does
/// should it panic (the job then ends with an error naming it).
pub trait Jobs: Send + Sync + 'static {
    /// Runs `job` with a connection of its own to the library in the data folder.
    fn run<T: Send + 'static>(
        &self,
        name: &'static str,
        job: impl FnOnce(&Store, &Path) -> Result<T, ErrorReport> + Send + 'static,
    ) -> impl Future<Output = Result<T, ErrorReport>> + Send;

    /// Like [`Jobs::run`], with the HTTP client too.
    fn run_online<T: Send + 'static>(
        &self,
        name: &'static str,
        job: impl FnOnce(&Store, &HttpClient, &Path) -> Result<T, ErrorReport> + Send + 'static,
    ) -> impl Future<Output = Result<T, ErrorReport>> + Send;
}

/// The queue and its runner.
#[derive(Debug)]
pub struct DownloadRunner<J> {
    /// What is queued, downloading, done or failed.
    pub list: Arc<DownloadList>,
    wake: Notify,
    jobs: Arc<J>,
}

impl<J: Jobs> DownloadRunner<J> {
    /// An empty queue whose work `jobs` runs; start it with [`DownloadRunner::run`].
    pub fn new(jobs: Arc<J>) -> Self {
        let (list, wake) = (Arc::default(), Notify::new());
        DownloadRunner { list, wake, jobs }
    }

    /// Queues an episode (again, when it failed).
    pub async fn add(&self, episode: EpisodeId) -> Result<(), ErrorReport> {
        let list = Arc::clone(&self.list);
        let queueing = move |store: &Store, _: &Path| list.add(store, episode);
        self.jobs.run("Queueing the download", queueing).await?;
        self.wake.notify_one();
        Ok(())
    }

    /// Stops a download (what arrived is kept for later) or takes it off the queue.
    pub async fn cancel(&self, episode: EpisodeId) -> Result<(), ErrorReport> {
        self.list.cancel(episode);
        self.persist().await
    }

    /// Deletes an episode's download and takes it off the list; whether a file was
    /// removed.
    pub async fn delete(&self, episode: EpisodeId) -> Result<bool, ErrorReport> {
        let list = Arc::clone(&self.list);
        let deleting = move |store: &Store, data_dir: &Path| list.delete(store, data_dir, episode);
        self.jobs.run("Deleting the download", deleting).await
    }

    /// Downloads what is queued, one episode at a time, for the life of the app.
    pub async fn run(self: Arc<Self>) {
        loop {
            match self.list.next_queued() {
                Some((episode, cancel)) => self.download(episode, cancel).await,
                None => self.wake.notified().await,
            }
        }
    }

    async fn download(&self, episode: EpisodeId, cancel: Arc<AtomicBool>) {
        let list = Arc::clone(&self.list);
        let downloading = move |store: &Store, http: &HttpClient, data_dir: &Path| {
            Ok(list.download(store, http, data_dir, episode, &cancel))
        };
        let result = self.jobs.run_online(DOWNLOADING, downloading).await;
        self.list.finish(episode, result);
        if let Err(e) = self.persist().await {
            eprintln!("earmark: could not save the download queue: {}", e.message);
        }
    }

    async fn persist(&self) -> Result<(), ErrorReport> {
        let list = Arc::clone(&self.list);
        let saving = move |store: &Store, _: &Path| list.persist(store);
        self.jobs.run("Saving the download queue", saving).await
    }
}
