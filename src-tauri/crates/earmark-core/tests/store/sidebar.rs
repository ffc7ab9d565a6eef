//! The sidebar's library (issue 21): each show in title order with its newest
//! episodes, its total and its new ones counted, local files last, the open episode
//! in its show; and the episode to open at start.

use earmark_core::store::{NewEpisode, NewPodcast, PodcastId, Store, LOCAL_FILES};

use crate::{add_episode, library};

fn show(store: &Store, title: &str) -> PodcastId {
    store
        .add_podcast(&NewPodcast {
            title: title.into(),
            feed_url: Some(format!("https://example.com/{title}")),
            ..NewPodcast::default()
        })
        .unwrap()
}

fn episode(
    store: &Store,
    podcast: PodcastId,
    title: &str,
    day: u32,
) -> earmark_core::store::EpisodeId {
    store
        .insert_episode(&NewEpisode {
            podcast_id: Some(podcast),
            title: title.into(),
            published: Some(format!("2024-01-{day:02}T00:00:00Z")),
            description: Some("notes ".repeat(1_000)),
            ..NewEpisode::default()
        })
        .unwrap()
}

#[test]
fn each_show_lists_its_newest_episodes_with_its_counts_and_the_open_one() {
    let lib = library();
    let s = &lib.store;
    let beta = show(s, "beta");
    let alpha = show(s, "Alpha");
    let _empty = show(s, "Empty");
    let ids: Vec<_> = (1..=7)
        .map(|d| episode(s, beta, &format!("B{d}"), d))
        .collect();
    let a1 = episode(s, alpha, "A1", 1);
    let local = add_episode(s, "Recording");
    s.mark_opened(ids[6]).unwrap();
    s.set_position(ids[5], 1_000).unwrap();
    s.mark_played(ids[4], true).unwrap();

    let shows = s.sidebar(3, Some(ids[0])).unwrap();
    let listed: Vec<_> = shows
        .iter()
        .map(|g| {
            (
                g.title.as_str(),
                g.total,
                g.new_count,
                g.episodes.iter().map(|e| e.id).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            ("Alpha", 1, 1, vec![a1]),
            ("beta", 7, 4, vec![ids[6], ids[5], ids[4], ids[0]]),
            (LOCAL_FILES, 1, 1, vec![local]),
        ],
        "title order whatever the case, no empty show, the open episode kept in its show"
    );
    assert_eq!(shows[1].podcast_id, Some(beta));
    assert_eq!(shows[2].podcast_id, None);
    let without = s.sidebar(3, None).unwrap();
    assert_eq!(without[1].episodes.len(), 3);
}

#[test]
fn at_start_the_episode_opened_last_opens_else_one_that_plays_offline_else_the_first() {
    let lib = library();
    let s = &lib.store;
    assert_eq!(s.episode_to_resume().unwrap(), None, "an empty library");
    let zed = show(s, "Zed");
    let alpha = show(s, "Alpha");
    let z1 = episode(s, zed, "Z1", 1);
    let a1 = episode(s, alpha, "A1", 1);
    let a2 = episode(s, alpha, "A2", 2);
    assert_eq!(
        s.episode_to_resume().unwrap().unwrap().id,
        a2,
        "the first in library order"
    );
    let audio = lib.dir.path().join("z1.mp3");
    std::fs::write(&audio, b"audio").unwrap();
    s.set_audio_path(z1, Some(&audio)).unwrap();
    assert_eq!(
        s.episode_to_resume().unwrap().unwrap().id,
        z1,
        "it plays offline"
    );
    s.mark_opened(a1).unwrap();
    assert_eq!(
        s.episode_to_resume().unwrap().unwrap().id,
        a1,
        "opened last"
    );
    assert_eq!(s.episode_summary(a1).unwrap().unwrap().title, "A1");
    assert_eq!(s.episode_summary(999_999).unwrap(), None);
}
