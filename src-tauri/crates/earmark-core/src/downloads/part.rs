//! The partial file (`<id>.part`) and the note beside it (`<id>.part.json`): the
//! address it came from and the server's validators (`ETag`, `Last-Modified`) when
//! its first byte arrived. Only a partial file whose note matches may be continued.

use std::path::Path;

use reqwest::header::{HeaderMap, HeaderName, ETAG, LAST_MODIFIED};
use reqwest::Url;
use serde::{Deserialize, Serialize};

use super::naming::DownloadPaths;

/// What the partial file was fetched from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct PartMeta {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub total: Option<u64>,
}

impl PartMeta {
    /// The note for a response starting the file afresh.
    pub fn from_response(url: &Url, headers: &HeaderMap, total: Option<u64>) -> PartMeta {
        PartMeta {
            url: url.to_string(),
            etag: header_text(headers, ETAG),
            last_modified: header_text(headers, LAST_MODIFIED),
            total,
        }
    }

    /// The `If-Range` value: a strong ETag, else the Last-Modified date.
    pub fn validator(&self) -> Option<&str> {
        self.etag
            .as_deref()
            .filter(|e| !e.starts_with("W/"))
            .or(self.last_modified.as_deref())
    }

    /// Whether a `206` carries a validator other than the one the partial file was
    /// fetched with: the server changed the file but sent a range of the new one
    /// anyway (it ignored `If-Range`). Appending would make a hybrid of two versions.
    pub fn changed_in(&self, headers: &HeaderMap) -> bool {
        let differs = |stored: &Option<String>, name| match (stored, header_text(headers, name)) {
            (Some(stored), Some(now)) => *stored != now,
            _ => false,
        };
        differs(&self.etag, ETAG) || differs(&self.last_modified, LAST_MODIFIED)
    }
}

fn header_text(headers: &HeaderMap, name: HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .filter(|v| !v.is_empty() && v.len() < 1_024)
}

/// The note beside the partial file, when it is for this address and the partial file
/// can be continued.
pub(super) fn usable_meta(paths: &DownloadPaths, url: &Url) -> Option<PartMeta> {
    // Earmark writes this note itself: a few hundred bytes; anything larger is not it.
    let text = crate::limits::read_capped(&paths.part_meta, 64 * 1024).ok()?;
    let meta: PartMeta = serde_json::from_slice(&text).ok()?;
    (meta.url == url.as_str() && meta.validator().is_some() && paths.part.is_file()).then_some(meta)
}

pub(super) fn write_meta(paths: &DownloadPaths, meta: &PartMeta) -> std::io::Result<()> {
    let json = serde_json::to_vec(meta).map_err(std::io::Error::other)?;
    std::fs::write(&paths.part_meta, json)
}

/// Throws the partial file and its note away.
pub(super) fn discard(paths: &DownloadPaths) {
    remove_quietly(&paths.part);
    remove_quietly(&paths.part_meta);
}

pub(super) fn file_len(path: &Path) -> u64 {
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

    #[test]
    fn a_different_validator_means_a_changed_file() {
        let meta = PartMeta {
            etag: Some("\"v1\"".into()),
            last_modified: Some("Wed, 01 May 2024 12:00:00 GMT".into()),
            ..PartMeta::default()
        };
        let headers = |etag: Option<&str>, modified: Option<&str>| {
            let mut h = HeaderMap::new();
            if let Some(e) = etag {
                h.insert(ETAG, HeaderValue::from_str(e).unwrap());
            }
            if let Some(m) = modified {
                h.insert(LAST_MODIFIED, HeaderValue::from_str(m).unwrap());
            }
            h
        };
        assert!(!meta.changed_in(&headers(Some("\"v1\""), None)));
        assert!(!meta.changed_in(&headers(None, None)), "nothing to compare");
        assert!(meta.changed_in(&headers(Some("\"v2\""), None)));
        assert!(meta.changed_in(&headers(
            Some("\"v1\""),
            Some("Thu, 02 May 2024 12:00:00 GMT")
        )));
    }
}
