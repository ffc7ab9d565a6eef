//! Finding a show by name in the public podcast directories that need no account:
//! the iTunes Search API (`/search?media=podcast&term=…`) and gpodder.net's search
//! (`/search.json?q=…`), as each documents its JSON; and Podcast Index
//! (`/api/1.0/search/byterm?q=…`) when the user set their own API key and secret,
//! each request signed as it documents (`X-Auth-Key`, `X-Auth-Date` and
//! `Authorization`, the SHA-1 of key, secret and date). All are asked; their hits are
//! merged (iTunes, Podcast Index, gpodder, one hit per feed address). The addresses
//! can be configured (`EARMARK_ITUNES_SEARCH_URL`, `EARMARK_GPODDER_SEARCH_URL`,
//! `EARMARK_PODCASTINDEX_SEARCH_URL`), so tests use servers on 127.0.0.1.
//!
//! A show's page on Apple Podcasts names no feed; its `id…` is looked up with the
//! iTunes Lookup API beside the search (`/lookup?id=…`) instead ([`apple_page_feed`]).

use reqwest::Url;
use serde::{Deserialize, Serialize};

use crate::feeds::one_line_text;
use crate::http::{HttpClient, NetError};

/// The iTunes Search API.
pub const ITUNES_SEARCH_URL: &str = "https://itunes.apple.com/search";
/// gpodder.net's podcast search.
pub const GPODDER_SEARCH_URL: &str = "https://gpodder.net/search.json";
/// Podcast Index's search by term.
pub const PODCAST_INDEX_SEARCH_URL: &str = "https://api.podcastindex.org/api/1.0/search/byterm";
/// The largest answer read from a directory.
const MAX_ANSWER_BYTES: u64 = 2_000_000;
/// Hits asked of each directory.
const HITS_PER_DIRECTORY: usize = 25;

/// One show a directory found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectoryHit {
    /// The show's title.
    pub title: String,
    /// Who makes it, when the directory says.
    pub author: Option<String>,
    /// Its feed, to subscribe to.
    pub feed_url: String,
    /// Its cover picture's address.
    pub artwork_url: Option<String>,
    /// How many episodes it has, when the directory says (iTunes does).
    pub episodes: Option<u64>,
    /// Which directory found it: `itunes`, `podcastindex` or `gpodder`.
    pub directory: &'static str,
}

/// What a search found, and which directories could not be asked.
#[derive(Debug, Clone, Serialize)]
pub struct DirectorySearch {
    pub hits: Vec<DirectoryHit>,
    /// A sentence per directory that failed.
    pub problems: Vec<String>,
}

/// Where the directories are.
#[derive(Debug, Clone)]
pub struct Directories {
    pub itunes: String,
    pub gpodder: String,
    /// Podcast Index, asked only with the user's own key.
    pub podcast_index: Option<PodcastIndex>,
}

/// Podcast Index's address and the user's credentials for it.
#[derive(Debug, Clone)]
pub struct PodcastIndex {
    pub url: String,
    pub key: String,
    pub secret: String,
}

impl Directories {
    /// The public directories, or the addresses the environment names instead.
    pub fn from_env() -> Directories {
        Directories {
            itunes: env_or("EARMARK_ITUNES_SEARCH_URL", ITUNES_SEARCH_URL),
            gpodder: env_or("EARMARK_GPODDER_SEARCH_URL", GPODDER_SEARCH_URL),
            podcast_index: None,
        }
    }

    /// Podcast Index asked too, with the user's `key` and `secret` (both needed: a
    /// blank one leaves it out).
    pub fn with_podcast_index(self, key: &str, secret: &str) -> Directories {
        let (key, secret) = (key.trim(), secret.trim());
        if key.is_empty() || secret.is_empty() {
            return self;
        }
        Directories {
            podcast_index: Some(PodcastIndex {
                url: env_or("EARMARK_PODCASTINDEX_SEARCH_URL", PODCAST_INDEX_SEARCH_URL),
                key: key.to_owned(),
                secret: secret.to_owned(),
            }),
            ..self
        }
    }
}

/// The environment's value for `name`, else `default`.
fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_owned())
}

/// Searches every directory for `terms`; an error only when none could be asked (the
/// first one's, e.g. "No network: …").
pub fn search_directories(
    http: &HttpClient,
    directories: &Directories,
    terms: &str,
) -> Result<DirectorySearch, NetError> {
    let terms = terms.trim();
    let itunes = ask(
        http,
        &directories.itunes,
        &[
            ("media", "podcast"),
            ("entity", "podcast"),
            ("term", terms),
            ("limit", &HITS_PER_DIRECTORY.to_string()),
        ],
    )
    .and_then(|bytes| itunes_hits(&bytes, &directories.itunes));
    let podcast_index = directories
        .podcast_index
        .as_ref()
        .map(|index| ask_podcast_index(http, index, terms));
    let gpodder = ask(http, &directories.gpodder, &[("q", terms)])
        .and_then(|bytes| gpodder_hits(&bytes, &directories.gpodder));
    let asked: Vec<_> = [Some(itunes), podcast_index, Some(gpodder)]
        .into_iter()
        .flatten()
        .collect();
    let count = asked.len();
    let mut hits: Vec<DirectoryHit> = Vec::new();
    let mut errors = Vec::new();
    for result in asked {
        match result {
            Ok(found) => {
                for hit in found {
                    if !hits.iter().any(|h| h.feed_url == hit.feed_url) {
                        hits.push(hit);
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.len() == count {
        return Err(errors.remove(0));
    }
    Ok(DirectorySearch {
        hits,
        problems: errors.iter().map(ToString::to_string).collect(),
    })
}

fn ask(http: &HttpClient, base: &str, query: &[(&str, &str)]) -> Result<Vec<u8>, NetError> {
    Ok(http
        .fetch(address(base, query)?.as_str(), MAX_ANSWER_BYTES)?
        .bytes)
}

fn address(base: &str, query: &[(&str, &str)]) -> Result<Url, NetError> {
    Url::parse_with_params(base, query).map_err(|_| NetError::BadUrl {
        url: base.to_owned(),
    })
}

/// Searches Podcast Index, the request signed with the user's key as it documents.
fn ask_podcast_index(
    http: &HttpClient,
    index: &PodcastIndex,
    terms: &str,
) -> Result<Vec<DirectoryHit>, NetError> {
    let max = HITS_PER_DIRECTORY.to_string();
    let url = address(&index.url, &[("q", terms), ("max", &max)])?;
    let date = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        .to_string();
    let headers = [
        ("X-Auth-Key", index.key.clone()),
        ("X-Auth-Date", date.clone()),
        ("Authorization", podcast_index_signature(index, &date)),
    ];
    let answer = http.fetch_with_headers(url.as_str(), MAX_ANSWER_BYTES, &headers)?;
    podcast_index_hits(&answer.bytes, &index.url)
}

/// The SHA-1 of key, secret and date, in lowercase hex.
fn podcast_index_signature(index: &PodcastIndex, date: &str) -> String {
    use sha1::{Digest, Sha1};
    let digest = Sha1::digest(format!("{}{}{date}", index.key, index.secret));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// An answer that is not the directory's JSON.
fn unreadable(base: &str) -> NetError {
    NetError::Unreadable {
        url: base.to_owned(),
    }
}

#[derive(Deserialize)]
struct ItunesAnswer {
    #[serde(default)]
    results: Vec<ItunesResult>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ItunesResult {
    collection_name: Option<String>,
    artist_name: Option<String>,
    feed_url: Option<String>,
    artwork_url600: Option<String>,
    artwork_url100: Option<String>,
    track_count: Option<u64>,
}

fn itunes_hits(bytes: &[u8], base: &str) -> Result<Vec<DirectoryHit>, NetError> {
    let answer: ItunesAnswer = serde_json::from_slice(bytes).map_err(|_| unreadable(base))?;
    Ok(answer
        .results
        .into_iter()
        .filter_map(|r| {
            Some(DirectoryHit {
                title: r.collection_name.as_deref().and_then(one_line_text)?,
                author: r.artist_name.as_deref().and_then(one_line_text),
                feed_url: web_address(r.feed_url?)?,
                artwork_url: r.artwork_url600.or(r.artwork_url100).and_then(web_address),
                episodes: r.track_count,
                directory: "itunes",
            })
        })
        .collect())
}

/// The feed of the show an Apple Podcasts page shows (`…/podcast/<name>/id<digits>`),
/// asked of the iTunes Lookup API beside `itunes_search` (its `…/search` becomes
/// `…/lookup`); `None` for any other page, or when the lookup finds no feed.
pub fn apple_page_feed(http: &HttpClient, page: &Url, itunes_search: &str) -> Option<String> {
    let id = apple_show_id(page)?;
    let lookup = format!("{}/lookup", itunes_search.strip_suffix("/search")?);
    let bytes = ask(http, &lookup, &[("id", &id), ("entity", "podcast")]).ok()?;
    itunes_hits(&bytes, &lookup)
        .ok()?
        .into_iter()
        .next()
        .map(|hit| hit.feed_url)
}

/// The show id in an Apple Podcasts page's address: the `id<digits>` after a
/// `podcast` segment.
fn apple_show_id(page: &Url) -> Option<String> {
    let segments: Vec<&str> = page.path_segments()?.collect();
    let after = segments.iter().position(|s| *s == "podcast")?;
    segments[after + 1..].iter().find_map(|s| {
        let digits = s.strip_prefix("id")?;
        (digits.len() >= 3 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_owned())
    })
}

#[derive(Deserialize)]
struct PodcastIndexAnswer {
    #[serde(default)]
    feeds: Vec<PodcastIndexFeed>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PodcastIndexFeed {
    title: Option<String>,
    url: Option<String>,
    author: Option<String>,
    artwork: Option<String>,
    image: Option<String>,
    episode_count: Option<u64>,
}

fn podcast_index_hits(bytes: &[u8], base: &str) -> Result<Vec<DirectoryHit>, NetError> {
    let answer: PodcastIndexAnswer = serde_json::from_slice(bytes).map_err(|_| unreadable(base))?;
    Ok(answer
        .feeds
        .into_iter()
        .take(HITS_PER_DIRECTORY)
        .filter_map(|f| {
            Some(DirectoryHit {
                title: f.title.as_deref().and_then(one_line_text)?,
                author: f.author.as_deref().and_then(one_line_text),
                feed_url: web_address(f.url?)?,
                artwork_url: f.artwork.or(f.image).and_then(web_address),
                episodes: f.episode_count,
                directory: "podcastindex",
            })
        })
        .collect())
}

#[derive(Deserialize)]
struct GpodderResult {
    url: Option<String>,
    title: Option<String>,
    author: Option<String>,
    logo_url: Option<String>,
    scaled_logo_url: Option<String>,
}

fn gpodder_hits(bytes: &[u8], base: &str) -> Result<Vec<DirectoryHit>, NetError> {
    let answer: Vec<GpodderResult> = serde_json::from_slice(bytes).map_err(|_| unreadable(base))?;
    Ok(answer
        .into_iter()
        .take(HITS_PER_DIRECTORY)
        .filter_map(|r| {
            Some(DirectoryHit {
                title: r.title.as_deref().and_then(one_line_text)?,
                author: r.author.as_deref().and_then(one_line_text),
                feed_url: web_address(r.url?)?,
                artwork_url: r.scaled_logo_url.or(r.logo_url).and_then(web_address),
                episodes: None,
                directory: "gpodder",
            })
        })
        .collect())
}

/// An http(s) address, or nothing.
fn web_address(url: String) -> Option<String> {
    Url::parse(url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(|u| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apple_pages_name_their_show_id() {
        let id = |u: &str| apple_show_id(&Url::parse(u).unwrap());
        assert_eq!(
            id("https://podcasts.apple.com/fi/podcast/the-tide-show/id1234567?i=1000650000"),
            Some("1234567".into())
        );
        assert_eq!(
            id("https://podcasts.apple.com/us/podcast/id998877"),
            Some("998877".into())
        );
        assert_eq!(id("https://example.com/podcast/the-tide-show/"), None);
        assert_eq!(
            id("https://example.com/blog/id1234567"),
            None,
            "no podcast segment"
        );
        assert_eq!(id("https://example.com/podcast/idea"), None);
    }
}
