//! What a panic shows the person using Earmark: one line on stderr, never a backtrace.
//!
//! A panic is a bug in Earmark, not something the user did; Rust's default report
//! (a `thread '…' panicked at` paragraph and a hint about `RUST_BACKTRACE`, or a whole
//! backtrace) is for the people fixing it. [`install_panic_hook`] replaces it with
//! one sentence naming the thread and the message, and, where a log file is given
//! (the app keeps one in its data folder), writes the full report there: message,
//! place and backtrace. The app and `earmark-cli` install the same hook first thing.

use std::any::Any;
use std::backtrace::Backtrace;
use std::fs::OpenOptions;
use std::io::Write;
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};

/// File name of the app's panic log in its data folder.
pub const PANIC_LOG_FILE: &str = "errors.log";
/// Past this size the log starts over, so a panic repeating for days cannot fill
/// the disk.
const MAX_LOG_BYTES: u64 = 1024 * 1024;

/// Replaces the panic report with one line on stderr, the full report going to
/// `log` (appended) when one is given.
pub fn install_panic_hook(log: Option<PathBuf>) {
    std::panic::set_hook(Box::new(move |info| report(info, log.as_deref())));
}

/// The text a panic carries (`panic!("…")`'s message), or a stand-in for a payload
/// that is not text.
pub fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "an unexplained panic"
    }
}

fn report(info: &PanicHookInfo<'_>, log: Option<&Path>) {
    let thread = std::thread::current();
    let thread = thread.name().unwrap_or("an unnamed thread");
    let message = panic_message(info.payload());
    let logged = log.is_some_and(|log| write_log(log, thread, message, info).is_ok());
    eprintln!("{}", one_line(thread, message, log.filter(|_| logged)));
}

/// The sentence shown for a panic in `thread`: its message on one line, and where
/// the details went.
fn one_line(thread: &str, message: &str, log: Option<&Path>) -> String {
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let next = match log {
        Some(log) => format!("the details are in {}", log.display()),
        None => "this is a bug in Earmark; please report it with what you were doing".into(),
    };
    format!("Earmark hit an internal error in {thread}: {message} — {next}.")
}

/// Appends the full report of the panic to `log`.
fn write_log(
    log: &Path,
    thread: &str,
    message: &str,
    info: &PanicHookInfo<'_>,
) -> std::io::Result<()> {
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let too_big = std::fs::metadata(log).is_ok_and(|m| m.len() > MAX_LOG_BYTES);
    let mut file = OpenOptions::new()
        .create(true)
        .append(!too_big)
        .write(true)
        .truncate(too_big)
        .open(log)?;
    let at = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
        .unwrap_or_else(|| "an unknown place".into());
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let when = i64::try_from(seconds)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or_else(|| "an unknown time".into(), |t| t.to_rfc3339());
    writeln!(
        file,
        "--- {when}: panic in thread {thread} at {at}\n{message}\nbacktrace:\n{}",
        Backtrace::force_capture()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_holds_the_thread_and_the_message_on_one_line() {
        let line = one_line("feeds", "bad\n  input\tthere", None);
        assert_eq!(
            line,
            "Earmark hit an internal error in feeds: bad input there — this is a bug in \
             Earmark; please report it with what you were doing."
        );
        let logged = one_line("feeds", "boom", Some(Path::new("/data/errors.log")));
        assert!(
            logged.ends_with("— the details are in /data/errors.log."),
            "{logged}"
        );
    }

    #[test]
    fn a_payload_that_is_not_text_still_reads() {
        assert_eq!(panic_message(&"static"), "static");
        assert_eq!(panic_message(&String::from("owned")), "owned");
        assert_eq!(panic_message(&42u32), "an unexplained panic");
    }
}
