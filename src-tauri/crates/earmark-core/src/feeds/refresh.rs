//! Subscribing and refreshing: fetch the feed, store the podcast, upsert its episodes.

use serde::Serialize;

use crate::chapters::ChapterSource;
use crate::http::{parse_url, HttpClient, NetError, Validators};
use crate::store::{
    EpisodeId, EpisodeLink, EpisodePerson, FeedItem, LinkKind, NewEpisode, NewPodcast, Podcast,
    PodcastId, Store, StoreResult,
};

use super::extras::fetch_extras;
use super::model::{Feed, FeedEpisode};
use super::parse::{parse_fetched_feed, MAX_FEED_BYTES};
use super::SubscribeError;

/// How many of the newest new episodes get their transcript and chapters fetched at
/// subscribe or refresh time (the others get theirs when downloaded).
pub const EXTRAS_FOR_NEWEST: usize = 3;

/// What a subscribe or refresh did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refreshed {
    /// The podcast.
    pub podcast: PodcastId,
    /// Its title, as the feed now gives it.
    pub title: String,
    /// Episodes (with audio) in the feed.
    pub episodes: usize,
    /// Episodes that were not in the library before.
    pub new_episodes: usize,
    /// Transcripts fetched for new episodes.
    pub transcripts: usize,
    /// New episodes that got chapters.
    pub chapters: usize,
    /// The podcast was added now (not refreshed).
    pub subscribed_now: bool,
    /// The server said the feed had not changed since it was last read (304): nothing
    /// was read or written.
    pub not_modified: bool,
    /// Bytes of feed received (0 when it had not changed).
    pub bytes: u64,
    /// What was repaired in the feed, and what could not be fetched (transcripts,
    /// chapters), as sentences.
    pub warnings: Vec<String>,
}

/// What [`store_feed`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredFeed {
    /// Episodes in the feed.
    pub episodes: usize,
    /// The new episodes' ids, newest first (by publication date; undated ones last).
    pub new_episodes: Vec<EpisodeId>,
    /// New episodes whose chapters the feed itself holds (Podlove Simple Chapters),
    /// stored with them.
    pub with_chapters: Vec<EpisodeId>,
}

/// Subscribes to the feed at `url`: fetches and reads it, adds the podcast and its
/// episodes, and fetches transcripts and chapters for the newest
/// [`EXTRAS_FOR_NEWEST`] episodes. Subscribing again to a feed already in the
/// library refreshes it.
pub fn subscribe(store: &Store, http: &HttpClient, url: &str) -> Result<Refreshed, SubscribeError> {
    let url = parse_url(url)?.to_string();
    if let Some(existing) = store.podcast_by_feed_url(&url)? {
        return refresh(store, http, existing.id);
    }
    let fetched = fetch_feed(http, &url, &Validators::default())?
        .ok_or_else(|| SubscribeError::Net(unasked_not_modified(&url)))?;
    let feed = &fetched.feed;
    let podcast = store.add_podcast(&NewPodcast {
        title: feed.title.clone(),
        feed_url: Some(url.clone()),
        description: feed.description.clone(),
        image_url: feed.image_url.clone(),
    })?;
    let stored = match store_feed(store, podcast, feed) {
        Ok(stored) => stored,
        Err(e) => {
            // Leave no empty podcast behind; the error that matters is the first one.
            let _ = store.delete_podcast(podcast);
            return Err(e.into());
        }
    };
    store.set_feed_validators(podcast, &url, &fetched.validators)?;
    finish(store, http, podcast, &fetched, stored, true)
}

/// Refreshes a podcast from its feed: updates its title, description and image,
/// moves its feed address when the feed says it has moved, upserts its episodes by guid, and fetches extras for the newest new ones.
pub fn refresh(
    store: &Store,
    http: &HttpClient,
    podcast: PodcastId,
) -> Result<Refreshed, SubscribeError> {
    let show = store.podcast(podcast)?;
    let Some(url) = show.feed_url.clone() else {
        return Err(SubscribeError::NoFeedUrl(show.title));
    };
    let known = store.feed_validators(podcast, &url)?;
    let Some(fetched) = fetch_feed(http, &url, &known)? else {
        return Ok(unchanged(&show));
    };
    let feed = &fetched.feed;
    let read_from = url.clone();
    let url = moved_to(store, &url, feed, fetched.moved_to.as_deref())?.unwrap_or(url);
    store.update_podcast(
        podcast,
        &NewPodcast {
            title: feed.title.clone(),
            feed_url: Some(url.clone()),
            description: feed.description.clone(),
            image_url: feed.image_url.clone(),
        },
    )?;
    let stored = store_feed(store, podcast, feed)?;
    // Validators belong to the address that gave them: a move starts afresh.
    if url == read_from {
        store.set_feed_validators(podcast, &url, &fetched.validators)?;
    }
    finish(store, http, podcast, &fetched, stored, false)
}

/// What a refresh did when the feed had not changed.
fn unchanged(show: &Podcast) -> Refreshed {
    Refreshed {
        podcast: show.id,
        title: show.title.clone(),
        episodes: 0,
        new_episodes: 0,
        transcripts: 0,
        chapters: 0,
        subscribed_now: false,
        not_modified: true,
        bytes: 0,
        warnings: Vec::new(),
    }
}

/// A 304 to a request that asked nothing (a server that answers so is broken).
fn unasked_not_modified(url: &str) -> NetError {
    NetError::Status {
        url: url.to_owned(),
        status: 304,
    }
}

/// The address a feed has moved to, when it is another one and no other podcast in
/// the library is already subscribed to it (the next refresh fetches it): what the
/// feed says (`itunes:new-feed-url`, `<redirect>`), else where the server moved it
/// for good (HTTP 301 or 308).
fn moved_to(
    store: &Store,
    url: &str,
    feed: &Feed,
    redirected: Option<&str>,
) -> StoreResult<Option<String>> {
    let said = feed.new_feed_url.as_deref().or(redirected);
    let Some(new_url) = said.filter(|u| *u != url) else {
        return Ok(None);
    };
    let taken = store.podcast_by_feed_url(new_url)?.is_some();
    Ok((!taken).then(|| new_url.to_owned()))
}

/// Refreshes every podcast that has a feed, one after the other; one failing feed
/// does not stop the others.
pub fn refresh_all(
    store: &Store,
    http: &HttpClient,
) -> StoreResult<Vec<(Podcast, Result<Refreshed, SubscribeError>)>> {
    Ok(store
        .podcasts()?
        .into_iter()
        .filter(|p| p.feed_url.is_some())
        .map(|p| {
            let result = refresh(store, http, p.id);
            (p, result)
        })
        .collect())
}

/// Stores a parsed feed's episodes under `podcast` (no network): upsert by guid in one
/// transaction, links and people included, and the chapters a new episode carries in
/// the feed itself.
pub fn store_feed(store: &Store, podcast: PodcastId, feed: &Feed) -> StoreResult<StoredFeed> {
    let items: Vec<FeedItem> = feed.episodes.iter().map(feed_item).collect();
    let synced = store.sync_feed_episodes(podcast, &items)?;
    let mut new: Vec<(&FeedEpisode, EpisodeId)> = synced
        .iter()
        .zip(&feed.episodes)
        .filter(|(s, _)| s.new)
        .map(|(s, e)| (e, s.id))
        .collect();
    // Newest first; RFC 3339 UTC strings sort as times. Undated last.
    new.sort_by(|(a, _), (b, _)| match (&a.published, &b.published) {
        (Some(a), Some(b)) => b.cmp(a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut with_chapters = Vec::new();
    for (episode, id) in &new {
        if !episode.inline_chapters.is_empty() {
            store.set_chapters(*id, &episode.inline_chapters, ChapterSource::Feed)?;
            with_chapters.push(*id);
        }
    }
    Ok(StoredFeed {
        episodes: feed.episodes.len(),
        new_episodes: new.into_iter().map(|(_, id)| id).collect(),
        with_chapters,
    })
}

fn finish(
    store: &Store,
    http: &HttpClient,
    podcast: PodcastId,
    fetched: &FetchedFeed,
    stored: StoredFeed,
    subscribed_now: bool,
) -> Result<Refreshed, SubscribeError> {
    let feed = &fetched.feed;
    let mut done = Refreshed {
        podcast,
        title: feed.title.clone(),
        episodes: stored.episodes,
        new_episodes: stored.new_episodes.len(),
        transcripts: 0,
        chapters: stored.with_chapters.len(),
        subscribed_now,
        not_modified: false,
        bytes: fetched.bytes,
        warnings: feed.repairs.clone(),
    };
    for &episode in stored.new_episodes.iter().take(EXTRAS_FOR_NEWEST) {
        let extras = fetch_extras(store, http, episode)?;
        done.transcripts += usize::from(extras.transcript);
        let had_chapters = stored.with_chapters.contains(&episode);
        done.chapters += usize::from(extras.chapters > 0 && !had_chapters);
        done.warnings.extend(extras.warnings);
    }
    Ok(done)
}

/// A feed fetched and read.
#[derive(Debug)]
struct FetchedFeed {
    feed: Feed,
    /// Where the server moved it for good, if it did.
    moved_to: Option<String>,
    /// The version's validators.
    validators: Validators,
    /// Bytes received.
    bytes: u64,
}

/// Fetches and reads a feed, asking with `known` whether it changed (`None`: it did
/// not); anything unreadable is "not a podcast feed".
fn fetch_feed(
    http: &HttpClient,
    url: &str,
    known: &Validators,
) -> Result<Option<FetchedFeed>, SubscribeError> {
    let Some(fetched) = http.fetch_changed(url, MAX_FEED_BYTES, known)? else {
        return Ok(None);
    };
    let base = reqwest::Url::parse(&fetched.url).ok();
    let feed = parse_fetched_feed(
        &fetched.bytes,
        base.as_ref(),
        fetched.content_type.as_deref(),
    )
    .map_err(|reason| SubscribeError::NotAPodcast {
        url: url.to_owned(),
        reason,
    })?;
    Ok(Some(FetchedFeed {
        feed,
        moved_to: fetched.moved_to,
        validators: fetched.validators,
        bytes: fetched.bytes.len() as u64,
    }))
}

/// A parsed episode as the store keeps it.
fn feed_item(episode: &FeedEpisode) -> FeedItem {
    let mut links = Vec::with_capacity(1 + episode.transcripts.len());
    links.push(EpisodeLink {
        kind: LinkKind::Enclosure,
        url: episode.enclosure.url.clone(),
        mime: episode.enclosure.mime.clone(),
        length: episode.enclosure.length,
        language: None,
        rel: None,
    });
    links.extend(episode.transcripts.iter().map(|t| EpisodeLink {
        kind: LinkKind::Transcript,
        url: t.url.clone(),
        mime: Some(t.mime.clone()),
        length: None,
        language: t.language.clone(),
        rel: t.rel.clone(),
    }));
    links.extend(episode.chapters.iter().map(|c| EpisodeLink {
        kind: LinkKind::Chapters,
        url: c.url.clone(),
        mime: c.mime.clone(),
        length: None,
        language: None,
        rel: None,
    }));
    FeedItem {
        episode: NewEpisode {
            podcast_id: None,
            guid: Some(episode.guid.clone()),
            title: episode.title.clone(),
            description: episode.description.clone(),
            published: episode.published.clone(),
            audio_path: None,
            audio_url: Some(episode.enclosure.url.clone()),
            duration_ms: episode.duration_ms,
        },
        links,
        people: episode
            .people
            .iter()
            .map(|p| EpisodePerson {
                name: p.name.clone(),
                role: p.role.clone(),
                href: p.href.clone(),
            })
            .collect(),
    }
}
