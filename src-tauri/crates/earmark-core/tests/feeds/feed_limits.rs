//! What a feed's own claims may cost, against a real HTTP server on 127.0.0.1: an
//! enclosure `length` holds a download to account only when the server announces no
//! length, and only within reason; a feed listing many transcripts per episode gets
//! a few fetches, best format first, the episode's web page the last of them.

use earmark_core::downloads::{download_with, DownloadError};
use earmark_core::feeds::{subscribe, EXTRAS_FOR_NEWEST, TRANSCRIPT_TRIES};
use earmark_core::store::{EpisodeId, LinkKind};

use crate::downloads::{assert_same_file, no_progress, options};
use crate::server::{Route, TestServer};
use crate::{demo_mp3, quick_client, Library};

/// An RSS item: guid `name`, audio at `/audio/<name>.mp3` of the given `length`
/// attribute, and these transcript links.
fn item(base: &str, name: &str, day: u32, length: &str, transcripts: &[(&str, &str)]) -> String {
    let links: String = transcripts
        .iter()
        .map(|(file, mime)| {
            format!("<podcast:transcript url=\"{base}/t/{name}/{file}\" type=\"{mime}\"/>")
        })
        .collect();
    format!(
        "<item><title>{name}</title><guid>{name}</guid>\
         <pubDate>{day:02} May 2024 12:00:00 +0000</pubDate>\
         <enclosure url=\"{base}/audio/{name}.mp3\" type=\"audio/mpeg\" length=\"{length}\"/>\
         {links}</item>"
    )
}

fn feed(items: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" \
         xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel>\
         <title>Claims</title>{}</channel></rss>",
        items.concat()
    )
}

/// Subscribes a fresh library to `feed` served at /feed.xml.
fn subscribed(server: &TestServer, feed: String) -> (Library, Vec<(String, EpisodeId)>) {
    server.serve("/feed.xml", Route::ok(feed, "application/rss+xml"));
    let library = Library::new();
    let done = subscribe(&library.store, &quick_client(), &server.url("/feed.xml")).unwrap();
    let episodes = library
        .store
        .list_episodes()
        .unwrap()
        .into_iter()
        .filter(|e| e.podcast_id == Some(done.podcast))
        .map(|e| (e.title, e.id))
        .collect();
    (library, episodes)
}

fn download(library: &Library, episode: EpisodeId) -> Result<u64, DownloadError> {
    download_with(
        &library.store,
        &quick_client(),
        library.data_dir(),
        episode,
        options(1),
        &mut no_progress,
    )
    .map(|d| {
        assert_same_file(&d.path, &demo_mp3());
        d.bytes
    })
}

#[test]
fn the_enclosure_length_counts_only_without_a_server_length_and_within_reason() {
    let server = TestServer::start();
    let base = server.url("");
    let real = demo_mp3().len();
    let (library, episodes) = subscribed(
        &server,
        feed(&[
            item(&base, "cut", 1, &real.to_string(), &[]),
            item(&base, "placeholder", 2, "1", &[]),
            item(&base, "approximate", 3, &(real * 3 / 2).to_string(), &[]),
            item(&base, "announced", 4, "999999999", &[]),
        ]),
    );
    let id = |name: &str| episodes.iter().find(|(t, _)| t == name).unwrap().1;
    let unannounced = |body: Vec<u8>| {
        let mut route = Route::ok(body, "audio/mpeg");
        route.no_length = true;
        route.ranges = false;
        route
    };
    // The connection closes after a sixth of the file, and the server never says
    // how long the file is: only the feed's length shows it is cut.
    server.serve(
        "/audio/cut.mp3",
        unannounced(demo_mp3()[..real / 6].to_vec()),
    );
    server.serve("/audio/placeholder.mp3", unannounced(demo_mp3()));
    server.serve("/audio/approximate.mp3", unannounced(demo_mp3()));
    server.serve("/audio/announced.mp3", Route::ok(demo_mp3(), "audio/mpeg"));

    let e = download(&library, id("cut")).unwrap_err();
    assert!(
        matches!(e, DownloadError::Incomplete { done, total: Some(total), .. }
            if done == (real / 6) as u64 && total == real as u64),
        "{e:?}"
    );
    assert!(library
        .store
        .episode(id("cut"))
        .unwrap()
        .audio_path
        .is_none());
    assert_eq!(download(&library, id("placeholder")).unwrap(), real as u64);
    assert_eq!(download(&library, id("approximate")).unwrap(), real as u64);
    assert_eq!(
        download(&library, id("announced")).unwrap(),
        real as u64,
        "the server's Content-Length wins over the feed's"
    );
}

#[test]
fn a_subscribe_tries_a_few_transcripts_per_episode_best_format_first() {
    let server = TestServer::start();
    let base = server.url("");
    // Worst format first in the feed; none of them is there (404).
    let many = [
        ("a.txt", "text/plain"),
        ("b.html", "text/html"),
        ("c.json", "application/json"),
        ("d.srt", "application/x-subrip"),
        ("e.vtt", "text/vtt"),
        ("f.txt", "text/plain"),
        ("g.vtt", "text/vtt"),
    ];
    let items: Vec<String> = (1..=5)
        .map(|n| item(&base, &format!("ep{n}"), n, "0", &many))
        .collect();
    let (_library, _) = subscribed(&server, feed(&items));
    let fetched: Vec<String> = server
        .seen()
        .into_iter()
        .map(|s| s.path)
        .filter(|p| p.starts_with("/t/"))
        .collect();
    assert_eq!(
        fetched.len(),
        EXTRAS_FOR_NEWEST * TRANSCRIPT_TRIES,
        "{fetched:?}"
    );
    for n in [5, 4, 3] {
        let mine: Vec<_> = fetched
            .iter()
            .filter(|p| p.starts_with(&format!("/t/ep{n}/")))
            .map(String::as_str)
            .collect();
        assert_eq!(
            mine,
            [format!("/t/ep{n}/e.vtt"), format!("/t/ep{n}/g.vtt")],
            "the best format first, in feed order"
        );
    }
}

#[test]
fn an_episode_whose_feed_links_no_transcript_gets_the_one_its_page_shows() {
    let server = TestServer::start();
    let base = server.url("");
    let page = |name: &str, cut: bool| {
        format!(
            "<html><body><nav><a href='/'>Home</a></nav><h1>{name}</h1>\
             <ul><li>A summary point</li></ul><h2>Transcript</h2>\
             <p><strong>Ana:</strong> Welcome to {name}.</p>\
             <p><strong>Ben:</strong> Glad to be here{}</p>\
             <footer>© Claims</footer></body></html>",
            if cut {
                "...</p><p><a href='/more'>Read more</a>"
            } else {
                "."
            }
        )
    };
    let linked = |name: &str, day: u32, transcripts: &[(&str, &str)]| {
        item(&base, name, day, "0", transcripts).replace(
            "</title>",
            &format!("</title><link>{base}/episodes/{name}/</link>"),
        )
    };
    server.serve(
        "/episodes/plain/",
        Route::ok(page("plain", false), "text/html"),
    );
    server.serve("/episodes/cut/", Route::ok(page("cut", true), "text/html"));
    server.serve(
        "/episodes/tried/",
        Route::ok(page("tried", false), "text/html"),
    );
    let items = [
        linked("plain", 3, &[]),
        linked("cut", 2, &[]),
        // Two transcript links that fail use up the tries: its page is not asked.
        linked(
            "tried",
            1,
            &[("a.vtt", "text/vtt"), ("b.srt", "application/x-subrip")],
        ),
    ];
    let (library, episodes) = subscribed(&server, feed(&items));
    let id = |title: &str| episodes.iter().find(|(t, _)| t == title).unwrap().1;
    let info = |title: &str| library.store.transcript_info(id(title)).unwrap();

    let plain = info("plain").expect("the page's transcript");
    assert_eq!(
        (
            plain.origin.page_url.as_deref(),
            plain.origin.incomplete,
            plain.timed
        ),
        (
            Some(format!("{base}/episodes/plain/").as_str()),
            false,
            false
        )
    );
    let segments = library
        .store
        .get_transcript(id("plain"))
        .unwrap()
        .unwrap()
        .segments;
    let said: Vec<(Option<&str>, &str)> = segments
        .iter()
        .map(|s| (s.speaker.as_deref(), s.text.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (Some("Ana"), "Welcome to plain."),
            (Some("Ben"), "Glad to be here.")
        ],
        "only the transcript, without the page's navigation, summary or footer"
    );
    assert!(info("cut").expect("cut off").origin.incomplete);
    assert_eq!(info("tried"), None);
    let asked: Vec<String> = server.seen().into_iter().map(|s| s.path).collect();
    assert!(
        !asked.iter().any(|p| p == "/episodes/tried/"),
        "no more than {TRANSCRIPT_TRIES} fetches for one episode: {asked:?}"
    );
    let page_link = library
        .store
        .episode_links(id("plain"))
        .unwrap()
        .into_iter()
        .find(|l| l.kind == LinkKind::Page)
        .expect("the episode's page is kept");
    assert_eq!(page_link.url, format!("{base}/episodes/plain/"));
}
