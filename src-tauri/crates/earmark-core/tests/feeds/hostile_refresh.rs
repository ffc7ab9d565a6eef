//! Issue 13, "the process survives": a subscribed feed that turns hostile on refresh
//! (the 2,000-deep nesting that overflowed the stack) fails that show's refresh in a
//! sentence, through the same refresh code the app's periodic check runs, and the
//! other shows and every stored episode are left as they were.

use earmark_core::feeds::{refresh_all, subscribe, RefreshAll};

use crate::bounds::deep_rss;
use crate::server::{Route, TestServer};
use crate::{fixture, quick_client, Library};

#[test]
fn a_feed_turned_hostile_fails_alone_and_the_library_stays_whole() {
    let server = TestServer::start();
    let base = server.url("");
    server.serve(
        "/good.xml",
        Route::ok(fixture("podcast20.xml", &base), "application/rss+xml"),
    );
    server.serve(
        "/turns.xml",
        Route::ok(fixture("atom.xml", &base), "application/atom+xml"),
    );
    let library = Library::new();
    let http = quick_client();
    let good = subscribe(&library.store, &http, &server.url("/good.xml")).unwrap();
    let turns = subscribe(&library.store, &http, &server.url("/turns.xml")).unwrap();
    let before = library.store.list_episodes().unwrap();
    assert_eq!(before.len(), good.episodes + turns.episodes);

    server.serve(
        "/turns.xml",
        Route::ok(deep_rss(2_000), "application/rss+xml"),
    );
    let results = refresh_all(&library.store, &http, RefreshAll::ASKED, &|_| {})
        .unwrap()
        .outcomes;
    assert_eq!(results.len(), 2);
    for (podcast, result) in &results {
        if podcast.id == turns.podcast {
            let e = result.as_ref().unwrap_err();
            assert_eq!(e.code(), "malformed_feed");
            let message = e.to_string();
            assert!(
                message.starts_with(&format!("The feed at {}", server.url("/turns.xml")))
                    && message.contains("nested more than 100 deep")
                    && message.ends_with('.'),
                "{message}"
            );
        } else {
            let done = result.as_ref().unwrap();
            assert_eq!(done.podcast, good.podcast);
            assert_eq!(done.episodes, good.episodes);
        }
    }
    let after = library.store.list_episodes().unwrap();
    let ids = |list: &[earmark_core::store::EpisodeSummary]| {
        list.iter()
            .map(|e| (e.id, e.title.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&after), ids(&before), "every episode is still there");
    assert_eq!(
        library.store.podcast(turns.podcast).unwrap().title,
        turns.title
    );
}
