//! Subscribing and refreshing: fetch the feed, store the podcast, upsert its episodes.

use serde::Serialize;

use crate::chapters::ChapterSource;
use crate::coded_message::CodedMessage;
use std::sync::LazyLock;

use crate::directory::{apple_page_feed, Directories};
use crate::http::{parse_url, HttpClient, KeyedLimit, NetError, Validators};
use crate::store::{
    EpisodeId, EpisodeLink, EpisodePerson, FeedItem, LinkKind, NewEpisode, NewPodcast, Podcast,
    PodcastId, Store, StoreResult, TranscriptOrigin,
};
use crate::text_encoding;
use crate::transcript::read_episode_page;

use super::discover::feed_links;
use super::extras::fetch_extras;
use super::model::{Feed, FeedEpisode};
use super::page_episode::page_item;
use super::parse::{parse_fetched_feed, MAX_FEED_BYTES};
use super::{FeedError, NotFeed, SubscribeError};

/// How many of the newest new episodes get their transcript and chapters fetched at
/// subscribe or refresh time (the others get theirs when downloaded).
pub const EXTRAS_FOR_NEWEST: usize = 3;

/// Feeds parsed at once, however many are being fetched: parsing is CPU work, and a
/// big feed's tree is large, so more than the cores would only cost memory.
static PARSING: LazyLock<KeyedLimit> = LazyLock::new(|| {
    KeyedLimit::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
});
/// Feeds stored at once: one. SQLite takes one writer at a time, and a writer that
/// waits for another's big feed in its busy handler could run out of time.
static STORING: LazyLock<KeyedLimit> = LazyLock::new(|| KeyedLimit::new(1));

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
    /// How often the feed says it changes, in seconds (none when it had not changed).
    #[serde(skip)]
    pub update_every_secs: Option<u64>,
    /// What was repaired in the feed, and what could not be fetched (transcripts,
    /// chapters), as coded sentences.
    pub warnings: Vec<CodedMessage>,
    /// Subscribed from an episode's web page: that episode, to open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_episode: Option<EpisodeId>,
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
/// library refreshes it. A web page instead of a feed subscribes to the feed the page
/// names ([`discover`](super::discover)); when the page is one of the feed's episodes,
/// [`Refreshed::page_episode`] says which.
pub fn subscribe(store: &Store, http: &HttpClient, url: &str) -> Result<Refreshed, SubscribeError> {
    let url = parse_url(url)?.to_string();
    if let Some(existing) = store.podcast_by_feed_url(&url)? {
        return refresh(store, http, existing.id);
    }
    let unasked = || SubscribeError::Net(unasked_not_modified(&url));
    let (url, fetched, page) = match fetch_document(http, &url, &Validators::default())? {
        Some(Document::Feed(fetched)) => (url, *fetched, None),
        Some(Document::Page { html, at }) => {
            let (feed_url, fetched) = discovered(http, &html, &at, &url)?;
            if let Some(existing) = store.podcast_by_feed_url(&feed_url)? {
                let mut done = refresh(store, http, existing.id)?;
                open_page_episode(store, existing.id, &fetched.feed, (&at, &html), &mut done)?;
                return Ok(done);
            }
            (feed_url, fetched, Some((at, html)))
        }
        None => return Err(unasked()),
    };
    let feed = &fetched.feed;
    let storing = STORING.acquire("");
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
    drop(storing);
    let mut done = finish(store, http, podcast, &fetched, stored, true)?;
    if let Some((at, html)) = page {
        open_page_episode(store, podcast, feed, (&at, &html), &mut done)?;
    }
    Ok(done)
}

/// Says which episode the page that subscribed is, and gives that episode the
/// transcript the page shows when it has none yet (the page is at hand already).
fn open_page_episode(
    store: &Store,
    podcast: PodcastId,
    feed: &Feed,
    (at, html): (&reqwest::Url, &str),
    done: &mut Refreshed,
) -> StoreResult<()> {
    done.page_episode = page_episode(store, podcast, feed, (at, html))?;
    let Some(episode) = done.page_episode else {
        return Ok(());
    };
    if store.transcript_info(episode)?.is_some() {
        return Ok(());
    }
    if let Ok(page) = read_episode_page(html) {
        let origin = TranscriptOrigin::page(at.as_str(), page.incomplete);
        store.set_transcript_from(episode, &page.transcript, &origin)?;
        done.transcripts += 1;
    }
    Ok(())
}

/// The first feed a page names that reads as one, and its address.
fn discovered(
    http: &HttpClient,
    html: &str,
    at: &reqwest::Url,
    page_url: &str,
) -> Result<(String, FetchedFeed), SubscribeError> {
    let mut candidates = feed_links(html, at);
    if candidates.is_empty() {
        candidates.extend(apple_page_feed(http, at, &Directories::from_env().itunes));
    }
    for candidate in &candidates {
        if let Ok(Some(Document::Feed(fetched))) =
            fetch_document(http, candidate, &Validators::default())
        {
            return Ok((candidate.clone(), *fetched));
        }
    }
    Err(SubscribeError::NoFeedOnPage {
        url: page_url.to_owned(),
        tried: candidates.len(),
    })
}

/// The episode of `podcast` that the page at `page` (markup `html`) is
/// ([`page_item`]).
fn page_episode(
    store: &Store,
    podcast: PodcastId,
    feed: &Feed,
    (page, html): (&reqwest::Url, &str),
) -> StoreResult<Option<EpisodeId>> {
    let Some(item) = page_item(feed, page, html) else {
        return Ok(None);
    };
    Ok(store.episode_by_guid(podcast, &item.guid)?.map(|e| e.id))
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
    let storing = STORING.acquire("");
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
    drop(storing);
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
        update_every_secs: None,
        warnings: Vec::new(),
        page_episode: None,
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

/// Stores a parsed feed's episodes under `podcast` (no network): upsert by guid in one
/// transaction, links and people included, and the chapters a new episode carries in
/// the feed itself.
pub fn store_feed(store: &Store, podcast: PodcastId, feed: &Feed) -> StoreResult<StoredFeed> {
    let items: Vec<FeedItem> = feed.episodes.iter().map(feed_item).collect();
    let synced = store.sync_feed_episodes(podcast, &items)?;
    store.set_podcast_language(podcast, feed.language.as_deref())?;
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
        update_every_secs: feed.update_every_secs,
        warnings: feed.repairs.clone(),
        page_episode: None,
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

/// What an address held: a feed, or a web page (to look for its feed in).
enum Document {
    Feed(Box<FetchedFeed>),
    Page {
        /// The page's text.
        html: String,
        /// Where it was read from, after redirects.
        at: reqwest::Url,
    },
}

/// Fetches and reads a feed, asking with `known` whether it changed (`None`: it did
/// not); anything unreadable is "not a podcast feed", a web page included.
fn fetch_feed(
    http: &HttpClient,
    url: &str,
    known: &Validators,
) -> Result<Option<FetchedFeed>, SubscribeError> {
    match fetch_document(http, url, known)? {
        Some(Document::Feed(fetched)) => Ok(Some(*fetched)),
        Some(Document::Page { .. }) => Err(SubscribeError::NotAPodcast {
            url: url.to_owned(),
            reason: FeedError::NotAFeed(NotFeed::WebPage),
        }),
        None => Ok(None),
    }
}

/// Fetches what `url` holds, as [`fetch_feed`] does, telling a web page apart.
fn fetch_document(
    http: &HttpClient,
    url: &str,
    known: &Validators,
) -> Result<Option<Document>, SubscribeError> {
    let Some(fetched) = http.fetch_changed(url, MAX_FEED_BYTES, known)? else {
        return Ok(None);
    };
    let base = reqwest::Url::parse(&fetched.url).ok();
    let parsed = {
        let _parsing = PARSING.acquire("");
        parse_fetched_feed(
            &fetched.bytes,
            base.as_ref(),
            fetched.content_type.as_deref(),
        )
    };
    let feed = match parsed {
        Ok(feed) => feed,
        Err(FeedError::NotAFeed(NotFeed::WebPage)) => {
            let html = text_encoding::decode(&fetched.bytes, fetched.content_type.as_deref());
            let at = base.ok_or_else(|| NetError::BadUrl {
                url: fetched.url.clone(),
            })?;
            return Ok(Some(Document::Page {
                html: html.text.into_owned(),
                at,
            }));
        }
        Err(reason) => {
            return Err(SubscribeError::NotAPodcast {
                url: url.to_owned(),
                reason,
            })
        }
    };
    Ok(Some(Document::Feed(Box::new(FetchedFeed {
        feed,
        moved_to: fetched.moved_to,
        validators: fetched.validators,
        bytes: fetched.bytes.len() as u64,
    }))))
}

/// A parsed episode as the store keeps it.
fn feed_item(episode: &FeedEpisode) -> FeedItem {
    let mut links = Vec::with_capacity(2 + episode.transcripts.len());
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
    links.extend(episode.link.iter().map(|page| EpisodeLink {
        kind: LinkKind::Page,
        url: page.clone(),
        mime: None,
        length: None,
        language: None,
        rel: None,
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
        image_url: episode.image_url.clone(),
    }
}
