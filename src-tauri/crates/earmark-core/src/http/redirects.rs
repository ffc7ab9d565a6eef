//! Following redirects by hand for [`HttpClient::fetch`](super::HttpClient::fetch), to
//! tell a permanent move (301, 308) from a temporary one: a feed that moved for good
//! gets its stored address changed, as podcast hosts ask of clients.

use reqwest::blocking::Response;
use reqwest::Url;

use super::{HttpClient, NetError, Validators};

/// The most redirects followed for one request (as browsers and reqwest's default).
pub const MAX_REDIRECTS: usize = 10;

/// A response after its redirects.
#[derive(Debug)]
pub(super) struct Followed {
    /// The final response (not a redirect).
    pub response: Response,
    /// Where the address moved to for good: set when every redirect on the way was
    /// permanent (301 or 308), so the first address may be forgotten.
    pub moved_to: Option<Url>,
}

/// Sends a GET for `url`, following up to [`MAX_REDIRECTS`] redirects, asking with
/// `known` whether the document changed since that version (a 304 then comes back).
pub(super) fn get_following(
    http: &HttpClient,
    url: &Url,
    known: &Validators,
    headers: &[(&str, String)],
) -> Result<Followed, NetError> {
    let mut current = url.clone();
    let mut permanent = true;
    for _ in 0..=MAX_REDIRECTS {
        let mut request = known.ask(http.no_redirects.get(current.clone()));
        // Headers meant for the host asked (credentials) never go to another.
        if current.host_str() == url.host_str() {
            for (name, value) in headers {
                request = request.header(*name, value);
            }
        }
        let response = request.send().map_err(|e| http.classify(&current, &e))?;
        let status = response.status();
        let location = status
            .is_redirection()
            .then(|| response.headers().get(reqwest::header::LOCATION))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|to| current.join(to.trim()).ok())
            .filter(|to| matches!(to.scheme(), "http" | "https"));
        let Some(next) = location else {
            let moved_to = (permanent && current != *url).then_some(current);
            return Ok(Followed { response, moved_to });
        };
        permanent &= matches!(status.as_u16(), 301 | 308);
        current = next;
    }
    Err(NetError::TooManyRedirects {
        url: url.to_string(),
    })
}
