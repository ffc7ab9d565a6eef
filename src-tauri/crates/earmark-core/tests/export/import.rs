//! Import: a round trip into a fresh library, idempotence, finding episodes, and
//! episodes the library does not have.

use earmark_core::export::{
    import_notes, parse_export, to_json, EpisodeNotes, ExportDocument, ExportError,
};
use earmark_core::store::{EpisodeId, NewEpisode, Store};

use crate::{add_local_episode, add_podcast_episode, annotated_library, empty_library, read};

/// The export of every annotated episode of `store`, as a file would hold it.
fn export_all(store: &Store) -> ExportDocument {
    let episodes = EpisodeNotes::read_all(store).unwrap();
    parse_export(&to_json(&episodes).unwrap()).unwrap()
}

/// An episode's notes and highlights without ids: what must survive a round trip.
fn content(store: &Store, episode: EpisodeId) -> (Vec<(u64, String, String)>, Vec<String>) {
    let notes = store
        .list_notes(episode)
        .unwrap()
        .into_iter()
        .map(|n| (n.at_ms, n.text, n.created))
        .collect();
    let highlights = store
        .list_highlights(episode)
        .unwrap()
        .into_iter()
        .map(|h| {
            format!(
                "{}-{} {:?} {} {:?} {}",
                h.start_ms, h.end_ms, h.text, h.color, h.note, h.created
            )
        })
        .collect();
    (notes, highlights)
}

#[test]
fn round_trip_into_a_fresh_library() {
    let (source, episode) = annotated_library();
    let local = add_local_episode(&source.store, "walk");
    let document = export_all(&source.store);

    let target = empty_library();
    // Other episodes first, so that ids differ between the two libraries.
    target
        .store
        .insert_episode(&NewEpisode {
            title: "unrelated".into(),
            ..NewEpisode::default()
        })
        .unwrap();
    let local_there = add_local_episode(&target.store, "walk");
    target
        .store
        .delete_note(target.store.list_notes(local_there).unwrap()[0].id)
        .unwrap();
    let episode_there = add_podcast_episode(&target.store);
    assert_ne!(episode_there, episode, "the test needs different ids");

    let report = import_notes(&target.store, &document).unwrap();
    assert_eq!(
        (report.notes_added, report.highlights_added, report.skipped),
        (4, 1, 0),
        "{report:?}"
    );
    assert_eq!(report.episodes_matched, 2, "{report:?}");
    assert!(report.unknown_episodes.is_empty(), "{report:?}");
    assert_eq!(
        content(&target.store, episode_there),
        content(&source.store, episode),
        "notes and highlights arrive unchanged, creation times included"
    );
    assert_eq!(
        content(&target.store, local_there),
        content(&source.store, local),
        "the local episode is found by its audio file"
    );
    assert_eq!(
        target
            .store
            .search("sediment", 10)
            .unwrap()
            .iter()
            .filter(|h| h.note.is_some())
            .count(),
        1,
        "imported notes are searchable"
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let (source, _) = annotated_library();
    let document = export_all(&source.store);
    let target = empty_library();
    let episode = add_podcast_episode(&target.store);

    let first = import_notes(&target.store, &document).unwrap();
    assert_eq!(
        (first.notes_added, first.highlights_added),
        (3, 1),
        "{first:?}"
    );
    let after_first = content(&target.store, episode);
    let second = import_notes(&target.store, &document).unwrap();
    assert_eq!(
        (second.notes_added, second.highlights_added, second.skipped),
        (0, 0, 4),
        "everything is already there: {second:?}"
    );
    assert_eq!(
        content(&target.store, episode),
        after_first,
        "nothing changed"
    );
}

#[test]
fn importing_an_export_into_its_own_library_adds_nothing() {
    let (lib, episode) = annotated_library();
    let before = content(&lib.store, episode);
    let report = import_notes(&lib.store, &export_all(&lib.store)).unwrap();
    assert_eq!(
        (report.notes_added, report.highlights_added),
        (0, 0),
        "{report:?}"
    );
    assert_eq!(content(&lib.store, episode), before);
}

#[test]
fn identical_notes_are_matched_by_count() {
    let lib = empty_library();
    let episode = add_local_episode(&lib.store, "twice");
    lib.store
        .add_note(episode, 65_000, "note on twice")
        .unwrap();
    let document = export_all(&lib.store);
    assert_eq!(document.episodes[0].notes.len(), 2);

    let target = empty_library();
    let there = add_local_episode(&target.store, "twice");
    let report = import_notes(&target.store, &document).unwrap();
    assert_eq!(
        (report.notes_added, report.skipped),
        (1, 1),
        "one of the two identical notes was already there: {report:?}"
    );
    assert_eq!(target.store.list_notes(there).unwrap().len(), 2);
    let again = import_notes(&target.store, &document).unwrap();
    assert_eq!(again.notes_added, 0, "{again:?}");
}

#[test]
fn episodes_the_library_lacks_are_added_with_their_show() {
    let (source, episode) = annotated_library();
    add_local_episode(&source.store, "walk");
    let document = export_all(&source.store);
    let target = empty_library();
    let local = add_local_episode(&target.store, "walk");
    target
        .store
        .delete_note(target.store.list_notes(local).unwrap()[0].id)
        .unwrap();

    let report = import_notes(&target.store, &document).unwrap();
    assert_eq!(
        (report.notes_added, report.highlights_added, report.skipped),
        (4, 1, 0),
        "{report:?}"
    );
    assert_eq!(
        (
            report.podcasts_added,
            report.episodes_added,
            report.episodes_matched
        ),
        (1, 1, 1),
        "{report:?}"
    );
    assert!(report.unknown_episodes.is_empty(), "{report:?}");
    let podcast = target
        .store
        .podcast_by_feed_url(crate::FEED)
        .unwrap()
        .expect("the show was added");
    let added = target
        .store
        .episode_by_guid(podcast.id, "ep-1")
        .unwrap()
        .expect("the episode was added under its show");
    assert_eq!(
        content(&target.store, added.id),
        content(&source.store, episode)
    );
}

#[test]
fn episodes_are_found_by_title_when_nothing_else_matches() {
    let (source, _) = annotated_library();
    let mut document = export_all(&source.store);
    // A file whose episode lost its feed, guid and audio.
    let exported = &mut document.episodes[0];
    exported.guid = None;
    exported.audio_url = None;
    exported.podcast.as_mut().unwrap().feed_url = None;

    let target = empty_library();
    let episode = target
        .store
        .insert_episode(&NewEpisode {
            title: crate::TITLE.into(),
            ..NewEpisode::default()
        })
        .unwrap();
    let report = import_notes(&target.store, &document).unwrap();
    assert_eq!(report.notes_added, 3, "{report:?}");
    assert_eq!(target.store.list_notes(episode).unwrap().len(), 3);

    // Two episodes of that title and nothing to tell them apart: nothing is guessed.
    let ambiguous = empty_library();
    for _ in 0..2 {
        ambiguous
            .store
            .insert_episode(&NewEpisode {
                title: crate::TITLE.into(),
                ..NewEpisode::default()
            })
            .unwrap();
    }
    let report = import_notes(&ambiguous.store, &document).unwrap();
    assert_eq!(report.notes_added, 0, "{report:?}");
    assert!(
        report.unknown_episodes[0].reason.contains("2 episodes"),
        "{report:?}"
    );
}

#[test]
fn invalid_highlights_are_skipped_not_fatal() {
    let lib = empty_library();
    let episode = add_local_episode(&lib.store, "walk");
    let document = parse_export(
        r#"{"earmark_export": 1, "episodes": [{"title": "walk", "audio_path": "/music/walk.mp3",
            "notes": [{"at_ms": 1000, "text": "fine", "created": "not a date"}],
            "highlights": [{"start_ms": 9, "end_ms": 3, "text": "backwards"}]}]}"#,
    )
    .unwrap();
    let report = import_notes(&lib.store, &document).unwrap();
    assert_eq!(
        (report.notes_added, report.highlights_added, report.skipped),
        (1, 0, 1),
        "{report:?}"
    );
    let note = lib
        .store
        .list_notes(episode)
        .unwrap()
        .into_iter()
        .find(|n| n.text == "fine")
        .unwrap();
    assert!(
        note.created.ends_with('Z') && note.created.len() == 20,
        "a bad date becomes the import time: {}",
        note.created
    );
}

#[test]
fn a_newer_export_is_refused() {
    let lib = empty_library();
    let document = ExportDocument {
        earmark_export: 2,
        podcasts: Vec::new(),
        episodes: Vec::new(),
    };
    let err = import_notes(&lib.store, &document).unwrap_err();
    assert!(
        matches!(err, ExportError::NewerExport { found: 2, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer Earmark"), "{err}");
}

#[test]
fn read_all_takes_only_annotated_episodes() {
    let (lib, episode) = annotated_library();
    lib.store
        .insert_episode(&NewEpisode {
            title: "never annotated".into(),
            ..NewEpisode::default()
        })
        .unwrap();
    let all = EpisodeNotes::read_all(&lib.store).unwrap();
    let ids: Vec<EpisodeId> = all.iter().map(|e| e.episode.id).collect();
    assert_eq!(ids, [episode]);
    assert_eq!(all[0], read(&lib.store, episode));
}

#[test]
fn namesakes_are_told_apart_by_podcast() {
    let (source, _) = annotated_library();
    let mut document = export_all(&source.store);
    document.episodes[0].guid = None;
    document.episodes[0].audio_url = None;

    let target = empty_library();
    target
        .store
        .insert_episode(&NewEpisode {
            title: crate::TITLE.into(),
            ..NewEpisode::default()
        })
        .unwrap();
    // The same show under a new feed address: found by podcast title.
    let podcast = target
        .store
        .add_podcast(&earmark_core::store::NewPodcast {
            title: crate::PODCAST.into(),
            feed_url: Some("https://example.com/moved.xml".into()),
            ..Default::default()
        })
        .unwrap();
    let episode = target
        .store
        .insert_episode(&NewEpisode {
            podcast_id: Some(podcast),
            title: crate::TITLE.into(),
            ..NewEpisode::default()
        })
        .unwrap();
    let report = import_notes(&target.store, &document).unwrap();
    assert_eq!(report.notes_added, 3, "{report:?}");
    assert_eq!(
        target.store.list_notes(episode).unwrap().len(),
        3,
        "the podcast's episode"
    );
}
