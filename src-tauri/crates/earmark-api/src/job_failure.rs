//! Keeping a job's failure to that job. Every piece of work off a request's path
//! (feed checks, downloads, imports, alignment, the search for pauses, cover art)
//! ends, should it panic, with an error that names it, returned like any other
//! error; a thread that serves a stream of events contains each event's panic
//! ([`contained`]); shared state is taken back from a panicking holder
//! ([`crate::shared::lock`]). The panic itself is reported once, as one line, by the
//! hook the app installs (`earmark_core::panic_report`), which logs the details.

use crate::error_report::ErrorReport;

/// Code of the error a job that panicked ends with.
pub const INTERNAL: &str = "internal";

/// The error of `job` (a phrase such as "Checking for new episodes") after a panic.
pub fn internal_error(job: &str) -> ErrorReport {
    ErrorReport::new(
        INTERNAL,
        format!("{job} stopped on an internal error. Earmark carries on; you can try it again."),
    )
}

/// Runs `work` on this thread; a panic in it is [`internal_error`] of `job`. For a
/// thread that serves many events, where one event's trouble must not end it.
pub fn contained<T>(job: &str, work: impl FnOnce() -> T) -> Result<T, ErrorReport> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|_| internal_error(job))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_serving_one_event_is_that_event_s_error() {
        let failed = contained::<()>("Saving where you are", || panic!("a bug"))
            .expect_err("the panic is an error");
        assert_eq!(failed.code, INTERNAL);
        assert_eq!(
            failed.message,
            "Saving where you are stopped on an internal error. Earmark carries on; you can try it again."
        );
        assert_eq!(contained("Saving where you are", || 2).ok(), Some(2));
    }
}
