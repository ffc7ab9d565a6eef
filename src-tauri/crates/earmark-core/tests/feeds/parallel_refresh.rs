//! Issue 21: checking the whole library in parallel and politely, against real servers
//! on 127.0.0.1 and 127.0.0.2 (two hosts): no host is asked more than four at once, a
//! slow host holds up no other, a host that asks to slow down is left alone for as
//! long as it asks, and a background check honours a feed's update frequency.

use std::sync::Mutex;

use earmark_core::feeds::{refresh_all, subscribe, RefreshAll, RefreshProgress};
use earmark_core::http::MAX_PER_HOST;

use crate::server::{Gate, Route, TestServer};
use crate::{quick_client, Library};

/// A small feed named `title`, with `channel_extra` in its channel.
fn feed(title: &str, channel_extra: &str) -> Route {
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"
     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel><title>{title}</title>{channel_extra}
<item><title>{title}: one</title><guid>{title}-1</guid>
<enclosure url="http://127.0.0.1:1/{title}.mp3" type="audio/mpeg" length="1"/></item>
</channel></rss>"#
    );
    Route::ok(body, "application/rss+xml")
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[test]
fn every_feed_is_checked_with_no_more_than_four_requests_at_once_to_one_host() {
    let server = TestServer::start();
    let library = Library::new();
    let http = quick_client();
    for n in 0..12 {
        let path = format!("/f{n}.xml");
        server.serve(&path, feed(&format!("Show {n}"), ""));
        subscribe(&library.store, &http, &server.url(&path)).unwrap();
    }
    for n in 0..12 {
        server.update(&format!("/f{n}.xml"), |r| {
            r.delay = std::time::Duration::from_millis(100);
        });
    }
    let seen = Mutex::new(Vec::new());
    let progress = |p: &RefreshProgress| seen.lock().unwrap().push((p.done, p.total));
    let all = refresh_all(&library.store, &http, RefreshAll::ASKED, &progress).unwrap();
    assert_eq!(all.outcomes.len(), 12);
    assert!(all.outcomes.iter().all(|(_, r)| r.is_ok()));
    let peak = server.peak_open();
    assert!(
        (2..=MAX_PER_HOST).contains(&peak),
        "{peak} requests at once to one host"
    );
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 12, "progress after each feed");
    assert!(seen.iter().all(|&(_, total)| total == 12));
    assert_eq!(
        seen.iter().map(|&(done, _)| done).collect::<Vec<_>>(),
        (1..=12).collect::<Vec<_>>()
    );
}

#[test]
fn a_slow_host_does_not_hold_up_the_others() {
    let slow = TestServer::start_on("127.0.0.2");
    let fast = TestServer::start();
    let library = Library::new();
    let http = quick_client();
    // The slow host's shows come first in the library.
    for n in 0..2 {
        let path = format!("/slow{n}.xml");
        slow.serve(&path, feed(&format!("Slow {n}"), ""));
        subscribe(&library.store, &http, &slow.url(&path)).unwrap();
    }
    for n in 0..6 {
        let path = format!("/fast{n}.xml");
        fast.serve(&path, feed(&format!("Fast {n}"), ""));
        subscribe(&library.store, &http, &fast.url(&path)).unwrap();
    }
    let gate = Gate::default();
    for n in 0..2 {
        slow.update(&format!("/slow{n}.xml"), |r| r.hold = Some(gate.clone()));
    }
    let order = Mutex::new(Vec::new());
    let progress = |p: &RefreshProgress| {
        let mut order = order.lock().unwrap();
        order.push(p.title.clone());
        // Every fast show is done while the slow host still holds its answers.
        if order.iter().filter(|t| t.starts_with("Fast")).count() == 6 {
            gate.open();
        }
    };
    let all = refresh_all(&library.store, &http, RefreshAll::ASKED, &progress).unwrap();
    assert!(all.outcomes.iter().all(|(_, r)| r.is_ok()));
    let order = order.into_inner().unwrap();
    assert_eq!(order.len(), 8);
    assert!(
        order[..6].iter().all(|t| t.starts_with("Fast")),
        "the fast shows were done first: {order:?}"
    );
}

#[test]
fn a_host_that_asks_to_slow_down_is_left_alone_for_as_long_as_it_asks() {
    let busy = TestServer::start_on("127.0.0.2");
    let other = TestServer::start();
    let library = Library::new();
    let http = quick_client();
    for n in 0..6 {
        let path = format!("/b{n}.xml");
        busy.serve(&path, feed(&format!("Busy {n}"), ""));
        subscribe(&library.store, &http, &busy.url(&path)).unwrap();
    }
    other.serve("/ok.xml", feed("Calm", ""));
    let calm = subscribe(&library.store, &http, &other.url("/ok.xml")).unwrap();
    for n in 0..6 {
        busy.serve(
            &format!("/b{n}.xml"),
            Route {
                retry_after: Some("120".into()),
                ..Route::status(429)
            },
        );
    }
    let asked_before = busy.seen().len();
    let started = unix_now();
    let all = refresh_all(&library.store, &http, RefreshAll::ASKED, &|_| {}).unwrap();
    let asked = busy.seen().len() - asked_before;
    assert!(
        (1..=MAX_PER_HOST).contains(&asked),
        "asked {asked} times after the first 429"
    );
    let mut told = 0;
    for (show, result) in &all.outcomes {
        if show.id == calm.podcast {
            assert!(result.is_ok());
            continue;
        }
        let e = result.as_ref().unwrap_err();
        match e.code() {
            "server_busy" => {
                told += 1;
                assert!(
                    e.to_string().starts_with("429 Too many requests")
                        && e.to_string().ends_with("It asked to wait 2 min."),
                    "{e}"
                );
            }
            "waiting" => assert_eq!(
                e.to_string(),
                "Not checked: its server asked Earmark to slow down, so it is asked again \
                 in 2 min."
            ),
            other => panic!("{other}: {e}"),
        }
        let schedule = library.store.feed_schedule(show.id).unwrap();
        let until = schedule.not_before.expect("a time to wait for");
        assert!(
            (started + 119..=unix_now() + 120).contains(&until),
            "{until}"
        );
    }
    assert_eq!(told, asked, "each request asked was told to slow down");

    // A second check does not ask the busy host at all; the other host is asked.
    let calm_before = other.seen().len();
    let again = refresh_all(&library.store, &http, RefreshAll::ASKED, &|_| {}).unwrap();
    assert_eq!(
        busy.seen().len() - asked_before,
        asked,
        "no request to the busy host"
    );
    assert_eq!(other.seen().len(), calm_before + 1);
    let waiting = again
        .outcomes
        .iter()
        .filter(|(_, r)| r.as_ref().is_err_and(|e| e.code() == "waiting"))
        .count();
    assert_eq!(waiting, 6);
}

#[test]
fn a_background_check_honours_the_update_frequency_a_feed_gives() {
    let server = TestServer::start();
    let library = Library::new();
    let http = quick_client();
    server.serve(
        "/weekly.xml",
        feed(
            "Weekly",
            r#"<podcast:updateFrequency rrule="FREQ=WEEKLY">Weekly</podcast:updateFrequency>"#,
        ),
    );
    server.serve(
        "/daily.xml",
        feed(
            "Daily",
            "<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency>",
        ),
    );
    server.serve("/silent.xml", feed("Silent", ""));
    for path in ["/weekly.xml", "/daily.xml", "/silent.xml"] {
        subscribe(&library.store, &http, &server.url(path)).unwrap();
    }
    let requests = || server.seen().len();

    let first = refresh_all(&library.store, &http, RefreshAll::BACKGROUND, &|_| {}).unwrap();
    assert_eq!(
        (first.outcomes.len(), first.not_due),
        (3, 0),
        "never checked yet"
    );
    let before = requests();
    let second = refresh_all(&library.store, &http, RefreshAll::BACKGROUND, &|_| {}).unwrap();
    assert_eq!(
        second.not_due, 2,
        "the weekly and the daily feed are not due"
    );
    assert_eq!(second.outcomes.len(), 1);
    assert_eq!(second.outcomes[0].0.title, "Silent");
    assert_eq!(requests(), before + 1);

    let asked = refresh_all(&library.store, &http, RefreshAll::ASKED, &|_| {}).unwrap();
    assert_eq!(
        (asked.outcomes.len(), asked.not_due),
        (3, 0),
        "asked for: all"
    );
    assert_eq!(requests(), before + 4);
}

#[test]
fn an_unchanged_feed_writes_nothing() {
    let server = TestServer::start();
    server.serve(
        "/still.xml",
        Route {
            conditional: true,
            ..feed("Still", "")
        },
    );
    let library = Library::new();
    let http = quick_client();
    subscribe(&library.store, &http, &server.url("/still.xml")).unwrap();
    let watcher = rusqlite::Connection::open(
        library
            .data_dir()
            .join(earmark_core::store::DATABASE_FILE_NAME),
    )
    .unwrap();
    let version = || -> i64 {
        watcher
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .unwrap()
    };
    let before = version();
    let all = refresh_all(&library.store, &http, RefreshAll::ASKED, &|_| {}).unwrap();
    assert!(all.outcomes[0].1.as_ref().unwrap().not_modified);
    assert_eq!(version(), before, "no connection wrote to the library");
}
