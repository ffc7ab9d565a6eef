//! Keeping a job's failure to that job. Every piece of work off the window's request
//! path — feed checks (on demand and periodic), downloads, imports, alignment, the
//! search for pauses, cover art — runs through here:
//!
//! - a one-off job ([`blocking`]) runs on the blocking pool; a panic in it becomes an
//!   error that names the job, returned like any other error (the window shows it);
//!   on a thread that serves a stream of events (the session's), [`contained`] does
//!   the same for one event;
//! - a job that runs for the life of the app ([`keep_running`]: the download queue,
//!   the periodic feed check) is started again after a panic, the window told in a
//!   notice that names it;
//! - the state shared with later work is taken with [`lock`], which recovers a lock a
//!   panicking job left poisoned: the library's writes are transactions (a panic rolls
//!   back) and the queues hold plain values, so what a panic leaves is consistent, and
//!   refusing every later command would be the larger harm.
//!
//! The panic itself is reported once, as one line, by the hook the app installs
//! (`earmark_core::panic_report`), which logs the details.

use std::future::Future;
use std::time::Duration;

use crate::error::{IpcError, IpcResult};

/// Code of the error a job that panicked ends with.
pub const INTERNAL: &str = "internal";
/// Wait before a long-running job that panicked is started again, so that one
/// panicking at once every time cannot spin.
const RESTART_AFTER: Duration = Duration::from_secs(1);

/// The error of `job` (a phrase such as "Checking for new episodes") after a panic.
pub fn internal_error(job: &str) -> IpcError {
    IpcError::new(
        INTERNAL,
        format!("{job} stopped on an internal error. Earmark carries on; you can try it again."),
    )
}

/// Runs blocking `work` on the blocking pool; a panic in it is [`internal_error`] of
/// `job`.
pub async fn blocking<T: Send + 'static>(
    job: &str,
    work: impl FnOnce() -> IpcResult<T> + Send + 'static,
) -> IpcResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| internal_error(job))?
}

/// Runs `work` on this thread; a panic in it is [`internal_error`] of `job`. For a
/// thread that serves many events, where one event's trouble must not end it.
pub fn contained<T>(job: &str, work: impl FnOnce() -> T) -> IpcResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|_| internal_error(job))
}

/// Runs the task `start` makes for the life of the app: when it panics, `report`
/// gets the sentence naming `job`, `recover` puts the task's state right (so what was
/// running when it panicked can run again), and a new task is started.
pub async fn keep_running<Task>(
    job: &'static str,
    mut start: impl FnMut() -> Task + Send,
    report: impl Fn(String) + Send,
    mut recover: impl FnMut() + Send,
) where
    Task: Future<Output = ()> + Send + 'static,
{
    while tauri::async_runtime::spawn(start()).await.is_err() {
        report(internal_error(job).message);
        recover();
        tokio::time::sleep(RESTART_AFTER).await;
    }
}

/// Locks a mutex, taking it back from a job that panicked while holding it (see the
/// module's notes on why that is sound here).
pub use earmark_api::sync::lock;

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use std::sync::Mutex;

    use super::*;

    #[test]
    fn a_panicking_job_is_an_error_naming_it_and_the_next_job_runs() {
        let shared = Arc::new(Mutex::new(0u32));
        let held = Arc::clone(&shared);
        let failed = tauri::async_runtime::block_on(blocking::<()>("Importing files", move || {
            let mut count = lock(&held);
            *count += 1;
            panic!("a bug while holding the lock");
        }))
        .expect_err("the panic is an error");
        assert_eq!(failed.code, INTERNAL);
        assert_eq!(
            failed.message,
            "Importing files stopped on an internal error. Earmark carries on; you can try it again."
        );
        assert!(shared.is_poisoned(), "the job panicked holding the lock");
        let held = Arc::clone(&shared);
        let next = tauri::async_runtime::block_on(blocking("Importing files", move || {
            let mut count = lock(&held);
            *count += 1;
            Ok(*count)
        }))
        .expect("a later job runs");
        assert_eq!(next, 2, "and sees what the first left");
    }

    #[test]
    fn a_panic_serving_one_event_is_that_event_s_error() {
        let failed = contained::<()>("Saving where you are", || panic!("a bug"))
            .expect_err("the panic is an error");
        assert_eq!(
            failed.message,
            "Saving where you are stopped on an internal error. Earmark carries on; you can try it again."
        );
        assert_eq!(contained("Saving where you are", || 2).ok(), Some(2));
    }

    #[test]
    fn a_long_running_job_that_panics_is_reported_recovered_and_started_again() {
        let starts = Arc::new(AtomicUsize::new(0));
        let recovered = Arc::new(AtomicUsize::new(0));
        let reports = Arc::new(Mutex::new(Vec::new()));
        let (s, r, n) = (
            Arc::clone(&starts),
            Arc::clone(&recovered),
            Arc::clone(&reports),
        );
        tauri::async_runtime::block_on(keep_running(
            "Downloading",
            move || {
                let run = s.fetch_add(1, Ordering::SeqCst);
                async move {
                    // The first run panics; the second ends as the app would at exit.
                    assert!(run > 0, "the first run hits a bug");
                }
            },
            move |message| lock(&n).push(message),
            move || {
                r.fetch_add(1, Ordering::SeqCst);
            },
        ));
        assert_eq!(starts.load(Ordering::SeqCst), 2, "started again once");
        assert_eq!(recovered.load(Ordering::SeqCst), 1, "its state put right");
        assert_eq!(
            *lock(&reports),
            ["Downloading stopped on an internal error. Earmark carries on; you can try it again."]
        );
    }
}
