//! The addresses of the pictures a show and its episodes are shown with (the feed's
//! `itunes:image`s), for the artwork cache (`crate::artwork`).

use std::path::PathBuf;

use rusqlite::{params, OptionalExtension};

use super::{EpisodeId, PodcastId, Store, StoreError, StoreResult};

/// Where an episode's picture may come from, best first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EpisodeArtwork {
    /// The episode's own picture's address.
    pub episode: Option<String>,
    /// Its show's picture's address.
    pub show: Option<String>,
    /// Its local audio file (which may have a cover in its tags).
    pub audio_path: Option<PathBuf>,
}

impl Store {
    /// Where `episode`'s picture may come from.
    pub fn episode_artwork(&self, episode: EpisodeId) -> StoreResult<EpisodeArtwork> {
        self.conn()
            .query_row(
                "SELECT e.image_url, p.image_url, e.audio_path \
                 FROM episodes e LEFT JOIN podcasts p ON p.id = e.podcast_id WHERE e.id = ?1",
                [episode],
                |row| {
                    Ok(EpisodeArtwork {
                        episode: row.get(0)?,
                        show: row.get(1)?,
                        audio_path: row.get::<_, Option<String>>(2)?.map(PathBuf::from),
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::EpisodeNotFound(episode))
    }

    /// The picture addresses to keep for one show (or every show): the shows' own,
    /// then those of each show's `newest` latest episodes; each address once, in
    /// that order.
    pub fn artwork_urls(
        &self,
        podcast: Option<PodcastId>,
        newest: usize,
    ) -> StoreResult<Vec<String>> {
        let shows = self.conn().prepare_cached(
            "SELECT image_url FROM podcasts WHERE image_url IS NOT NULL AND (?1 IS NULL OR id = ?1) \
             ORDER BY title COLLATE NOCASE, id",
        )?
        .query_map([podcast], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
        let episodes = self.conn().prepare_cached(
            "SELECT image_url FROM (SELECT image_url, ROW_NUMBER() OVER (PARTITION BY podcast_id \
             ORDER BY published IS NULL, published DESC, id DESC) AS n FROM episodes \
             WHERE podcast_id IS NOT NULL AND (?1 IS NULL OR podcast_id = ?1)) \
             WHERE n <= ?2 AND image_url IS NOT NULL",
        )?
        .query_map(params![podcast, newest as i64], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
        let mut seen = std::collections::HashSet::new();
        Ok(shows
            .into_iter()
            .chain(episodes)
            .filter(|url| seen.insert(url.clone()))
            .collect())
    }
}
