//! Checking the whole library: several feeds at once, politely.
//!
//! [`REFRESH_WORKERS`] threads, each with its own connection to the library, take feeds
//! from one queue grouped by host. A worker takes the next feed of the next host that
//! has fewer than [`MAX_PER_HOST`] checks open (the HTTP client also holds every
//! request to that limit), so a slow or dead host keeps at most that many workers and
//! the others go on. A host that answers 429 or 503 is asked nothing more in this
//! check: its remaining feeds wait as long as it asked, or a back-off. Each feed's
//! schedule ([`super::schedule`]) is kept: a background check skips feeds that say they
//! change less often, and every check skips feeds whose server asked to wait.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde::Serialize;

use super::schedule::{self, Due};
use super::{refresh, Refreshed, SubscribeError};
use crate::http::{HttpClient, NetError, MAX_PER_HOST};
use crate::store::{FeedSchedule, Podcast, PodcastId, Store, StoreResult};

/// Feeds checked at once.
pub const REFRESH_WORKERS: usize = 32;

/// How a whole-library check runs.
#[derive(Debug, Clone, Copy)]
pub struct RefreshAll {
    /// The periodic background check (honours each feed's update frequency).
    pub background: bool,
    /// Feeds checked at once (1: one after the other).
    pub workers: usize,
}

impl RefreshAll {
    /// A check the user asked for: every feed, [`REFRESH_WORKERS`] at once.
    pub const ASKED: RefreshAll = RefreshAll {
        background: false,
        workers: REFRESH_WORKERS,
    };
    /// The periodic check.
    pub const BACKGROUND: RefreshAll = RefreshAll {
        background: true,
        workers: REFRESH_WORKERS,
    };
}

/// How far a whole-library check has come.
#[derive(Debug, Clone, Serialize)]
pub struct RefreshProgress {
    /// Feeds done (checked, failed or left waiting).
    pub done: usize,
    /// Feeds to check in all.
    pub total: usize,
    /// The show just done.
    pub title: String,
}

/// What a whole-library check did.
#[derive(Debug)]
pub struct AllRefreshed {
    /// Each feed checked (or left waiting), in the library's order.
    pub outcomes: Vec<(Podcast, Result<Refreshed, SubscribeError>)>,
    /// Feeds a background check left alone: they say they change less often.
    pub not_due: usize,
}

/// Checks one podcast's feed with its schedule: not at all while its server asked to
/// wait (or, in the background, when it says it changes less often: `Ok(None)`), and
/// keeps what the answer says about the next check.
pub fn check(
    store: &Store,
    http: &HttpClient,
    podcast: PodcastId,
    background: bool,
) -> Result<Option<Refreshed>, SubscribeError> {
    let known = store.feed_schedule(podcast)?;
    let now = now();
    match schedule::due(&known, now, background) {
        Due::Waiting(wait) => return Err(SubscribeError::Waiting(wait)),
        Due::Later(_) => return Ok(None),
        Due::Now => {}
    }
    let result = refresh(store, http, podcast);
    // A 304 writes nothing, unless the schedule has something to keep or clear.
    let keeps = known.update_secs.is_some() || known.not_before.is_some() || known.busy_strikes > 0;
    let next = match &result {
        Ok(done) if done.not_modified && !keeps => None,
        Ok(done) if done.not_modified => Some(schedule::reached(now, known.update_secs)),
        Ok(done) => Some(schedule::reached(now, done.update_every_secs)),
        Err(SubscribeError::Net(NetError::Busy { retry_after, .. })) => {
            Some(schedule::busy(&known, now, *retry_after))
        }
        Err(_) => None,
    };
    if let Some(next) = next {
        store.set_feed_schedule(podcast, &next)?;
    }
    result.map(Some)
}

/// Checks every podcast that has a feed, as [`RefreshAll`] says, telling `progress`
/// after each; one failing feed or host stops none of the others.
pub fn refresh_all(
    store: &Store,
    http: &HttpClient,
    how: RefreshAll,
    progress: &(dyn Fn(&RefreshProgress) + Sync),
) -> StoreResult<AllRefreshed> {
    let shows: Vec<Podcast> = store
        .podcasts()?
        .into_iter()
        .filter(|p| p.feed_url.is_some())
        .collect();
    let total = shows.len();
    let queue = Shared {
        queue: Mutex::new(Queue::new(shows)),
        changed: Condvar::new(),
        total,
        how,
        progress,
    };
    let workers = how.workers.clamp(1, total.max(1));
    match store.path().filter(|_| workers > 1) {
        Some(path) => {
            let stores = (0..workers)
                .map(|_| Store::open(path))
                .collect::<StoreResult<Vec<_>>>()?;
            std::thread::scope(|s| {
                for store in stores {
                    let queue = &queue;
                    s.spawn(move || queue.work(&store, http));
                }
            });
        }
        None => queue.work(store, http),
    }
    let queue = queue
        .queue
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    let mut done = queue.done;
    done.sort_by_key(|(index, _, _)| *index);
    Ok(AllRefreshed {
        outcomes: done
            .into_iter()
            .map(|(_, show, result)| (show, result))
            .collect(),
        not_due: queue.not_due,
    })
}

/// The queue and what the workers share.
struct Shared<'a> {
    queue: Mutex<Queue>,
    changed: Condvar,
    total: usize,
    how: RefreshAll,
    progress: &'a (dyn Fn(&RefreshProgress) + Sync),
}

/// A feed in the queue: its place in the library's order, and the show.
type Job = (usize, Podcast);

/// Feeds to check, grouped by host, and what came of those checked.
struct Queue {
    hosts: Vec<Host>,
    /// The host to look at first for the next job (round robin).
    next: usize,
    /// Feeds not yet taken.
    left: usize,
    done: Vec<(usize, Podcast, Result<Refreshed, SubscribeError>)>,
    not_due: usize,
}

struct Host {
    feeds: VecDeque<Job>,
    open: usize,
}

impl Shared<'_> {
    /// Takes jobs until none are left, checking each with `store`.
    fn work(&self, store: &Store, http: &HttpClient) {
        while let Some((host, (index, show))) = self.take() {
            let result = check(store, http, show.id, self.how.background);
            let mut queue = self.lock();
            queue.hosts[host].open -= 1;
            if let Err(SubscribeError::Net(NetError::Busy { retry_after, .. })) = &result {
                let wait = store
                    .feed_schedule(show.id)
                    .ok()
                    .and_then(|s| s.not_before)
                    .map_or(retry_after.unwrap_or(schedule::FIRST_BACK_OFF), |t| {
                        Duration::from_secs(t.abs_diff(now()))
                    });
                self.hold_host(&mut queue, store, host, wait);
            }
            match result {
                Ok(None) => queue.not_due += 1,
                Ok(Some(done)) => queue.done.push((index, show.clone(), Ok(done))),
                Err(e) => queue.done.push((index, show.clone(), Err(e))),
            }
            self.report(&queue, &show.title);
            drop(queue);
            self.changed.notify_all();
        }
    }

    /// The next job a worker may take (waiting while every host with feeds left is
    /// full), with its host; `None` when every feed has been taken.
    fn take(&self) -> Option<(usize, Job)> {
        let mut queue = self.lock();
        loop {
            if queue.left == 0 {
                return None;
            }
            if let Some(job) = queue.take() {
                return Some(job);
            }
            queue = self
                .changed
                .wait(queue)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// A host asked to slow down: its feeds not yet checked wait `wait`, this time
    /// and (kept in their schedules) the next.
    fn hold_host(&self, queue: &mut Queue, store: &Store, host: usize, wait: Duration) {
        let until = now().saturating_add_unsigned(wait.as_secs().max(1));
        let held: Vec<Job> = queue.hosts[host].feeds.drain(..).collect();
        queue.left -= held.len();
        for (index, show) in held {
            let kept = store.feed_schedule(show.id).map(|s| FeedSchedule {
                not_before: Some(until),
                ..s
            });
            let result = match kept.and_then(|s| store.set_feed_schedule(show.id, &s)) {
                Ok(()) => Err(SubscribeError::Waiting(wait)),
                Err(e) => Err(SubscribeError::Store(e)),
            };
            let title = show.title.clone();
            queue.done.push((index, show, result));
            self.report(queue, &title);
        }
    }

    fn report(&self, queue: &Queue, title: &str) {
        (self.progress)(&RefreshProgress {
            done: queue.done.len() + queue.not_due,
            total: self.total,
            title: title.to_owned(),
        });
    }

    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Queue {
    fn new(shows: Vec<Podcast>) -> Queue {
        let mut by_host: HashMap<String, usize> = HashMap::new();
        let mut hosts: Vec<Host> = Vec::new();
        let left = shows.len();
        for (index, show) in shows.into_iter().enumerate() {
            let host = show
                .feed_url
                .as_deref()
                .and_then(|u| reqwest::Url::parse(u).ok())
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_default();
            let at = *by_host.entry(host).or_insert_with(|| {
                hosts.push(Host {
                    feeds: VecDeque::new(),
                    open: 0,
                });
                hosts.len() - 1
            });
            hosts[at].feeds.push_back((index, show));
        }
        Queue {
            hosts,
            next: 0,
            left,
            done: Vec::new(),
            not_due: 0,
        }
    }

    /// The next feed of the next host (from `next` on) with a place free.
    fn take(&mut self) -> Option<(usize, Job)> {
        let count = self.hosts.len();
        for step in 0..count {
            let at = (self.next + step) % count;
            let host = &mut self.hosts[at];
            if host.open >= MAX_PER_HOST {
                continue;
            }
            if let Some(job) = host.feeds.pop_front() {
                host.open += 1;
                self.left -= 1;
                self.next = (at + 1) % count;
                return Some((at, job));
            }
        }
        None
    }
}

/// Unix seconds now.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
