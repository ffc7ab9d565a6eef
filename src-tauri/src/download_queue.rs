//! The download queue at work: its rules are `earmark_api::download_queue`; here
//! one episode at a time downloads on the blocking pool (see [`Background`]), and the
//! window hears the whole queue — each episode's state and bytes — on a channel, at
//! most every [`PUBLISH_EVERY`] while bytes flow and at once on every change of state.
//!
//! What is waiting or downloading is kept in the settings ([`QUEUE_KEY`]), so a
//! queue interrupted by a restart is taken up again at start; the core resumes each
//! file where it stopped (`Range` + `If-Range`).

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use earmark_api::download_queue::{DownloadsSnapshot, Finished, Queue};
use earmark_core::downloads::{self, DownloadError, DownloadOptions};
use earmark_core::store::{EpisodeId, Store};
use tauri::ipc::Channel;
use tokio::sync::Notify;

use crate::background::Background;
use crate::error::IpcResult;
use crate::supervise;

/// Settings key of the episodes waiting or downloading (a list of ids).
pub const QUEUE_KEY: &str = "downloads.queue";

/// What a download is called should it stop on an internal error.
const DOWNLOADING: &str = "Downloading";

/// How often progress is sent while bytes flow.
pub const PUBLISH_EVERY: Duration = Duration::from_millis(250);

/// The rules, and when the window last heard of the queue.
#[derive(Debug, Default)]
struct Shared {
    rules: Queue,
    last_publish: Option<Instant>,
}

/// The queue and its runner.
pub struct DownloadQueue {
    queue: Mutex<Shared>,
    wake: Notify,
    channel: Mutex<Option<Channel<DownloadsSnapshot>>>,
    background: Arc<Background>,
}

impl std::fmt::Debug for DownloadQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DownloadQueue")
            .field("queue", &self.queue)
            .finish_non_exhaustive()
    }
}

impl DownloadQueue {
    /// An empty queue; start it with [`DownloadQueue::run`].
    pub fn new(background: Arc<Background>) -> Self {
        DownloadQueue {
            queue: Mutex::new(Shared::default()),
            wake: Notify::new(),
            channel: Mutex::new(None),
            background,
        }
    }

    /// Whether an episode is waiting or downloading.
    pub fn busy(&self) -> bool {
        self.with_queue(|q| q.busy())
    }

    /// Takes up the queue kept from the last run (before [`DownloadQueue::run`]).
    pub fn restore(&self, store: &Store) {
        let ids: Vec<EpisodeId> = store.setting(QUEUE_KEY).ok().flatten().unwrap_or_default();
        for id in ids {
            if let Ok(episode) = store.episode(id) {
                self.insert(id, episode.title);
            }
        }
    }

    /// Sends the queue to `channel` now and on every change.
    pub fn subscribe(&self, channel: Channel<DownloadsSnapshot>) {
        *supervise::lock(&self.channel) = Some(channel);
        self.publish(true);
    }

    /// Queues an episode (again, when it failed); one already waiting or downloading
    /// stays as it is.
    pub async fn add(&self, episode: EpisodeId) -> IpcResult<()> {
        let title = self
            .background
            .run("Queueing the download", move |store, _| {
                Ok(store.episode(episode)?.title)
            })
            .await?;
        self.insert(episode, title);
        self.publish(true);
        self.wake.notify_one();
        self.persist().await
    }

    /// Stops a download (the bytes on disk are kept, so downloading it again goes on
    /// from there) or takes it off the queue.
    pub async fn cancel(&self, episode: EpisodeId) -> IpcResult<()> {
        self.with_queue(|q| q.cancel(episode));
        self.publish(true);
        self.persist().await
    }

    /// Takes finished and failed downloads off the list.
    pub fn clear_finished(&self) {
        self.with_queue(Queue::clear_finished);
        self.publish(true);
    }

    /// Deletes an episode's download (notes, highlights and transcript stay), and
    /// takes it off the list.
    pub async fn delete(&self, episode: EpisodeId) -> IpcResult<bool> {
        self.cancel(episode).await?;
        self.with_queue(|q| q.remove(episode));
        self.publish(true);
        self.background
            .run("Deleting the download", move |store, data_dir| {
                Ok(downloads::delete(store, data_dir, episode)?)
            })
            .await
    }

    /// Downloads what is queued, one episode at a time, for the life of the app.
    pub async fn run(self: Arc<Self>) {
        loop {
            match self.next_queued() {
                Some((episode, cancel)) => self.download(episode, cancel).await,
                None => self.wake.notified().await,
            }
        }
    }

    async fn download(self: &Arc<Self>, episode: EpisodeId, cancel: Arc<AtomicBool>) {
        let me = Arc::clone(self);
        let result = self
            .background
            .run_online(DOWNLOADING, move |store, http, data_dir| {
                let options = DownloadOptions {
                    cancel: Some(cancel.as_ref()),
                    // The player's own probe: a file it cannot open is not a download.
                    ..DownloadOptions::new(&earmark_player::check_playable)
                };
                let mut progress = |done, total| me.progress(episode, done, total);
                Ok(downloads::download_with(
                    store,
                    http,
                    data_dir,
                    episode,
                    options,
                    &mut progress,
                ))
            })
            .await;
        let how = match result {
            Ok(Ok(done)) => Finished::Done(done.bytes),
            Ok(Err(DownloadError::Cancelled { .. })) => Finished::Cancelled,
            Ok(Err(e)) => Finished::Failed(e.into()),
            Err(e) => Finished::Failed(e),
        };
        self.with_queue(|q| q.finish(episode, how));
        self.publish(true);
        if let Err(e) = self.persist().await {
            eprintln!("earmark: could not save the download queue: {}", e.message);
        }
    }

    /// The next episode waiting, now marked downloading.
    fn next_queued(&self) -> Option<(EpisodeId, Arc<AtomicBool>)> {
        let next = self.with_queue(Queue::next_queued)?;
        self.publish(true);
        Some(next)
    }

    fn insert(&self, episode: EpisodeId, title: String) {
        self.with_queue(|q| q.insert(episode, title));
    }

    fn progress(&self, episode: EpisodeId, done: u64, total: Option<u64>) {
        self.with_queue(|q| q.progress(episode, done, total));
        self.publish(false);
    }

    /// Sends the queue to the window: always when `changed`, else at most every
    /// [`PUBLISH_EVERY`].
    fn publish(&self, changed: bool) {
        let snapshot = {
            let mut shared = supervise::lock(&self.queue);
            let due = shared
                .last_publish
                .is_none_or(|t| t.elapsed() >= PUBLISH_EVERY);
            if !changed && !due {
                return;
            }
            shared.last_publish = Some(Instant::now());
            Some(shared.rules.snapshot())
        };
        let Some(snapshot) = snapshot else {
            return;
        };
        if let Some(channel) = supervise::lock(&self.channel).as_ref() {
            let _ = channel.send(snapshot);
        }
    }

    /// Keeps what is waiting or downloading in the settings.
    async fn persist(&self) -> IpcResult<()> {
        let pending = self.with_queue(|q| q.pending());
        self.background
            .run("Saving the download queue", move |store, _| {
                Ok(store.set_setting(QUEUE_KEY, &pending)?)
            })
            .await
    }

    /// Puts the queue right after its runner panicked: the download it was running
    /// fails (a retry takes it up again), the others wait their turn.
    pub fn recover(&self) {
        let problem = supervise::internal_error(DOWNLOADING);
        self.with_queue(|q| q.fail_running(&problem));
        self.publish(true);
    }

    /// Runs `f` on the queue's rules (taken back from a job that panicked holding
    /// them).
    fn with_queue<T>(&self, f: impl FnOnce(&mut Queue) -> T) -> T {
        f(&mut supervise::lock(&self.queue).rules)
    }
}

#[cfg(test)]
mod tests {
    use earmark_api::download_queue::DownloadState;

    use super::*;

    #[test]
    fn after_the_runner_panics_its_download_fails_and_the_next_one_is_taken_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let queue = DownloadQueue::new(Arc::new(Background::new(dir.path().to_path_buf())));
        queue.insert(1, "first".into());
        queue.insert(2, "second".into());
        let (running, _) = queue.next_queued().expect("the first starts");
        assert_eq!(running, 1);
        // The runner panicked holding the queue's lock.
        let poisoner = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            queue.with_queue(|_| panic!("a bug in the runner"))
        }));
        assert!(poisoner.is_err() && queue.queue.is_poisoned());
        queue.recover();
        let items = queue.with_queue(|q| q.snapshot().items);
        assert_eq!(
            items[0].state,
            DownloadState::Failed,
            "the one running failed"
        );
        let problem = items[0].error.as_ref().expect("with a reason");
        assert_eq!(
            (problem.code, problem.message.as_str()),
            (
                supervise::INTERNAL,
                "Downloading stopped on an internal error. Earmark carries on; you can try it again."
            )
        );
        assert_eq!(
            items[1].state,
            DownloadState::Queued,
            "the other still waits"
        );
        let (next, _) = queue.next_queued().expect("the queue goes on");
        assert_eq!(next, 2);
    }
}
