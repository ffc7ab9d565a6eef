//! Storing what a feed says: a podcast's episodes upserted by guid in one
//! transaction, with each episode's links (audio, transcripts, chapters) and people.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::{EpisodeId, NewEpisode, PodcastId, Store, StoreResult};

/// What a feed link points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// The audio file.
    Enclosure,
    /// A transcript.
    Transcript,
    /// A Podcasting 2.0 JSON chapters document.
    Chapters,
    /// The episode's web page (the item's `<link>`), where a transcript may be.
    Page,
}

impl LinkKind {
    fn as_str(self) -> &'static str {
        match self {
            LinkKind::Enclosure => "enclosure",
            LinkKind::Transcript => "transcript",
            LinkKind::Chapters => "chapters",
            LinkKind::Page => "page",
        }
    }

    fn from_name(name: &str) -> Option<LinkKind> {
        Some(match name {
            "enclosure" => LinkKind::Enclosure,
            "transcript" => LinkKind::Transcript,
            "chapters" => LinkKind::Chapters,
            "page" => LinkKind::Page,
            _ => return None,
        })
    }
}

/// A link a feed gives for an episode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EpisodeLink {
    /// What it points to.
    pub kind: LinkKind,
    /// Where.
    pub url: String,
    /// The MIME type the feed claims.
    pub mime: Option<String>,
    /// The size in bytes the feed claims (enclosures).
    pub length: Option<u64>,
    /// The language (transcripts).
    pub language: Option<String>,
    /// `captions` and the like (transcripts).
    pub rel: Option<String>,
}

/// A person a feed names for an episode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EpisodePerson {
    /// Their name.
    pub name: String,
    /// Their role (`host`, `guest`).
    pub role: Option<String>,
    /// Their web page.
    pub href: Option<String>,
}

/// One feed item to store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    /// The episode; its `podcast_id` is ignored (the podcast synced decides) and its
    /// `guid` must be set.
    pub episode: NewEpisode,
    /// Its links, in feed order.
    pub links: Vec<EpisodeLink>,
    /// Its people, in feed order.
    pub people: Vec<EpisodePerson>,
    /// Its own picture's address (the item's `itunes:image`).
    pub image_url: Option<String>,
}

/// What happened to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SyncedEpisode {
    /// The episode's id.
    pub id: EpisodeId,
    /// It was not in the library before.
    pub new: bool,
}

/// The stored fields a feed may change, to skip writes (and search re-indexing) when
/// nothing changed.
type StoredDetails = (
    EpisodeId,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<u64>,
    Option<String>,
);

impl Store {
    /// Upserts a podcast's feed items by guid, in one transaction: new guids become
    /// new episodes, known ones get the feed's title, description, date, audio
    /// address and picture (the user's position, played state, notes, local file and any exact
    /// duration are kept; a feed duration only fills a missing one). Links and people
    /// are replaced when they changed. Returns one entry per item, in order.
    pub fn sync_feed_episodes(
        &self,
        podcast: PodcastId,
        items: &[FeedItem],
    ) -> StoreResult<Vec<SyncedEpisode>> {
        self.podcast(podcast)?;
        self.write(|tx| {
            let mut links = load_links(tx, podcast)?;
            let mut people = load_people(tx, podcast)?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let synced = upsert_episode(tx, podcast, item)?;
                // A new episode has no rows to replace: skip the deletes.
                let old_links = links.remove(&synced.id).unwrap_or_default();
                if old_links != item.links {
                    replace_links(tx, synced.id, &item.links, !synced.new)?;
                }
                let old_people = people.remove(&synced.id).unwrap_or_default();
                if old_people != item.people {
                    replace_people(tx, synced.id, &item.people, !synced.new)?;
                }
                out.push(synced);
            }
            Ok(out)
        })
    }

    /// The links a feed gave for an episode, in feed order.
    pub fn episode_links(&self, episode: EpisodeId) -> StoreResult<Vec<EpisodeLink>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT kind, url, mime, length, language, rel FROM episode_links \
             WHERE episode_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([episode], |row| {
            Ok((row.get::<_, String>(0)?, link_from_row(row, 1)?))
        })?;
        let mut links = Vec::new();
        for row in rows {
            let (kind, mut link) = row?;
            if let Some(kind) = LinkKind::from_name(&kind) {
                link.kind = kind;
                links.push(link);
            }
        }
        Ok(links)
    }

    /// The people a feed named for an episode, in feed order.
    pub fn episode_people(&self, episode: EpisodeId) -> StoreResult<Vec<EpisodePerson>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT name, role, href FROM episode_people WHERE episode_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([episode], |row| {
            Ok(EpisodePerson {
                name: row.get(0)?,
                role: row.get(1)?,
                href: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn upsert_episode(
    tx: &Transaction<'_>,
    podcast: PodcastId,
    item: &FeedItem,
) -> StoreResult<SyncedEpisode> {
    let episode = &item.episode;
    let existing: Option<StoredDetails> = tx
        .prepare_cached(
            "SELECT id, title, description, published, audio_url, duration_ms, image_url \
             FROM episodes WHERE podcast_id = ?1 AND guid = ?2",
        )?
        .query_row(params![podcast, episode.guid], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
            ))
        })
        .optional()?;
    let Some((id, title, description, published, audio_url, duration_ms, image_url)) = existing
    else {
        tx.prepare_cached(
            "INSERT INTO episodes (podcast_id, guid, title, description, published, audio_url, \
             duration_ms, image_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            podcast,
            episode.guid,
            episode.title,
            episode.description,
            episode.published,
            episode.audio_url,
            storable(episode.duration_ms),
            item.image_url,
        ])?;
        return Ok(SyncedEpisode {
            id: tx.last_insert_rowid(),
            new: true,
        });
    };
    let details_changed = title != episode.title
        || description != episode.description
        || published != episode.published
        || audio_url != episode.audio_url
        || image_url != item.image_url;
    if details_changed {
        tx.prepare_cached(
            "UPDATE episodes SET title = ?2, description = ?3, published = ?4, audio_url = ?5, \
             image_url = ?6 WHERE id = ?1",
        )?
        .execute(params![
            id,
            episode.title,
            episode.description,
            episode.published,
            episode.audio_url,
            item.image_url
        ])?;
    }
    if duration_ms.is_none() && episode.duration_ms.is_some() {
        tx.prepare_cached("UPDATE episodes SET duration_ms = ?2 WHERE id = ?1")?
            .execute(params![id, storable(episode.duration_ms)])?;
    }
    Ok(SyncedEpisode { id, new: false })
}

/// A number SQLite can hold, or nothing: a value past `i64::MAX` drops this field,
/// never the episode or the feed.
fn storable(n: Option<u64>) -> Option<i64> {
    n.and_then(|n| i64::try_from(n).ok())
}

fn link_from_row(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<EpisodeLink> {
    Ok(EpisodeLink {
        kind: LinkKind::Enclosure,
        url: row.get(first)?,
        mime: row.get(first + 1)?,
        length: row.get(first + 2)?,
        language: row.get(first + 3)?,
        rel: row.get(first + 4)?,
    })
}

/// Every stored link of a podcast's episodes, grouped by episode in the order
/// [`replace_links`] writes them.
fn load_links(
    tx: &Transaction<'_>,
    podcast: PodcastId,
) -> StoreResult<HashMap<EpisodeId, Vec<EpisodeLink>>> {
    let mut stmt = tx.prepare_cached(
        "SELECT l.episode_id, l.kind, l.url, l.mime, l.length, l.language, l.rel \
         FROM episode_links l JOIN episodes e ON e.id = l.episode_id \
         WHERE e.podcast_id = ?1 ORDER BY l.episode_id, l.position",
    )?;
    let rows = stmt.query_map([podcast], |row| {
        Ok((
            row.get::<_, EpisodeId>(0)?,
            row.get::<_, String>(1)?,
            link_from_row(row, 2)?,
        ))
    })?;
    let mut map: HashMap<EpisodeId, Vec<EpisodeLink>> = HashMap::new();
    for row in rows {
        let (episode, kind, mut link) = row?;
        if let Some(kind) = LinkKind::from_name(&kind) {
            link.kind = kind;
            map.entry(episode).or_default().push(link);
        }
    }
    Ok(map)
}

fn load_people(
    tx: &Transaction<'_>,
    podcast: PodcastId,
) -> StoreResult<HashMap<EpisodeId, Vec<EpisodePerson>>> {
    let mut stmt = tx.prepare_cached(
        "SELECT p.episode_id, p.name, p.role, p.href \
         FROM episode_people p JOIN episodes e ON e.id = p.episode_id \
         WHERE e.podcast_id = ?1 ORDER BY p.episode_id, p.position",
    )?;
    let rows = stmt.query_map([podcast], |row| {
        Ok((
            row.get::<_, EpisodeId>(0)?,
            EpisodePerson {
                name: row.get(1)?,
                role: row.get(2)?,
                href: row.get(3)?,
            },
        ))
    })?;
    let mut map: HashMap<EpisodeId, Vec<EpisodePerson>> = HashMap::new();
    for row in rows {
        let (episode, person) = row?;
        map.entry(episode).or_default().push(person);
    }
    Ok(map)
}

/// Replaces an episode's links (`delete_old`: it may have some); `position` is the
/// index in `links`, so reading back by position gives the same order.
fn replace_links(
    tx: &Transaction<'_>,
    episode: EpisodeId,
    links: &[EpisodeLink],
    delete_old: bool,
) -> StoreResult<()> {
    if delete_old {
        tx.prepare_cached("DELETE FROM episode_links WHERE episode_id = ?1")?
            .execute([episode])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO episode_links (episode_id, kind, position, url, mime, length, language, rel) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, link) in links.iter().enumerate() {
        insert.execute(params![
            episode,
            link.kind.as_str(),
            position as i64,
            link.url,
            link.mime,
            storable(link.length),
            link.language,
            link.rel
        ])?;
    }
    Ok(())
}

fn replace_people(
    tx: &Transaction<'_>,
    episode: EpisodeId,
    people: &[EpisodePerson],
    delete_old: bool,
) -> StoreResult<()> {
    if delete_old {
        tx.prepare_cached("DELETE FROM episode_people WHERE episode_id = ?1")?
            .execute([episode])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO episode_people (episode_id, position, name, role, href) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, person) in people.iter().enumerate() {
        insert.execute(params![
            episode,
            position as i64,
            person.name,
            person.role,
            person.href
        ])?;
    }
    Ok(())
}
