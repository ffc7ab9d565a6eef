//! Pinned transcript lines: "this line starts now" on an untimed transcript.
//!
//! A pin fixes segment `index` of the episode's stored transcript to a moment of the
//! audio; [`crate::transcript::estimate_times`] spreads the other lines between the
//! pins. Pins are kept in the order they were made (oldest first), which decides
//! contradictions. Replacing or deleting the transcript removes its pins (a trigger
//! in `migrations/0003_transcript_pins.sql`).

use rusqlite::params;

use super::db::ensure_transcript;
use super::{EpisodeId, Store, StoreResult};
use crate::transcript::Pin;

impl Store {
    /// Pins segment `pin.index` of the episode's transcript to `pin.start_ms`,
    /// replacing any pin of that segment (it becomes the newest).
    pub fn set_pin(&self, episode: EpisodeId, pin: Pin) -> StoreResult<()> {
        let index = i64::try_from(pin.index).unwrap_or(i64::MAX);
        let start = i64::try_from(pin.start_ms).unwrap_or(i64::MAX);
        self.write(|tx| {
            ensure_transcript(tx, episode)?;
            tx.execute(
                "INSERT OR REPLACE INTO transcript_pins (episode_id, segment_index, start_ms, seq) \
                 VALUES (?1, ?2, ?3, \
                   (SELECT coalesce(max(seq), 0) + 1 FROM transcript_pins WHERE episode_id = ?1))",
                params![episode, index, start],
            )?;
            Ok(())
        })
    }

    /// Removes the pin of segment `index`; `false` when it had none.
    pub fn remove_pin(&self, episode: EpisodeId, index: usize) -> StoreResult<bool> {
        let index = i64::try_from(index).unwrap_or(i64::MAX);
        let removed = self.conn().execute(
            "DELETE FROM transcript_pins WHERE episode_id = ?1 AND segment_index = ?2",
            params![episode, index],
        )?;
        Ok(removed > 0)
    }

    /// Removes every pin of the episode's transcript but those of `keep` (by
    /// segment index); returns how many were removed.
    pub fn retain_pins(&self, episode: EpisodeId, keep: &[Pin]) -> StoreResult<usize> {
        let pins = self.pins(episode)?;
        let mut removed = 0;
        self.write(|tx| {
            for pin in pins
                .iter()
                .filter(|p| !keep.iter().any(|k| k.index == p.index))
            {
                removed += tx.execute(
                    "DELETE FROM transcript_pins WHERE episode_id = ?1 AND segment_index = ?2",
                    params![episode, i64::try_from(pin.index).unwrap_or(i64::MAX)],
                )?;
            }
            Ok(())
        })?;
        Ok(removed)
    }

    /// The episode's pins, oldest first.
    pub fn pins(&self, episode: EpisodeId) -> StoreResult<Vec<Pin>> {
        let mut statement = self.conn().prepare_cached(
            "SELECT segment_index, start_ms FROM transcript_pins \
             WHERE episode_id = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([episode], |row| {
            let index: i64 = row.get(0)?;
            let start: i64 = row.get(1)?;
            Ok(Pin {
                index: usize::try_from(index).unwrap_or(usize::MAX),
                start_ms: u64::try_from(start).unwrap_or(0),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
