//! The download queue as a front end runs it: the rules ([`crate::download_queue`])
//! behind a lock, what is waiting or downloading kept in the settings ([`QUEUE_KEY`])
//! so a restart takes it up again, one episode's download at a time (the core
//! resumes each file with `Range` + `If-Range`), and the whole queue sent to a
//! watcher at once on every change of state and at most every [`PUBLISH_EVERY`]
//! while bytes flow. Blocking; the front end waits for work and runs each download
//! off its async workers.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use earmark_core::downloads::{self, DownloadError, DownloadOptions, Downloaded};
use earmark_core::http::HttpClient;
use earmark_core::store::{EpisodeId, Store};

use crate::download_queue::{DownloadsSnapshot, Finished, Queue};
use crate::error_report::ErrorReport;
use crate::shared::{lock, Listener};

/// Settings key of the episodes waiting or downloading (a list of ids).
pub const QUEUE_KEY: &str = "downloads.queue";
/// What a download is called should it stop on an internal error.
pub const DOWNLOADING: &str = "Downloading";
/// How often progress is sent while bytes flow.
pub const PUBLISH_EVERY: Duration = Duration::from_millis(250);

/// The rules, and when the watcher last heard of the queue.
#[derive(Debug, Default)]
struct Shared {
    rules: Queue,
    last_publish: Option<Instant>,
}

/// The queue, shared by the commands and the runner.
#[derive(Debug, Default)]
pub struct DownloadList {
    shared: Mutex<Shared>,
    watcher: Listener<DownloadsSnapshot>,
}

impl DownloadList {
    /// Whether an episode is waiting or downloading.
    pub fn busy(&self) -> bool {
        self.with_queue(|q| q.busy())
    }

    /// An error saying so when an episode is waiting or downloading (the library cannot
    /// be replaced under a running download); `then` is what waits, `unsubscribe` or
    /// `restore`, and its `then` param.
    pub fn ensure_idle(&self, then: &'static str) -> Result<(), ErrorReport> {
        if self.busy() {
            let words = if then == "restore" {
                "restore the library"
            } else {
                then
            };
            let message =
                format!("Downloads are running. Let them finish or cancel them, then {words}.");
            return Err(ErrorReport::new("downloads_running", message)
                .with_params([("then", then.to_owned())]));
        }
        Ok(())
    }

    /// Takes up the queue kept from the last run.
    pub fn restore(&self, store: &Store) {
        let ids: Vec<EpisodeId> = store.setting(QUEUE_KEY).ok().flatten().unwrap_or_default();
        for id in ids {
            if let Ok(episode) = store.episode(id) {
                self.with_queue(|q| q.insert(id, episode.title));
            }
        }
    }

    /// Sends the queue to `watcher` now and on every change.
    pub fn watch(&self, watcher: impl Fn(DownloadsSnapshot) + Send + 'static) {
        self.watcher.set(watcher);
        self.publish(true);
    }

    /// Queues an episode (again, when it failed); one already waiting or downloading
    /// stays as it is.
    pub fn add(&self, store: &Store, episode: EpisodeId) -> Result<(), ErrorReport> {
        let title = store.episode(episode)?.title;
        self.with_queue(|q| q.insert(episode, title));
        self.publish(true);
        self.persist(store)
    }

    /// Stops a download (the bytes on disk are kept, so downloading it again goes on
    /// from there) or takes it off the queue; [`DownloadList::persist`] then.
    pub fn cancel(&self, episode: EpisodeId) {
        self.with_queue(|q| q.cancel(episode));
        self.publish(true);
    }

    /// Takes finished and failed downloads off the list.
    pub fn clear_finished(&self) {
        self.with_queue(Queue::clear_finished);
        self.publish(true);
    }

    /// Deletes an episode's download (notes, highlights and transcript stay) and
    /// takes it off the list; whether a file was removed.
    pub fn delete(
        &self,
        store: &Store,
        data_dir: &Path,
        episode: EpisodeId,
    ) -> Result<bool, ErrorReport> {
        self.cancel(episode);
        self.persist(store)?;
        self.with_queue(|q| q.remove(episode));
        self.publish(true);
        Ok(downloads::delete(store, data_dir, episode)?)
    }

    /// The next episode waiting, now marked downloading, with its cancel flag.
    pub fn next_queued(&self) -> Option<(EpisodeId, Arc<AtomicBool>)> {
        let next = self.with_queue(Queue::next_queued)?;
        self.publish(true);
        Some(next)
    }

    /// Downloads `episode`, checked with the player's probe (a file it cannot open is
    /// not a download), its progress published.
    pub fn download(
        &self,
        store: &Store,
        http: &HttpClient,
        data_dir: &Path,
        episode: EpisodeId,
        cancel: &AtomicBool,
    ) -> Result<Downloaded, DownloadError> {
        let options = DownloadOptions {
            cancel: Some(cancel),
            ..DownloadOptions::new(&earmark_player::check_playable)
        };
        let mut progress = |done, total| {
            self.with_queue(|q| q.progress(episode, done, total));
            self.publish(false);
        };
        downloads::download_with(store, http, data_dir, episode, options, &mut progress)
    }

    /// Records how `episode`'s download ended (`Err`: the job itself failed).
    pub fn finish(
        &self,
        episode: EpisodeId,
        result: Result<Result<Downloaded, DownloadError>, ErrorReport>,
    ) {
        let how = match result {
            Ok(Ok(done)) => Finished::Done(done.bytes),
            Ok(Err(DownloadError::Cancelled { .. })) => Finished::Cancelled,
            Ok(Err(e)) => Finished::Failed(e.into()),
            Err(e) => Finished::Failed(e),
        };
        self.with_queue(|q| q.finish(episode, how));
        self.publish(true);
    }

    /// Puts the queue right after its runner panicked: the download it was running
    /// fails with `problem` (a retry takes it up again), the others wait their turn.
    pub fn recover(&self, problem: &ErrorReport) {
        self.with_queue(|q| q.fail_running(problem));
        self.publish(true);
    }

    /// Keeps what is waiting or downloading in the settings.
    pub fn persist(&self, store: &Store) -> Result<(), ErrorReport> {
        let pending = self.with_queue(|q| q.pending());
        Ok(store.set_setting(QUEUE_KEY, &pending)?)
    }

    /// Sends the queue to the watcher: always when `changed`, else at most every
    /// [`PUBLISH_EVERY`].
    fn publish(&self, changed: bool) {
        let snapshot = {
            let mut shared = lock(&self.shared);
            let due = shared
                .last_publish
                .is_none_or(|t| t.elapsed() >= PUBLISH_EVERY);
            if !changed && !due {
                return;
            }
            shared.last_publish = Some(Instant::now());
            shared.rules.snapshot()
        };
        self.watcher.send(snapshot);
    }

    /// Runs `f` on the queue's rules (taken back from a job that panicked holding
    /// them).
    fn with_queue<T>(&self, f: impl FnOnce(&mut Queue) -> T) -> T {
        f(&mut lock(&self.shared).rules)
    }
}

#[cfg(test)]
mod tests {
    use crate::download_queue::DownloadState;

    use super::*;

    #[test]
    fn after_the_runner_panics_its_download_fails_and_the_next_one_is_taken_up() {
        let list = DownloadList::default();
        list.with_queue(|q| q.insert(1, "first".into()));
        list.with_queue(|q| q.insert(2, "second".into()));
        let (running, _) = list.next_queued().expect("the first starts");
        assert_eq!(running, 1);
        // The runner panicked holding the queue's lock.
        let poisoner = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            list.with_queue(|_| panic!("a bug in the runner"))
        }));
        assert!(poisoner.is_err() && list.shared.is_poisoned());
        list.recover(&ErrorReport::new("internal", "Downloading stopped."));
        let items = list.with_queue(|q| q.snapshot().items);
        assert_eq!(
            items[0].state,
            DownloadState::Failed,
            "the one running failed"
        );
        let problem = items[0].error.as_ref().expect("with a reason");
        assert_eq!(
            (problem.code, problem.message.as_str()),
            ("internal", "Downloading stopped.")
        );
        assert_eq!(
            items[1].state,
            DownloadState::Queued,
            "the other still waits"
        );
        let (next, _) = list.next_queued().expect("the queue goes on");
        assert_eq!(next, 2);
    }

    #[test]
    fn the_queue_is_kept_in_the_settings_and_taken_up_again() {
        let store = crate::testing::library();
        let episode = |title| crate::testing::episode(&store, title, None);
        let (a, b) = (episode("first"), episode("second"));
        let list = DownloadList::default();
        let heard = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&heard);
        list.watch(move |s| lock(&seen).push(s.items.len()));
        list.add(&store, a).expect("queued");
        list.add(&store, b).expect("queued");
        list.cancel(a);
        list.persist(&store).expect("kept");
        assert_eq!(*lock(&heard), [0, 1, 2, 1], "every change was heard");
        let after_restart = DownloadList::default();
        after_restart.restore(&store);
        let items = after_restart.with_queue(|q| q.snapshot().items);
        assert_eq!(items.len(), 1);
        assert_eq!((items[0].episode, items[0].title.as_str()), (b, "second"));
        assert!(after_restart.busy());
    }
}
