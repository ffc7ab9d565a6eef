//! Every migration, tested from the version before it: a library is built and filled
//! at version N-1, opened at exactly version N, and must keep its data, gain what
//! migration N adds, and leave a backup of the version-(N-1) file beside it.
//!
//! The versions are written out, never derived from `LATEST_VERSION`, and
//! [`every_migration_is_tested_from_the_version_before`] fails when a migration has no
//! test here: adding migration 7 means adding `from_6_...` to [`UPGRADE_TESTS`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use earmark_core::chapters::{Chapter, ChapterSource};
use earmark_core::http::Validators;
use earmark_core::store::{
    backup_path, EpisodeLink, FeedItem, FeedSchedule, FileCache, FileKey, HitKind, LinkKind,
    NewEpisode, NewHighlight, NewPodcast, Store, DATABASE_FILE_NAME, LATEST_VERSION,
};
use earmark_core::transcript::{Pin, Transcript};
use rusqlite::Connection;
use tempfile::TempDir;

use crate::migrate::{backups_in, user_version};
use crate::upgrades_v10::{
    from_10_episodes_keep_their_own_picture, from_11_transcriptions_keep_their_finished_chunks,
    from_12_shows_keep_their_language, from_9_transcripts_remember_their_web_page,
};
use crate::{add_episode, timed_transcript};

/// The test of each migration, by the version it starts from.
const UPGRADE_TESTS: &[(u32, fn())] = &[
    (0, from_0_an_empty_file_gets_the_library_tables),
    (1, from_1_search_indexes_what_the_library_held),
    (2, from_2_transcript_lines_can_be_pinned),
    (3, from_3_episodes_get_chapters_and_feed_links),
    (4, from_4_the_search_index_is_rebuilt_with_prefixes),
    (5, from_5_lines_keep_the_aligners_confidence),
    (6, from_6_feeds_keep_their_validators),
    (7, from_7_feeds_keep_a_schedule),
    (8, from_8_the_sidebar_counts_through_indexes),
    (9, from_9_transcripts_remember_their_web_page),
    (10, from_10_episodes_keep_their_own_picture),
    (11, from_11_transcriptions_keep_their_finished_chunks),
    (12, from_12_shows_keep_their_language),
];

/// Stores a transcript as a library before version 10 did: without the page
/// columns, which the store's own writes now name.
pub fn set_old_transcript(store: &Store, episode: i64, transcript: &Transcript) {
    let conn = Connection::open(store.path().unwrap()).unwrap();
    conn.execute(
        "INSERT OR REPLACE INTO transcripts (episode_id, format, timed, source_path, segments_json) \
         VALUES (?1, ?2, ?3, NULL, ?4)",
        rusqlite::params![
            episode,
            serde_json::to_value(transcript.format).unwrap().as_str().unwrap(),
            transcript.timed(),
            serde_json::to_string(&transcript.segments).unwrap()
        ],
    )
    .unwrap();
}

#[test]
fn every_migration_is_tested_from_the_version_before() {
    let tested: Vec<u32> = UPGRADE_TESTS.iter().map(|(from, _)| *from).collect();
    let migrations: Vec<u32> = (0..LATEST_VERSION).collect();
    assert_eq!(
        tested, migrations,
        "each migration N needs a test from version N-1 in UPGRADE_TESTS"
    );
}

/// A library filled at version `from` and then opened at `to`.
pub struct Upgraded<T> {
    /// The data directory, removed when the test is done with it.
    _dir: TempDir,
    /// The database file.
    pub path: PathBuf,
    /// The library, open at version `to`.
    pub store: Store,
    /// What `fill` returned.
    pub made: T,
}

/// Builds a library at version `from`, fills it with `fill`, then opens it at `to`,
/// checking that exactly one backup was made first: the version-`from` file with all
/// its rows (none for version 0, which holds nothing).
pub fn upgrade<T>(from: u32, to: u32, fill: impl FnOnce(&Store) -> T) -> Upgraded<T> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(DATABASE_FILE_NAME);
    let made = fill(&Store::open_at_version(&path, from).expect("open at the old version"));
    assert_eq!(user_version(&path), from, "built at version {from}");
    let rows_before = row_counts(&path);

    let store = Store::open_at_version(&path, to).expect("upgrade");
    assert_eq!(store.schema_version().expect("version"), to);
    if from == 0 {
        assert!(backups_in(dir.path()).is_empty(), "nothing to back up");
    } else {
        let backup = backup_path(&path, from);
        assert_eq!(
            backups_in(dir.path()),
            vec![format!("{DATABASE_FILE_NAME}.bak-v{from}")],
            "one backup, of the version the library had"
        );
        assert_eq!(user_version(&backup), from, "the backup is the old file");
        assert_eq!(
            row_counts(&backup),
            rows_before,
            "the backup holds every row the library had before migrating"
        );
    }
    Upgraded {
        _dir: dir,
        path,
        store,
        made,
    }
}

/// [`upgrade`] by exactly one migration: the one to `from + 1`.
pub fn upgrade_from<T>(from: u32, fill: impl FnOnce(&Store) -> T) -> Upgraded<T> {
    upgrade(from, from + 1, fill)
}

/// Rows in each table of the database at `path`.
fn row_counts(path: &Path) -> BTreeMap<String, i64> {
    let conn = Connection::open(path).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("list tables");
    tables
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .expect("count rows");
            (t, n)
        })
        .collect()
}

fn tables(store: &Upgraded<impl Sized>) -> Vec<String> {
    row_counts(&store.path).into_keys().collect()
}

#[test]
fn from_0_an_empty_file_gets_the_library_tables() {
    let up = upgrade_from(0, |_| ());
    for table in [
        "episodes",
        "notes",
        "highlights",
        "transcripts",
        "seek_index",
    ] {
        assert!(tables(&up).contains(&table.to_owned()), "{table}");
    }
    let episode = add_episode(&up.store, "first");
    up.store.add_note(episode, 10, "works at v1").unwrap();
    assert_eq!(up.store.list_notes(episode).unwrap().len(), 1);
    assert!(
        up.store.search("works", 10).is_err(),
        "version 1 has no search index yet"
    );
}

#[test]
fn from_1_search_indexes_what_the_library_held() {
    let up = upgrade_from(1, |v1| {
        let podcast = v1
            .add_podcast(&NewPodcast {
                title: "Show".into(),
                feed_url: Some("https://example.org/feed.xml".into()),
                ..NewPodcast::default()
            })
            .unwrap();
        let episode = v1
            .insert_episode(&earmark_core::store::NewEpisode {
                podcast_id: Some(podcast),
                title: "Le café du matin".into(),
                published: Some("2024-05-01T12:00:00Z".into()),
                duration_ms: Some(60_000),
                ..Default::default()
            })
            .unwrap();
        v1.set_position(episode, 12_345).unwrap();
        let note = v1
            .add_note(episode, 2_000, "remember the lighthouse")
            .unwrap();
        let highlight = v1
            .add_highlight(
                episode,
                &NewHighlight {
                    start_ms: 1_000,
                    end_ms: 2_000,
                    text: "tidal estuary".into(),
                    ..NewHighlight::default()
                },
            )
            .unwrap();
        set_old_transcript(
            v1,
            episode,
            &timed_transcript(&["hello there", "the river delta floods"]),
        );
        v1.set_setting("theme", "dark").unwrap();
        let key = FileKey {
            path: "/a.mp3".into(),
            size: 1,
            mtime_ns: 2,
        };
        v1.put_cached(FileCache::SeekIndex, &key, &[9, 9]).unwrap();
        (episode, note, highlight, key)
    });
    let (store, (episode, note, highlight, key)) = (&up.store, &up.made);

    let loaded = store.episode(*episode).unwrap();
    assert_eq!(loaded.title, "Le café du matin");
    assert_eq!(loaded.position_ms, 12_345, "position survives");
    assert_eq!(store.list_notes(*episode).unwrap()[0].id, *note);
    assert_eq!(store.list_highlights(*episode).unwrap()[0].id, *highlight);
    let transcript = store.get_transcript(*episode).unwrap().unwrap();
    assert_eq!(transcript.segments.len(), 2);
    assert_eq!(
        store.setting::<String>("theme").unwrap().as_deref(),
        Some("dark")
    );
    assert_eq!(
        store.cached(FileCache::SeekIndex, key).unwrap(),
        Some(vec![9, 9])
    );

    // Migration 2 indexes what version 1 held.
    let kinds = |q: &str| -> Vec<HitKind> {
        let hits = store.search(q, 10).unwrap();
        hits.into_iter().map(|h| h.kind).collect()
    };
    assert_eq!(kinds("lighthouse"), vec![HitKind::Note]);
    assert_eq!(kinds("estuary"), vec![HitKind::Highlight]);
    assert_eq!(kinds("delta"), vec![HitKind::Transcript]);
    assert_eq!(
        kinds("cafe"),
        vec![HitKind::Episode],
        "title indexed with accents folded"
    );
    let delta = &store.search("delta", 1).unwrap()[0];
    assert_eq!(delta.at_ms, Some(1_000), "segment start carried over");

    // And keeps indexing new data.
    store.add_note(*episode, 5, "after upgrade").unwrap();
    assert_eq!(kinds("upgrade"), vec![HitKind::Note]);
}

#[test]
fn from_2_transcript_lines_can_be_pinned() {
    let up = upgrade_from(2, |v2| {
        let episode = add_episode(v2, "from version 2");
        set_old_transcript(v2, episode, &timed_transcript(&["kept", "lines"]));
        episode
    });
    let (store, episode) = (&up.store, up.made);
    let transcript = store.get_transcript(episode).unwrap().unwrap();
    assert_eq!(transcript.segments.len(), 2, "the transcript survived");
    assert!(store.pins(episode).unwrap().is_empty());
    let pin = Pin {
        index: 1,
        start_ms: 1_500,
    };
    store.set_pin(episode, pin).unwrap();
    assert_eq!(store.pins(episode).unwrap(), vec![pin]);
}

#[test]
fn from_3_episodes_get_chapters_and_feed_links() {
    let up = upgrade_from(3, |v3| {
        let episode = add_episode(v3, "Before chapters");
        v3.add_note(episode, 1_000, "kept").unwrap();
        episode
    });
    let (store, episode) = (&up.store, up.made);
    assert_eq!(store.episode(episode).unwrap().title, "Before chapters");
    assert_eq!(store.list_notes(episode).unwrap().len(), 1);
    assert_eq!(store.chapters(episode).unwrap(), None);
    let chapter = Chapter {
        start_ms: 0,
        end_ms: Some(5_000),
        title: "Intro".into(),
        url: None,
        image_url: None,
    };
    store
        .set_chapters(episode, std::slice::from_ref(&chapter), ChapterSource::Id3)
        .unwrap();
    assert_eq!(
        store.chapters(episode).unwrap(),
        Some((vec![chapter], ChapterSource::Id3))
    );
    assert!(store.episode_links(episode).unwrap().is_empty());
    store.delete_episode(episode).unwrap();
    assert_eq!(
        store.chapters(episode).unwrap(),
        None,
        "chapters go with the episode"
    );
}

#[test]
fn from_4_the_search_index_is_rebuilt_with_prefixes() {
    let up = upgrade_from(4, |v4| {
        let episode = add_episode(v4, "Talks about conversation");
        set_old_transcript(
            v4,
            episode,
            &timed_transcript(&["a conversation by the river", "converging rivers"]),
        );
        v4.add_note(episode, 5_000, "convince the editor").unwrap();
        episode
    });
    let (store, episode) = (&up.store, up.made);
    let options: String = Connection::open(&up.path)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'search_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        options.contains("'2 3 4'"),
        "the index has a 4-character prefix index: {options}"
    );

    // Everything indexed before the upgrade is found again, by prefix and by word.
    let hits = store.search("conv*", 20).unwrap();
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    assert_eq!(hits.len(), 4, "title, two lines and the note: {hits:?}");
    assert!(
        kinds.contains(&HitKind::Note) && kinds.contains(&HitKind::Episode),
        "{kinds:?}"
    );
    assert!(hits.iter().all(|h| h.episode == episode));
    assert_eq!(store.search("river", 20).unwrap().len(), 1);

    // And the triggers still keep the rebuilt index in step.
    store.add_note(episode, 9_000, "convey it plainly").unwrap();
    assert_eq!(store.search("conv*", 20).unwrap().len(), 5);
    assert_eq!(store.search("convey", 20).unwrap().len(), 1);
}

#[test]
fn from_5_lines_keep_the_aligners_confidence() {
    let up = upgrade_from(5, |v5| {
        let episode = add_episode(v5, "before");
        set_old_transcript(v5, episode, &timed_transcript(&["a", "b"]));
        episode
    });
    let (store, episode) = (&up.store, up.made);
    let transcript = store.get_transcript(episode).unwrap().unwrap();
    assert_eq!(transcript.segments.len(), 2);
    assert_eq!(store.confidence(episode).unwrap(), None);
    store.set_confidence(episode, &[0.5, 0.7]).unwrap();
    assert_eq!(store.confidence(episode).unwrap(), Some(vec![0.5, 0.7]));
}

/// One podcast with a feed, the library's only one.
pub fn feed_show(store: &Store) -> earmark_core::store::PodcastId {
    store
        .add_podcast(&NewPodcast {
            title: "Show".into(),
            feed_url: Some("https://example.com/feed.xml".into()),
            description: None,
            image_url: None,
        })
        .unwrap()
}

#[test]
fn from_6_feeds_keep_their_validators() {
    let up = upgrade_from(6, feed_show);
    let (store, podcast) = (&up.store, up.made);
    let url = "https://example.com/feed.xml";
    assert!(store.feed_validators(podcast, url).unwrap().is_empty());
    let validators = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some("Mon, 07 Dec 2026 10:00:00 GMT".into()),
    };
    store
        .set_feed_validators(podcast, url, &validators)
        .unwrap();
    assert_eq!(store.feed_validators(podcast, url).unwrap(), validators);
    assert!(
        store
            .feed_validators(podcast, "https://moved.example/feed.xml")
            .unwrap()
            .is_empty(),
        "validators belong to the address that gave them"
    );
    store
        .set_feed_validators(podcast, url, &Validators::default())
        .unwrap();
    assert!(
        store.feed_validators(podcast, url).unwrap().is_empty(),
        "forgotten"
    );
    store
        .set_feed_validators(podcast, url, &validators)
        .unwrap();
    store.delete_podcast(podcast).unwrap();
    assert!(
        store.feed_validators(podcast, url).unwrap().is_empty(),
        "gone with the show"
    );
}

#[test]
fn from_7_feeds_keep_a_schedule() {
    let up = upgrade_from(7, feed_show);
    let (store, podcast) = (&up.store, up.made);
    assert_eq!(
        store.feed_schedule(podcast).unwrap(),
        FeedSchedule::default()
    );
    let schedule = FeedSchedule {
        checked_at: Some(1_800_000_000),
        update_secs: Some(604_800),
        not_before: Some(1_800_000_120),
        busy_strikes: 2,
    };
    store.set_feed_schedule(podcast, &schedule).unwrap();
    assert_eq!(store.feed_schedule(podcast).unwrap(), schedule);
    store.delete_podcast(podcast).unwrap();
    assert_eq!(
        store.feed_schedule(podcast).unwrap(),
        FeedSchedule::default(),
        "gone with its podcast"
    );
}

#[test]
fn from_8_the_sidebar_counts_through_indexes() {
    let up = upgrade_from(8, |v8| {
        let opened = add_episode(v8, "Opened");
        add_episode(v8, "New");
        v8.mark_opened(opened).unwrap();
        opened
    });
    let (store, opened) = (&up.store, up.made);
    let indexes: Vec<String> = {
        let conn = Connection::open(&up.path).unwrap();
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'episodes_%' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(indexes.contains(&"episodes_new".to_owned()), "{indexes:?}");
    assert!(
        indexes.contains(&"episodes_last_opened".to_owned()),
        "{indexes:?}"
    );
    let shows = store.sidebar(5, None).unwrap();
    assert_eq!((shows[0].total, shows[0].new_count), (2, 1));
    assert_eq!(store.episode_to_resume().unwrap().unwrap().id, opened);
}

/// A feed item with its audio link only.
pub fn feed_item(guid: &str, title: &str) -> FeedItem {
    FeedItem {
        episode: NewEpisode {
            guid: Some(guid.into()),
            title: title.into(),
            audio_url: Some(format!("https://example.com/{guid}.mp3")),
            ..NewEpisode::default()
        },
        links: vec![EpisodeLink {
            kind: LinkKind::Enclosure,
            url: format!("https://example.com/{guid}.mp3"),
            mime: Some("audio/mpeg".into()),
            length: None,
            language: None,
            rel: None,
        }],
        people: Vec::new(),
        image_url: None,
    }
}
