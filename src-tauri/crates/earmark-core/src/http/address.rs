//! Web addresses as people paste them, and as messages name them.

use reqwest::Url;

use super::NetError;

/// The host of a URL, for messages.
pub(crate) fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => url.to_string(),
    }
}

/// Reads a web address as people paste it: trims it, turns the podcast schemes
/// `feed:`, `itpc:`, `pcast:` and `podcast:` into `https:`, adds `https://` when there
/// is no scheme, and accepts only `http` and `https` with a host.
pub fn parse_url(input: &str) -> Result<Url, NetError> {
    let trimmed = input.trim();
    let bad = || NetError::BadUrl {
        url: trimmed.to_owned(),
    };
    if trimmed.is_empty() || trimmed.chars().any(char::is_control) {
        return Err(bad());
    }
    let lower = trimmed.to_ascii_lowercase();
    let candidate = if let Some(rest) = ["feed://", "itpc://", "pcast://", "podcast://"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &trimmed[p.len()..]))
    {
        format!("https://{rest}")
    } else if let Some(rest) = lower
        .starts_with("feed:")
        .then(|| &trimmed["feed:".len()..])
        .filter(|r| r.starts_with("http"))
    {
        // feed:https://example.com/rss
        rest.to_owned()
    } else if !lower.contains("://") {
        format!("https://{trimmed}")
    } else {
        trimmed.to_owned()
    };
    let url = Url::parse(&candidate).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad());
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_as_people_paste_them() {
        let ok = |s: &str| parse_url(s).unwrap().to_string();
        assert_eq!(ok(" https://example.com/feed "), "https://example.com/feed");
        assert_eq!(ok("example.com/rss"), "https://example.com/rss");
        assert_eq!(ok("feed://example.com/rss"), "https://example.com/rss");
        assert_eq!(ok("itpc://example.com/rss"), "https://example.com/rss");
        assert_eq!(ok("feed:http://example.com/rss"), "http://example.com/rss");
        assert_eq!(ok("http://127.0.0.1:8080/a"), "http://127.0.0.1:8080/a");
        for bad in [
            "",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://x/y",
            "http://",
        ] {
            assert!(
                matches!(parse_url(bad), Err(NetError::BadUrl { .. })),
                "{bad:?} must be refused"
            );
        }
    }
}
