//! Episodes: insert, get, the library list, position, played, delete.

use std::path::PathBuf;

use earmark_core::store::{
    EpisodeId, NewEpisode, NewHighlight, NewPodcast, Store, StoreError, PLAYED_WITHIN_MS,
};

use crate::{add_episode, library, timed_transcript};

fn podcast(store: &Store, title: &str) -> i64 {
    store
        .add_podcast(&NewPodcast {
            title: title.to_owned(),
            ..NewPodcast::default()
        })
        .unwrap()
}

fn feed_episode(store: &Store, podcast: i64, title: &str, published: Option<&str>) -> EpisodeId {
    store
        .insert_episode(&NewEpisode {
            podcast_id: Some(podcast),
            guid: Some(format!("guid-{title}")),
            title: title.to_owned(),
            published: published.map(str::to_owned),
            ..NewEpisode::default()
        })
        .unwrap()
}

#[test]
fn episode_round_trips_every_field() {
    let lib = library();
    let show = podcast(&lib.store, "Show");
    let new = NewEpisode {
        podcast_id: Some(show),
        guid: Some("abc".into()),
        title: "Episode 1".into(),
        description: Some("About rivers".into()),
        published: Some("2024-05-01T12:00:00Z".into()),
        audio_path: Some(PathBuf::from("/music/ep1.mp3")),
        audio_url: Some("https://example.org/ep1.mp3".into()),
        duration_ms: Some(3_600_000),
    };
    let id = lib.store.insert_episode(&new).unwrap();
    let got = lib.store.episode(id).unwrap();
    assert_eq!(got.podcast_id, Some(show));
    assert_eq!(got.guid.as_deref(), Some("abc"));
    assert_eq!(got.title, "Episode 1");
    assert_eq!(got.description.as_deref(), Some("About rivers"));
    assert_eq!(got.published.as_deref(), Some("2024-05-01T12:00:00Z"));
    assert_eq!(got.audio_path, new.audio_path);
    assert_eq!(got.audio_url, new.audio_url);
    assert_eq!(got.duration_ms, Some(3_600_000));
    assert_eq!((got.position_ms, got.played), (0, false), "starts unplayed");
    assert!(got.last_opened.is_none());
    assert_eq!(got.created.len(), 20, "RFC 3339 seconds: {}", got.created);
    assert_eq!(
        lib.store
            .episode_by_guid(show, "abc")
            .unwrap()
            .map(|e| e.id),
        Some(id)
    );
    assert_eq!(
        lib.store
            .episode_by_audio_path(&PathBuf::from("/music/ep1.mp3"))
            .unwrap()
            .map(|e| e.id),
        Some(id)
    );
}

#[test]
fn list_groups_by_podcast_newest_first_local_files_last() {
    let lib = library();
    let s = &lib.store;
    let zebra = podcast(s, "Zebra talks");
    let alpha = podcast(s, "alpha hour");
    let local = add_episode(s, "my recording");
    let z1 = feed_episode(s, zebra, "z old", Some("2023-01-01T00:00:00Z"));
    let a_undated = feed_episode(s, alpha, "a undated", None);
    let a1 = feed_episode(s, alpha, "a old", Some("2024-01-01T00:00:00Z"));
    let a2 = feed_episode(s, alpha, "a new", Some("2024-06-01T00:00:00Z"));
    let ids: Vec<_> = s.list_episodes().unwrap().iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![a2, a1, a_undated, z1, local]);
}

#[test]
fn summary_has_the_cli_list_shape() {
    let lib = library();
    let show = podcast(&lib.store, "Show");
    let audio = lib.dir.path().join("ep.mp3");
    std::fs::write(&audio, b"not really audio").unwrap();
    let on_disk = lib
        .store
        .insert_episode(&NewEpisode {
            podcast_id: Some(show),
            title: "On disk".into(),
            audio_path: Some(audio),
            duration_ms: Some(90_000),
            ..NewEpisode::default()
        })
        .unwrap();
    let missing = lib
        .store
        .insert_episode(&NewEpisode {
            title: "Gone".into(),
            audio_path: Some(lib.dir.path().join("deleted.mp3")),
            ..NewEpisode::default()
        })
        .unwrap();
    lib.store
        .set_transcript(on_disk, &timed_transcript(&["hi"]), None)
        .unwrap();
    lib.store.set_position(on_disk, 4_000).unwrap();

    let list = lib.store.list_episodes().unwrap();
    let json = serde_json::to_value(&list).unwrap();
    let first = json[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "downloaded",
            "duration_ms",
            "has_transcript",
            "id",
            "last_opened",
            "played",
            "podcast",
            "podcast_id",
            "position_ms",
            "published",
            "title"
        ]
    );
    assert_eq!(json[0]["id"], on_disk);
    assert_eq!(json[0]["podcast"], "Show");
    assert_eq!(json[0]["downloaded"], true);
    assert_eq!(json[0]["has_transcript"], true);
    assert_eq!(json[0]["position_ms"], 4_000);
    assert_eq!(json[0]["duration_ms"], 90_000);
    assert_eq!(json[1]["id"], missing);
    assert!(json[1]["podcast"].is_null(), "local file has no podcast");
    assert!(json[1]["published"].is_null());
    assert!(json[1]["duration_ms"].is_null());
    assert_eq!(
        json[1]["downloaded"], false,
        "path set but file missing is not downloaded"
    );
    assert_eq!(json[1]["has_transcript"], false);
}

#[test]
fn position_near_the_end_marks_played() {
    let lib = library();
    let id = lib
        .store
        .insert_episode(&NewEpisode {
            title: "e".into(),
            duration_ms: Some(60_000),
            ..NewEpisode::default()
        })
        .unwrap();
    lib.store
        .set_position(id, 60_000 - PLAYED_WITHIN_MS - 1)
        .unwrap();
    assert!(
        !lib.store.episode(id).unwrap().played,
        "not yet near the end"
    );
    lib.store
        .set_position(id, 60_000 - PLAYED_WITHIN_MS)
        .unwrap();
    assert!(lib.store.episode(id).unwrap().played, "within the last 5 s");
    lib.store.set_position(id, 1_000).unwrap();
    let e = lib.store.episode(id).unwrap();
    assert!(e.played, "going back keeps it played");
    assert_eq!(e.position_ms, 1_000);
    lib.store.mark_played(id, false).unwrap();
    assert!(!lib.store.episode(id).unwrap().played);
}

#[test]
fn unknown_duration_never_marks_played_until_known() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    lib.store.set_position(id, 10_000_000).unwrap();
    assert!(!lib.store.episode(id).unwrap().played);
    lib.store.set_duration(id, 10_002_000).unwrap();
    lib.store.set_position(id, 10_000_000).unwrap();
    let e = lib.store.episode(id).unwrap();
    assert_eq!(e.duration_ms, Some(10_002_000));
    assert!(e.played);
}

#[test]
fn audio_path_and_opened_time_update() {
    let lib = library();
    let id = add_episode(&lib.store, "e");
    let audio = lib.dir.path().join("e.mp3");
    std::fs::write(&audio, b"x").unwrap();
    lib.store.set_audio_path(id, Some(&audio)).unwrap();
    assert!(lib.store.list_episodes().unwrap()[0].downloaded);
    lib.store.set_audio_path(id, None).unwrap();
    assert!(!lib.store.list_episodes().unwrap()[0].downloaded);
    lib.store.mark_opened(id).unwrap();
    let opened = lib.store.episode(id).unwrap().last_opened.unwrap();
    assert!(opened.ends_with('Z'), "UTC RFC 3339: {opened}");
}

#[test]
fn deleting_an_episode_removes_what_hangs_on_it() {
    let lib = library();
    let s = &lib.store;
    let keep = add_episode(s, "keep");
    let gone = add_episode(s, "gone");
    for id in [keep, gone] {
        s.add_note(id, 1, "marmalade").unwrap();
        s.add_highlight(
            id,
            &NewHighlight {
                text: "marmalade".into(),
                ..NewHighlight::default()
            },
        )
        .unwrap();
        s.set_transcript(id, &timed_transcript(&["marmalade"]), None)
            .unwrap();
    }
    s.delete_episode(gone).unwrap();
    assert!(matches!(
        s.episode(gone),
        Err(StoreError::EpisodeNotFound(_))
    ));
    assert!(s.get_transcript(gone).unwrap().is_none());
    let hits = s.search("marmalade", 50).unwrap();
    assert_eq!(
        hits.len(),
        3,
        "only the kept episode's note, highlight, line"
    );
    assert!(hits.iter().all(|h| h.episode == keep), "{hits:?}");
    assert_eq!(s.list_notes(keep).unwrap().len(), 1);
}

#[test]
fn feed_details_update_and_reach_the_index() {
    let lib = library();
    let show = podcast(&lib.store, "Show");
    let id = feed_episode(&lib.store, show, "Draft title", None);
    lib.store.set_position(id, 7_000).unwrap();
    let details = NewEpisode {
        title: "Final title about glaciers".into(),
        description: Some("Ice".into()),
        published: Some("2024-02-02T00:00:00Z".into()),
        audio_url: Some("https://example.org/e.mp3".into()),
        ..NewEpisode::default()
    };
    lib.store.update_episode_details(id, &details).unwrap();
    let e = lib.store.episode(id).unwrap();
    assert_eq!(e.title, "Final title about glaciers");
    assert_eq!(e.published.as_deref(), Some("2024-02-02T00:00:00Z"));
    assert_eq!(e.podcast_id, Some(show), "podcast kept");
    assert_eq!(e.guid.as_deref(), Some("guid-Draft title"), "guid kept");
    assert_eq!(e.position_ms, 7_000, "position kept");
    assert!(
        lib.store.search("draft", 5).unwrap().is_empty(),
        "old title unindexed"
    );
    assert_eq!(lib.store.search("glaciers", 5).unwrap().len(), 1);
    assert!(matches!(
        lib.store.update_episode_details(999, &details),
        Err(StoreError::EpisodeNotFound(999))
    ));
}

#[test]
fn deleting_a_podcast_keeps_its_episodes() {
    let lib = library();
    let show = podcast(&lib.store, "Show");
    let id = feed_episode(&lib.store, show, "e", None);
    lib.store.delete_podcast(show).unwrap();
    let e = lib.store.episode(id).unwrap();
    assert_eq!(e.podcast_id, None, "episode stays, without a podcast");
    assert!(lib.store.list_episodes().unwrap()[0].podcast.is_none());
}

#[test]
fn leaving_a_show_keeps_only_the_listeners_work_and_the_named_episode() {
    let lib = library();
    let s = &lib.store;
    let show = podcast(s, "Show");
    let other = podcast(s, "Other");
    let plain = feed_episode(s, show, "plain", None);
    s.set_audio_path(
        plain,
        Some(&PathBuf::from("/data/downloads/show/1-plain.mp3")),
    )
    .unwrap();
    let streamed = feed_episode(s, show, "streamed", None);
    let noted = feed_episode(s, show, "noted", None);
    s.add_note(noted, 1_000, "keep this").unwrap();
    let highlighted = feed_episode(s, show, "highlighted", None);
    let passage = NewHighlight {
        end_ms: 500,
        text: "a passage".to_owned(),
        ..NewHighlight::default()
    };
    s.add_highlight(highlighted, &passage).unwrap();
    let playing = feed_episode(s, show, "playing", None);
    let elsewhere = feed_episode(s, other, "elsewhere", None);

    let left = s.leave_show(show, Some(playing)).unwrap();
    assert_eq!(left.title, "Show");
    assert_eq!((left.removed, left.kept), (2, 3), "{left:?}");
    assert_eq!(
        left.removed_audio,
        vec![PathBuf::from("/data/downloads/show/1-plain.mp3")],
        "the removed episodes' audio is named for deleting"
    );
    for gone in [plain, streamed] {
        assert!(matches!(
            s.episode(gone),
            Err(StoreError::EpisodeNotFound(_))
        ));
    }
    for kept in [noted, highlighted, playing] {
        assert_eq!(
            s.episode(kept).unwrap().podcast_id,
            None,
            "kept without a show"
        );
    }
    assert_eq!(s.list_notes(noted).unwrap().len(), 1, "the note stays");
    assert!(matches!(
        s.podcast(show),
        Err(StoreError::PodcastNotFound(_))
    ));
    assert_eq!(
        s.episode(elsewhere).unwrap().podcast_id,
        Some(other),
        "other shows untouched"
    );
    assert!(matches!(
        s.leave_show(show, None),
        Err(StoreError::PodcastNotFound(_))
    ));
}

#[test]
fn missing_episode_errors_name_the_episode() {
    let lib = library();
    let s = &lib.store;
    for err in [
        s.episode(404).unwrap_err(),
        s.set_position(404, 1).unwrap_err(),
        s.mark_played(404, true).unwrap_err(),
        s.set_duration(404, 1).unwrap_err(),
        s.delete_episode(404).unwrap_err(),
        s.list_notes(404).unwrap_err(),
    ] {
        assert!(
            matches!(err, StoreError::EpisodeNotFound(404)),
            "got {err:?}"
        );
        assert_eq!(err.to_string(), "There is no episode 404 in the library.");
    }
    let err = s
        .insert_episode(&NewEpisode {
            podcast_id: Some(77),
            title: "orphan".into(),
            ..NewEpisode::default()
        })
        .unwrap_err();
    assert!(
        matches!(err, StoreError::PodcastNotFound(77)),
        "got {err:?}"
    );
}
