//! Subscribing and refreshing against a real HTTP server on 127.0.0.1.

use std::time::{Duration, Instant};

use earmark_core::feeds::{refresh, subscribe, SubscribeError};
use earmark_core::http::{HttpClient, NetError};
use earmark_core::store::LinkKind;
use earmark_core::transcript::TranscriptFormat;

use crate::server::{closed_port, Route, TestServer};
use crate::{demo, fixture, fixtures_dir, quick_client, Library};

/// A server with the Podcasting 2.0 feed at /feed.xml and its transcripts and
/// chapters.
pub fn podcast_server() -> TestServer {
    let server = TestServer::start();
    let base = server.url("");
    server.serve(
        "/feed.xml",
        Route::ok(fixture("podcast20.xml", &base), "application/rss+xml"),
    );
    server.serve(
        "/atom.xml",
        Route::ok(fixture("atom.xml", &base), "application/atom+xml"),
    );
    let vtt = std::fs::read(demo("demo.vtt")).unwrap();
    server.serve("/t/ep3.vtt", Route::ok(vtt, "text/vtt"));
    server.serve(
        "/t/ep3.srt",
        Route::ok(
            "1\n00:00:01,000 --> 00:00:02,000\nsrt line\n",
            "application/x-subrip",
        ),
    );
    server.serve(
        "/t/ep2.srt",
        Route::ok(
            "1\n00:00:01,000 --> 00:00:02,500\nShorthand is old.\n",
            "application/x-subrip",
        ),
    );
    let chapters = std::fs::read(fixtures_dir().join("chapters.json")).unwrap();
    server.serve(
        "/c/ep3.json",
        Route::ok(chapters, "application/json+chapters"),
    );
    server
}

#[test]
fn feed_add_stores_the_podcast_episodes_transcripts_and_chapters() {
    let server = podcast_server();
    let library = Library::new();
    let http = quick_client();
    let done = subscribe(&library.store, &http, &server.url("/feed.xml")).unwrap();
    assert!(done.subscribed_now);
    assert_eq!(done.episodes, 3);
    assert_eq!(done.new_episodes, 3);
    assert_eq!(done.transcripts, 2, "ep3 (vtt) and ep2 (srt); ep1 has none");
    assert_eq!(done.chapters, 1);
    assert_eq!(
        library
            .store
            .podcast_language(done.podcast)
            .unwrap()
            .as_deref(),
        Some("en-US"),
        "the show keeps its language"
    );
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);

    let store = &library.store;
    let podcast = store.podcast(done.podcast).unwrap();
    assert_eq!(podcast.title, "The Listening Room");
    assert_eq!(
        podcast.feed_url.as_deref(),
        Some(server.url("/feed.xml").as_str())
    );
    let ep3 = store
        .episode_by_guid(done.podcast, "ep-3")
        .unwrap()
        .unwrap();
    assert_eq!(ep3.published.as_deref(), Some("2024-05-01T12:00:00Z"));
    assert_eq!(ep3.duration_ms, Some(3_723_000));
    assert_eq!(
        ep3.audio_url.as_deref(),
        Some(server.url("/audio/ep3.mp3").as_str())
    );
    assert_eq!(ep3.audio_path, None, "nothing is downloaded yet");

    let transcript = store
        .get_transcript(ep3.id)
        .unwrap()
        .expect("ep3 transcript");
    assert_eq!(
        transcript.format,
        TranscriptFormat::Vtt,
        "VTT is preferred over SRT"
    );
    assert!(transcript.timed());
    let ep2 = store
        .episode_by_guid(done.podcast, "ep-2")
        .unwrap()
        .unwrap();
    assert_eq!(
        store.get_transcript(ep2.id).unwrap().unwrap().format,
        TranscriptFormat::Srt
    );
    assert!(
        server.seen_at("/t/ep3.srt").is_empty(),
        "only the best transcript is fetched when it works"
    );

    let (chapters, _) = store.chapters(ep3.id).unwrap().expect("chapters");
    let titles: Vec<_> = chapters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Welcome", "Why we forget", "What helps"]);
    assert_eq!(chapters[1].start_ms, 42_500);

    let links = store.episode_links(ep3.id).unwrap();
    assert_eq!(
        links
            .iter()
            .filter(|l| l.kind == LinkKind::Transcript)
            .count(),
        5
    );
    assert_eq!(links[0].kind, LinkKind::Enclosure);
    assert_eq!(links[0].mime.as_deref(), Some("audio/mpeg"));
    let people = store.episode_people(ep3.id).unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0].role.as_deref(), Some("host"));

    let hits = store.search("shorthand", 10).unwrap();
    assert!(!hits.is_empty(), "episodes and transcripts are searchable");
}

#[test]
fn refresh_counts_new_episodes_and_keeps_what_the_user_did() {
    let server = podcast_server();
    let library = Library::new();
    let http = quick_client();
    let store = &library.store;
    let done = subscribe(store, &http, &server.url("/feed.xml")).unwrap();
    let ep1 = store
        .episode_by_guid(done.podcast, "ep-1")
        .unwrap()
        .unwrap();
    store.set_position(ep1.id, 60_000).unwrap();
    store.add_note(ep1.id, 30_000, "my note").unwrap();

    let again = refresh(store, &http, done.podcast).unwrap();
    assert_eq!(again.new_episodes, 0, "nothing new");
    assert!(!again.subscribed_now);

    // The feed gains an episode and renames one.
    let base = server.url("");
    let text = String::from_utf8(fixture("podcast20.xml", &base))
        .unwrap()
        .replace("<title>Pilot</title>", "<title>Pilot (remastered)</title>")
        .replace(
            "<item>\n      <title>Hearing It Twice</title>",
            "<item><title>Brand new</title><guid>ep-4</guid>\
             <pubDate>Thu, 02 May 2024 12:00:00 +0000</pubDate>\
             <enclosure url=\"https://example.com/ep4.mp3\" type=\"audio/mpeg\"/></item>\n    \
             <item>\n      <title>Hearing It Twice</title>",
        );
    server.serve("/feed.xml", Route::ok(text, "application/rss+xml"));
    let again = refresh(store, &http, done.podcast).unwrap();
    assert_eq!(again.new_episodes, 1);
    assert_eq!(again.episodes, 4);
    let ep1 = store.episode(ep1.id).unwrap();
    assert_eq!(ep1.title, "Pilot (remastered)", "details follow the feed");
    assert_eq!(ep1.position_ms, 60_000, "position kept");
    assert_eq!(store.list_notes(ep1.id).unwrap().len(), 1, "notes kept");

    // Subscribing again to the same address refreshes the same podcast.
    let same = subscribe(store, &http, &server.url("/feed.xml")).unwrap();
    assert_eq!(same.podcast, done.podcast);
    assert!(!same.subscribed_now);
    assert_eq!(store.podcasts().unwrap().len(), 1);
}

#[test]
fn atom_feeds_subscribe_too() {
    let server = podcast_server();
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/atom.xml")).unwrap();
    assert_eq!(done.episodes, 2);
    assert_eq!(
        library.store.podcast(done.podcast).unwrap().title,
        "Atom Talks"
    );
    // Its transcript link points at atom.example, which is not contacted: only the
    // newest episodes' extras are fetched, and failures are warnings.
    assert!(!done.warnings.is_empty());
}

#[test]
fn errors_read_as_sentences() {
    let server = podcast_server();
    server.serve(
        "/page.html",
        Route::ok(
            std::fs::read(fixtures_dir().join("webpage.html")).unwrap(),
            "text/html",
        ),
    );
    let library = Library::new();
    let http = quick_client();
    let store = &library.store;

    let missing = server.url("/missing.xml");
    let e = subscribe(store, &http, &missing).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("404 Not found: there is nothing at {missing}.")
    );
    assert_eq!(e.code(), "not_found");

    let page = server.url("/page.html");
    let e = subscribe(store, &http, &page).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "The page at {page} is a web page that names no podcast feed. Paste the show's \
             feed address, or the address of its page on the show's own site."
        )
    );

    let port = closed_port();
    let e = subscribe(store, &http, &format!("http://127.0.0.1:{port}/feed")).unwrap_err();
    assert!(
        e.to_string()
            .starts_with(&format!("Could not reach 127.0.0.1:{port}")),
        "{e}"
    );

    let e = subscribe(store, &http, "file:///etc/passwd").unwrap_err();
    assert!(
        matches!(e, SubscribeError::Net(NetError::BadUrl { .. })),
        "{e}"
    );

    assert!(
        store.podcasts().unwrap().is_empty(),
        "failed subscriptions add nothing"
    );
}

#[test]
fn slow_servers_time_out() {
    let server = TestServer::start();
    let mut slow = Route::ok(fixture("podcast20.xml", "https://example.com"), "text/xml");
    slow.delay = Duration::from_secs(4);
    server.serve("/slow.xml", slow);
    let library = Library::new();
    let started = Instant::now();
    let e = subscribe(&library.store, &quick_client(), &server.url("/slow.xml")).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "gave up after {:?}",
        started.elapsed()
    );
    assert!(
        matches!(e, SubscribeError::Net(NetError::TimedOut { .. })),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .contains("did not answer in time (waited 1 s)"),
        "{e}"
    );
}

#[test]
fn oversized_responses_are_cut_off() {
    let server = TestServer::start();
    let big = vec![b' '; 21_000_000];
    server.serve("/big.xml", Route::ok(big.clone(), "text/xml"));
    let mut streamed = Route::ok(big, "text/xml");
    streamed.no_length = true;
    server.serve("/streamed.xml", streamed);
    let http = HttpClient::new().unwrap();
    for path in ["/big.xml", "/streamed.xml"] {
        let e = http.fetch(&server.url(path), 20_000_000).unwrap_err();
        assert!(matches!(e, NetError::TooLarge { .. }), "{path}: {e:?}");
        assert!(e.to_string().contains("larger than 20 MB"), "{e}");
    }
}
