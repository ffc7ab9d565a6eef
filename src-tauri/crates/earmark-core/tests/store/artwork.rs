//! The picture addresses the artwork cache keeps: each show's, then its latest
//! episodes' own, each address once; and where one episode's picture comes from.

use earmark_core::store::{FeedItem, NewEpisode, NewPodcast, Store};

use crate::library;

fn show(store: &Store, title: &str, image: Option<&str>) -> i64 {
    store
        .add_podcast(&NewPodcast {
            title: title.into(),
            feed_url: Some(format!("https://example.com/{title}.xml")),
            description: None,
            image_url: image.map(Into::into),
        })
        .unwrap()
}

fn item(guid: &str, published: &str, image: Option<&str>) -> FeedItem {
    FeedItem {
        episode: NewEpisode {
            guid: Some(guid.into()),
            title: guid.into(),
            published: Some(published.into()),
            ..NewEpisode::default()
        },
        image_url: image.map(Into::into),
        ..FeedItem::default()
    }
}

#[test]
fn the_shows_pictures_come_first_then_their_latest_episodes_each_once() {
    let lib = library();
    let store = &lib.store;
    let b = show(store, "B", Some("https://b/show.jpg"));
    let a = show(store, "A", Some("https://a/show.jpg"));
    show(store, "C", None);
    let items = [
        item("a3", "2024-03-01T00:00:00Z", Some("https://a/3.jpg")),
        item("a2", "2024-02-01T00:00:00Z", Some("https://a/show.jpg")),
        item("a1", "2024-01-01T00:00:00Z", Some("https://a/1.jpg")),
    ];
    store.sync_feed_episodes(a, &items).unwrap();
    store
        .sync_feed_episodes(b, &[item("b1", "2024-01-01T00:00:00Z", None)])
        .unwrap();

    assert_eq!(
        store.artwork_urls(None, 2).unwrap(),
        [
            "https://a/show.jpg",
            "https://b/show.jpg",
            "https://a/3.jpg"
        ],
        "by show title; the two latest of A (its 2nd is the show's own); none of C"
    );
    assert_eq!(
        store.artwork_urls(Some(b), 10).unwrap(),
        ["https://b/show.jpg"]
    );

    let page = store.podcast_episodes(Some(a), 0, 10).unwrap();
    let newest = page.episodes[0].summary.id;
    let sources = store.episode_artwork(newest).unwrap();
    assert_eq!(sources.episode.as_deref(), Some("https://a/3.jpg"));
    assert_eq!(sources.show.as_deref(), Some("https://a/show.jpg"));
    store
        .sync_feed_episodes(a, &[item("a3", "2024-03-01T00:00:00Z", None)])
        .unwrap();
    assert_eq!(
        store.episode_artwork(newest).unwrap().episode,
        None,
        "a picture the feed drops is dropped"
    );
}
