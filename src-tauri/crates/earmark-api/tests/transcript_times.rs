//! Estimated times and pins of an untimed transcript, on a real library file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use earmark_api::transcript_times::{pin, read, times, PauseStatus};
use earmark_api::UseCaseError;
use earmark_core::store::{NewEpisode, Store, TranscriptOrigin};
use earmark_core::transcript::Pause;
use earmark_core::transcript::{parse_as, TimeSource, TranscriptFormat};

fn library_with(text: &str, duration_ms: Option<u64>) -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_data_dir(dir.path()).unwrap();
    let id = store
        .insert_episode(&NewEpisode {
            title: "episode".into(),
            duration_ms,
            ..NewEpisode::default()
        })
        .unwrap();
    let transcript = parse_as(text, TranscriptFormat::Text).unwrap();
    store.set_transcript(id, &transcript, None).unwrap();
    (dir, store, id)
}

const THREE: &str = "First line here.\n\nSecond line, a little longer.\n\nThird.";

#[test]
fn untimed_lines_are_estimated_over_the_episode_and_pauses_are_used() {
    let (_dir, store, id) = library_with(THREE, Some(60_000));
    let input = read(&store, id).unwrap();
    assert!(!input.timed());
    let without = times(&input, Err(PauseStatus::Pending));
    assert_eq!(without.pauses, PauseStatus::Pending);
    assert_eq!(without.times.len(), 3);
    assert_eq!(without.times[0].start_ms, 0);
    assert!(without.times[2].end_ms <= 60_000);
    assert!(without.times.iter().all(|t| t.source != TimeSource::Given));
    let pauses = [Pause {
        start_ms: 20_500,
        end_ms: 21_000,
    }];
    let with = times(&input, Ok(&pauses));
    assert_eq!(with.pauses, PauseStatus::Found);
    assert_eq!(
        with.times[1].start_ms,
        21_000 - 80,
        "the line starts as the pause near its estimate ends, a little before the sound (it was {})",
        without.times[1].start_ms
    );
}

#[test]
fn a_pin_holds_and_a_line_past_the_end_is_refused() {
    let (_dir, store, id) = library_with(THREE, Some(60_000));
    pin(&store, id, 1, 40_000).unwrap();
    let estimated = times(&read(&store, id).unwrap(), Err(PauseStatus::Unavailable));
    assert_eq!(estimated.times[1].start_ms, 40_000);
    assert_eq!(estimated.times[1].source, TimeSource::Pinned);
    let err = pin(&store, id, 3, 1_000).unwrap_err();
    assert!(matches!(err, UseCaseError::NoSuchLine), "{err:?}");
    assert_eq!(err.code(), "no_such_line");
    // A later pin that contradicts the first (line 2 before line 1's pin) replaces it.
    pin(&store, id, 2, 10_000).unwrap();
    assert_eq!(store.pins(id).unwrap().len(), 1);
}

#[test]
fn without_a_length_the_text_sets_the_pace_and_no_transcript_is_said() {
    let (_dir, store, id) = library_with(THREE, None);
    let estimated = times(&read(&store, id).unwrap(), Err(PauseStatus::Unavailable));
    let chars: u64 = [
        "First line here.",
        "Second line, a little longer.",
        "Third.",
    ]
    .iter()
    .map(|l| l.len() as u64)
    .sum();
    assert_eq!(estimated.times[2].end_ms, chars * 65);
    let other = store.insert_episode(&NewEpisode::default()).unwrap();
    assert_eq!(read(&store, other).unwrap_err().code(), "no_transcript");
}

#[test]
fn a_transcript_the_page_cut_off_is_not_stretched_over_the_episode() {
    let (_dir, store, id) = library_with(THREE, Some(3_600_000));
    let whole = times(&read(&store, id).unwrap(), Err(PauseStatus::Unavailable));
    assert!(
        whole.times[2].end_ms > 3_000_000,
        "a whole transcript spans the hour"
    );
    let transcript = store.get_transcript(id).unwrap().unwrap();
    let origin = TranscriptOrigin::page("https://show.example/ep/1", true);
    store.set_transcript_from(id, &transcript, &origin).unwrap();
    let cut = times(&read(&store, id).unwrap(), Err(PauseStatus::Unavailable));
    let chars = THREE.replace("\n\n", "").len() as u64;
    assert!(
        cut.times[2].end_ms <= chars * 65,
        "the cut text lasts as long as saying it takes: {:?}",
        cut.times
    );
    assert!(cut.times[1].start_ms > 0);
}
