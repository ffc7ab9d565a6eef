//! Pinned transcript lines: saved, ordered, replaced, removed with their transcript.

use earmark_core::store::StoreError;
use earmark_core::transcript::{Pin, Segment, Transcript, TranscriptFormat};

use crate::{add_episode, library};

fn untimed(lines: &[&str]) -> Transcript {
    Transcript {
        format: TranscriptFormat::Text,
        warnings: Vec::new(),
        segments: lines.iter().map(|t| Segment::untimed(*t)).collect(),
    }
}

fn pin(index: usize, start_ms: u64) -> Pin {
    Pin { index, start_ms }
}

#[test]
fn pins_are_kept_oldest_first_and_survive_reopening() {
    let lib = library();
    let episode = add_episode(&lib.store, "untimed");
    lib.store
        .set_transcript(episode, &untimed(&["a", "b", "c", "d"]), None)
        .unwrap();
    lib.store.set_pin(episode, pin(2, 9_000)).unwrap();
    lib.store.set_pin(episode, pin(1, 4_000)).unwrap();
    lib.store.set_pin(episode, pin(2, 8_000)).unwrap(); // re-pinned: now the newest
    assert_eq!(
        lib.store.pins(episode).unwrap(),
        vec![pin(1, 4_000), pin(2, 8_000)]
    );
    let again = lib.reopen();
    assert_eq!(
        again.pins(episode).unwrap(),
        vec![pin(1, 4_000), pin(2, 8_000)],
        "pins are in the database, not in memory"
    );
    assert!(again.remove_pin(episode, 1).unwrap());
    assert!(!again.remove_pin(episode, 1).unwrap(), "already removed");
    assert_eq!(again.pins(episode).unwrap(), vec![pin(2, 8_000)]);
}

#[test]
fn retain_pins_drops_the_others() {
    let lib = library();
    let episode = add_episode(&lib.store, "untimed");
    lib.store
        .set_transcript(episode, &untimed(&["a", "b", "c"]), None)
        .unwrap();
    for (i, ms) in [(0, 100), (1, 200), (2, 300)] {
        lib.store.set_pin(episode, pin(i, ms)).unwrap();
    }
    let removed = lib
        .store
        .retain_pins(episode, &[pin(0, 100), pin(2, 300)])
        .unwrap();
    assert_eq!(removed, 1);
    assert_eq!(
        lib.store.pins(episode).unwrap(),
        vec![pin(0, 100), pin(2, 300)]
    );
}

#[test]
fn a_new_transcript_clears_the_pins_and_the_same_one_keeps_them() {
    let lib = library();
    let episode = add_episode(&lib.store, "untimed");
    let transcript = untimed(&["a", "b"]);
    lib.store
        .set_transcript(episode, &transcript, None)
        .unwrap();
    lib.store.set_pin(episode, pin(1, 5_000)).unwrap();
    lib.store
        .set_transcript(episode, &transcript, None)
        .unwrap();
    assert_eq!(
        lib.store.pins(episode).unwrap(),
        vec![pin(1, 5_000)],
        "storing the same transcript again keeps its pins"
    );
    lib.store
        .set_transcript(episode, &untimed(&["other", "text"]), None)
        .unwrap();
    assert!(
        lib.store.pins(episode).unwrap().is_empty(),
        "pins of a replaced transcript are gone"
    );
    lib.store.set_pin(episode, pin(0, 1_000)).unwrap();
    assert!(lib.store.delete_transcript(episode).unwrap());
    assert!(lib.store.pins(episode).unwrap().is_empty());
}

#[test]
fn pinning_without_a_transcript_is_a_clear_error() {
    let lib = library();
    let episode = add_episode(&lib.store, "bare");
    let error = lib.store.set_pin(episode, pin(0, 0)).unwrap_err();
    assert!(
        matches!(error, StoreError::NoTranscript(e) if e == episode),
        "{error:?}"
    );
    assert_eq!(error.code(), "no_transcript");
    assert!(error.to_string().contains("no transcript"), "{error}");
}
