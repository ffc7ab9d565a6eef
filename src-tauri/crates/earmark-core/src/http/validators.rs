//! What a server says identifies the version of a document it sent (`ETag`,
//! `Last-Modified`), and asking it next time whether that changed
//! (`If-None-Match`, `If-Modified-Since`): an unchanged feed then costs a 304 with no
//! body, as podcast hosts ask of clients.

use reqwest::blocking::{RequestBuilder, Response};
use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use serde::{Deserialize, Serialize};

/// The longest validator kept (a hostile header is dropped, not stored).
const MAX_VALIDATOR: usize = 1_024;

/// A document version's validators, as its server gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// The `ETag` (opaque, quotes included).
    pub etag: Option<String>,
    /// The `Last-Modified` date, as written.
    pub last_modified: Option<String>,
}

impl Validators {
    /// The validators of a response.
    pub fn of(response: &Response) -> Validators {
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty() && v.len() <= MAX_VALIDATOR)
                .map(str::to_owned)
        };
        Validators {
            etag: header(ETAG),
            last_modified: header(LAST_MODIFIED),
        }
    }

    /// Whether there is nothing to ask with.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }

    /// `request` asking whether this version changed.
    pub(crate) fn ask(&self, mut request: RequestBuilder) -> RequestBuilder {
        if let Some(etag) = &self.etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(date) = &self.last_modified {
            request = request.header(IF_MODIFIED_SINCE, date);
        }
        request
    }
}
