//! At most so many holders at once per key, across threads: [`MAX_PER_HOST`] requests
//! to one server for every clone of an [`HttpClient`](super::HttpClient) (a library
//! refreshed in parallel still asks each podcast host politely, as hosts ask of
//! clients), and a few feeds parsed and stored at once however many are fetched.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The most requests Earmark has open to one host at a time.
pub const MAX_PER_HOST: usize = 4;

/// Places taken per key, at most `max` each.
#[derive(Debug)]
pub(crate) struct KeyedLimit {
    max: usize,
    open: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

/// A place under a key's limit; given back when dropped.
#[derive(Debug)]
pub(crate) struct Place<'a> {
    limit: &'a KeyedLimit,
    key: String,
}

impl KeyedLimit {
    /// At most `max` places per key.
    pub(crate) fn new(max: usize) -> KeyedLimit {
        KeyedLimit {
            max: max.max(1),
            open: Mutex::default(),
            freed: Condvar::new(),
        }
    }

    /// Waits until `key` has fewer than the limit's places taken, and takes one.
    pub(crate) fn acquire(&self, key: &str) -> Place<'_> {
        let mut open = self.lock();
        while open.get(key).is_some_and(|&n| n >= self.max) {
            open = self
                .freed
                .wait(open)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *open.entry(key.to_owned()).or_insert(0) += 1;
        Place {
            limit: self,
            key: key.to_owned(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, usize>> {
        // The map stays consistent whatever panicked while holding it.
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        let mut open = self.limit.lock();
        if let Some(n) = open.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.key);
            }
        }
        drop(open);
        self.limit.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Barrier;

    use super::*;

    #[test]
    fn no_more_than_the_limit_per_key_at_once_and_other_keys_are_not_held_up() {
        let limit = KeyedLimit::new(MAX_PER_HOST);
        let (open, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let threads = 3 * MAX_PER_HOST;
        let start = Barrier::new(threads);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    start.wait();
                    for _ in 0..50 {
                        let _permit = limit.acquire("feeds.example");
                        let now = open.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(now, Ordering::SeqCst);
                        // Another host gets a place while this one is full.
                        drop(limit.acquire("other.example"));
                        std::thread::yield_now();
                        open.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        let peak = peak.load(Ordering::SeqCst);
        assert!((2..=MAX_PER_HOST).contains(&peak), "peak {peak}");
        assert!(limit.lock().is_empty(), "every place was given back");
    }
}
