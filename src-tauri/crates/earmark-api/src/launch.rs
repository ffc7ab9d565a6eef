//! What `earmark ARGS…` asks for, typed on a command line or handed over by the
//! desktop (a file manager's "Open with", a `podcast:` link in a browser): files as
//! paths or `file://` URIs, feeds as web addresses or in the old podcast link
//! schemes. A second launch hands its arguments to the running window (one instance
//! per library); they wait in a [`LaunchQueue`] until the window takes them.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use earmark_core::paths::APP_IDENTIFIER;
use percent_encoding::percent_decode_str;
use serde::Serialize;

use crate::shared::lock;

/// Link schemes that name a feed: `podcast:` (Apple's), `feed:`, `itpc:` (iTunes's)
/// and `pcast:`.
const FEED_SCHEMES: [&str; 4] = ["podcast", "feed", "itpc", "pcast"];

/// What one launch asks the window to open.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Launch {
    /// Audio files, folders and transcript files, as a drop on the window takes them.
    pub files: Vec<PathBuf>,
    /// OPML subscription lists, to import.
    pub subscription_lists: Vec<PathBuf>,
    /// Feed addresses (`http:` or `https:`), to ask the listener to subscribe to.
    pub feeds: Vec<String>,
}

impl Launch {
    /// True when it asks for nothing (a plain `earmark`).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.subscription_lists.is_empty() && self.feeds.is_empty()
    }

    fn append(&mut self, mut other: Launch) {
        self.files.append(&mut other.files);
        self.subscription_lists
            .append(&mut other.subscription_lists);
        self.feeds.append(&mut other.feeds);
    }
}

/// Reads the arguments after the program's name; relative paths are in `cwd`.
/// Options (`-…`) and empty arguments are left out.
pub fn read_launch(args: impl IntoIterator<Item = String>, cwd: &Path) -> Launch {
    let mut launch = Launch::default();
    for arg in args {
        let arg = arg.trim();
        if arg.is_empty() || arg.starts_with('-') {
            continue;
        }
        if let Some(link) = feed_link(arg) {
            launch.feeds.extend(link);
            continue;
        }
        let path = file_uri_path(arg).unwrap_or_else(|| PathBuf::from(arg));
        let path = cwd.join(path);
        let is_opml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("opml"));
        if is_opml {
            launch.subscription_lists.push(path);
        } else {
            launch.files.push(path);
        }
    }
    launch
}

/// `None` when `arg` is no link to a feed; else the feed it names, if it names one: a
/// web address as it is; `podcast://host/feed` and the other schemes as
/// `http://host/feed` (the host redirects to `https` where it serves it, as AntennaPod
/// reads them); `feed:https://host/feed` as the address it wraps.
fn feed_link(arg: &str) -> Option<Option<String>> {
    let (scheme, rest) = arg.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme == "http" || scheme == "https" {
        return Some(Some(arg.to_string()));
    }
    if !FEED_SCHEMES.contains(&scheme.as_str()) {
        return None;
    }
    let web = |s: &str| {
        let lower = s.to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    };
    let host_and_path = rest.strip_prefix("//").unwrap_or(rest);
    Some(match host_and_path {
        "" => None,
        wrapped if web(wrapped) => Some(wrapped.to_string()),
        _ if rest.starts_with("//") => Some(format!("http://{host_and_path}")),
        _ => None,
    })
}

/// The path of a `file://` URI (`file:///home/a%20b.mp3` → `/home/a b.mp3`).
fn file_uri_path(arg: &str) -> Option<PathBuf> {
    let rest = arg
        .get(..7)
        .filter(|scheme| scheme.eq_ignore_ascii_case("file://"))
        .map(|_| &arg[7..])?;
    // `file://localhost/x` and `file:///x` name the same file.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    Some(PathBuf::from(decoded.into_owned()))
}

/// The name one library's running window is found by on the session bus: a second
/// launch on the same data folder hands over to it, one on another folder (a test, a
/// second library) runs on its own.
pub fn instance_name(data_dir: &Path) -> String {
    let mut hasher = DefaultHasher::new();
    data_dir.hash(&mut hasher);
    format!("{APP_IDENTIFIER}.Library{:016x}", hasher.finish())
}

/// What the window opens when it takes the launches waiting.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Opening {
    /// Files to open as a drop on the window.
    pub files: Vec<PathBuf>,
    /// Feed addresses to offer a subscription to.
    pub feeds: Vec<String>,
    /// True when a subscription list waits to be imported.
    pub lists_waiting: bool,
}

/// Launches waiting for the window, in the order they came.
#[derive(Debug, Default)]
pub struct LaunchQueue {
    waiting: Mutex<Launch>,
}

impl LaunchQueue {
    /// Adds what a launch asked for.
    pub fn push(&self, launch: Launch) {
        lock(&self.waiting).append(launch);
    }

    /// Takes the files and feed addresses waiting; subscription lists wait for
    /// [`LaunchQueue::take_subscription_list`] (an import the window runs itself).
    pub fn take_opening(&self) -> Opening {
        let mut waiting = lock(&self.waiting);
        Opening {
            files: std::mem::take(&mut waiting.files),
            feeds: std::mem::take(&mut waiting.feeds),
            lists_waiting: !waiting.subscription_lists.is_empty(),
        }
    }

    /// Takes the first subscription list waiting, leaving the rest.
    pub fn take_subscription_list(&self) -> Option<PathBuf> {
        let mut waiting = lock(&self.waiting);
        (!waiting.subscription_lists.is_empty()).then(|| waiting.subscription_lists.remove(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(args: &[&str]) -> Launch {
        read_launch(args.iter().map(|a| a.to_string()), Path::new("/home/me"))
    }

    #[test]
    fn files_are_taken_relative_to_the_folder_the_launch_ran_in() {
        let launch = read(&["talk.mp3", "/music/a.m4a", "notes/talk.vtt"]);
        assert_eq!(
            launch.files,
            [
                PathBuf::from("/home/me/talk.mp3"),
                PathBuf::from("/music/a.m4a"),
                PathBuf::from("/home/me/notes/talk.vtt")
            ]
        );
        assert!(launch.feeds.is_empty() && launch.subscription_lists.is_empty());
    }

    #[test]
    fn file_uris_from_the_desktop_are_decoded() {
        let launch = read(&[
            "file:///home/me/My%20Show/ep%C3%A4.mp3",
            "FILE://localhost/tmp/b.mp3",
        ]);
        assert_eq!(
            launch.files,
            [
                PathBuf::from("/home/me/My Show/epä.mp3"),
                PathBuf::from("/tmp/b.mp3")
            ]
        );
    }

    #[test]
    fn subscription_lists_are_told_apart_by_their_extension() {
        let launch = read(&["shows.OPML", "talk.mp3"]);
        assert_eq!(
            launch.subscription_lists,
            [PathBuf::from("/home/me/shows.OPML")]
        );
        assert_eq!(launch.files, [PathBuf::from("/home/me/talk.mp3")]);
    }

    #[test]
    fn feed_links_in_every_scheme_become_web_addresses() {
        let launch = read(&[
            "podcast://example.com/feed.xml",
            "itpc://example.com/a?b=c",
            "pcast://example.com/p",
            "feed://example.com/rss",
            "feed:https://example.com/secure.xml",
            "podcast://https://example.com/wrapped.xml",
            "PODCAST://Example.com/Case",
            "https://example.com/show",
            "http://127.0.0.1:8080/feed.xml",
        ]);
        assert_eq!(
            launch.feeds,
            [
                "http://example.com/feed.xml",
                "http://example.com/a?b=c",
                "http://example.com/p",
                "http://example.com/rss",
                "https://example.com/secure.xml",
                "https://example.com/wrapped.xml",
                "http://Example.com/Case",
                "https://example.com/show",
                "http://127.0.0.1:8080/feed.xml",
            ]
        );
        assert!(launch.files.is_empty());
    }

    #[test]
    fn options_empty_arguments_and_empty_links_ask_for_nothing() {
        let launch = read(&["--verbose", "", "  ", "podcast://", "feed:", "itpc:nowhere"]);
        assert!(launch.is_empty(), "{launch:?}");
    }

    #[test]
    fn a_queue_keeps_launches_in_order_until_taken() {
        let queue = LaunchQueue::default();
        queue.push(read(&["a.mp3", "x.opml", "y.opml"]));
        queue.push(read(&["podcast://example.com/f", "b.mp3"]));
        assert_eq!(
            queue.take_subscription_list(),
            Some(PathBuf::from("/home/me/x.opml"))
        );
        let taken = queue.take_opening();
        assert_eq!(
            taken.files,
            [
                PathBuf::from("/home/me/a.mp3"),
                PathBuf::from("/home/me/b.mp3")
            ]
        );
        assert_eq!(taken.feeds, ["http://example.com/f"]);
        assert!(taken.lists_waiting);
        assert_eq!(
            queue.take_subscription_list(),
            Some(PathBuf::from("/home/me/y.opml"))
        );
        assert_eq!(queue.take_opening(), Opening::default());
    }

    #[test]
    fn each_library_has_its_own_instance_name_on_the_bus() {
        let a = instance_name(Path::new("/home/me/.local/share/app.earmark.desktop"));
        let b = instance_name(Path::new("/tmp/test-library"));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_name(Path::new("/home/me/.local/share/app.earmark.desktop"))
        );
        // A D-Bus well-known name: dot-separated elements of [A-Za-z0-9_-], none
        // starting with a digit.
        assert!(a.split('.').all(|e| !e.is_empty()
            && !e.starts_with(|c: char| c.is_ascii_digit())
            && e.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')));
    }
}
