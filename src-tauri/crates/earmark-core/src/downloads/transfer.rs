//! One resumable HTTP transfer into a partial file ([`super::part`]).
//!
//! A later attempt — in this call after a dropped connection, or after a restart —
//! asks for the rest with `Range: bytes=N-` and `If-Range: <validator>`:
//!
//! - `206 Partial Content` whose `Content-Range` starts at N, and whose validator is
//!   the stored one, continues the file; a 206 with another `ETag` or
//!   `Last-Modified` (a server that ignored `If-Range`) starts over from byte 0;
//! - `200 OK` means the server ignored the range or the file changed: start over;
//! - `416` with `Content-Range: bytes */N` means the partial file is already whole.
//!
//! Without a strong validator a partial file is never continued (it could belong to
//! an older version of the file). The transfer ends only when the bytes on disk match
//! the announced length (`Content-Length` or `Content-Range`); a connection that
//! closes early counts as broken off. Without an announced length, a body shorter than
//! half the feed's enclosure length counts as broken off too (docs/decisions.md). A
//! `text/html` answer is refused before its body is read, and a body slower than the
//! [`MinRate`] stops as stalled.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::blocking::Response;
use reqwest::header::{HeaderMap, ACCEPT_ENCODING, CONTENT_RANGE, CONTENT_TYPE, IF_RANGE, RANGE};
use reqwest::{StatusCode, Url};

use crate::http::{HttpClient, NetError};

use super::check::{is_web_page_type, NotAudio};
use super::error::is_disk_full;
use super::naming::DownloadPaths;
use super::part::{discard, file_len, usable_meta, write_meta, PartMeta};
use super::rate::{MinRate, RateWatch};

/// Size of one read from the network.
const CHUNK: usize = 64 * 1024;

/// Why a transfer stopped.
#[derive(Debug)]
pub(super) enum TransferError {
    /// Network trouble or an error status.
    Net(NetError),
    /// Writing failed (`disk_full` when the disk is full).
    Io {
        error: std::io::Error,
        disk_full: bool,
    },
    /// The connection broke off too often; this much is on disk.
    Incomplete { done: u64, total: Option<u64> },
    /// More bytes arrived than announced.
    TooLong { expected: u64, got: u64 },
    /// The server answered with something that is not audio (a web page); nothing
    /// was kept.
    NotAudio(NotAudio),
    /// Bytes arrived slower than the minimum rate; this much is on disk.
    Stalled { done: u64, min: MinRate },
    /// The cancel flag was raised.
    Cancelled,
}

impl From<std::io::Error> for TransferError {
    fn from(error: std::io::Error) -> Self {
        let disk_full = is_disk_full(&error);
        TransferError::Io { error, disk_full }
    }
}

/// What a transfer must respect.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan<'a> {
    /// Further attempts after a broken connection.
    pub retries: u32,
    /// Raised by another thread to stop.
    pub cancel: Option<&'a AtomicBool>,
    /// The slowest the body may arrive.
    pub min_rate: MinRate,
    /// The feed's enclosure length, when it is believable: without an announced
    /// length, a body shorter than half of it is taken as broken off.
    pub expected: Option<u64>,
}

/// How a finished transfer went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Transferred {
    /// Bytes in the file.
    pub bytes: u64,
    /// Bytes that were already on disk when this call started and were kept.
    pub resumed_from: u64,
}

/// Fetches `url` into `paths.part`, resuming what is there, with up to
/// `plan.retries` further attempts after a broken connection. Reports progress as
/// (bytes on disk, total when known).
pub(super) fn transfer(
    http: &HttpClient,
    url: &Url,
    paths: &DownloadPaths,
    plan: Plan<'_>,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Transferred, TransferError> {
    let mut continued_from = None;
    let mut attempt = 0;
    loop {
        let meta = usable_meta(paths, url);
        let have = match &meta {
            Some(_) => file_len(&paths.part),
            None => {
                discard(paths);
                0
            }
        };
        let request = Request {
            url,
            paths,
            meta,
            have,
            plan,
        };
        match attempt_once(http, &request, &mut continued_from, progress) {
            Ok(bytes) => {
                return Ok(Transferred {
                    bytes,
                    resumed_from: continued_from.unwrap_or(0),
                })
            }
            // The partial file is gone, so the next request asks for the whole file
            // without `Range`: this cannot repeat, and costs no retry.
            Err(Attempt::Restart) => continued_from = None,
            Err(Attempt::Retry(_)) if attempt < plan.retries => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(200 * u64::from(attempt)));
            }
            Err(Attempt::Retry(why) | Attempt::Fail(why)) => return Err(why),
        }
    }
}

/// One request's inputs.
struct Request<'a> {
    url: &'a Url,
    paths: &'a DownloadPaths,
    /// The note on the partial file, when it can be continued.
    meta: Option<PartMeta>,
    /// Bytes in the partial file.
    have: u64,
    plan: Plan<'a>,
}

/// The result of one request: done, worth another try, start over, or not.
enum Attempt {
    Retry(TransferError),
    /// The partial file was thrown away; ask again from byte 0.
    Restart,
    Fail(TransferError),
}

/// One request, appending to the partial file (or starting it). Returns the bytes on
/// disk once complete; `continued_from` is set to the bytes kept when a `206`
/// response started.
fn attempt_once(
    http: &HttpClient,
    request: &Request<'_>,
    continued_from: &mut Option<u64>,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<u64, Attempt> {
    let Request {
        url,
        paths,
        ref meta,
        have,
        plan,
    } = *request;
    let mut builder = http.get(url).header(ACCEPT_ENCODING, "identity");
    let resuming = match meta.as_ref().and_then(PartMeta::validator) {
        Some(validator) if have > 0 => {
            builder = builder
                .header(RANGE, format!("bytes={have}-"))
                .header(IF_RANGE, validator);
            true
        }
        _ => false,
    };
    let response = http.send(url, builder).map_err(net_attempt)?;
    let status = response.status();
    if status.is_success() && served_as_web_page(response.headers()) {
        discard(paths);
        return Err(Attempt::Fail(TransferError::NotAudio(NotAudio::WebPage)));
    }
    let (mut file, mut done, total) = match (status, meta) {
        (StatusCode::PARTIAL_CONTENT, Some(meta)) if resuming => {
            let Some((start, total)) = content_range(response.headers()) else {
                // A 206 we cannot place: start over.
                return Err(restart(paths));
            };
            if start != have || meta.changed_in(response.headers()) {
                return Err(restart(paths));
            }
            let total = total.or(meta.total);
            let file = OpenOptions::new()
                .append(true)
                .open(&paths.part)
                .map_err(|e| Attempt::Fail(e.into()))?;
            continued_from.get_or_insert(have);
            (file, have, total)
        }
        (StatusCode::RANGE_NOT_SATISFIABLE, _) if resuming => {
            let whole = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("bytes */"))
                .and_then(|n| n.trim().parse::<u64>().ok());
            if whole == Some(have) {
                progress(have, Some(have));
                return Ok(have);
            }
            return Err(restart(paths));
        }
        (s, _) if s.is_success() => {
            // 200 (or a 206 we did not ask for): the whole file from the start.
            let total = if s == StatusCode::PARTIAL_CONTENT {
                content_range(response.headers())
                    .filter(|(start, _)| *start == 0)
                    .and_then(|(_, total)| total)
            } else {
                response.content_length()
            };
            let file = File::create(&paths.part).map_err(|e| Attempt::Fail(e.into()))?;
            let meta = PartMeta::from_response(url, response.headers(), total);
            write_meta(paths, &meta).map_err(|e| Attempt::Fail(e.into()))?;
            (file, 0, total)
        }
        (other, _) => {
            if matches!(other.as_u16(), 404 | 410) {
                discard(paths);
            }
            let error = NetError::Status {
                url: url.to_string(),
                status: other.as_u16(),
            };
            return Err(net_attempt(error));
        }
    };
    progress(done, total);
    let mut body = Body {
        http,
        url,
        file: &mut file,
        done: &mut done,
        total,
        plan,
    };
    let result = body.copy(response, progress);
    // Whatever happened, what is on disk is on disk.
    let synced = file.sync_all();
    result?;
    synced.map_err(|e| Attempt::Fail(e.into()))?;
    match total.or(plan.expected.map(|e| e / 2)) {
        Some(at_least) if done < at_least => Err(Attempt::Retry(TransferError::Incomplete {
            done,
            total: total.or(plan.expected),
        })),
        _ => match total {
            Some(total) if done > total => {
                discard(paths);
                Err(Attempt::Fail(TransferError::TooLong {
                    expected: total,
                    got: done,
                }))
            }
            _ => Ok(done),
        },
    }
}

/// Whether the answer says it is a web page (see [`is_web_page_type`]).
fn served_as_web_page(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_web_page_type)
}

/// A response body on its way into the partial file.
struct Body<'a> {
    http: &'a HttpClient,
    url: &'a Url,
    file: &'a mut File,
    done: &'a mut u64,
    total: Option<u64>,
    plan: Plan<'a>,
}

impl Body<'_> {
    /// Copies until the body ends, the cancel flag rises, the connection breaks or
    /// the bytes come slower than the plan's minimum rate.
    fn copy(
        &mut self,
        mut response: Response,
        progress: &mut dyn FnMut(u64, Option<u64>),
    ) -> Result<(), Attempt> {
        let mut chunk = vec![0u8; CHUNK];
        let mut watch = RateWatch::new(self.plan.min_rate, Instant::now());
        loop {
            if self.plan.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                return Err(Attempt::Fail(TransferError::Cancelled));
            }
            let n = match response.read(&mut chunk) {
                Ok(0) => return Ok(()),
                Ok(n) => n,
                Err(e) => {
                    let error = self.http.classify_io(self.url, &e);
                    return Err(if error.is_transient() {
                        Attempt::Retry(TransferError::Incomplete {
                            done: *self.done,
                            total: self.total,
                        })
                    } else {
                        Attempt::Fail(TransferError::Net(error))
                    });
                }
            };
            self.file
                .write_all(&chunk[..n])
                .map_err(|e| Attempt::Fail(e.into()))?;
            *self.done += n as u64;
            progress(*self.done, self.total);
            if watch.too_slow(n as u64, Instant::now()) {
                return Err(Attempt::Fail(TransferError::Stalled {
                    done: *self.done,
                    min: self.plan.min_rate,
                }));
            }
        }
    }
}

/// Network errors worth another attempt are retried; the rest fail now.
fn net_attempt(error: NetError) -> Attempt {
    if error.is_transient() {
        Attempt::Retry(TransferError::Net(error))
    } else {
        Attempt::Fail(TransferError::Net(error))
    }
}

/// Throws the partial file away and asks for another attempt from byte 0.
fn restart(paths: &DownloadPaths) -> Attempt {
    discard(paths);
    Attempt::Restart
}

/// `Content-Range: bytes 100-999/1000` → (100, Some(1000)); `/*` → (100, None).
fn content_range(headers: &HeaderMap) -> Option<(u64, Option<u64>)> {
    let value = headers.get(CONTENT_RANGE)?.to_str().ok()?;
    let rest = value.trim().strip_prefix("bytes")?.trim_start();
    let (range, total) = rest.split_once('/')?;
    let (start, end) = range.split_once('-')?;
    let start: u64 = start.trim().parse().ok()?;
    let end: u64 = end.trim().parse().ok()?;
    if end < start {
        return None;
    }
    let total = match total.trim() {
        "*" => None,
        n => {
            let total: u64 = n.parse().ok()?;
            if total <= end {
                return None;
            }
            Some(total)
        }
    };
    Some((start, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn range(value: &str) -> Option<(u64, Option<u64>)> {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_RANGE, HeaderValue::from_str(value).unwrap());
        content_range(&headers)
    }

    #[test]
    fn content_range_is_read_strictly() {
        assert_eq!(range("bytes 100-999/1000"), Some((100, Some(1000))));
        assert_eq!(range("bytes 0-0/1"), Some((0, Some(1))));
        assert_eq!(range("bytes 100-999/*"), Some((100, None)));
        assert_eq!(range("bytes 100-99/1000"), None, "end before start");
        assert_eq!(
            range("bytes 100-999/999"),
            None,
            "total must exceed the end"
        );
        assert_eq!(range("items 1-2/3"), None);
        assert_eq!(range("bytes */1000"), None);
    }
}
