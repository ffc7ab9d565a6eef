//! Ranking is bounded: a one-word query that matches more documents than the store
//! ranks (5,000) ranks the newest of them, so it stays fast on a large library and
//! what the user wrote lately is among the hits.

use earmark_core::store::{HitKind, Store};
use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};

use crate::{add_episode, library};

/// More matching transcript lines than the store ranks.
const LINES: u64 = 6_000;

fn common_word_library() -> (crate::Library, i64) {
    let lib = library();
    let old = add_episode(&lib.store, "old episode");
    let segments = (0..LINES)
        .map(|i| {
            // The first line says it most often: bm25's favourite, but the oldest.
            let text = if i == 0 {
                "otter otter otter".to_owned()
            } else {
                format!("an otter in line {i} of a long and winding talk")
            };
            Segment::timed(i * 1_000, i * 1_000 + 900, text)
        })
        .collect();
    lib.store
        .set_transcript(
            old,
            &Transcript {
                format: TranscriptFormat::Vtt,
                warnings: Vec::new(),
                segments,
            },
            None,
        )
        .unwrap();
    let recent = add_episode(&lib.store, "recent episode");
    let note = lib.store.add_note(recent, 42_000, "otter").unwrap();
    (lib, note)
}

fn hits_of(store: &Store, query: &str) -> Vec<earmark_core::store::SearchHit> {
    store.search(query, 20).unwrap()
}

#[test]
fn a_very_common_word_ranks_the_newest_matches() {
    let (lib, note) = common_word_library();
    let hits = hits_of(&lib.store, "otter");
    assert_eq!(hits.len(), 20, "a full page of hits");
    assert_eq!(
        hits[0].note,
        Some(note),
        "the newest match, a short note, ranks first: {:?}",
        hits[0]
    );
    assert!(
        hits.iter().all(|h| h.segment != Some(0)),
        "the oldest line is beyond the ranked matches"
    );
    let prefix = hits_of(&lib.store, "ott*");
    assert_eq!(prefix[0].kind, HitKind::Note, "prefixes are bounded too");
}

#[test]
fn a_narrower_query_ranks_every_match() {
    let (lib, _) = common_word_library();
    let hits = hits_of(&lib.store, "\"otter otter\"");
    assert_eq!(hits.len(), 1, "the phrase is on the oldest line only");
    assert_eq!(hits[0].segment, Some(0));
    let words = hits_of(&lib.store, "otter winding");
    assert_eq!(words.len(), 20);
}

/// A query with a word in at least 50,000 documents ("the", "of" in a big library) is
/// not ranked: bm25 would walk every document holding the word. Its newest matches
/// come first.
#[test]
fn a_query_with_a_very_common_word_lists_the_newest_matches_first() {
    let lib = library();
    let old = add_episode(&lib.store, "old episode");
    let segments = (0..50_000u64)
        .map(|i| {
            let text = if i == 0 {
                "the river the river the river".to_owned()
            } else {
                format!("the talk goes on, line {i}")
            };
            Segment::timed(i * 1_000, i * 1_000 + 900, text)
        })
        .collect();
    let transcript = Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments,
    };
    lib.store.set_transcript(old, &transcript, None).unwrap();
    let recent = add_episode(&lib.store, "recent episode");
    let note = lib
        .store
        .add_note(recent, 1_000, "down the river we went")
        .unwrap();

    let hits = hits_of(&lib.store, "\"the river\"");
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(
        hits[0].note,
        Some(note),
        "the newest first, not bm25's favourite"
    );
    assert_eq!(hits[1].segment, Some(0));
    let talk = hits_of(&lib.store, "the talk");
    assert_eq!(talk.len(), 20);
    let lines: Vec<u64> = talk.iter().filter_map(|h| h.segment).collect();
    assert_eq!(
        lines,
        (49_980..50_000).rev().collect::<Vec<_>>(),
        "newest lines first"
    );
}
