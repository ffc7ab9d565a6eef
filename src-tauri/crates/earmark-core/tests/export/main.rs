//! Export and import tests, one binary: real temp-file libraries holding a podcast
//! episode with a transcript, notes and highlights; one module per format.

// Helpers here are test code too: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod import;
mod json;
mod library;
mod markdown;
mod readwise;
mod vault;

use earmark_core::export::EpisodeNotes;
use earmark_core::store::{EpisodeId, NewEpisode, NewHighlight, NewPodcast, Store};
use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};
use tempfile::TempDir;

/// The podcast's title: a comma, quotes and an ampersand, to test quoting.
pub const PODCAST: &str = "Rivers, \"Deltas\" & Co";
/// The podcast's feed.
pub const FEED: &str = "https://example.com/feed.xml";
/// The episode's title.
pub const TITLE: &str = "Episode: One";
/// The episode's audio address.
pub const AUDIO_URL: &str = "https://example.com/ep1.mp3";
/// A note with Markdown characters, a comma, quotes and two lines.
pub const TRICKY_NOTE: &str = "Look up *sediment*, \"deltas\"\n- and [[links]]";

/// A library in its own temporary data directory (removed on drop).
#[derive(Debug)]
pub struct Library {
    /// The data directory.
    pub dir: TempDir,
    /// The open store.
    pub store: Store,
}

/// A fresh, empty library on disk.
pub fn empty_library() -> Library {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in_data_dir(dir.path()).expect("open a fresh library");
    Library { dir, store }
}

/// Adds the podcast and its episode (no notes), returning the episode.
pub fn add_podcast_episode(store: &Store) -> EpisodeId {
    let podcast = store
        .add_podcast(&NewPodcast {
            title: PODCAST.to_owned(),
            feed_url: Some(FEED.to_owned()),
            ..NewPodcast::default()
        })
        .expect("add podcast");
    let episode = store
        .insert_episode(&NewEpisode {
            podcast_id: Some(podcast),
            guid: Some("ep-1".to_owned()),
            title: TITLE.to_owned(),
            published: Some("2024-05-01T12:00:00Z".to_owned()),
            audio_url: Some(AUDIO_URL.to_owned()),
            duration_ms: Some(3_725_000),
            ..NewEpisode::default()
        })
        .expect("insert episode");
    store
        .set_transcript(
            episode,
            &Transcript {
                format: TranscriptFormat::Vtt,
                warnings: Vec::new(),
                segments: vec![
                    Segment::timed(0, 5_000, "Welcome to the show.").with_speaker("Ana"),
                    Segment::timed(5_000, 10_000, "Rivers carry \"sediment\", slowly.")
                        .with_speaker("Ben"),
                    Segment::timed(10_000, 15_000, "Then the delta grows.").with_speaker("Ana"),
                    Segment::timed(3_690_000, 3_700_000, "Goodbye, everyone."),
                ],
            },
            None,
        )
        .expect("set transcript");
    episode
}

/// A library with the podcast episode, two notes (one tricky, one after an hour),
/// a bare earmark and a highlight with a note. Returns the library and the episode.
pub fn annotated_library() -> (Library, EpisodeId) {
    let lib = empty_library();
    let episode = add_podcast_episode(&lib.store);
    lib.store
        .add_note(episode, 3_700_000, "late note")
        .expect("note");
    lib.store
        .add_note(episode, 7_000, TRICKY_NOTE)
        .expect("note");
    lib.store.add_note(episode, 12_000, "").expect("earmark");
    lib.store
        .add_highlight(
            episode,
            &NewHighlight {
                start_ms: 10_000,
                end_ms: 15_000,
                text: "Then the delta grows.".to_owned(),
                color: "green".to_owned(),
                note: Some("good line, \"really\"".to_owned()),
            },
        )
        .expect("highlight");
    (lib, episode)
}

/// What the exporters get for the episode.
pub fn read(store: &Store, episode: EpisodeId) -> EpisodeNotes {
    EpisodeNotes::read(store, episode).expect("read episode notes")
}

/// A local-file episode without podcast, transcript or publication date, with a note.
pub fn add_local_episode(store: &Store, title: &str) -> EpisodeId {
    let episode = store
        .insert_episode(&NewEpisode {
            title: title.to_owned(),
            audio_path: Some(format!("/music/{title}.mp3").into()),
            ..NewEpisode::default()
        })
        .expect("insert local episode");
    store
        .add_note(episode, 65_000, &format!("note on {title}"))
        .expect("note");
    episode
}
