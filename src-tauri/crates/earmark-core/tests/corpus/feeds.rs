//! What Earmark reads from a corpus feed, the way the app meets it: served by a real
//! HTTP server on 127.0.0.1 with the `Content-Type` its upstream suite gives
//! (feedparser's `Header: Content-type:` comments; `text/xml` for its other `http_`
//! cases, as its test helper does; `application/xml`, which names no charset, for
//! feeds upstream reads from a file), and subscribed to in a real library. A feed whose
//! episodes link transcripts or chapters elsewhere is read as subscribing reads it once
//! fetched, without subscribing: that would fetch those links, off 127.0.0.1.
//!
//! Checks from the subscription: `result` (`ok` or `error:CODE`), `read` (`yes` when
//! the document was read as a feed, even if refused only because none of its items has
//! audio; `no` otherwise: the check that compares with feed libraries, which have no
//! such rule), `title` and `episodes`. Checks from `parse_fetched_feed` on the same
//! bytes and `Content-Type`, for what the subscription result does not carry: `kind`,
//! `description`, `author`, `image`, `link`, `new_feed_url`, `skipped_items` and per
//! episode `episode.N.FIELD` (`title`, `url`, `mime`, `length`, `guid`, `published`,
//! `duration_ms`, `description`, `link`, `image`, `chapters`). A value the feed does
//! not give is absent, and compares as `<none>`. The test server's origin reads as
//! `{SERVER}`.
//!
//! Also `repaired` (`yes` when the XML was salvaged: [`Feed::repairs`]) and the
//! Podlove Simple Chapters written in an episode: `episode.N.chapter_count`,
//! `episode.N.chapter.M.title` and `episode.N.chapter.M.start_ms`.

use std::collections::BTreeMap;

use earmark_core::feeds::{parse_fetched_feed, subscribe, Feed, SubscribeError};
use earmark_core::http::HttpClient;
use earmark_core::store::Store;
use reqwest::Url;

use crate::server::{Route, TestServer};
use crate::{corpus_dir, Observed};

/// What the test server's origin (`http://127.0.0.1:PORT`) reads as in the table.
const SERVER: &str = "{SERVER}";

/// The type served when upstream reads the feed from a file: XML, no charset.
const NO_CHARSET_TYPE: &str = "application/xml";

/// Reads every file in `files` (relative to the corpus), each at its own address of
/// one server, into one library.
pub fn observe_all(files: &[String]) -> BTreeMap<String, Observed> {
    let server = TestServer::start();
    let dir = tempfile::tempdir().expect("temp data dir");
    let store = Store::open_in_data_dir(dir.path()).expect("open library");
    let http = HttpClient::new().expect("http client");
    files
        .iter()
        .map(|file| (file.clone(), observe(&server, &store, &http, file)))
        .collect()
}

/// The `Content-Type` upstream serves `file` with, if any.
fn upstream_content_type(file: &str, bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let header = text.lines().find_map(|line| {
        let value = line.strip_prefix("Header:")?.trim_start();
        let (name, value) = value.split_once(':')?;
        name.eq_ignore_ascii_case("content-type")
            .then(|| value.trim().to_owned())
    });
    let name = file.rsplit('/').next().unwrap_or(file);
    header.or_else(|| name.starts_with("http_").then(|| "text/xml".to_owned()))
}

fn observe(server: &TestServer, store: &Store, http: &HttpClient, file: &str) -> Observed {
    let path = corpus_dir().join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let address = format!("/{file}");
    let content_type = upstream_content_type(file, &bytes);
    let served = content_type.as_deref().unwrap_or(NO_CHARSET_TYPE);
    server.serve(&address, Route::ok(bytes.clone(), served));
    let url = server.url(&address);

    let mut seen = Observed::new();
    let base = Url::parse(&url).expect("server address");
    let parsed = parse_fetched_feed(&bytes, Some(&base), Some(served));
    if let Ok(feed) = &parsed {
        put_feed(&mut seen, feed);
    }
    let outcome = match parsed {
        // Subscribing would fetch these links off 127.0.0.1: the feed is read as
        // subscribing reads it once fetched, without the fetch.
        Ok(feed) if !links_stay_local(&feed) => Ok((feed.title, feed.episodes.len())),
        _ => match subscribe(store, http, &url) {
            Ok(done) => Ok((done.title, done.episodes)),
            Err(SubscribeError::Net(e)) => panic!("{file}: the test server failed: {e}"),
            Err(e) => Err(e.code()),
        },
    };
    match outcome {
        Ok((title, episodes)) => {
            seen.insert("result".into(), "ok".into());
            seen.insert("title".into(), title);
            seen.insert("episodes".into(), episodes.to_string());
        }
        Err(code) => {
            seen.insert("result".into(), format!("error:{code}"));
        }
    }
    let read = matches!(seen["result"].as_str(), "ok" | "error:feed_without_audio");
    seen.insert("read".into(), yes_no(read));
    // The server's port changes from run to run; the table names it `{SERVER}`.
    let origin = server.url("");
    for value in seen.values_mut() {
        *value = value.replace(&origin, SERVER);
    }
    seen
}

fn yes_no(yes: bool) -> String {
    if yes { "yes" } else { "no" }.to_owned()
}

/// Whether every transcript and chapters link of the feed's episodes is on the test
/// server (subscribing fetches them for new episodes).
fn links_stay_local(feed: &Feed) -> bool {
    let local = |url: &str| url.starts_with("http://127.0.0.1:");
    feed.episodes.iter().all(|episode| {
        episode.transcripts.iter().all(|t| local(&t.url))
            && episode.chapters.iter().all(|c| local(&c.url))
    })
}

/// The values of a parsed feed.
fn put_feed(seen: &mut Observed, feed: &Feed) {
    let mut put = |name: String, value: Option<String>| {
        if let Some(value) = value {
            seen.insert(name, value);
        }
    };
    put(
        "kind".into(),
        Some(format!("{:?}", feed.kind).to_lowercase()),
    );
    put("description".into(), feed.description.clone());
    put("author".into(), feed.author.clone());
    put("image".into(), feed.image_url.clone());
    put("link".into(), feed.link.clone());
    put("new_feed_url".into(), feed.new_feed_url.clone());
    put("skipped_items".into(), Some(feed.skipped_items.to_string()));
    put("repaired".into(), Some(yes_no(!feed.repairs.is_empty())));
    for (n, episode) in feed.episodes.iter().enumerate() {
        let field = |name: &str| format!("episode.{n}.{name}");
        put(field("title"), Some(episode.title.clone()));
        put(field("url"), Some(episode.enclosure.url.clone()));
        put(field("mime"), episode.enclosure.mime.clone());
        put(
            field("length"),
            episode.enclosure.length.map(|l| l.to_string()),
        );
        put(field("guid"), Some(episode.guid.clone()));
        put(field("published"), episode.published.clone());
        put(
            field("duration_ms"),
            episode.duration_ms.map(|d| d.to_string()),
        );
        put(field("description"), episode.description.clone());
        put(field("link"), episode.link.clone());
        put(field("image"), episode.image_url.clone());
        put(
            field("chapters"),
            episode.chapters.as_ref().map(|c| c.url.clone()),
        );
        let chapters = &episode.inline_chapters;
        if !chapters.is_empty() {
            put(field("chapter_count"), Some(chapters.len().to_string()));
        }
        for (m, chapter) in chapters.iter().enumerate() {
            put(
                field(&format!("chapter.{m}.title")),
                Some(chapter.title.clone()),
            );
            put(
                field(&format!("chapter.{m}.start_ms")),
                Some(chapter.start_ms.to_string()),
            );
        }
    }
}
