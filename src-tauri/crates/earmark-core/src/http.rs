//! A small, careful HTTP client for feeds, transcripts, chapters and downloads.
//!
//! Blocking (reqwest's blocking client over rustls with the `ring` provider): feed and
//! download work runs on a worker thread that also owns a [`Store`](crate::store::Store),
//! which is synchronous anyway. Do not create, use or drop an
//! [`HttpClient`] on an async runtime's worker thread; use `spawn_blocking` or a thread.
//!
//! Every request has a connect timeout and a read timeout (no byte for that long and the
//! request fails); [`HttpClient::fetch`] also caps the body at a size and a total time,
//! so a hostile server can neither fill the memory nor keep a refresh waiting forever.
//! Errors are sentences a user understands: "No network: …", "Could not reach …",
//! "404 Not found: …".

use std::error::Error as _;
use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::{StatusCode, Url};

mod address;
mod error;
mod keyed_limit;
mod redirects;
mod retry_after;
mod validators;
pub(crate) use address::host_of;
pub use address::parse_url;
pub use error::NetError;
pub(crate) use keyed_limit::KeyedLimit;
pub use keyed_limit::MAX_PER_HOST;
pub use redirects::MAX_REDIRECTS;
pub use retry_after::{wait_words, MAX_RETRY_AFTER};
pub use validators::Validators;

/// How long connecting to a server may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a server may stay silent (before the headers, or between two reads of the
/// body) before the request fails.
pub const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a whole [`HttpClient::fetch`] (a feed, a transcript) may take.
pub const FETCH_DEADLINE: Duration = Duration::from_secs(120);

/// The `User-Agent` Earmark sends.
pub const USER_AGENT: &str = concat!("Earmark/", env!("CARGO_PKG_VERSION"), " (podcast player)");

/// A body fetched whole by [`HttpClient::fetch`].
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The address it came from, after redirects.
    pub url: String,
    /// The address asked for moved there for good (every redirect on the way was a
    /// 301 or a 308).
    pub moved_to: Option<String>,
    /// The `Content-Type` the server gave, if any.
    pub content_type: Option<String>,
    /// The version's `ETag` and `Last-Modified`, to ask next time whether it changed.
    pub validators: Validators,
    /// The body.
    pub bytes: Vec<u8>,
}

/// The HTTP client. Cheap to clone (the connection pool is shared).
#[derive(Debug, Clone)]
pub struct HttpClient {
    client: Client,
    /// The same settings, following no redirect ([`HttpClient::fetch`] follows them
    /// itself, to tell permanent moves from temporary ones).
    no_redirects: Client,
    read_timeout: Duration,
    deadline: Duration,
    /// Requests open per host, across the clones.
    hosts: Arc<KeyedLimit>,
}

impl HttpClient {
    /// A client with the default timeouts ([`CONNECT_TIMEOUT`], [`READ_TIMEOUT`],
    /// [`FETCH_DEADLINE`]).
    pub fn new() -> Result<HttpClient, NetError> {
        HttpClient::with_timeouts(CONNECT_TIMEOUT, READ_TIMEOUT, FETCH_DEADLINE)
    }

    /// A client with other timeouts (tests use short ones).
    pub fn with_timeouts(
        connect: Duration,
        read: Duration,
        deadline: Duration,
    ) -> Result<HttpClient, NetError> {
        // The first caller installs ring as rustls' crypto provider; later calls (or
        // another part of the app having installed one) leave it as it is.
        let _ = rustls::crypto::ring::default_provider().install_default();
        // Documents (feeds, transcripts, chapters) may come compressed; downloads ask
        // for the bytes as they are, so that ranges and lengths mean the file's.
        let build = |policy, compressed| {
            Client::builder()
                .user_agent(USER_AGENT)
                .connect_timeout(connect)
                .timeout(read)
                .redirect(policy)
                .gzip(compressed)
                .brotli(compressed)
                .build()
                .map_err(|e| NetError::Client(e.to_string()))
        };
        Ok(HttpClient {
            client: build(reqwest::redirect::Policy::limited(MAX_REDIRECTS), false)?,
            no_redirects: build(reqwest::redirect::Policy::none(), true)?,
            read_timeout: read,
            deadline,
            hosts: Arc::new(KeyedLimit::new(MAX_PER_HOST)),
        })
    }

    /// Starts a GET request for `url`.
    pub(crate) fn get(&self, url: &Url) -> RequestBuilder {
        self.client.get(url.clone())
    }

    /// Sends a request and returns the response whatever its status.
    pub(crate) fn send(&self, url: &Url, request: RequestBuilder) -> Result<Response, NetError> {
        request.send().map_err(|e| self.classify(url, &e))
    }

    /// Fetches `url` whole, following redirects (and telling a permanent move in
    /// [`Fetched::moved_to`]), failing on an error status, on a body over `max_bytes`
    /// (checked against `Content-Length` first, then while reading) and on a transfer
    /// longer than the client's deadline. Gzip and Brotli bodies are decompressed.
    pub fn fetch(&self, url: &str, max_bytes: u64) -> Result<Fetched, NetError> {
        self.fetch_with_headers(url, max_bytes, &[])
    }

    /// Fetches `url` as [`HttpClient::fetch`] does, asking whether the version `known`
    /// describes changed: `None` when the server answers 304 Not Modified (no body).
    pub fn fetch_changed(
        &self,
        url: &str,
        max_bytes: u64,
        known: &Validators,
    ) -> Result<Option<Fetched>, NetError> {
        self.fetch_with(url, max_bytes, known, &[])
    }

    /// Fetches `url` as [`HttpClient::fetch`] does, sending `headers` too (to its own
    /// host only, not to one it redirects to): an API's credentials.
    pub fn fetch_with_headers(
        &self,
        url: &str,
        max_bytes: u64,
        headers: &[(&str, String)],
    ) -> Result<Fetched, NetError> {
        self.fetch_with(url, max_bytes, &Validators::default(), headers)?
            .ok_or_else(|| NetError::Status {
                url: url.to_owned(),
                status: 304,
            })
    }

    fn fetch_with(
        &self,
        url: &str,
        max_bytes: u64,
        known: &Validators,
        headers: &[(&str, String)],
    ) -> Result<Option<Fetched>, NetError> {
        let url = parse_url(url)?;
        let _place = self.hosts.acquire(url.host_str().unwrap_or_default());
        let followed = redirects::get_following(self, &url, known, headers)?;
        let response = followed.response;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && !known.is_empty() {
            return Ok(None);
        }
        if matches!(status.as_u16(), 429 | 503) {
            return Err(NetError::Busy {
                url: url.to_string(),
                status: status.as_u16(),
                retry_after: retry_after::retry_after(&response),
            });
        }
        if !status.is_success() {
            return Err(NetError::Status {
                url: url.to_string(),
                status: status.as_u16(),
            });
        }
        let final_url = response.url().to_string();
        if response.content_length().is_some_and(|n| n > max_bytes) {
            return Err(NetError::TooLarge {
                url: final_url,
                limit: max_bytes,
            });
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let validators = Validators::of(&response);
        let bytes = self.read_capped(&url, response, max_bytes)?;
        Ok(Some(Fetched {
            url: final_url,
            moved_to: followed.moved_to.map(String::from),
            content_type,
            validators,
            bytes,
        }))
    }

    /// Reads a body up to `max_bytes`, within the deadline.
    fn read_capped(
        &self,
        url: &Url,
        mut response: Response,
        max_bytes: u64,
    ) -> Result<Vec<u8>, NetError> {
        let started = Instant::now();
        let mut bytes = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = response
                .read(&mut chunk)
                .map_err(|e| self.classify_io(url, &e))?;
            if n == 0 {
                return Ok(bytes);
            }
            if bytes.len() as u64 + n as u64 > max_bytes {
                return Err(NetError::TooLarge {
                    url: url.to_string(),
                    limit: max_bytes,
                });
            }
            bytes.extend_from_slice(&chunk[..n]);
            if started.elapsed() > self.deadline {
                return Err(NetError::TimedOut {
                    host: host_of(url),
                    seconds: self.deadline.as_secs(),
                });
            }
        }
    }

    /// Maps a reqwest error to what the user needs to know.
    pub(crate) fn classify(&self, url: &Url, error: &reqwest::Error) -> NetError {
        let host = host_of(url);
        if error.is_timeout() {
            return NetError::TimedOut {
                host,
                seconds: self.read_timeout.as_secs().max(1),
            };
        }
        let chain = error_chain(error);
        if let Some(kind) = io_kind(error) {
            if let Some(e) = self.classify_kind(url, kind) {
                return e;
            }
        }
        let lower = chain.to_ascii_lowercase();
        if lower.contains("temporary failure in name resolution") {
            return NetError::NoNetwork { host };
        }
        if lower.contains("dns error")
            || lower.contains("failed to lookup address")
            || lower.contains("name or service not known")
        {
            return NetError::UnknownHost { host };
        }
        if error.is_connect() {
            return NetError::Unreachable {
                host,
                reason: innermost(error),
            };
        }
        if error.is_body() || error.is_decode() {
            return NetError::BrokenOff {
                host,
                reason: innermost(error),
            };
        }
        NetError::Unreachable {
            host,
            reason: innermost(error),
        }
    }

    /// Maps an error from reading a body.
    pub(crate) fn classify_io(&self, url: &Url, error: &std::io::Error) -> NetError {
        if let Some(inner) = error
            .get_ref()
            .and_then(|e| e.downcast_ref::<reqwest::Error>())
        {
            return self.classify(url, inner);
        }
        self.classify_kind(url, error.kind())
            .unwrap_or_else(|| NetError::BrokenOff {
                host: host_of(url),
                reason: error.to_string(),
            })
    }

    fn classify_kind(&self, url: &Url, kind: std::io::ErrorKind) -> Option<NetError> {
        use std::io::ErrorKind as K;
        let host = host_of(url);
        Some(match kind {
            K::NetworkUnreachable | K::HostUnreachable | K::NetworkDown => {
                NetError::NoNetwork { host }
            }
            K::ConnectionRefused => NetError::Unreachable {
                host,
                reason: "the server refused the connection".into(),
            },
            K::TimedOut | K::WouldBlock => NetError::TimedOut {
                host,
                seconds: self.read_timeout.as_secs().max(1),
            },
            K::ConnectionReset | K::ConnectionAborted | K::UnexpectedEof | K::BrokenPipe => {
                NetError::BrokenOff {
                    host,
                    reason: "the server closed the connection".into(),
                }
            }
            _ => return None,
        })
    }
}

/// The io::ErrorKind at the bottom of an error chain, if there is one.
fn io_kind(error: &reqwest::Error) -> Option<std::io::ErrorKind> {
    let mut source = error.source();
    let mut kind = None;
    while let Some(e) = source {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            kind = Some(io.kind());
        }
        source = e.source();
    }
    kind
}

/// The whole chain of messages, for matching resolver wording.
fn error_chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

/// The most specific message in the chain.
fn innermost(error: &reqwest::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        message = e.to_string();
        source = e.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_failures_say_what_happened() {
        let http = HttpClient::new().unwrap();
        let url = Url::parse("https://feeds.example/rss").unwrap();
        let io = |kind| std::io::Error::from(kind);
        let e = http.classify_io(&url, &io(std::io::ErrorKind::NetworkUnreachable));
        assert_eq!(
            e.to_string(),
            "No network: feeds.example cannot be reached from this computer right now. \
             Check that it is online."
        );
        let e = http.classify_io(&url, &io(std::io::ErrorKind::ConnectionRefused));
        assert_eq!(
            e.to_string(),
            "Could not reach feeds.example: the server refused the connection."
        );
        let e = http.classify_io(&url, &io(std::io::ErrorKind::ConnectionReset));
        assert!(e.is_transient(), "{e}");
        assert_eq!(e.code(), "broken_off");
    }
}
