//! Pictures the window shows as `data:` URLs (its content policy loads no image from
//! the web): an episode file's embedded cover, and a show's artwork fetched from the
//! address a directory gave — only PNG, JPEG, GIF or WebP by their own bytes.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use earmark_core::http::HttpClient;
use earmark_core::library::Cover;

/// The largest artwork fetched for a search result.
const MAX_ARTWORK_BYTES: u64 = 1_000_000;

/// `cover` as a `data:` URL.
pub fn data_url(cover: &Cover) -> String {
    format!(
        "data:{};base64,{}",
        cover.mime,
        STANDARD.encode(&cover.bytes)
    )
}

/// The picture at `url` as a `data:` URL; `None` when it cannot be fetched or is not a
/// picture (a directory's artwork is a nicety, never an error).
pub fn remote_artwork(http: &HttpClient, url: &str) -> Option<String> {
    let fetched = http.fetch(url, MAX_ARTWORK_BYTES).ok()?;
    Cover::of_bytes(fetched.bytes).map(|cover| data_url(&cover))
}
