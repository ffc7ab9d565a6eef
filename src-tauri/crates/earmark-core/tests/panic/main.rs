//! The panic hook seen from outside: this test binary runs itself again as a child
//! process that installs the hook and panics on a named thread, with
//! `RUST_BACKTRACE=1` set as a developer's shell might have it, and reads what the
//! child printed. The user sees one line and no backtrace; the log has the details.
// A test binary: a panic (in a test or in its helpers) is a failed test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

use earmark_core::panic_report::install_panic_hook;

/// Set in the child: where its hook logs.
const CHILD_LOG: &str = "EARMARK_TEST_PANIC_LOG";
/// The name of the test that panics when run as the child.
const CHILD_TEST: &str = "child_panics_on_a_named_thread";

/// In the child only (the parent sets [`CHILD_LOG`]): installs the hook and panics
/// on a thread named `feed-refresh`. Run on its own, it does nothing.
#[test]
fn child_panics_on_a_named_thread() {
    let Some(log) = std::env::var_os(CHILD_LOG) else {
        return;
    };
    install_panic_hook((!log.is_empty()).then(|| PathBuf::from(log)));
    let worker = std::thread::Builder::new()
        .name("feed-refresh".into())
        .spawn(|| panic!("the feed was\nnested too deep"))
        .expect("spawn");
    assert!(worker.join().is_err(), "the thread panicked");
}

/// Runs [`CHILD_TEST`] in a child process with `log` as its log ("" for none);
/// what it printed on stderr.
fn run_child(log: &str) -> String {
    let output = Command::new(std::env::current_exe().expect("this test binary"))
        .args([CHILD_TEST, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_LOG, log)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run the child");
    assert!(output.status.success(), "the child ran: {output:?}");
    String::from_utf8(output.stderr).expect("utf-8")
}

#[test]
fn a_panic_prints_one_line_and_logs_the_details() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("data").join("errors.log");
    let stderr = run_child(log.to_str().expect("utf-8 path"));
    assert_eq!(
        stderr.trim_end(),
        format!(
            "Earmark hit an internal error in feed-refresh: the feed was nested too deep \
             — the details are in {}.",
            log.display()
        ),
        "one line, nothing else (no backtrace, no RUST_BACKTRACE hint)"
    );
    let details = std::fs::read_to_string(&log).expect("the log was written");
    assert!(
        details.contains("panic in thread feed-refresh at")
            && details.contains("tests/panic/main.rs")
            && details.contains("the feed was\nnested too deep"),
        "the log has the place and the whole message: {details}"
    );
    assert!(
        details.contains("child_panics_on_a_named_thread"),
        "the log has the backtrace: {details}"
    );
}

#[test]
fn without_a_log_the_line_asks_for_a_report() {
    let stderr = run_child("");
    assert_eq!(
        stderr.trim_end(),
        "Earmark hit an internal error in feed-refresh: the feed was nested too deep \
         — this is a bug in Earmark; please report it with what you were doing.",
    );
    assert!(!stderr.contains("backtrace"), "{stderr}");
}
