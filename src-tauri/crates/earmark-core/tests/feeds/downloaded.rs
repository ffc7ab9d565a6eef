//! What comes with a download (the episode's transcript and chapters) and
//! deleting one (notes and highlights stay; a user's own file is never touched),
//! against a real HTTP server on 127.0.0.1.

use earmark_core::downloads::{self, download, DOWNLOADS_DIR};
use earmark_core::feeds::subscribe;
use earmark_core::library::{import_local, LocalImport};
use earmark_core::store::{NewEpisode, NewHighlight};

use crate::downloads::{assert_same_file, episode_at, fetch, no_progress};
use crate::server::{Route, TestServer};
use crate::subscribe::podcast_server;
use crate::{demo, demo_mp3, playable, quick_client, Library};

#[test]
fn transcript_and_chapters_come_with_the_audio() {
    let server = podcast_server();
    server.serve("/audio/ep1.mp3", Route::ok(demo_mp3(), "audio/mpeg"));
    let library = Library::new();
    let http = quick_client();
    let store = &library.store;
    let sub = subscribe(store, &http, &server.url("/feed.xml")).unwrap();
    let ep3 = store.episode_by_guid(sub.podcast, "ep-3").unwrap().unwrap();
    // Pretend the subscribe-time fetch did not happen for ep3.
    store.clear_chapters(ep3.id).unwrap();
    server.serve("/audio/ep3.mp3", Route::ok(demo_mp3(), "audio/mpeg"));
    let done = download(
        store,
        &http,
        library.data_dir(),
        ep3.id,
        &playable,
        no_progress,
    )
    .unwrap();
    assert_eq!(done.chapters, 3, "chapters fetched with the audio");
    assert!(
        !done.transcript,
        "the transcript was already there and is kept"
    );
    assert!(done.path.starts_with(
        library
            .data_dir()
            .join(DOWNLOADS_DIR)
            .join("the-listening-room")
    ));

    let ep1 = store.episode_by_guid(sub.podcast, "ep-1").unwrap().unwrap();
    let done = download(
        store,
        &http,
        library.data_dir(),
        ep1.id,
        &playable,
        no_progress,
    )
    .unwrap();
    assert!(!done.transcript && done.chapters == 0, "ep1 offers none");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

#[test]
fn deleting_a_download_keeps_notes_and_highlights() {
    let server = TestServer::start();
    server.serve("/audio/ep.mp3", Route::ok(demo_mp3(), "audio/mpeg"));
    let library = Library::new();
    let store = &library.store;
    let episode = episode_at(&library, &server, "/audio/ep.mp3");
    store.add_note(episode, 1_000, "remember this").unwrap();
    store
        .add_highlight(
            episode,
            &NewHighlight {
                start_ms: 0,
                end_ms: 2_000,
                text: "Welcome".into(),
                color: "yellow".into(),
                note: None,
            },
        )
        .unwrap();
    store.set_position(episode, 5_000).unwrap();
    let done = fetch(&library, episode).unwrap();
    assert!(downloads::delete(store, library.data_dir(), episode).unwrap());
    assert!(!done.path.exists());
    let ep = store.episode(episode).unwrap();
    assert_eq!(ep.audio_path, None);
    assert_eq!(ep.position_ms, 5_000);
    assert_eq!(store.list_notes(episode).unwrap().len(), 1);
    assert_eq!(store.list_highlights(episode).unwrap().len(), 1);
    assert!(!store.list_episodes().unwrap()[0].downloaded);
    // And it can come back.
    let again = fetch(&library, episode).unwrap();
    assert_same_file(&again.path, &demo_mp3());
}

#[test]
fn deleting_never_touches_a_users_own_file() {
    let library = Library::new();
    let files = tempfile::tempdir().unwrap();
    let audio = files.path().join("mine.mp3");
    std::fs::copy(demo("demo.mp3"), &audio).unwrap();
    let episode = import_local(
        &library.store,
        &LocalImport {
            audio: audio.clone(),
            ..LocalImport::default()
        },
    )
    .unwrap();
    let e = downloads::delete(&library.store, library.data_dir(), episode).unwrap_err();
    assert_eq!(e.code(), "not_a_download");
    assert!(audio.exists());
    assert!(library.store.episode(episode).unwrap().audio_path.is_some());
}

#[test]
fn an_episode_without_audio_address_says_so() {
    let library = Library::new();
    let episode = library
        .store
        .insert_episode(&NewEpisode {
            title: "Text only".into(),
            ..NewEpisode::default()
        })
        .unwrap();
    let e = fetch(&library, episode).unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"Text only\" has no audio address to download from."
    );
}
