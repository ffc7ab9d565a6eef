//! Fetching one picture into the [`ArtworkCache`], once: a picture stored is never
//! asked for again, and one that failed not before
//! [`RETRY_FAILED_AFTER`](super::RETRY_FAILED_AFTER) has passed.

use serde::Serialize;

use super::ArtworkCache;
use crate::http::{HttpClient, NetError};

/// The largest picture fetched (podcast covers are typically 50–500 KB; the
/// directories ask for at most 3000×3000 px).
pub const MAX_ARTWORK_BYTES: u64 = 5 * 1024 * 1024;

/// What [`fetch_artwork`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArtworkFetch {
    /// It was stored already: nothing was asked of the server.
    Cached,
    /// Fetching it failed not long ago: nothing was asked of the server.
    FailedBefore,
    /// Fetched and stored now.
    Fetched,
    /// It could not be fetched, or was not a picture (too large, SVG, HTML, broken):
    /// remembered, so that it is not asked for again soon.
    Failed,
    /// This computer has no network now: nothing remembered, tried again next time.
    Offline,
}

/// Fetches the picture at `url` into `cache` unless it is there already or failed
/// recently (see [`ArtworkFetch`]).
pub fn fetch_artwork(http: &HttpClient, cache: &ArtworkCache, url: &str) -> ArtworkFetch {
    if cache.has(url) {
        return ArtworkFetch::Cached;
    }
    if cache.failed_recently(url) {
        return ArtworkFetch::FailedBefore;
    }
    let stored = match http.fetch(url, MAX_ARTWORK_BYTES) {
        Err(NetError::NoNetwork { .. }) => return ArtworkFetch::Offline,
        Err(_) => false,
        Ok(fetched) => cache.put(url, &fetched.bytes).unwrap_or(false),
    };
    if stored {
        return ArtworkFetch::Fetched;
    }
    // A disk that cannot take the mark only means asking again next time.
    let _ = cache.remember_failure(url);
    ArtworkFetch::Failed
}
