//! OPML: subscription lists in and out, so subscriptions move between apps.
//!
//! [`parse_opml`] reads every `<outline>` with an `xmlUrl`, at any depth (apps nest
//! them in folders), skipping repeats; [`write_opml`] writes the library's podcasts as
//! OPML 2.0. Files over [`MAX_OPML_BYTES`], or nested deeper than
//! [`MAX_XML_DEPTH`](crate::limits::MAX_XML_DEPTH), are refused. [`import`] subscribes to each feed in turn: one failing feed is reported
//! and the others still come in.

use std::collections::HashSet;
use std::path::Path;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::{Reader, Writer};
use serde::Serialize;

use crate::coded_message::CodedMessage;
use crate::feeds::{subscribe, SubscribeError};
use crate::http::{parse_url, HttpClient};
use crate::limits::{read_capped, ReadError, XmlDepth};
use crate::store::{Podcast, PodcastId, Store};

/// The largest OPML file read, in bytes.
pub const MAX_OPML_BYTES: usize = 5_000_000;

/// The most feeds taken from one file.
pub const MAX_OPML_FEEDS: usize = 5_000;

/// One subscription in an OPML file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpmlFeed {
    /// The feed's address.
    pub url: String,
    /// Its title (from `title`, else `text`), when given.
    pub title: Option<String>,
}

/// An OPML file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum OpmlError {
    /// Not OPML, or broken XML.
    #[error("This is not an OPML subscription list: {0}.")]
    NotOpml(String),
    /// Larger than [`MAX_OPML_BYTES`].
    #[error("The OPML file is larger than {} MB.", MAX_OPML_BYTES / 1_000_000)]
    TooLarge,
    /// The file could not be read, or is over the cap (the sentence names it).
    #[error(transparent)]
    File(#[from] ReadError),
}

impl OpmlError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            OpmlError::NotOpml(_) | OpmlError::TooLarge => "not_opml",
            OpmlError::File(e) => e.code(),
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            OpmlError::NotOpml(detail) => vec![("detail", detail.clone())],
            OpmlError::TooLarge => vec![("detail", self.to_string())],
            OpmlError::File(e) => e.params(),
        }
    }
}

/// Reads the subscriptions of an OPML file.
pub fn parse_opml(bytes: &[u8]) -> Result<Vec<OpmlFeed>, OpmlError> {
    if bytes.len() > MAX_OPML_BYTES {
        return Err(OpmlError::TooLarge);
    }
    let text = crate::text_encoding::decode_xml(bytes, None);
    let mut reader = Reader::from_reader(text.as_bytes());
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut feeds = Vec::new();
    let mut seen = HashSet::new();
    let mut root_seen = false;
    let mut depth = XmlDepth::default();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| OpmlError::NotOpml(format!("the XML is broken ({e})")))?;
        if let Event::Start(_) = event {
            depth
                .open()
                .map_err(|e| OpmlError::NotOpml(e.to_string()))?;
        }
        match event {
            Event::End(_) => depth.close(),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.local_name();
                if !root_seen {
                    if !name.as_ref().eq_ignore_ascii_case(b"opml") {
                        return Err(OpmlError::NotOpml(format!(
                            "it starts with <{}>, not <opml>",
                            String::from_utf8_lossy(name.as_ref())
                        )));
                    }
                    root_seen = true;
                }
                if !name.as_ref().eq_ignore_ascii_case(b"outline") {
                    buf.clear();
                    continue;
                }
                let mut url = None;
                let mut title = None;
                let mut text = None;
                for attr in e.attributes().with_checks(false).flatten() {
                    let key = attr.key.local_name();
                    let value = attr
                        .decoded_and_normalized_value(
                            quick_xml::XmlVersion::Implicit1_0,
                            reader.decoder(),
                        )
                        .map(|v| v.into_owned())
                        .unwrap_or_else(|_| String::from_utf8_lossy(&attr.value).into_owned());
                    match key.as_ref().to_ascii_lowercase().as_slice() {
                        b"xmlurl" => url = Some(value),
                        b"title" => title = Some(value),
                        b"text" => text = Some(value),
                        _ => {}
                    }
                }
                let url = url.and_then(|u| parse_url(&u).ok()).map(|u| u.to_string());
                if let Some(url) = url {
                    if feeds.len() < MAX_OPML_FEEDS && seen.insert(url.clone()) {
                        feeds.push(OpmlFeed {
                            url,
                            title: title.or(text).as_deref().and_then(one_line),
                        });
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !root_seen {
        return Err(OpmlError::NotOpml("the file is empty".into()));
    }
    Ok(feeds)
}

/// An attribute's text on one line (OPML titles are text, not markup), at most 1,000
/// characters.
fn one_line(text: &str) -> Option<String> {
    let line: String = text
        .replace('\0', "\u{fffd}")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(1_000)
        .collect();
    (!line.is_empty()).then_some(line)
}

/// Writes podcasts that have a feed as an OPML 2.0 document.
pub fn write_opml(podcasts: &[Podcast]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail; the results are checked all the same.
    let written = write_document(&mut writer, podcasts);
    debug_assert!(written.is_ok(), "writing OPML into memory failed");
    String::from_utf8_lossy(&writer.into_inner()).into_owned()
}

fn write_document(writer: &mut Writer<Vec<u8>>, podcasts: &[Podcast]) -> std::io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("opml")
        .with_attribute(("version", "2.0"))
        .write_inner_content(|w| {
            w.create_element("head").write_inner_content(|w| {
                w.create_element("title")
                    .write_text_content(BytesText::new("Earmark subscriptions"))?;
                Ok(())
            })?;
            w.create_element("body").write_inner_content(|w| {
                for podcast in podcasts {
                    let Some(url) = &podcast.feed_url else {
                        continue;
                    };
                    w.create_element("outline")
                        .with_attribute(("type", "rss"))
                        .with_attribute(("text", podcast.title.as_str()))
                        .with_attribute(("title", podcast.title.as_str()))
                        .with_attribute(("xmlUrl", url.as_str()))
                        .write_empty()?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    writer.get_mut().push(b'\n');
    Ok(())
}

/// How one feed of an OPML import went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportedFeed {
    /// The feed's address.
    pub url: String,
    /// Its title in the file.
    pub title: Option<String>,
    /// The podcast, when subscribing worked.
    pub podcast: Option<PodcastId>,
    /// Episodes it brought in.
    pub episodes: usize,
    /// Why it did not work, as a sentence.
    pub error: Option<String>,
    /// The same, by code with its params, for a front end that words it itself (the
    /// window, in the listener's language); left out when it worked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_report: Option<CodedMessage>,
}

/// Subscribes to every feed of an OPML file, one after the other; each feed's
/// outcome is reported, and a failing feed does not stop the others.
/// Subscribes to every feed of the OPML file at `path`, read up to [`MAX_OPML_BYTES`]
/// (see [`import`]); what the window and the command line both do.
pub fn import_file(
    store: &Store,
    http: &HttpClient,
    path: &Path,
) -> Result<Vec<ImportedFeed>, OpmlError> {
    let bytes = read_capped(path, MAX_OPML_BYTES as u64)?;
    import(store, http, &bytes)
}

pub fn import(
    store: &Store,
    http: &HttpClient,
    bytes: &[u8],
) -> Result<Vec<ImportedFeed>, OpmlError> {
    let feeds = parse_opml(bytes)?;
    Ok(feeds
        .into_iter()
        .map(|feed| match subscribe(store, http, &feed.url) {
            Ok(done) => ImportedFeed {
                url: feed.url,
                title: feed.title,
                podcast: Some(done.podcast),
                episodes: done.episodes,
                error: None,
                error_report: None,
            },
            Err(e) => ImportedFeed {
                url: feed.url,
                title: feed.title,
                podcast: None,
                episodes: 0,
                error: Some(e.to_string()),
                error_report: Some(failure(&e)),
            },
        })
        .collect())
}

/// Why a feed could not be subscribed to, by code (a network error's params with it).
fn failure(e: &SubscribeError) -> CodedMessage {
    let params = match e {
        SubscribeError::Net(net) => net.params(),
        _ => Vec::new(),
    };
    CodedMessage::new(e.code(), e.to_string()).with_params(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_feed_is_reported_by_code_with_the_network_params() {
        let gone = failure(&SubscribeError::Net(crate::http::NetError::Status {
            url: "https://a.example/feed".into(),
            status: 410,
        }));
        assert_eq!(gone.code, "http_status");
        assert_eq!(gone.params.get("status").map(String::as_str), Some("410"));
        assert_eq!(
            gone.params.get("url").map(String::as_str),
            Some("https://a.example/feed")
        );
        assert!(gone.message.contains("410"), "{}", gone.message);
        let nothing = failure(&SubscribeError::NoFeedUrl("Mine".into()));
        assert_eq!(nothing.code, "no_feed_url");
        assert!(nothing.params.is_empty());
    }

    #[test]
    fn nested_outlines_are_read_once_each() {
        let opml = br#"<?xml version="1.0"?>
            <opml version="1.1"><head><title>x</title></head><body>
              <outline text="Tech">
                <outline type="rss" text="A &amp; B" xmlUrl="https://a.example/feed"/>
                <outline type="rss" title="Second" text="ignored" xmlurl="feed://b.example/rss"/>
              </outline>
              <outline type="rss" text="dup" xmlUrl="https://a.example/feed"/>
              <outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/>
              <outline text="no url"/>
            </body></opml>"#;
        let feeds = parse_opml(opml).unwrap();
        assert_eq!(
            feeds,
            vec![
                OpmlFeed {
                    url: "https://a.example/feed".into(),
                    title: Some("A & B".into())
                },
                OpmlFeed {
                    url: "https://b.example/rss".into(),
                    title: Some("Second".into())
                },
            ]
        );
    }

    #[test]
    fn other_documents_are_refused() {
        assert!(matches!(
            parse_opml(b"<rss></rss>"),
            Err(OpmlError::NotOpml(_))
        ));
        assert!(matches!(parse_opml(b""), Err(OpmlError::NotOpml(_))));
        assert!(matches!(
            parse_opml(b"<opml><body><outline"),
            Err(OpmlError::NotOpml(_))
        ));
    }

    #[test]
    fn export_round_trips_through_import() {
        let podcast = |id, title: &str, url: Option<&str>| Podcast {
            id,
            title: title.into(),
            feed_url: url.map(str::to_owned),
            description: None,
            image_url: None,
            created: "2024-01-01T00:00:00Z".into(),
        };
        let text = write_opml(&[
            podcast(
                1,
                "Tom & \"Jerry\" <show>",
                Some("https://t.example/feed?a=1&b=2"),
            ),
            podcast(2, "Local files", None),
        ]);
        assert!(text.contains("<opml version=\"2.0\">"), "{text}");
        let back = parse_opml(text.as_bytes()).unwrap();
        assert_eq!(
            back,
            vec![OpmlFeed {
                url: "https://t.example/feed?a=1&b=2".into(),
                title: Some("Tom & \"Jerry\" <show>".into()),
            }]
        );
    }
}
