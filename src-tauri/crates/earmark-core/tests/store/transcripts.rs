//! Transcripts: stored whole, replaced whole, re-indexed for search.

use std::path::Path;

use earmark_core::store::{HitKind, StoreError};
use earmark_core::transcript::{Segment, Transcript, TranscriptFormat, Word};

use crate::{add_episode, library, segment, timed_transcript};

fn rich_transcript() -> Transcript {
    Transcript {
        format: TranscriptFormat::Json,
        warnings: Vec::new(),
        segments: vec![
            Segment {
                start_ms: Some(0),
                end_ms: Some(1_200),
                speaker: Some("Ana".into()),
                text: "Hello world".into(),
                words: Some(vec![
                    Word {
                        start_ms: 0,
                        end_ms: 500,
                        text: "Hello".into(),
                    },
                    Word {
                        start_ms: 600,
                        end_ms: 1_200,
                        text: "world".into(),
                    },
                ]),
            },
            Segment {
                start_ms: Some(1_200),
                end_ms: None,
                speaker: None,
                text: "Zoë says «bonjour» — 😀".into(),
                words: None,
            },
        ],
    }
}

#[test]
fn transcript_round_trips_exactly() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    assert!(lib.store.get_transcript(id).unwrap().is_none(), "none yet");
    let transcript = rich_transcript();
    lib.store
        .set_transcript(id, &transcript, Some(Path::new("/podcasts/e.json")))
        .unwrap();
    assert_eq!(
        lib.store.get_transcript(id).unwrap(),
        Some(transcript),
        "speakers, words and unicode survive"
    );
    let info = lib.store.transcript_info(id).unwrap().unwrap();
    assert_eq!(info.format, TranscriptFormat::Json);
    assert!(info.timed);
    assert_eq!(
        info.origin.source_path.as_deref(),
        Some(Path::new("/podcasts/e.json"))
    );
}

#[test]
fn untimed_transcript_is_stored_as_untimed() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    let transcript = Transcript {
        format: TranscriptFormat::Text,
        warnings: Vec::new(),
        segments: vec![segment(None, "Ana: first"), segment(None, "Ben: second")],
    };
    lib.store.set_transcript(id, &transcript, None).unwrap();
    let info = lib.store.transcript_info(id).unwrap().unwrap();
    assert!(!info.timed);
    assert_eq!(info.format, TranscriptFormat::Text);
    assert!(info.origin.source_path.is_none());
    let hit = &lib.store.search("second", 5).unwrap()[0];
    assert_eq!(hit.kind, HitKind::Transcript);
    assert_eq!(hit.at_ms, None, "untimed segment has no moment");
    assert_eq!(hit.segment, Some(1), "but it has its index");
}

#[test]
fn setting_again_replaces_and_reindexes() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    lib.store
        .set_transcript(id, &timed_transcript(&["old aardvark line"]), None)
        .unwrap();
    lib.store
        .set_transcript(
            id,
            &timed_transcript(&["new line", "brand new zebu line"]),
            None,
        )
        .unwrap();
    let stored = lib.store.get_transcript(id).unwrap().unwrap();
    assert_eq!(stored.segments.len(), 2);
    assert!(
        lib.store.search("aardvark", 10).unwrap().is_empty(),
        "old text must leave the index"
    );
    let hits = lib.store.search("zebu", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].at_ms, Some(1_000));
    assert_eq!(
        lib.store.search("line", 10).unwrap().len(),
        2,
        "no duplicates"
    );
}

#[test]
fn deleting_a_transcript_removes_its_search_entries() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    lib.store
        .set_transcript(id, &timed_transcript(&["quokka"]), None)
        .unwrap();
    assert!(lib.store.delete_transcript(id).unwrap());
    assert!(!lib.store.delete_transcript(id).unwrap(), "already gone");
    assert!(lib.store.get_transcript(id).unwrap().is_none());
    assert!(lib.store.search("quokka", 10).unwrap().is_empty());
    assert!(!lib.store.list_episodes().unwrap()[0].has_transcript);
}

#[test]
fn transcript_for_a_missing_episode_is_refused() {
    let lib = library();
    let err = lib
        .store
        .set_transcript(9, &timed_transcript(&["x"]), None)
        .unwrap_err();
    assert!(matches!(err, StoreError::EpisodeNotFound(9)), "got {err:?}");
}

#[test]
fn long_transcript_stores_and_searches_quickly() {
    let lib = library();
    let id = add_episode(&lib.store, "three hours");
    let lines: Vec<String> = (0..5_000)
        .map(|i| format!("line {i} about topic{} and the weather", i % 97))
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let started = std::time::Instant::now();
    lib.store
        .set_transcript(id, &timed_transcript(&refs), None)
        .unwrap();
    lib.store
        .set_transcript(id, &timed_transcript(&refs), None)
        .unwrap();
    let stored = started.elapsed();
    let started = std::time::Instant::now();
    let hits = lib.store.search("weather", 20).unwrap();
    let searched = started.elapsed();
    assert_eq!(hits.len(), 20, "limit respected");
    assert!(
        stored.as_secs() < 10,
        "storing twice took {stored:?} (debug build)"
    );
    assert!(
        searched.as_millis() < 2_000,
        "search over 5000 matches took {searched:?}"
    );
    let topic = lib.store.search("topic42", 100).unwrap();
    assert_eq!(topic.len(), 52, "every line with topic42 is found once");
}

#[test]
fn highlights_follow_their_text_when_the_transcript_is_retimed() {
    use earmark_core::store::NewHighlight;
    let lib = library();
    let episode = add_episode(&lib.store, "Retimed");
    let original = Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments: vec![
            Segment {
                start_ms: Some(0),
                end_ms: Some(5_000),
                speaker: None,
                text: "Intro words.".into(),
                words: None,
            },
            Segment {
                start_ms: Some(5_000),
                end_ms: Some(9_000),
                speaker: None,
                text: "The passage I keep.".into(),
                words: None,
            },
        ],
    };
    lib.store.set_transcript(episode, &original, None).unwrap();
    let id = lib
        .store
        .add_highlight(
            episode,
            &NewHighlight {
                start_ms: 5_000,
                end_ms: 9_000,
                text: "The passage I keep.".into(),
                ..Default::default()
            },
        )
        .unwrap();
    // An ad was inserted before the passage: every time after it moves by 30 s.
    let shifted = Transcript {
        segments: original
            .segments
            .iter()
            .map(|s| Segment {
                start_ms: s.start_ms.map(|t| t + 30_000),
                end_ms: s.end_ms.map(|t| t + 30_000),
                ..s.clone()
            })
            .collect(),
        ..original.clone()
    };
    lib.store.set_transcript(episode, &shifted, None).unwrap();
    let moved = lib.store.highlight(id).unwrap();
    assert_eq!(
        (moved.start_ms, moved.end_ms),
        (35_000, 39_000),
        "the highlight moved with its words"
    );
    assert_eq!(moved.text, "The passage I keep.", "its quote is unchanged");
}

#[test]
fn highlights_on_a_machine_made_transcript_move_to_the_published_one_that_replaces_it() {
    use earmark_core::store::NewHighlight;
    let lib = library();
    let episode = add_episode(&lib.store, "Transcribed, then published");
    let heard = |start: u64, end: u64, text: &str| Segment {
        start_ms: Some(start),
        end_ms: Some(end),
        speaker: None,
        text: text.into(),
        words: Some(vec![Word::new(start, end, text)]),
    };
    // What the recogniser heard: its own line breaks and punctuation.
    let machine = Transcript {
        format: TranscriptFormat::Speech,
        warnings: Vec::new(),
        segments: vec![
            heard(0, 4_100, "welcome back to the show"),
            heard(
                4_100,
                9_800,
                "today we talk about memory and how we forget what we hear",
            ),
        ],
    };
    lib.store.set_transcript(episode, &machine, None).unwrap();
    assert!(lib
        .store
        .get_transcript(episode)
        .unwrap()
        .unwrap()
        .machine_made());
    let id = lib
        .store
        .add_highlight(
            episode,
            &NewHighlight {
                start_ms: 4_100,
                end_ms: 9_800,
                text: "how we forget what we hear".into(),
                ..Default::default()
            },
        )
        .unwrap();
    // The show publishes its transcript later: other cues, capitals, punctuation.
    let cue = |start: u64, end: u64, text: &str| Segment {
        start_ms: Some(start),
        end_ms: Some(end),
        speaker: Some("Maya".into()),
        text: text.into(),
        words: None,
    };
    let published = Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments: vec![
            cue(0, 2_000, "Welcome back to the show."),
            cue(2_000, 6_500, "Today we talk about memory,"),
            cue(6_500, 9_500, "and how we forget what we hear."),
        ],
    };
    lib.store.set_transcript(episode, &published, None).unwrap();
    assert!(!lib
        .store
        .get_transcript(episode)
        .unwrap()
        .unwrap()
        .machine_made());
    let kept = lib.store.highlight(id).unwrap();
    assert_eq!(
        (kept.start_ms, kept.end_ms),
        (6_500, 9_500),
        "the highlight is on the published cue that says its words"
    );
    assert_eq!(
        kept.text, "how we forget what we hear",
        "its quote is unchanged"
    );
}
