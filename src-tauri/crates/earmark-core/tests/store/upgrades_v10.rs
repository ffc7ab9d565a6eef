//! The migrations from version 9 on (`upgrades.rs` holds the earlier ones and the
//! list of them all), and the writes of an older library that the store's own writes
//! can no longer make.

use earmark_core::store::{
    EpisodeId, EpisodeLink, FeedItem, FileKey, FinishedChunk, LinkKind, PodcastId, Store,
    TranscriptOrigin,
};
use earmark_core::transcript::Word;
use rusqlite::{params, Connection};

use crate::timed_transcript;
use crate::upgrades::{feed_item, feed_show, set_old_transcript, upgrade_from};

/// Stores a feed item as a library before version 11 did: without the episode's
/// picture column, which the store's own feed writes now name.
pub fn sync_old_feed_item(store: &Store, podcast: PodcastId, item: &FeedItem) -> EpisodeId {
    let conn = Connection::open(store.path().unwrap()).unwrap();
    let episode = &item.episode;
    conn.execute(
        "INSERT INTO episodes (podcast_id, guid, title, audio_url) VALUES (?1, ?2, ?3, ?4)",
        params![podcast, episode.guid, episode.title, episode.audio_url],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    add_old_links(store, id, 0, &item.links);
    id
}

/// Adds `links` to `episode` from `position` on, as a feed sync of an older library
/// would have.
pub fn add_old_links(store: &Store, episode: EpisodeId, position: usize, links: &[EpisodeLink]) {
    let conn = Connection::open(store.path().unwrap()).unwrap();
    for (at, link) in links.iter().enumerate() {
        let kind = serde_json::to_value(link.kind).unwrap();
        conn.execute(
            "INSERT INTO episode_links (episode_id, kind, position, url, mime) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                episode,
                kind.as_str().unwrap(),
                (position + at) as i64,
                link.url,
                link.mime
            ],
        )
        .unwrap();
    }
}

#[test]
pub fn from_10_episodes_keep_their_own_picture() {
    let up = upgrade_from(10, |v10| {
        let podcast = feed_show(v10);
        let episode = sync_old_feed_item(v10, podcast, &feed_item("ep-1", "Older"));
        (podcast, episode)
    });
    let (store, (podcast, episode)) = (&up.store, up.made);
    assert_eq!(
        store.episode_artwork(episode).unwrap().episode,
        None,
        "an older episode has no picture of its own"
    );
    let mut item = feed_item("ep-1", "Older");
    item.image_url = Some("https://example.com/ep-1.jpg".into());
    let synced = store.sync_feed_episodes(podcast, &[item]).unwrap();
    assert_eq!(synced[0].id, episode, "the same episode, by guid");
    assert_eq!(
        store.episode_artwork(episode).unwrap().episode.as_deref(),
        Some("https://example.com/ep-1.jpg")
    );
    assert_eq!(
        store.artwork_urls(Some(podcast), 5).unwrap(),
        ["https://example.com/ep-1.jpg"]
    );
}

#[test]
pub fn from_9_transcripts_remember_their_web_page() {
    let up = upgrade_from(9, |v9| {
        let podcast = feed_show(v9);
        let mut item = feed_item("ep-1", "Linked");
        item.links.push(EpisodeLink {
            kind: LinkKind::Transcript,
            url: "https://example.com/1.vtt".into(),
            mime: Some("text/vtt".into()),
            length: None,
            language: None,
            rel: None,
        });
        let episode = sync_old_feed_item(v9, podcast, &item);
        set_old_transcript(v9, episode, &timed_transcript(&["kept", "lines"]));
        episode
    });
    let (store, episode) = (&up.store, up.made);
    let info = store.transcript_info(episode).unwrap().unwrap();
    assert_eq!(
        (info.origin.page_url, info.origin.incomplete),
        (None, false),
        "an older transcript came from no page"
    );
    let kinds: Vec<LinkKind> = store
        .episode_links(episode)
        .unwrap()
        .iter()
        .map(|l| l.kind)
        .collect();
    assert_eq!(
        kinds,
        [LinkKind::Enclosure, LinkKind::Transcript],
        "links kept"
    );
    let transcript = store.get_transcript(episode).unwrap().unwrap();
    let origin = TranscriptOrigin::page("https://example.com/ep/1", true);
    store
        .set_transcript_from(episode, &transcript, &origin)
        .unwrap();
    assert_eq!(
        store.transcript_info(episode).unwrap().unwrap().origin,
        origin
    );
    let page = EpisodeLink {
        kind: LinkKind::Page,
        url: "https://example.com/ep/1".into(),
        mime: None,
        length: None,
        language: None,
        rel: None,
    };
    add_old_links(store, episode, 2, &[page]);
    assert!(
        store
            .episode_links(episode)
            .unwrap()
            .iter()
            .any(|l| l.kind == LinkKind::Page),
        "an episode's page is kept with its links now"
    );
}

#[test]
pub fn from_11_transcriptions_keep_their_finished_chunks() {
    let up = upgrade_from(11, |v11| {
        let podcast = feed_show(v11);
        sync_old_feed_item(v11, podcast, &feed_item("ep-1", "Kept"))
    });
    let (store, episode) = (&up.store, up.made);
    assert_eq!(
        store.episode(episode).unwrap().title,
        "Kept",
        "the episode is kept"
    );
    let key = FileKey {
        path: "/music/ep-1.mp3".into(),
        size: 100,
        mtime_ns: 5,
    };
    assert!(store.finished_chunks(&key, "tiny.en").unwrap().is_empty());
    let chunk = FinishedChunk {
        index: 0,
        end_sample: 960_000,
        words: vec![Word {
            start_ms: 120,
            end_ms: 480,
            text: "Hello".into(),
        }],
    };
    store.put_finished_chunk(&key, "tiny.en", &chunk).unwrap();
    assert_eq!(store.finished_chunks(&key, "tiny.en").unwrap(), [chunk]);
}

pub fn from_12_shows_keep_their_language() {
    let up = upgrade_from(12, feed_show);
    let (store, podcast) = (&up.store, up.made);
    assert_eq!(
        store.podcast_language(podcast).unwrap(),
        None,
        "no language yet"
    );
    store.set_podcast_language(podcast, Some("fi")).unwrap();
    assert_eq!(
        store.podcast_language(podcast).unwrap().as_deref(),
        Some("fi")
    );
    assert!(store.podcast(podcast).is_ok(), "the show is kept");
}
