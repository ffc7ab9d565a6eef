//! What an alignment of an episode reads and stores, on a real library file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use earmark_api::episode_align::{nudge_stored, read_job};
use earmark_core::store::{NewEpisode, Store};
use earmark_core::transcript::{parse_as, TranscriptFormat};

fn library() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_data_dir(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn a_job_needs_a_transcript_and_the_audio() {
    let (_dir, store) = library();
    let id = store.insert_episode(&NewEpisode::default()).unwrap();
    assert_eq!(read_job(&store, id).unwrap_err().code(), "no_transcript");
    let text = parse_as("One.\n\nTwo.", TranscriptFormat::Text).unwrap();
    store.set_transcript(id, &text, None).unwrap();
    let err = read_job(&store, id).unwrap_err();
    assert_eq!(err.code(), "not_downloaded");
    assert!(
        err.to_string().starts_with("Download this episode first"),
        "{err}"
    );
}

#[test]
fn nudging_moves_a_timed_transcript_and_refuses_an_untimed_one() {
    let (_dir, store) = library();
    let id = store.insert_episode(&NewEpisode::default()).unwrap();
    let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne.\n\n00:03.000 --> 00:04.000\nTwo.\n";
    store
        .set_transcript(id, &parse_as(vtt, TranscriptFormat::Vtt).unwrap(), None)
        .unwrap();
    nudge_stored(&store, id, 500).unwrap();
    let moved = store.get_transcript(id).unwrap().unwrap();
    let starts: Vec<_> = moved.segments.iter().map(|s| s.start_ms).collect();
    assert_eq!(starts, [Some(1_500), Some(3_500)]);
    let other = store.insert_episode(&NewEpisode::default()).unwrap();
    store
        .set_transcript(
            other,
            &parse_as("Untimed.", TranscriptFormat::Text).unwrap(),
            None,
        )
        .unwrap();
    assert_eq!(
        nudge_stored(&store, other, 500).unwrap_err().code(),
        "not_timed"
    );
}
