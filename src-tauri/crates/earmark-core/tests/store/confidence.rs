//! The aligner's confidence per line: kept with the transcript it was measured
//! on, gone when the lines change.

use earmark_core::store::{StoreError, TranscriptOrigin};

use crate::{add_episode, library, timed_transcript};

#[test]
fn confidence_is_kept_until_the_lines_change() {
    let lib = library();
    let episode = add_episode(&lib.store, "aligned");
    let transcript = timed_transcript(&["one", "two", "three"]);
    lib.store
        .set_transcript(episode, &transcript, None)
        .unwrap();
    assert_eq!(
        lib.store.confidence(episode).unwrap(),
        None,
        "not aligned yet"
    );

    lib.store.set_confidence(episode, &[0.9, 0.2, 1.0]).unwrap();
    assert_eq!(
        lib.reopen().confidence(episode).unwrap(),
        Some(vec![0.9, 0.2, 1.0]),
        "kept in the database"
    );

    // Storing the same lines again keeps it; moved lines do not.
    lib.store
        .set_transcript(episode, &transcript, None)
        .unwrap();
    assert!(lib.store.confidence(episode).unwrap().is_some());
    let mut moved = transcript.clone();
    moved.segments[0].start_ms = Some(123);
    lib.store.set_transcript(episode, &moved, None).unwrap();
    assert_eq!(
        lib.store.confidence(episode).unwrap(),
        None,
        "re-timed: the confidences are gone"
    );
}

#[test]
fn the_same_lines_at_new_times_keep_their_confidence() {
    let lib = library();
    let episode = add_episode(&lib.store, "nudged");
    let transcript = timed_transcript(&["one", "two"]);
    lib.store
        .set_transcript(episode, &transcript, None)
        .unwrap();
    lib.store.set_confidence(episode, &[0.9, 0.1]).unwrap();
    let mut later = transcript.clone();
    for segment in &mut later.segments {
        segment.start_ms = segment.start_ms.map(|ms| ms + 500);
    }
    lib.store
        .retime_transcript(episode, &later, &TranscriptOrigin::default())
        .unwrap();
    assert_eq!(lib.store.get_transcript(episode).unwrap(), Some(later));
    assert_eq!(
        lib.store.confidence(episode).unwrap(),
        Some(vec![0.9, 0.1]),
        "the line not found stays marked"
    );
    // Other lines are not the same lines: nothing to keep.
    let other = timed_transcript(&["one", "two", "three"]);
    lib.store
        .retime_transcript(episode, &other, &TranscriptOrigin::default())
        .unwrap();
    assert_eq!(lib.store.confidence(episode).unwrap(), None);
}

#[test]
fn confidence_needs_a_transcript() {
    let lib = library();
    let episode = add_episode(&lib.store, "no transcript");
    assert!(matches!(
        lib.store.set_confidence(episode, &[1.0]),
        Err(StoreError::NoTranscript(e)) if e == episode
    ));
}
