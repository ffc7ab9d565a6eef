//! A feed's validators (its server's `ETag` and `Last-Modified` for the version read
//! last), kept per podcast and feed address, so the next check asks whether it changed.

use rusqlite::{params, OptionalExtension};

use super::{PodcastId, Store, StoreResult};
use crate::http::Validators;

impl Store {
    /// The validators of `podcast`'s feed as last read from `feed_url` (none when
    /// the feed was never read from that address).
    pub fn feed_validators(&self, podcast: PodcastId, feed_url: &str) -> StoreResult<Validators> {
        Ok(self
            .conn()
            .query_row(
                "SELECT etag, last_modified FROM feed_validators \
                 WHERE podcast_id = ?1 AND feed_url = ?2",
                params![podcast, feed_url],
                |row| {
                    Ok(Validators {
                        etag: row.get(0)?,
                        last_modified: row.get(1)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Keeps the validators of the version of `podcast`'s feed just read from
    /// `feed_url` (none: forgets them).
    pub fn set_feed_validators(
        &self,
        podcast: PodcastId,
        feed_url: &str,
        validators: &Validators,
    ) -> StoreResult<()> {
        if validators.is_empty() {
            self.conn().execute(
                "DELETE FROM feed_validators WHERE podcast_id = ?1",
                [podcast],
            )?;
            return Ok(());
        }
        self.conn().execute(
            "INSERT INTO feed_validators (podcast_id, feed_url, etag, last_modified) \
             VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (podcast_id) DO UPDATE SET feed_url = excluded.feed_url, \
                 etag = excluded.etag, last_modified = excluded.last_modified",
            params![podcast, feed_url, validators.etag, validators.last_modified],
        )?;
        Ok(())
    }
}
