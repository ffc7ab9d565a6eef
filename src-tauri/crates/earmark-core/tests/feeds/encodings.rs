//! Feeds in the encodings real servers send them in: UTF-16 and UTF-32 with and
//! without a byte-order mark, a charset only in the HTTP `Content-Type`, a legacy
//! encoding named in the XML declaration, and an undeclared one guessed. Subscribed
//! to through a real server on 127.0.0.1, each served with the `Content-Type` given.

use earmark_core::feeds::subscribe;
use earmark_core::store::PodcastId;

use crate::server::{Route, TestServer};
use crate::{quick_client, Library};

const SHOW: &str = "Kesäkuun “ääni” — Café Öljy";
const EPISODES: [&str; 3] = [
    "Ärrä ja örkki: kolmas jakso",
    "Crème brûlée – toinen",
    "Naïve façade, ensimmäinen",
];

/// The feed's text, with `declaration` as its first line (may be empty).
fn feed(declaration: &str) -> String {
    let items: String = EPISODES
        .iter()
        .enumerate()
        .map(|(i, title)| {
            format!(
                "<item><title>{title}</title><guid>enc-{i}</guid>\
                 <enclosure url=\"https://example.com/{i}.mp3\" type=\"audio/mpeg\" length=\"1\"/>\
                 </item>\n"
            )
        })
        .collect();
    format!("{declaration}<rss version=\"2.0\"><channel><title>{SHOW}</title>\n{items}</channel></rss>\n")
}

/// Windows-1252 bytes of `text`.
fn cp1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

/// UTF-16 or UTF-32 bytes of `text`, in either byte order, with or without a mark.
fn wide(text: &str, width: usize, big_endian: bool, bom: bool) -> Vec<u8> {
    let text = if bom {
        format!("\u{feff}{text}")
    } else {
        text.to_owned()
    };
    let mut bytes = Vec::new();
    if width == 2 {
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
    } else {
        for c in text.chars() {
            let c = c as u32;
            bytes.extend(if big_endian {
                c.to_be_bytes()
            } else {
                c.to_le_bytes()
            });
        }
    }
    bytes
}

/// Serves `body` with `content_type`, subscribes, and checks every title came
/// through whole.
fn subscribes_whole(body: Vec<u8>, content_type: &str, case: &str) {
    let server = TestServer::start();
    server.serve("/feed.xml", Route::ok(body, content_type));
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/feed.xml"))
        .unwrap_or_else(|e| panic!("{case}: {e}"));
    assert_eq!(done.title, SHOW, "{case}");
    assert_eq!(titles(&library, done.podcast), EPISODES, "{case}");
    assert!(done.warnings.is_empty(), "{case}: {:?}", done.warnings);
}

/// The stored episodes' titles, in feed order.
fn titles(library: &Library, podcast: PodcastId) -> Vec<String> {
    let mut page = library
        .store
        .podcast_episodes(Some(podcast), 0, 10)
        .unwrap()
        .episodes;
    page.sort_by_key(|e| e.summary.id);
    page.into_iter().map(|e| e.summary.title).collect()
}

#[test]
fn utf16_and_utf32_with_and_without_a_byte_order_mark() {
    for (width, name) in [(2, "UTF-16"), (4, "UTF-32")] {
        for big_endian in [false, true] {
            for bom in [true, false] {
                let declaration = format!("<?xml version=\"1.0\" encoding=\"{name}\"?>\n");
                let body = wide(&feed(&declaration), width, big_endian, bom);
                let case = format!("{name} big-endian={big_endian} bom={bom}");
                subscribes_whole(body, "application/rss+xml", &case);
            }
        }
    }
}

#[test]
fn the_http_charset_alone_names_the_encoding() {
    subscribes_whole(
        cp1252(&feed("")),
        "application/rss+xml; charset=ISO-8859-1",
        "Latin-1 by HTTP",
    );
    // The server's word comes before the document's.
    subscribes_whole(
        cp1252(&feed("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")),
        "text/xml; charset=\"windows-1252\"",
        "HTTP over the declaration",
    );
}

#[test]
fn a_legacy_encoding_in_the_declaration_is_read() {
    let declaration = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n";
    subscribes_whole(
        cp1252(&feed(declaration)),
        "application/rss+xml",
        "declared cp1252",
    );
}

#[test]
fn an_undeclared_legacy_encoding_is_guessed() {
    subscribes_whole(cp1252(&feed("")), "application/rss+xml", "guessed cp1252");
}
