//! Each feed's schedule: when it was last checked, how often it says it changes, and
//! when its server asked not to be asked again before (the rules are in
//! [`crate::feeds::schedule`]).

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::{PodcastId, Store, StoreResult};

/// When a feed was checked and may be checked again. Times are Unix seconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FeedSchedule {
    /// The last check that reached the feed (read it, or heard it had not changed).
    pub checked_at: Option<i64>,
    /// How often the feed says it changes, in seconds.
    pub update_secs: Option<u64>,
    /// Not to be asked before this time (its server asked to slow down).
    pub not_before: Option<i64>,
    /// Answers in a row that asked to slow down (429, 503).
    pub busy_strikes: u32,
}

impl Store {
    /// `podcast`'s feed schedule (the default when it was never checked).
    pub fn feed_schedule(&self, podcast: PodcastId) -> StoreResult<FeedSchedule> {
        Ok(self
            .conn()
            .query_row(
                "SELECT checked_at, update_secs, not_before, busy_strikes \
                 FROM feed_schedule WHERE podcast_id = ?1",
                [podcast],
                schedule_of,
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Keeps `podcast`'s feed schedule.
    pub fn set_feed_schedule(
        &self,
        podcast: PodcastId,
        schedule: &FeedSchedule,
    ) -> StoreResult<()> {
        self.conn().execute(
            "INSERT INTO feed_schedule (podcast_id, checked_at, update_secs, not_before, \
                 busy_strikes) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (podcast_id) DO UPDATE SET checked_at = excluded.checked_at, \
                 update_secs = excluded.update_secs, not_before = excluded.not_before, \
                 busy_strikes = excluded.busy_strikes",
            params![
                podcast,
                schedule.checked_at,
                schedule.update_secs.and_then(|s| i64::try_from(s).ok()),
                schedule.not_before,
                schedule.busy_strikes,
            ],
        )?;
        Ok(())
    }
}

fn schedule_of(row: &Row<'_>) -> rusqlite::Result<FeedSchedule> {
    Ok(FeedSchedule {
        checked_at: row.get(0)?,
        update_secs: row
            .get::<_, Option<i64>>(1)?
            .and_then(|s| u64::try_from(s).ok()),
        not_before: row.get(2)?,
        busy_strikes: row.get(3)?,
    })
}
