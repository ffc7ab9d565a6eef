//! One resumable HTTP transfer into a partial file.
//!
//! The partial file (`<id>.part`) sits beside a small JSON note (`<id>.part.json`) of
//! the address it came from and the server's validators (`ETag`, `Last-Modified`) at
//! the time. A later attempt — in this call after a dropped connection, or after a
//! restart — asks for the rest with `Range: bytes=N-` and `If-Range: <validator>`:
//!
//! - `206 Partial Content` whose `Content-Range` starts at N continues the file;
//! - `200 OK` means the server ignored the range or the file changed: start over;
//! - `416` with `Content-Range: bytes */N` means the partial file is already whole.
//!
//! Without a strong validator a partial file is never continued (it could belong to
//! an older version of the file). The transfer ends only when the bytes on disk match
//! the announced length (`Content-Length` or `Content-Range`); a connection that
//! closes early counts as broken off.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use reqwest::blocking::Response;
use reqwest::header::{
    HeaderMap, ACCEPT_ENCODING, CONTENT_RANGE, ETAG, IF_RANGE, LAST_MODIFIED, RANGE,
};
use reqwest::{StatusCode, Url};
use serde::{Deserialize, Serialize};

use crate::http::{HttpClient, NetError};

use super::error::is_disk_full;
use super::naming::DownloadPaths;

/// Size of one read from the network.
const CHUNK: usize = 64 * 1024;

/// What the partial file was fetched from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct PartMeta {
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    total: Option<u64>,
}

impl PartMeta {
    /// The `If-Range` value: a strong ETag, else the Last-Modified date.
    fn validator(&self) -> Option<&str> {
        self.etag
            .as_deref()
            .filter(|e| !e.starts_with("W/"))
            .or(self.last_modified.as_deref())
    }
}

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
    /// The cancel flag was raised.
    Cancelled,
}

impl From<std::io::Error> for TransferError {
    fn from(error: std::io::Error) -> Self {
        let disk_full = is_disk_full(&error);
        TransferError::Io { error, disk_full }
    }
}

/// How a finished transfer went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Transferred {
    /// Bytes in the file.
    pub bytes: u64,
    /// Bytes that were already on disk when this call started and were kept.
    pub resumed_from: u64,
}

/// Fetches `url` into `paths.part`, resuming what is there, with up to `retries`
/// further attempts after a broken connection. Reports progress as (bytes on disk,
/// total when known).
pub(super) fn transfer(
    http: &HttpClient,
    url: &Url,
    paths: &DownloadPaths,
    retries: u32,
    cancel: Option<&AtomicBool>,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Transferred, TransferError> {
    let mut continued_from = None;
    let mut attempt = 0;
    loop {
        let meta = usable_meta(paths, url);
        let have = match &meta {
            Some(_) => file_len(&paths.part),
            None => {
                remove_quietly(&paths.part);
                remove_quietly(&paths.part_meta);
                0
            }
        };
        let request = Request {
            url,
            paths,
            meta,
            have,
        };
        match attempt_once(http, &request, &mut continued_from, cancel, progress) {
            Ok(bytes) => {
                return Ok(Transferred {
                    bytes,
                    resumed_from: continued_from.unwrap_or(0),
                })
            }
            Err(Attempt::Retry(_)) if attempt < retries => {
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
}

/// The result of one request: done, worth another try, or not.
enum Attempt {
    Retry(TransferError),
    Fail(TransferError),
}

/// Sends one request and copies its body; notes in `continued_from` where the first
/// continued (206) response started.
fn attempt_once(
    http: &HttpClient,
    request: &Request<'_>,
    continued_from: &mut Option<u64>,
    cancel: Option<&AtomicBool>,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<u64, Attempt> {
    let Request {
        url,
        paths,
        ref meta,
        have,
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
    let (mut file, mut done, total) = match status {
        StatusCode::PARTIAL_CONTENT if resuming => {
            let Some((start, total)) = content_range(response.headers()) else {
                // A 206 we cannot place: start over.
                return Err(restart(paths));
            };
            if start != have {
                return Err(restart(paths));
            }
            let total = total.or(meta.as_ref().and_then(|m| m.total));
            let file = OpenOptions::new()
                .append(true)
                .open(&paths.part)
                .map_err(|e| Attempt::Fail(e.into()))?;
            continued_from.get_or_insert(have);
            (file, have, total)
        }
        StatusCode::RANGE_NOT_SATISFIABLE if resuming => {
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
        s if s.is_success() => {
            // 200 (or a 206 we did not ask for): the whole file from the start.
            let total = if s == StatusCode::PARTIAL_CONTENT {
                content_range(response.headers())
                    .filter(|(start, _)| *start == 0)
                    .and_then(|(_, total)| total)
            } else {
                response.content_length()
            };
            let file = File::create(&paths.part).map_err(|e| Attempt::Fail(e.into()))?;
            let meta = PartMeta {
                url: url.to_string(),
                etag: header_text(response.headers(), ETAG),
                last_modified: header_text(response.headers(), LAST_MODIFIED),
                total,
            };
            write_meta(paths, &meta).map_err(|e| Attempt::Fail(e.into()))?;
            (file, 0, total)
        }
        other => {
            if matches!(other.as_u16(), 404 | 410) {
                remove_quietly(&paths.part);
                remove_quietly(&paths.part_meta);
            }
            let error = NetError::Status {
                url: url.to_string(),
                status: other.as_u16(),
            };
            return Err(net_attempt(error));
        }
    };
    progress(done, total);
    let result = copy_body(
        http, url, response, &mut file, &mut done, total, cancel, progress,
    );
    // Whatever happened, what is on disk is on disk.
    let synced = file.sync_all();
    result?;
    synced.map_err(|e| Attempt::Fail(e.into()))?;
    match total {
        Some(total) if done < total => Err(Attempt::Retry(TransferError::Incomplete {
            done,
            total: Some(total),
        })),
        Some(total) if done > total => {
            remove_quietly(&paths.part);
            remove_quietly(&paths.part_meta);
            Err(Attempt::Fail(TransferError::TooLong {
                expected: total,
                got: done,
            }))
        }
        _ => Ok(done),
    }
}

#[allow(clippy::too_many_arguments)]
fn copy_body(
    http: &HttpClient,
    url: &Url,
    mut response: Response,
    file: &mut File,
    done: &mut u64,
    total: Option<u64>,
    cancel: Option<&AtomicBool>,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<(), Attempt> {
    let mut chunk = vec![0u8; CHUNK];
    loop {
        if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return Err(Attempt::Fail(TransferError::Cancelled));
        }
        let n = match response.read(&mut chunk) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) => {
                let error = http.classify_io(url, &e);
                return Err(if error.is_transient() {
                    Attempt::Retry(TransferError::Incomplete { done: *done, total })
                } else {
                    Attempt::Fail(TransferError::Net(error))
                });
            }
        };
        file.write_all(&chunk[..n])
            .map_err(|e| Attempt::Fail(e.into()))?;
        *done += n as u64;
        progress(*done, total);
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
    remove_quietly(&paths.part);
    remove_quietly(&paths.part_meta);
    Attempt::Retry(TransferError::Incomplete {
        done: 0,
        total: None,
    })
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

fn header_text(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .filter(|v| !v.is_empty() && v.len() < 1_024)
}

/// The note beside the partial file, when it is for this address and the partial file
/// can be continued.
fn usable_meta(paths: &DownloadPaths, url: &Url) -> Option<PartMeta> {
    // Earmark writes this note itself: a few hundred bytes; anything larger is not it.
    let text = crate::limits::read_capped(&paths.part_meta, 64 * 1024).ok()?;
    let meta: PartMeta = serde_json::from_slice(&text).ok()?;
    (meta.url == url.as_str() && meta.validator().is_some() && paths.part.is_file()).then_some(meta)
}

fn write_meta(paths: &DownloadPaths, meta: &PartMeta) -> std::io::Result<()> {
    let json = serde_json::to_vec(meta).map_err(std::io::Error::other)?;
    std::fs::write(&paths.part_meta, json)
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Removes a file, ignoring "not there" (and any other failure: the next attempt will
/// overwrite it).
pub(super) fn remove_quietly(path: &Path) {
    let _ = std::fs::remove_file(path);
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

    #[test]
    fn weak_etags_are_not_validators() {
        let meta = PartMeta {
            etag: Some("W/\"abc\"".into()),
            ..PartMeta::default()
        };
        assert_eq!(meta.validator(), None);
        let meta = PartMeta {
            etag: Some("W/\"abc\"".into()),
            last_modified: Some("Wed, 01 May 2024 12:00:00 GMT".into()),
            ..PartMeta::default()
        };
        assert_eq!(meta.validator(), Some("Wed, 01 May 2024 12:00:00 GMT"));
    }
}
