//! The sidebar's library: each show with its newest episodes, how many it has and
//! how many are new, and the episode to open at start — read through indexes, never
//! the whole library (a thousand shows of 200,000 episodes carry their show notes in
//! the same rows).

use std::collections::HashMap;
use std::path::Path;

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::episodes::{summary_from_row, EpisodeSummary, SUMMARY_COLUMNS};
use super::{EpisodeId, PodcastId, Store, StoreResult};

/// One show in the sidebar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SidebarShow {
    /// The podcast, `null` for local files that belong to no show.
    pub podcast_id: Option<PodcastId>,
    /// Its title ("Local files" for those).
    pub title: String,
    /// Episodes it has.
    pub total: usize,
    /// Episodes never opened, played or started.
    pub new_count: usize,
    /// Its newest episodes, and the current one when it is not among them.
    pub episodes: Vec<EpisodeSummary>,
}

/// How many of a show's newest episodes the sidebar lists; its page has them all.
pub const SIDEBAR_EPISODES: usize = 5;

/// The group of episodes that belong to no show.
pub const LOCAL_FILES: &str = "Local files";

impl Store {
    /// Every show that has episodes, in the library's order (by title, local files
    /// last), each with its `per_show` newest episodes — and `current` in its show
    /// when it is not among them.
    pub fn sidebar(
        &self,
        per_show: usize,
        current: Option<EpisodeId>,
    ) -> StoreResult<Vec<SidebarShow>> {
        let totals =
            self.counts_by_show("SELECT podcast_id, count(*) FROM episodes GROUP BY podcast_id")?;
        let new = self.counts_by_show(
            "SELECT podcast_id, count(*) FROM episodes \
             WHERE played = 0 AND position_ms = 0 AND last_opened_at IS NULL GROUP BY podcast_id",
        )?;
        let current = match current {
            Some(id) => self.episode_summary(id)?,
            None => None,
        };
        let mut shows: Vec<(Option<PodcastId>, String)> = self
            .podcasts()?
            .into_iter()
            .map(|p| (Some(p.id), p.title))
            .collect();
        shows.push((None, LOCAL_FILES.to_owned()));
        let mut newest = self.conn().prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM episodes e LEFT JOIN podcasts p ON p.id = e.podcast_id \
             WHERE e.podcast_id IS ?1 ORDER BY e.published DESC, e.id LIMIT ?2"
        ))?;
        let mut out = Vec::new();
        for (podcast_id, title) in shows {
            let Some(&total) = totals.get(&podcast_id) else {
                continue;
            };
            let mut episodes = newest
                .query_map(rusqlite::params![podcast_id, per_show], summary_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(current) = current.as_ref().filter(|c| c.podcast_id == podcast_id) {
                if !episodes.iter().any(|e| e.id == current.id) {
                    episodes.push(current.clone());
                }
            }
            out.push(SidebarShow {
                podcast_id,
                title,
                total,
                new_count: new.get(&podcast_id).copied().unwrap_or(0),
                episodes,
            });
        }
        Ok(out)
    }

    /// One episode as the library lists it, `None` when there is no such episode.
    pub fn episode_summary(&self, id: EpisodeId) -> StoreResult<Option<EpisodeSummary>> {
        Ok(self
            .conn()
            .query_row(
                &format!(
                    "SELECT {SUMMARY_COLUMNS} FROM episodes e \
                     LEFT JOIN podcasts p ON p.id = e.podcast_id WHERE e.id = ?1"
                ),
                [id],
                summary_from_row,
            )
            .optional()?)
    }

    /// The episode to open at start: the one opened last, else the first in the
    /// library's order whose audio is on this computer, else the first.
    pub fn episode_to_resume(&self) -> StoreResult<Option<EpisodeSummary>> {
        let last: Option<EpisodeId> = self
            .conn()
            .query_row(
                "SELECT id FROM episodes WHERE last_opened_at IS NOT NULL \
                 ORDER BY last_opened_at DESC LIMIT 1",
                [],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(id) = last {
            return self.episode_summary(id);
        }
        let mut downloaded = self.conn().prepare(&format!(
            "SELECT {SUMMARY_COLUMNS}, e.audio_path FROM episodes e \
             LEFT JOIN podcasts p ON p.id = e.podcast_id WHERE e.audio_path IS NOT NULL \
             ORDER BY p.id IS NULL, p.title COLLATE NOCASE, p.id, e.published IS NULL, \
                 e.published DESC, e.id"
        ))?;
        let mut rows = downloaded.query([])?;
        while let Some(row) = rows.next()? {
            let path: String = row.get(super::episodes::SUMMARY_COLUMN_COUNT)?;
            if Path::new(&path).is_file() {
                return Ok(Some(summary_from_row(row)?));
            }
        }
        let first = self.sidebar(1, None)?.into_iter().next();
        Ok(first.and_then(|show| show.episodes.into_iter().next()))
    }

    fn counts_by_show(&self, sql: &str) -> StoreResult<HashMap<Option<PodcastId>, usize>> {
        let mut stmt = self.conn().prepare(sql)?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
