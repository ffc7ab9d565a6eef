//! Running jobs off the async workers (on the tokio runtime the front end runs), each
//! failure kept to its job ([`crate::job_failure`]): a one-off job ([`blocking`]) on
//! the blocking pool, a job for the life of the app ([`keep_running`]: the download
//! queue, the periodic feed check) started again after a panic, the user told.

use std::future::Future;
use std::time::Duration;

use crate::error_report::ErrorReport;
use crate::job_failure::internal_error;

/// Wait before a long-running job that panicked is started again, so that one
/// panicking at once every time cannot spin.
const RESTART_AFTER: Duration = Duration::from_secs(1);

/// Runs blocking `work` on the blocking pool; a panic in it is [`internal_error`] of
/// `job`.
pub async fn blocking<T: Send + 'static>(
    job: &str,
    work: impl FnOnce() -> Result<T, ErrorReport> + Send + 'static,
) -> Result<T, ErrorReport> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| internal_error(job))?
}

/// Runs the task `start` makes for the life of the app: when it panics, `report` gets
/// the error naming `job`, `recover` puts its state right, and a new one starts.
pub async fn keep_running<Task>(
    job: &'static str,
    mut start: impl FnMut() -> Task + Send,
    report: impl Fn(ErrorReport) + Send,
    mut recover: impl FnMut() + Send,
) where
    Task: Future<Output = ()> + Send + 'static,
{
    while tokio::spawn(start()).await.is_err() {
        report(internal_error(job));
        recover();
        tokio::time::sleep(RESTART_AFTER).await;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::shared::lock;

    fn block_on<T>(work: impl Future<Output = T>) -> T {
        let runtime = tokio::runtime::Runtime::new().expect("a runtime");
        runtime.block_on(work)
    }

    #[test]
    fn a_panicking_job_is_an_error_naming_it_and_the_next_job_runs() {
        let shared = Arc::new(Mutex::new(0u32));
        let held = Arc::clone(&shared);
        let failed = block_on(blocking::<()>("Importing files", move || {
            let mut count = lock(&held);
            *count += 1;
            panic!("a bug while holding the lock");
        }))
        .expect_err("the panic is an error");
        assert_eq!(failed.code, crate::job_failure::INTERNAL);
        assert_eq!(
            failed.message,
            "Importing files stopped on an internal error. Earmark carries on; you can try it again."
        );
        assert!(shared.is_poisoned(), "the job panicked holding the lock");
        let held = Arc::clone(&shared);
        let next = block_on(blocking("Importing files", move || {
            let mut count = lock(&held);
            *count += 1;
            Ok(*count)
        }))
        .expect("a later job runs");
        assert_eq!(next, 2, "and sees what the first left");
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
        block_on(keep_running(
            "Downloading",
            move || {
                let run = s.fetch_add(1, Ordering::SeqCst);
                async move {
                    // The first run panics; the second ends as the app would at exit.
                    assert!(run > 0, "the first run hits a bug");
                }
            },
            move |error: ErrorReport| lock(&n).push(error.message),
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
