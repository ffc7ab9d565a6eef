//! The download queue: episodes wait their turn, one downloads at a time on the
//! blocking pool (see [`Background`]), and the window hears the whole queue — each
//! episode's state and bytes — on a channel, at most every [`PUBLISH_EVERY`] while
//! bytes flow and at once on every change of state.
//!
//! What is waiting or downloading is kept in the settings ([`QUEUE_KEY`]), so a
//! queue interrupted by a restart is taken up again at start; the core resumes each
//! file where it stopped (`Range` + `If-Range`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use earmark_core::downloads::{self, DownloadError, DownloadOptions};
use earmark_core::store::{EpisodeId, Store};
use serde::Serialize;
use tauri::ipc::Channel;
use tokio::sync::Notify;

use crate::background::Background;
use crate::error::{IpcError, IpcResult};
use crate::supervise;

/// Settings key of the episodes waiting or downloading (a list of ids).
pub const QUEUE_KEY: &str = "downloads.queue";

/// What a download is called should it stop on an internal error.
const DOWNLOADING: &str = "Downloading";

/// How often progress is sent while bytes flow.
pub const PUBLISH_EVERY: Duration = Duration::from_millis(250);

/// Where an episode is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DownloadState {
    /// Waiting its turn.
    Queued,
    /// Bytes are flowing.
    Downloading,
    /// In the library, ready offline.
    Done,
    /// Stopped with an error; what arrived is kept for a retry (not when the disk
    /// was full: that partial file is removed to give the space back).
    Failed,
}

/// One episode in the queue, as the window shows it.
#[derive(Debug, Clone, Serialize)]
pub struct QueuedDownload {
    /// The episode.
    pub episode: EpisodeId,
    /// Its title.
    pub title: String,
    /// Its state.
    pub state: DownloadState,
    /// Bytes on disk.
    pub done_bytes: u64,
    /// Bytes in all, when known.
    pub total_bytes: Option<u64>,
    /// Why it failed.
    pub error: Option<Problem>,
}

/// Why a download failed: `{code, message}` as at the IPC boundary.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Stable code, e.g. `not_found`, `disk_full`, `no_network`.
    pub code: &'static str,
    /// The sentence to show.
    pub message: String,
}

/// The whole queue, sent to the window.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadsSnapshot {
    /// In the order they were asked for.
    pub items: Vec<QueuedDownload>,
}

#[derive(Debug)]
struct Entry {
    view: QueuedDownload,
    cancel: Arc<AtomicBool>,
}

#[derive(Debug, Default)]
struct Queue {
    entries: Vec<Entry>,
    last_publish: Option<Instant>,
}

/// The queue and its runner.
pub struct DownloadQueue {
    queue: Mutex<Queue>,
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
            queue: Mutex::new(Queue::default()),
            wake: Notify::new(),
            channel: Mutex::new(None),
            background,
        }
    }

    /// Whether an episode is waiting or downloading.
    pub fn busy(&self) -> bool {
        self.queue.lock().is_ok_and(|queue| {
            queue.entries.iter().any(|e| {
                matches!(
                    e.view.state,
                    DownloadState::Queued | DownloadState::Downloading
                )
            })
        })
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
        self.with_queue(|q| {
            if let Some(entry) = q.entries.iter().find(|e| e.view.episode == episode) {
                entry.cancel.store(true, Ordering::Relaxed);
            }
            q.entries.retain(|e| {
                e.view.episode != episode || e.view.state == DownloadState::Downloading
            });
        });
        self.publish(true);
        self.persist().await
    }

    /// Takes finished and failed downloads off the list.
    pub fn clear_finished(&self) {
        self.with_queue(|q| {
            q.entries.retain(|e| {
                matches!(
                    e.view.state,
                    DownloadState::Queued | DownloadState::Downloading
                )
            });
        });
        self.publish(true);
    }

    /// Deletes an episode's download (notes, highlights and transcript stay), and
    /// takes it off the list.
    pub async fn delete(&self, episode: EpisodeId) -> IpcResult<bool> {
        self.cancel(episode).await?;
        self.with_queue(|q| q.entries.retain(|e| e.view.episode != episode));
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
        self.with_queue(|q| {
            let Some(index) = q.entries.iter().position(|e| e.view.episode == episode) else {
                return;
            };
            match result {
                Ok(Ok(done)) => {
                    let view = &mut q.entries[index].view;
                    view.state = DownloadState::Done;
                    view.done_bytes = done.bytes;
                    view.total_bytes = Some(done.bytes);
                }
                Ok(Err(DownloadError::Cancelled { .. })) => {
                    q.entries.remove(index);
                }
                Ok(Err(e)) => fail(&mut q.entries[index].view, e.into()),
                Err(e) => fail(&mut q.entries[index].view, e),
            }
        });
        self.publish(true);
        if let Err(e) = self.persist().await {
            eprintln!("earmark: could not save the download queue: {}", e.message);
        }
    }

    /// The next episode waiting, now marked downloading.
    fn next_queued(&self) -> Option<(EpisodeId, Arc<AtomicBool>)> {
        let next = self.with_queue(|q| {
            let entry = q
                .entries
                .iter_mut()
                .find(|e| e.view.state == DownloadState::Queued)?;
            entry.view.state = DownloadState::Downloading;
            entry.view.error = None;
            Some((entry.view.episode, Arc::clone(&entry.cancel)))
        })?;
        self.publish(true);
        Some(next)
    }

    fn insert(&self, episode: EpisodeId, title: String) {
        self.with_queue(
            |q| match q.entries.iter_mut().find(|e| e.view.episode == episode) {
                Some(entry) if entry.view.state == DownloadState::Failed => {
                    entry.view.state = DownloadState::Queued;
                    entry.view.error = None;
                    entry.cancel = Arc::new(AtomicBool::new(false));
                }
                Some(entry) if entry.view.state == DownloadState::Done => {
                    entry.view.state = DownloadState::Queued;
                }
                Some(_) => {}
                None => q.entries.push(Entry {
                    view: QueuedDownload {
                        episode,
                        title,
                        state: DownloadState::Queued,
                        done_bytes: 0,
                        total_bytes: None,
                        error: None,
                    },
                    cancel: Arc::new(AtomicBool::new(false)),
                }),
            },
        );
    }

    fn progress(&self, episode: EpisodeId, done: u64, total: Option<u64>) {
        self.with_queue(|q| {
            if let Some(entry) = q.entries.iter_mut().find(|e| e.view.episode == episode) {
                entry.view.done_bytes = done;
                entry.view.total_bytes = total;
            }
        });
        self.publish(false);
    }

    /// Sends the queue to the window: always when `changed`, else at most every
    /// [`PUBLISH_EVERY`].
    fn publish(&self, changed: bool) {
        let snapshot = self.with_queue(|q| {
            let due = q.last_publish.is_none_or(|t| t.elapsed() >= PUBLISH_EVERY);
            if !changed && !due {
                return None;
            }
            q.last_publish = Some(Instant::now());
            Some(DownloadsSnapshot {
                items: q.entries.iter().map(|e| e.view.clone()).collect(),
            })
        });
        let Some(snapshot) = snapshot else {
            return;
        };
        if let Some(channel) = supervise::lock(&self.channel).as_ref() {
            let _ = channel.send(snapshot);
        }
    }

    /// Keeps what is waiting or downloading in the settings.
    async fn persist(&self) -> IpcResult<()> {
        let pending: Vec<EpisodeId> = self.with_queue(|q| {
            q.entries
                .iter()
                .filter(|e| {
                    matches!(
                        e.view.state,
                        DownloadState::Queued | DownloadState::Downloading
                    )
                })
                .map(|e| e.view.episode)
                .collect()
        });
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
        self.with_queue(|q| {
            for entry in &mut q.entries {
                if entry.view.state == DownloadState::Downloading {
                    fail(
                        &mut entry.view,
                        IpcError::new(problem.code, problem.message.clone()),
                    );
                }
            }
        });
        self.publish(true);
    }

    /// Runs `f` on the queue (taken back from a job that panicked holding it).
    fn with_queue<T>(&self, f: impl FnOnce(&mut Queue) -> T) -> T {
        f(&mut supervise::lock(&self.queue))
    }
}

fn fail(view: &mut QueuedDownload, error: IpcError) {
    view.state = DownloadState::Failed;
    view.error = Some(Problem {
        code: error.code,
        message: error.message,
    });
}

#[cfg(test)]
mod tests {
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
        let states = queue.with_queue(|q| {
            q.entries
                .iter()
                .map(|e| (e.view.episode, e.view.state, e.view.error.clone()))
                .collect::<Vec<_>>()
        });
        assert_eq!(states[0].1, DownloadState::Failed, "the one running failed");
        let problem = states[0].2.as_ref().expect("with a reason");
        assert_eq!(
            (problem.code, problem.message.as_str()),
            (
                supervise::INTERNAL,
                "Downloading stopped on an internal error. Earmark carries on; you can try it again."
            )
        );
        assert_eq!(states[1].1, DownloadState::Queued, "the other still waits");
        let (next, _) = queue.next_queued().expect("the queue goes on");
        assert_eq!(next, 2);
        queue.insert(1, "first".into());
        assert_eq!(
            queue.with_queue(|q| q.entries[0].view.state),
            DownloadState::Queued,
            "the failed one can be tried again"
        );
    }
}
