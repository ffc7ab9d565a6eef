//! What went wrong talking to a server, as sentences a user understands: "No network:
//! …", "Could not reach …", "404 Not found: …", "429 Too many requests: … It asked to
//! wait 5 min.", with a stable code each for the window and scripts.

use std::time::Duration;

use reqwest::StatusCode;

use super::retry_after::wait_words;
use super::MAX_REDIRECTS;

/// What went wrong talking to a server, worded for the user.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    /// The address is not an http(s) URL.
    #[error("\"{url}\" is not a web address Earmark can fetch (it must start with http:// or https://).")]
    BadUrl {
        /// What was given.
        url: String,
    },
    /// The computer has no network (no route, or names cannot be looked up at all).
    #[error("No network: {host} cannot be reached from this computer right now. Check that it is online.")]
    NoNetwork {
        /// The server.
        host: String,
    },
    /// The server's name does not exist.
    #[error(
        "Could not find the server {host}: check the address, and that this computer is online."
    )]
    UnknownHost {
        /// The server.
        host: String,
    },
    /// The server could not be connected to.
    #[error("Could not reach {host}: {reason}.")]
    Unreachable {
        /// The server.
        host: String,
        /// Why, as the system said it.
        reason: String,
    },
    /// The server stopped answering.
    #[error("{host} did not answer in time (waited {seconds} s).")]
    TimedOut {
        /// The server.
        host: String,
        /// The timeout that ran out.
        seconds: u64,
    },
    /// The server answered with an error status.
    #[error("{}", status_sentence(*status, url))]
    Status {
        /// The address asked for.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The server is busy or asks to slow down (429 Too Many Requests, 503 Service
    /// Unavailable), perhaps saying for how long (`Retry-After`).
    #[error("{}", busy_sentence(*status, url, *retry_after))]
    Busy {
        /// The address asked for.
        url: String,
        /// 429 or 503.
        status: u16,
        /// How long the server asked to wait, if it said.
        retry_after: Option<Duration>,
    },
    /// The response was larger than allowed and was cut off.
    #[error("The response from {url} is larger than {} MB, so it was cut off.", limit / 1_000_000)]
    TooLarge {
        /// The address asked for.
        url: String,
        /// The size limit in bytes.
        limit: u64,
    },
    /// The connection broke off while the body was being read.
    #[error("The connection to {host} broke off: {reason}.")]
    BrokenOff {
        /// The server.
        host: String,
        /// Why.
        reason: String,
    },
    /// The address redirects in a loop, or too many times.
    #[error("{url} redirects too many times (more than {MAX_REDIRECTS}).")]
    TooManyRedirects {
        /// The address asked for.
        url: String,
    },
    /// The server answered, but not in the form asked for (a directory's JSON).
    #[error("The answer from {url} could not be read: it is not what that service sends.")]
    Unreadable {
        /// The address asked.
        url: String,
    },
    /// The HTTP client could not be set up (TLS configuration).
    #[error("Could not set up the web client: {0}")]
    Client(String),
}

impl NetError {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            NetError::BadUrl { .. } => "bad_url",
            NetError::NoNetwork { .. } => "no_network",
            NetError::UnknownHost { .. } => "unknown_host",
            NetError::Unreachable { .. } => "unreachable",
            NetError::TimedOut { .. } => "timed_out",
            NetError::Status { status: 404, .. } => "not_found",
            NetError::Status { .. } => "http_status",
            NetError::Busy { .. } => "server_busy",
            NetError::TooLarge { .. } => "too_large",
            NetError::BrokenOff { .. } => "broken_off",
            NetError::TooManyRedirects { .. } => "too_many_redirects",
            NetError::Unreadable { .. } => "unreadable_answer",
            NetError::Client(_) => "http_client",
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// itself from [`NetError::code`] (the window, in the listener's language).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            NetError::BadUrl { url }
            | NetError::TooManyRedirects { url }
            | NetError::Unreadable { url } => vec![("url", url.clone())],
            NetError::NoNetwork { host } | NetError::UnknownHost { host } => {
                vec![("host", host.clone())]
            }
            NetError::Unreachable { host, reason } | NetError::BrokenOff { host, reason } => {
                vec![("host", host.clone()), ("reason", reason.clone())]
            }
            NetError::TimedOut { host, seconds } => {
                vec![("host", host.clone()), ("seconds", seconds.to_string())]
            }
            NetError::Status { url, status } | NetError::Busy { url, status, .. } => {
                vec![("url", url.clone()), ("status", status.to_string())]
            }
            NetError::TooLarge { url, limit } => {
                vec![
                    ("url", url.clone()),
                    ("megabytes", (limit / 1_000_000).to_string()),
                ]
            }
            NetError::Client(_) => Vec::new(),
        }
    }

    /// Whether trying again later might work (network trouble, not a bad address or a
    /// missing file).
    pub fn is_transient(&self) -> bool {
        match self {
            NetError::NoNetwork { .. }
            | NetError::Unreachable { .. }
            | NetError::TimedOut { .. }
            | NetError::BrokenOff { .. }
            | NetError::Busy { .. } => true,
            NetError::Status { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

/// "404 Not found: there is nothing at URL." and friends.
fn status_sentence(status: u16, url: &str) -> String {
    match status {
        404 | 410 => format!("{status} Not found: there is nothing at {url}."),
        401 | 403 => format!("{status} Not allowed: the server refuses to give out {url}."),
        429 | 500..=599 => busy_sentence(status, url, None),
        _ => {
            let reason = StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Unexpected answer");
            format!("{status} {reason}: {url}")
        }
    }
}

/// A server asking to slow down or in trouble, and how long it asked to wait when it
/// said (else "try again later").
fn busy_sentence(status: u16, url: &str, wait: Option<Duration>) -> String {
    let what = match status {
        429 => format!("{status} Too many requests: the server at {url} asks to slow down"),
        _ => format!("{status} Server error: the server at {url} is having trouble"),
    };
    match wait {
        Some(wait) => format!("{what}. It asked to wait {}.", wait_words(wait)),
        None => format!("{what}; try again later."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_params_carry_what_the_sentence_names() {
        let status = NetError::Status {
            url: "https://x/feed".into(),
            status: 404,
        };
        assert_eq!(status.code(), "not_found");
        assert_eq!(
            status.params(),
            vec![
                ("url", "https://x/feed".to_owned()),
                ("status", "404".to_owned())
            ]
        );
        let slow = NetError::TimedOut {
            host: "x".into(),
            seconds: 30,
        };
        assert_eq!(
            slow.params(),
            vec![("host", "x".to_owned()), ("seconds", "30".to_owned())]
        );
    }

    #[test]
    fn a_busy_server_says_how_long_to_wait_when_it_said() {
        let busy = |retry_after| NetError::Busy {
            url: "https://x/feed".into(),
            status: 429,
            retry_after,
        };
        assert_eq!(
            busy(Some(Duration::from_secs(600))).to_string(),
            "429 Too many requests: the server at https://x/feed asks to slow down. \
             It asked to wait 10 min."
        );
        assert_eq!(
            busy(None).to_string(),
            "429 Too many requests: the server at https://x/feed asks to slow down; try again later."
        );
    }

    #[test]
    fn status_errors_read_as_sentences() {
        let e = NetError::Status {
            url: "https://x/feed".into(),
            status: 404,
        };
        assert_eq!(
            e.to_string(),
            "404 Not found: there is nothing at https://x/feed."
        );
        assert_eq!(e.code(), "not_found");
        let e = NetError::Status {
            url: "https://x/feed".into(),
            status: 418,
        };
        assert!(e.to_string().starts_with("418 I'm a teapot"), "{e}");
    }
}
