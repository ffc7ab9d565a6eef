//! Podcasts: the shows episodes belong to (local files belong to none).

use rusqlite::{params, ErrorCode, OptionalExtension, Row};
use serde::Serialize;

use super::{PodcastId, Store, StoreError, StoreResult};

/// A podcast to add to the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewPodcast {
    /// The show's title.
    pub title: String,
    /// The RSS feed's address; `None` for a show that has no feed. Unique.
    pub feed_url: Option<String>,
    /// The show's description (sanitized text).
    pub description: Option<String>,
    /// The cover image's address.
    pub image_url: Option<String>,
}

/// A podcast in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Podcast {
    /// Row id.
    pub id: PodcastId,
    /// The show's title.
    pub title: String,
    /// The RSS feed's address.
    pub feed_url: Option<String>,
    /// The show's description.
    pub description: Option<String>,
    /// The cover image's address.
    pub image_url: Option<String>,
    /// When it was added (RFC 3339 UTC).
    pub created: String,
}

const PODCAST_COLUMNS: &str = "id, title, feed_url, description, image_url, created_at";

fn podcast_from_row(row: &Row<'_>) -> rusqlite::Result<Podcast> {
    Ok(Podcast {
        id: row.get(0)?,
        title: row.get(1)?,
        feed_url: row.get(2)?,
        description: row.get(3)?,
        image_url: row.get(4)?,
        created: row.get(5)?,
    })
}

impl Store {
    /// Adds a podcast and returns its id; fails with [`StoreError::DuplicateFeed`] when a
    /// podcast with the same feed address exists (find it with
    /// [`Store::podcast_by_feed_url`]).
    pub fn add_podcast(&self, podcast: &NewPodcast) -> StoreResult<PodcastId> {
        let inserted = self.conn().execute(
            "INSERT INTO podcasts (title, feed_url, description, image_url) VALUES (?1, ?2, ?3, ?4)",
            params![
                podcast.title,
                podcast.feed_url,
                podcast.description,
                podcast.image_url
            ],
        );
        match inserted {
            Ok(_) => Ok(self.conn().last_insert_rowid()),
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => Err(
                StoreError::DuplicateFeed(podcast.feed_url.clone().unwrap_or_default()),
            ),
            Err(e) => Err(e.into()),
        }
    }

    /// The podcast with this id.
    pub fn podcast(&self, id: PodcastId) -> StoreResult<Podcast> {
        self.conn()
            .query_row(
                &format!("SELECT {PODCAST_COLUMNS} FROM podcasts WHERE id = ?1"),
                [id],
                podcast_from_row,
            )
            .optional()?
            .ok_or(StoreError::PodcastNotFound(id))
    }

    /// The podcast with this feed address, if the library has it.
    pub fn podcast_by_feed_url(&self, feed_url: &str) -> StoreResult<Option<Podcast>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {PODCAST_COLUMNS} FROM podcasts WHERE feed_url = ?1"),
                [feed_url],
                podcast_from_row,
            )
            .optional()?)
    }

    /// All podcasts, by title.
    pub fn podcasts(&self) -> StoreResult<Vec<Podcast>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {PODCAST_COLUMNS} FROM podcasts ORDER BY title COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], podcast_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The show without a feed named `title` (local files filed by their tags),
    /// added when the library has none yet.
    pub fn local_show(&self, title: &str) -> StoreResult<PodcastId> {
        let found = self
            .conn()
            .query_row(
                "SELECT id FROM podcasts WHERE feed_url IS NULL AND title = ?1 ORDER BY id",
                [title],
                |row| row.get(0),
            )
            .optional()?;
        match found {
            Some(id) => Ok(id),
            None => self.add_podcast(&NewPodcast {
                title: title.to_owned(),
                ..NewPodcast::default()
            }),
        }
    }

    /// Updates a podcast's title, description and image (after a feed refresh), and
    /// its feed address when one is given (a feed that has moved).
    pub fn update_podcast(&self, id: PodcastId, podcast: &NewPodcast) -> StoreResult<()> {
        let changed = self.conn().execute(
            "UPDATE podcasts SET title = ?2, description = ?3, image_url = ?4, \
             feed_url = COALESCE(?5, feed_url) WHERE id = ?1",
            params![
                id,
                podcast.title,
                podcast.description,
                podcast.image_url,
                podcast.feed_url
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::PodcastNotFound(id));
        }
        Ok(())
    }

    /// Keeps the language the show's feed names (`None` when it names none).
    pub fn set_podcast_language(&self, id: PodcastId, language: Option<&str>) -> StoreResult<()> {
        self.conn().execute(
            "UPDATE podcasts SET language = ?2 WHERE id = ?1",
            params![id, language],
        )?;
        Ok(())
    }

    /// The language the show's feed names, if any.
    pub fn podcast_language(&self, id: PodcastId) -> StoreResult<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT language FROM podcasts WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?
            .flatten())
    }

    /// Removes a podcast. Its episodes stay in the library, without a podcast, with
    /// their notes and highlights.
    pub fn delete_podcast(&self, id: PodcastId) -> StoreResult<()> {
        let changed = self
            .conn()
            .execute("DELETE FROM podcasts WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::PodcastNotFound(id));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(title: &str, feed: Option<&str>) -> NewPodcast {
        NewPodcast {
            title: title.to_owned(),
            feed_url: feed.map(str::to_owned),
            ..NewPodcast::default()
        }
    }

    #[test]
    fn podcasts_round_trip_and_sort_by_title() {
        let store = Store::open_in_memory().unwrap();
        let b = store
            .add_podcast(&show("beta", Some("https://b/feed")))
            .unwrap();
        let a = store.add_podcast(&show("Alpha", None)).unwrap();
        let all = store.podcasts().unwrap();
        let ids: Vec<_> = all.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![a, b], "sorted by title, case-insensitively");
        assert_eq!(
            store.podcast(b).unwrap().feed_url.as_deref(),
            Some("https://b/feed")
        );
        let found = store.podcast_by_feed_url("https://b/feed").unwrap();
        assert_eq!(found.map(|p| p.id), Some(b));
        assert!(store.podcast(b).unwrap().created.ends_with('Z'));
    }

    #[test]
    fn duplicate_feed_is_refused_with_a_clear_error() {
        let store = Store::open_in_memory().unwrap();
        store
            .add_podcast(&show("A", Some("https://x/feed")))
            .unwrap();
        let err = store
            .add_podcast(&show("B", Some("https://x/feed")))
            .unwrap_err();
        assert!(matches!(err, StoreError::DuplicateFeed(_)), "{err}");
        assert!(err.to_string().contains("already in the library"));
    }

    #[test]
    fn update_and_delete_missing_podcast_fail() {
        let store = Store::open_in_memory().unwrap();
        let id = store.add_podcast(&show("A", None)).unwrap();
        store.update_podcast(id, &show("A2", None)).unwrap();
        assert_eq!(store.podcast(id).unwrap().title, "A2");
        store.delete_podcast(id).unwrap();
        assert!(matches!(
            store.podcast(id),
            Err(StoreError::PodcastNotFound(_))
        ));
        assert!(matches!(
            store.delete_podcast(id),
            Err(StoreError::PodcastNotFound(_))
        ));
    }
}
