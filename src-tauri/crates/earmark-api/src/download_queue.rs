//! The download queue's rules, without a window or a runtime: episodes wait their
//! turn in the order they were asked for, one downloads at a time, a failed one can
//! be asked for again, a cancelled one leaves the list, and what is waiting or
//! downloading is what a restart takes up again. [`crate::download_list`] runs it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use earmark_core::store::EpisodeId;
use serde::Serialize;

use crate::error_report::ErrorReport;

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

impl DownloadState {
    /// Waiting or downloading: what a restart takes up again.
    pub fn pending(self) -> bool {
        matches!(self, DownloadState::Queued | DownloadState::Downloading)
    }
}

/// One episode in the queue, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    pub error: Option<ErrorReport>,
}

/// The whole queue, as sent to the window.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadsSnapshot {
    /// In the order they were asked for.
    pub items: Vec<QueuedDownload>,
}

/// How a download ended.
#[derive(Debug)]
pub enum Finished {
    /// The file is in the library, this many bytes.
    Done(u64),
    /// The user stopped it.
    Cancelled,
    /// It failed.
    Failed(ErrorReport),
}

#[derive(Debug)]
struct Entry {
    view: QueuedDownload,
    cancel: Arc<AtomicBool>,
}

/// The queue.
#[derive(Debug, Default)]
pub struct Queue {
    entries: Vec<Entry>,
}

impl Queue {
    /// Queues an episode (again, when it failed or was done); one waiting or
    /// downloading stays as it is.
    pub fn insert(&mut self, episode: EpisodeId, title: String) {
        match self.entry(episode) {
            Some(entry) if entry.view.state == DownloadState::Failed => {
                entry.view.state = DownloadState::Queued;
                entry.view.error = None;
                entry.cancel = Arc::new(AtomicBool::new(false));
            }
            Some(entry) if entry.view.state == DownloadState::Done => {
                entry.view.state = DownloadState::Queued;
            }
            Some(_) => {}
            None => self.entries.push(Entry {
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
        }
    }

    /// The next episode waiting, now marked downloading, with its cancel flag.
    pub fn next_queued(&mut self) -> Option<(EpisodeId, Arc<AtomicBool>)> {
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.view.state == DownloadState::Queued)?;
        entry.view.state = DownloadState::Downloading;
        entry.view.error = None;
        Some((entry.view.episode, Arc::clone(&entry.cancel)))
    }

    /// Bytes arrived.
    pub fn progress(&mut self, episode: EpisodeId, done: u64, total: Option<u64>) {
        if let Some(entry) = self.entry(episode) {
            entry.view.done_bytes = done;
            entry.view.total_bytes = total;
        }
    }

    /// Stops a download (its runner sees the flag and ends it as cancelled) or takes
    /// a waiting, done or failed one off the list.
    pub fn cancel(&mut self, episode: EpisodeId) {
        if let Some(entry) = self.entry(episode) {
            entry.cancel.store(true, Ordering::Relaxed);
        }
        self.entries
            .retain(|e| e.view.episode != episode || e.view.state == DownloadState::Downloading);
    }

    /// Takes an episode off the list, whatever its state.
    pub fn remove(&mut self, episode: EpisodeId) {
        self.entries.retain(|e| e.view.episode != episode);
    }

    /// Takes finished and failed downloads off the list.
    pub fn clear_finished(&mut self) {
        self.entries.retain(|e| e.view.state.pending());
    }

    /// Records how a download ended.
    pub fn finish(&mut self, episode: EpisodeId, how: Finished) {
        match how {
            Finished::Cancelled => self.remove(episode),
            Finished::Done(bytes) => {
                if let Some(entry) = self.entry(episode) {
                    entry.view.state = DownloadState::Done;
                    entry.view.done_bytes = bytes;
                    entry.view.total_bytes = Some(bytes);
                }
            }
            Finished::Failed(error) => {
                if let Some(entry) = self.entry(episode) {
                    entry.view.state = DownloadState::Failed;
                    entry.view.error = Some(error);
                }
            }
        }
    }

    /// Fails whatever is downloading with `error` (its runner is gone); the others
    /// wait their turn.
    pub fn fail_running(&mut self, error: &ErrorReport) {
        for entry in &mut self.entries {
            if entry.view.state == DownloadState::Downloading {
                entry.view.state = DownloadState::Failed;
                entry.view.error = Some(error.clone());
            }
        }
    }

    /// Whether an episode is waiting or downloading.
    pub fn busy(&self) -> bool {
        self.entries.iter().any(|e| e.view.state.pending())
    }

    /// The episodes waiting or downloading, in order: what a restart takes up.
    pub fn pending(&self) -> Vec<EpisodeId> {
        self.entries
            .iter()
            .filter(|e| e.view.state.pending())
            .map(|e| e.view.episode)
            .collect()
    }

    /// The queue as the window shows it.
    pub fn snapshot(&self) -> DownloadsSnapshot {
        DownloadsSnapshot {
            items: self.entries.iter().map(|e| e.view.clone()).collect(),
        }
    }

    fn entry(&mut self, episode: EpisodeId) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.view.episode == episode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(queue: &Queue) -> Vec<(EpisodeId, DownloadState)> {
        queue
            .snapshot()
            .items
            .iter()
            .map(|i| (i.episode, i.state))
            .collect()
    }

    fn queue_of(episodes: &[EpisodeId]) -> Queue {
        let mut queue = Queue::default();
        for &e in episodes {
            queue.insert(e, format!("episode {e}"));
        }
        queue
    }

    #[test]
    fn one_at_a_time_in_the_order_asked() {
        let mut queue = queue_of(&[3, 1, 2]);
        queue.insert(1, "again".into());
        assert_eq!(queue.snapshot().items.len(), 3, "asking twice queues once");
        let (first, _) = queue.next_queued().expect("one starts");
        assert_eq!(first, 3);
        queue.progress(3, 500, Some(1_000));
        let item = &queue.snapshot().items[0];
        assert_eq!((item.done_bytes, item.total_bytes), (500, Some(1_000)));
        queue.finish(3, Finished::Done(1_000));
        assert_eq!(
            states(&queue),
            [
                (3, DownloadState::Done),
                (1, DownloadState::Queued),
                (2, DownloadState::Queued)
            ]
        );
        assert_eq!(queue.next_queued().map(|(e, _)| e), Some(1));
        assert_eq!(queue.pending(), [1, 2], "what a restart takes up");
    }

    #[test]
    fn cancel_stops_the_running_one_and_drops_a_waiting_one() {
        let mut queue = queue_of(&[1, 2]);
        let (_, flag) = queue.next_queued().expect("one starts");
        queue.cancel(1);
        assert!(flag.load(Ordering::Relaxed), "the runner sees the flag");
        assert_eq!(
            states(&queue)[0],
            (1, DownloadState::Downloading),
            "until it stops"
        );
        queue.finish(1, Finished::Cancelled);
        queue.cancel(2);
        assert!(states(&queue).is_empty());
        assert!(!queue.busy());
    }

    #[test]
    fn a_failed_download_keeps_its_reason_and_can_be_asked_for_again() {
        let mut queue = queue_of(&[1, 2]);
        let (_, old_flag) = queue.next_queued().expect("one starts");
        old_flag.store(true, Ordering::Relaxed);
        let error = ErrorReport::new("not_found", "404 Not found: there is nothing at x.");
        queue.finish(1, Finished::Failed(error.clone()));
        assert_eq!(queue.snapshot().items[0].error, Some(error));
        assert_eq!(
            queue.pending(),
            [2],
            "a failed one is not taken up at restart"
        );
        queue.insert(1, "retry".into());
        assert_eq!(states(&queue)[0], (1, DownloadState::Queued));
        assert_eq!(queue.snapshot().items[0].error, None);
        queue.finish(2, Finished::Done(1));
        let (next, flag) = queue.next_queued().expect("the retry runs");
        assert_eq!(next, 1);
        assert!(!flag.load(Ordering::Relaxed), "with a fresh cancel flag");
        queue.clear_finished();
        assert_eq!(states(&queue), [(1, DownloadState::Downloading)]);
    }

    #[test]
    fn when_the_runner_is_gone_its_download_fails_and_the_rest_wait() {
        let mut queue = queue_of(&[1, 2]);
        queue.next_queued();
        queue.fail_running(&ErrorReport::new("internal", "Downloading stopped."));
        assert_eq!(
            states(&queue),
            [(1, DownloadState::Failed), (2, DownloadState::Queued)]
        );
        assert_eq!(queue.next_queued().map(|(e, _)| e), Some(2));
    }
}
