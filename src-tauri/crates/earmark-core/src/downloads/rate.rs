//! The slowest a download may go: fewer than [`MIN_RATE_BYTES`] in any
//! [`MIN_RATE_WINDOW`] and it stops as stalled, so one server that trickles bytes
//! (one every few seconds, each read well inside the read timeout) never holds the
//! one-at-a-time queue. A server that sends nothing at all is the read timeout's job
//! ([`crate::http::READ_TIMEOUT`]).
//!
//! The library setting [`MIN_RATE_SETTING`] (`{"bytes": N, "window_ms": W}`) replaces
//! the defaults, for the app and the command line alike; tests use it to make the
//! window short instead of waiting half a minute.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::store::Store;

/// Fewer bytes than this in a [`MIN_RATE_WINDOW`] is a stall (about 0.5 KB/s: far
/// below any connection that can play audio, far above a trickling server).
pub const MIN_RATE_BYTES: u64 = 16 * 1024;
/// The window [`MIN_RATE_BYTES`] must arrive in.
pub const MIN_RATE_WINDOW: Duration = Duration::from_secs(30);
/// The library setting that replaces the two: `{"bytes": N, "window_ms": W}`.
pub const MIN_RATE_SETTING: &str = "downloads.min_rate";

/// The slowest a download may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinRate {
    /// Bytes that must arrive in each window.
    pub bytes: u64,
    /// The window, in milliseconds.
    pub window_ms: u64,
}

impl Default for MinRate {
    fn default() -> Self {
        MinRate {
            bytes: MIN_RATE_BYTES,
            window_ms: u64::try_from(MIN_RATE_WINDOW.as_millis()).unwrap_or(u64::MAX),
        }
    }
}

impl MinRate {
    /// The library's setting, else the defaults (also for an unreadable setting or
    /// an empty window).
    pub fn from_store(store: &Store) -> MinRate {
        store
            .setting::<MinRate>(MIN_RATE_SETTING)
            .ok()
            .flatten()
            .filter(|rate| rate.window_ms > 0)
            .unwrap_or_default()
    }

    /// The window.
    pub fn window(&self) -> Duration {
        Duration::from_millis(self.window_ms)
    }
}

/// Counts the bytes of one response against a [`MinRate`].
#[derive(Debug)]
pub(super) struct RateWatch {
    min: MinRate,
    since: Instant,
    bytes: u64,
}

impl RateWatch {
    /// A watch whose first window opens at `now`.
    pub fn new(min: MinRate, now: Instant) -> RateWatch {
        RateWatch {
            min,
            since: now,
            bytes: 0,
        }
    }

    /// Counts `n` bytes that arrived at `now`; `true` when a window closed with
    /// fewer than the minimum in it.
    pub fn too_slow(&mut self, n: u64, now: Instant) -> bool {
        self.bytes = self.bytes.saturating_add(n);
        if now.saturating_duration_since(self.since) < self.min.window() {
            return false;
        }
        let slow = self.bytes < self.min.bytes;
        self.since = now;
        self.bytes = 0;
        slow
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: MinRate = MinRate {
        bytes: 100,
        window_ms: 1_000,
    };

    #[test]
    fn a_window_with_too_few_bytes_is_a_stall() {
        let start = Instant::now();
        let at = |ms| start + Duration::from_millis(ms);
        let mut watch = RateWatch::new(RATE, start);
        assert!(!watch.too_slow(10, at(200)), "the window is still open");
        assert!(!watch.too_slow(10, at(900)));
        assert!(watch.too_slow(1, at(1_000)), "21 bytes in 1 s");
    }

    #[test]
    fn each_window_is_judged_on_its_own() {
        let start = Instant::now();
        let at = |ms| start + Duration::from_millis(ms);
        let mut watch = RateWatch::new(RATE, start);
        assert!(!watch.too_slow(500, at(1_000)), "a fast first second");
        assert!(!watch.too_slow(60, at(1_500)));
        assert!(!watch.too_slow(60, at(2_000)), "120 bytes in the second");
        assert!(
            watch.too_slow(99, at(3_000)),
            "earlier plenty does not excuse a slow third second"
        );
    }

    #[test]
    fn the_defaults_hold_unless_the_library_says_otherwise() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(MinRate::from_store(&store), MinRate::default());
        assert_eq!(MinRate::default().window(), MIN_RATE_WINDOW);
        store.set_setting(MIN_RATE_SETTING, &RATE).unwrap();
        assert_eq!(MinRate::from_store(&store), RATE);
        store
            .set_setting(
                MIN_RATE_SETTING,
                &MinRate {
                    bytes: 5,
                    window_ms: 0,
                },
            )
            .unwrap();
        assert_eq!(MinRate::from_store(&store), MinRate::default());
    }
}
