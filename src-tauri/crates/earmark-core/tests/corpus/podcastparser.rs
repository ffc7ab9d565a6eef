//! Upstream expectations read from gPodder's podcastparser test files: its test runner
//! parses each `tests/data/NAME.rss` and requires the result to equal `NAME.json`
//! (`test_podcastparser.py`), so the JSON is what gPodder reads from the feed.
//!
//! Compared: that the feed is read; the show's title, description, cover, page, author
//! and new address; and, for the episodes podcastparser gives an enclosure, each one's
//! title, guid, publication time, duration, first enclosure (address, type, size),
//! page, image, chapters link and description. Translated on the way:
//!
//! - podcastparser reads `file://tests/data/NAME.rss` (host `tests`); the test serves
//!   it at `{SERVER}/feeds/podcastparser/NAME.rss`, so relative addresses resolve there.
//! - A feed whose items all lack an enclosure is compared on `read` only: Earmark
//!   refuses it (no audio), so it has no title or episodes to compare.
//! - Two of podcastparser's fallbacks are recorded as differences here rather than row
//!   by row: an untitled feed takes its file name (Earmark: "Untitled podcast"), and an
//!   enclosure without a type is `application/octet-stream` (Earmark: no type).
//! - A feed podcastparser reads with parameters (`NAME.param.json`, such as
//!   `max_episodes`) is compared on `read` and its title only.

use chrono::DateTime;
use serde_json::Value;

use crate::corpus_dir;
use crate::table::{Expectation, Status, NONE};

/// The corpus directory of podcastparser's files.
const DIR: &str = "feeds/podcastparser";

/// Where podcastparser's tests read the feeds from (host `tests`, folder `/data/`), and
/// where this test serves them.
const UPSTREAM_BASE: [(&str, &str); 2] = [
    ("file://tests/data/", "{SERVER}/feeds/podcastparser/"),
    ("file://tests/", "{SERVER}/"),
];

/// Every expectation podcastparser's tests give for the corpus files.
pub fn expectations() -> Vec<Expectation> {
    let feeds = crate::corpus_files(DIR, &[".rss"]);
    assert!(!feeds.is_empty(), "no podcastparser feeds found");
    feeds
        .iter()
        .flat_map(|feed| Expect::new(feed).all())
        .collect()
}

/// The expectations of one feed, as they are collected.
struct Expect {
    feed: String,
    json: String,
    value: Value,
    out: Vec<Expectation>,
}

impl Expect {
    fn new(feed: &str) -> Expect {
        let json = format!("{}.json", feed.trim_end_matches(".rss"));
        let text = std::fs::read_to_string(corpus_dir().join(&json))
            .unwrap_or_else(|e| panic!("{json}: {e}"));
        let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{json}: {e}"));
        Expect {
            feed: feed.to_owned(),
            json,
            value,
            out: Vec::new(),
        }
    }

    /// `check` must read `upstream` (when upstream gives one).
    fn same(&mut self, check: String, upstream: Option<String>) {
        let Some(upstream) = upstream.filter(|u| !u.is_empty()) else {
            return;
        };
        let upstream = UPSTREAM_BASE
            .iter()
            .fold(upstream, |u, (from, to)| u.replace(from, to));
        self.push(check, upstream, Status::Same, None, "");
    }

    fn push(
        &mut self,
        check: String,
        upstream: String,
        status: Status,
        earmark: Option<&str>,
        reason: &str,
    ) {
        self.out.push(Expectation {
            file: self.feed.clone(),
            check,
            upstream,
            status,
            earmark: earmark.map(str::to_owned),
            reason: reason.to_owned(),
            origin: self.json.clone(),
        });
    }

    fn all(mut self) -> Vec<Expectation> {
        let value = self.value.clone();
        self.push("read".into(), "yes".into(), Status::Same, None, "");
        let items = value["episodes"].as_array().cloned().unwrap_or_default();
        let episodes: Vec<&Value> = items.iter().filter(|e| has_enclosure(e)).collect();
        if episodes.is_empty() && !items.is_empty() {
            return self.out;
        }
        let title = text(&value["title"]).unwrap_or_default();
        if self.feed.ends_with(&format!("/{title}.rss")) {
            let reason = "an untitled feed is \"Untitled podcast\" (podcastparser takes the \
                          file name)";
            self.push(
                "title".into(),
                title,
                Status::Differs,
                Some("Untitled podcast"),
                reason,
            );
        } else {
            self.same("title".into(), Some(title));
        }
        let stem = self.feed.trim_end_matches(".rss").to_owned();
        if corpus_dir().join(format!("{stem}.param.json")).exists() {
            return self.out;
        }
        for (field, check) in [
            ("description", "description"),
            ("cover_url", "image"),
            ("link", "link"),
            ("itunes_author", "author"),
            ("new_url", "new_feed_url"),
        ] {
            self.same(check.into(), text(&value[field]));
        }
        self.same("episodes".into(), Some(episodes.len().to_string()));
        for (n, episode) in episodes.iter().enumerate() {
            self.episode(n, episode);
        }
        self.out
    }

    fn episode(&mut self, n: usize, episode: &Value) {
        let field = |name: &str| format!("episode.{n}.{name}");
        let enclosure = &episode["enclosures"][0];
        self.same(field("title"), text(&episode["title"]));
        self.same(field("guid"), text(&episode["guid"]));
        self.same(
            field("published"),
            positive(&episode["published"]).map(rfc3339),
        );
        let duration = positive(&episode["total_time"]).map(|s| (s * 1000).to_string());
        self.same(field("duration_ms"), duration);
        self.same(field("url"), text(&enclosure["url"]));
        match text(&enclosure["mime_type"]) {
            Some(mime) if mime == "application/octet-stream" => {
                let reason = "an enclosure without a type has no type (podcastparser: \
                              application/octet-stream)";
                self.push(field("mime"), mime, Status::Differs, Some(NONE), reason);
            }
            mime => self.same(field("mime"), mime),
        }
        let length = positive(&enclosure["file_size"]).map(|s| s.to_string());
        self.same(field("length"), length);
        self.same(field("link"), text(&episode["link"]));
        self.same(field("image"), text(&episode["episode_art_url"]));
        self.same(field("chapters"), text(&episode["chapters_json_url"]));
        self.same(field("description"), text(&episode["description"]));
    }
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn has_enclosure(episode: &Value) -> bool {
    episode["enclosures"]
        .as_array()
        .is_some_and(|e| !e.is_empty())
}

/// A number above zero (podcastparser writes 0 or -1 for "not given").
fn positive(value: &Value) -> Option<i64> {
    value.as_i64().filter(|n| *n > 0)
}

/// Unix seconds as Earmark writes times: RFC 3339, UTC, whole seconds.
fn rfc3339(seconds: i64) -> String {
    DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| panic!("{seconds} is no time"))
}
