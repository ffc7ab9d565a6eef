//! The download queue at work: one episode at a time downloads, for the life of the
//! app, each download and each save of the queue run by the [`Background`] runner
//! (off the async workers, with a connection to the library of its own); the queue's
//! state is a [`DownloadList`].

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use earmark_core::http::HttpClient;
use earmark_core::store::{EpisodeId, Store};
use tokio::sync::Notify;

use crate::background::Background;
use crate::download_list::{DownloadList, DOWNLOADING};
use crate::error_report::ErrorReport;
use crate::job_failure::internal_error;
use crate::supervise;

/// What the download queue is called should it stop on an internal error.
const QUEUE_JOB: &str = "The download queue";

/// The queue and its runner.
#[derive(Debug)]
pub struct DownloadRunner {
    /// What is queued, downloading, done or failed.
    pub list: Arc<DownloadList>,
    wake: Notify,
    jobs: Arc<Background>,
}

impl DownloadRunner {
    /// An empty queue whose work `jobs` runs; start it with [`DownloadRunner::run`].
    pub fn new(jobs: Arc<Background>) -> Self {
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

    /// Runs the queue for the life of the app. Should it panic, `report` gets the
    /// sentence saying so, the download it was running fails, the others wait their
    /// turn, and the queue starts again.
    pub async fn keep_running(self: Arc<Self>, report: impl Fn(ErrorReport) + Send) {
        let stuck = Arc::clone(&self);
        supervise::keep_running(
            QUEUE_JOB,
            move || Arc::clone(&self).run(),
            report,
            move || stuck.list.recover(&internal_error(DOWNLOADING)),
        )
        .await;
    }

    /// Downloads what is queued, one episode at a time.
    async fn run(self: Arc<Self>) {
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
