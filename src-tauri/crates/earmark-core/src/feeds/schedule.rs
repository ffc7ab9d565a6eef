//! When a feed is checked: a background check skips a feed that says it changes less
//! often than it was checked ([`FeedSchedule::update_secs`], at most a week apart), and
//! every check skips a feed whose server asked to slow down until the time it named
//! (`Retry-After`), or, when it named none, for a back-off that doubles with each such
//! answer in a row: 1 min, 2 min, 4 min … up to a day.

use std::time::Duration;

use crate::http::MAX_RETRY_AFTER;
use crate::store::FeedSchedule;

/// The longest a background check leaves a feed alone, whatever the feed says.
pub const MAX_UPDATE_INTERVAL: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// The first back-off after a 429 or 503 without `Retry-After`.
pub const FIRST_BACK_OFF: Duration = Duration::from_secs(60);

/// Whether a feed is checked now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Check it.
    Now,
    /// A background check leaves it: it said it changes less often (checked again at
    /// this Unix time).
    Later(i64),
    /// Its server asked not to be asked for this long yet.
    Waiting(Duration),
}

/// Whether the feed with `schedule` is checked at `now` (Unix seconds); `background`
/// for the periodic check, which honours the feed's update frequency.
pub fn due(schedule: &FeedSchedule, now: i64, background: bool) -> Due {
    if let Some(until) = schedule.not_before.filter(|&t| t > now) {
        return Due::Waiting(Duration::from_secs(until.abs_diff(now)));
    }
    let every = schedule
        .update_secs
        .map(|s| s.min(MAX_UPDATE_INTERVAL.as_secs()));
    match (background, schedule.checked_at, every) {
        (true, Some(at), Some(every)) => {
            let next = at.saturating_add_unsigned(every);
            if next > now {
                Due::Later(next)
            } else {
                Due::Now
            }
        }
        _ => Due::Now,
    }
}

/// The schedule after a check reached the feed at `now`.
pub fn reached(now: i64, update_secs: Option<u64>) -> FeedSchedule {
    FeedSchedule {
        checked_at: Some(now),
        update_secs,
        not_before: None,
        busy_strikes: 0,
    }
}

/// The schedule after the server answered 429 or 503 at `now`, asking to wait
/// `retry_after` (or not saying).
pub fn busy(schedule: &FeedSchedule, now: i64, retry_after: Option<Duration>) -> FeedSchedule {
    let strikes = schedule.busy_strikes.saturating_add(1);
    let back_off = FIRST_BACK_OFF.saturating_mul(1 << (strikes - 1).min(20));
    let wait = retry_after.unwrap_or(back_off).min(MAX_RETRY_AFTER);
    FeedSchedule {
        not_before: Some(now.saturating_add_unsigned(wait.as_secs().max(1))),
        busy_strikes: strikes,
        ..*schedule
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn a_background_check_honours_the_feeds_update_frequency_and_a_check_asked_for_does_not() {
        let weekly = reached(NOW - 3_600, Some(7 * 24 * 3_600));
        assert_eq!(
            due(&weekly, NOW, true),
            Due::Later(NOW - 3_600 + 7 * 24 * 3_600)
        );
        assert_eq!(due(&weekly, NOW, false), Due::Now);
        let hourly = reached(NOW - 3_600, Some(3_600));
        assert_eq!(due(&hourly, NOW, true), Due::Now);
        let silent = reached(NOW - 60, None);
        assert_eq!(due(&silent, NOW, true), Due::Now);
        let yearly = reached(NOW - 8 * 24 * 3_600, Some(365 * 24 * 3_600));
        assert_eq!(due(&yearly, NOW, true), Due::Now, "a week at most");
        assert_eq!(due(&FeedSchedule::default(), NOW, true), Due::Now);
    }

    #[test]
    fn a_busy_server_is_left_alone_for_as_long_as_it_asks_or_a_doubling_back_off() {
        let told = busy(
            &FeedSchedule::default(),
            NOW,
            Some(Duration::from_secs(300)),
        );
        assert_eq!(
            due(&told, NOW + 299, false),
            Due::Waiting(Duration::from_secs(1))
        );
        assert_eq!(due(&told, NOW + 300, false), Due::Now);
        let first = busy(&FeedSchedule::default(), NOW, None);
        let second = busy(&first, NOW, None);
        let third = busy(&second, NOW, None);
        assert_eq!(first.not_before, Some(NOW + 60));
        assert_eq!(second.not_before, Some(NOW + 120));
        assert_eq!(third.not_before, Some(NOW + 240));
        let mut many = third;
        for _ in 0..40 {
            many = busy(&many, NOW, None);
        }
        assert_eq!(
            many.not_before,
            Some(NOW + MAX_RETRY_AFTER.as_secs() as i64)
        );
        assert_eq!(
            reached(NOW, None).busy_strikes,
            0,
            "an answer clears the strikes"
        );
    }
}
