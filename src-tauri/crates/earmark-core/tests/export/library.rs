//! The whole library through JSON: exported from one data folder, imported into an
//! empty one, everything compared; imported twice, nothing added.

use earmark_core::export::{import_notes, library_to_json, parse_export, EpisodeNotes};
use earmark_core::store::{NewEpisode, NewPodcast, Store, TranscriptOrigin};

use crate::{add_local_episode, annotated_library, empty_library};

/// Everything the library holds that a move must keep, without row ids.
fn everything(store: &Store) -> Vec<String> {
    let mut rows: Vec<String> = store
        .podcasts()
        .unwrap()
        .into_iter()
        .map(|p| {
            format!(
                "show {:?} {:?} {:?} {:?} {}",
                p.title, p.feed_url, p.description, p.image_url, p.created
            )
        })
        .collect();
    for e in EpisodeNotes::read_every(store).unwrap() {
        let episode = &e.episode;
        rows.push(format!(
            "episode {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {} {:?} {}",
            e.podcast.as_ref().map(|p| &p.title),
            episode.guid,
            episode.title,
            episode.description,
            episode.published,
            episode.audio_url,
            episode.duration_ms,
            episode.position_ms,
            episode.played,
            episode.last_opened,
            episode.created,
        ));
        rows.push(format!(
            "transcript of {:?}: {:?} from {:?}",
            episode.title, e.transcript, e.transcript_page
        ));
        for n in &e.notes {
            rows.push(format!(
                "note {:?} {} {:?} {} {}",
                episode.title, n.at_ms, n.text, n.created, n.updated
            ));
        }
        for h in &e.highlights {
            rows.push(format!(
                "highlight {:?} {}-{} {:?} {} {:?} {}",
                episode.title, h.start_ms, h.end_ms, h.text, h.color, h.note, h.created
            ));
        }
    }
    rows.sort();
    rows
}

/// A library with a show and an annotated episode, the show's other episode (listened
/// half-way, no notes), a subscription without episodes, and a local file.
fn full_library() -> crate::Library {
    let (lib, episode) = annotated_library();
    // Its transcript came from the episode's page, which cut it off.
    let transcript = lib.store.get_transcript(episode).unwrap().unwrap();
    let page = TranscriptOrigin::page("https://example.com/ep1/", true);
    lib.store
        .set_transcript_from(episode, &transcript, &page)
        .unwrap();
    let podcast = lib.store.episode(episode).unwrap().podcast_id;
    let half = lib
        .store
        .insert_episode(&NewEpisode {
            podcast_id: podcast,
            guid: Some("ep-2".into()),
            title: "Episode: Two".into(),
            description: Some("Show notes of two.".into()),
            published: Some("2024-06-01T08:00:00Z".into()),
            audio_url: Some("https://example.com/ep2.mp3".into()),
            duration_ms: Some(1_800_000),
            ..NewEpisode::default()
        })
        .unwrap();
    lib.store.set_position(half, 900_000).unwrap();
    lib.store.mark_opened(half).unwrap();
    lib.store
        .add_podcast(&NewPodcast {
            title: "Subscribed, nothing yet".into(),
            feed_url: Some("https://example.org/empty.xml".into()),
            description: Some("A show.".into()),
            image_url: Some("https://example.org/cover.jpg".into()),
        })
        .unwrap();
    add_local_episode(&lib.store, "walk");
    lib
}

fn library_document(store: &Store) -> earmark_core::export::ExportDocument {
    let json = library_to_json(
        &store.podcasts().unwrap(),
        &EpisodeNotes::read_every(store).unwrap(),
    )
    .unwrap();
    parse_export(&json).unwrap()
}

#[test]
fn an_exported_library_is_rebuilt_in_an_empty_one() {
    let source = full_library();
    let document = library_document(&source.store);
    let target = empty_library();
    let report = import_notes(&target.store, &document).unwrap();
    assert_eq!(
        (
            report.podcasts_added,
            report.episodes_added,
            report.transcripts_added,
            report.positions_restored
        ),
        (2, 3, 1, 1),
        "{report:?}"
    );
    assert_eq!(everything(&target.store), everything(&source.store));
    assert!(
        everything(&target.store)
            .iter()
            .any(|row| row.ends_with(r#"from Some(("https://example.com/ep1/", true))"#)),
        "the page the transcript came from is kept, cut off as it was"
    );
    let podcast = target
        .store
        .podcast_by_feed_url(crate::FEED)
        .unwrap()
        .unwrap();
    let two = target
        .store
        .episode_by_guid(podcast.id, "ep-2")
        .unwrap()
        .unwrap();
    assert_eq!(
        two.audio_url.as_deref(),
        Some("https://example.com/ep2.mp3"),
        "the download can be fetched again"
    );
    assert_eq!(two.audio_path, None, "no file of another machine");
    assert_eq!(
        target.store.search("sediment", 10).unwrap().len(),
        source.store.search("sediment", 10).unwrap().len(),
        "transcripts and notes are searchable again"
    );
}

#[test]
fn importing_the_library_twice_adds_nothing() {
    let source = full_library();
    let document = library_document(&source.store);
    let target = empty_library();
    import_notes(&target.store, &document).unwrap();
    let once = everything(&target.store);
    let again = import_notes(&target.store, &document).unwrap();
    assert_eq!(
        (
            again.podcasts_added,
            again.episodes_added,
            again.transcripts_added,
            again.positions_restored,
            again.notes_added,
            again.highlights_added
        ),
        (0, 0, 0, 0, 0, 0),
        "{again:?}"
    );
    assert_eq!(again.episodes_matched, 3, "{again:?}");
    assert_eq!(everything(&target.store), once);
}

#[test]
fn progress_made_here_is_not_overwritten() {
    let source = full_library();
    let document = library_document(&source.store);
    let target = empty_library();
    import_notes(&target.store, &document).unwrap();
    let podcast = target
        .store
        .podcast_by_feed_url(crate::FEED)
        .unwrap()
        .unwrap();
    let two = target
        .store
        .episode_by_guid(podcast.id, "ep-2")
        .unwrap()
        .unwrap();
    target.store.set_position(two.id, 1_000_000).unwrap();
    import_notes(&target.store, &document).unwrap();
    assert_eq!(target.store.episode(two.id).unwrap().position_ms, 1_000_000);
}

#[test]
fn namesakes_in_other_shows_stay_apart() {
    let source = empty_library();
    for (show, feed) in [("A", "https://a/feed"), ("B", "https://b/feed")] {
        let podcast = source
            .store
            .add_podcast(&NewPodcast {
                title: show.into(),
                feed_url: Some(feed.into()),
                ..NewPodcast::default()
            })
            .unwrap();
        let episode = source
            .store
            .insert_episode(&NewEpisode {
                podcast_id: Some(podcast),
                guid: Some(format!("{show}-trailer")),
                title: "Trailer".into(),
                ..NewEpisode::default()
            })
            .unwrap();
        source
            .store
            .add_note(episode, 0, &format!("on {show}"))
            .unwrap();
    }
    let target = empty_library();
    let report = import_notes(&target.store, &library_document(&source.store)).unwrap();
    assert_eq!(report.episodes_added, 2, "{report:?}");
    assert_eq!(everything(&target.store), everything(&source.store));
}
