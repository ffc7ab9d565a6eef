//! A server's `Retry-After` (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
//! A 429 or 503 that carries it tells Earmark when it may ask again.

use std::time::Duration;

use reqwest::blocking::Response;
use reqwest::header::RETRY_AFTER;

/// The longest wait taken from a server: a day (a larger one is read as a day).
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// How long the response asks to wait, if it says (a date in the past: no wait).
pub(super) fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    parse(value, std::time::SystemTime::now().into())
}

fn parse(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    let wait = match value.parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => {
            let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
            (at.with_timezone(&chrono::Utc) - now)
                .to_std()
                .unwrap_or(Duration::ZERO)
        }
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

/// A wait in words: "40 s", "5 min", "2 h 30 min".
pub fn wait_words(wait: Duration) -> String {
    let seconds = wait.as_secs();
    match seconds {
        0..=89 => format!("{seconds} s"),
        90..=5_399 => format!("{} min", (seconds + 30) / 60),
        _ => {
            let minutes = (seconds + 30) / 60;
            match minutes % 60 {
                0 => format!("{} h", minutes / 60),
                m => format!("{} h {m} min", minutes / 60),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_and_dates_are_read_and_capped() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(parse(" 120 ", now), Some(Duration::from_secs(120)));
        assert_eq!(
            parse("Sun, 06 Dec 2026 10:05:00 GMT", now),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            parse("Sun, 06 Dec 2026 09:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse("99999999", now), Some(MAX_RETRY_AFTER));
        assert_eq!(parse("soon", now), None);
        assert_eq!(parse("-5", now), None);
    }

    #[test]
    fn waits_read_as_words() {
        let words = |s| wait_words(Duration::from_secs(s));
        assert_eq!(words(40), "40 s");
        assert_eq!(words(300), "5 min");
        assert_eq!(words(7_200), "2 h");
        assert_eq!(words(9_000), "2 h 30 min");
    }
}
