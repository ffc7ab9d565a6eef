//! A show's page: its episodes newest first, with the start of their show notes.

use earmark_core::store::{NewEpisode, NewPodcast, EXCERPT_CHARS};

use crate::{add_episode, library};

#[test]
fn a_shows_page_lists_its_episodes_newest_first_with_an_excerpt() {
    let lib = library();
    let s = &lib.store;
    let show = s
        .add_podcast(&NewPodcast {
            title: "Show".into(),
            feed_url: Some("https://example.com/feed".into()),
            ..NewPodcast::default()
        })
        .unwrap();
    let long_notes = "word ".repeat(400);
    let old = s
        .insert_episode(&NewEpisode {
            podcast_id: Some(show),
            title: "Old".into(),
            published: Some("2024-01-01T00:00:00Z".into()),
            description: Some(long_notes),
            ..NewEpisode::default()
        })
        .unwrap();
    let new = s
        .insert_episode(&NewEpisode {
            podcast_id: Some(show),
            title: "New".into(),
            published: Some("2024-06-01T00:00:00Z".into()),
            description: Some("   ".into()),
            ..NewEpisode::default()
        })
        .unwrap();
    let local = add_episode(s, "Recording");
    s.mark_opened(old).unwrap();
    s.mark_played(old, true).unwrap();

    let all = s.podcast_episodes(Some(show), 0, 100).unwrap();
    assert_eq!(all.total, 2);
    let page = all.episodes;
    let ids: Vec<_> = page.iter().map(|e| e.summary.id).collect();
    assert_eq!(ids, [new, old], "newest first, other shows left out");
    assert_eq!(page[0].excerpt, None, "blank notes are no excerpt");
    let excerpt = page[1].excerpt.as_deref().unwrap();
    assert_eq!(excerpt.chars().count(), EXCERPT_CHARS, "long notes are cut");
    assert!(page[1].summary.played && page[1].summary.last_opened.is_some());
    assert!(!page[0].summary.played && page[0].summary.last_opened.is_none());
    assert_eq!(page[0].summary.podcast_id, Some(show));

    let json = serde_json::to_value(&page[1]).unwrap();
    assert_eq!(
        json["title"], "Old",
        "the summary's fields sit beside the excerpt"
    );
    assert!(json["excerpt"].is_string());

    let locals = s.podcast_episodes(None, 0, 100).unwrap().episodes;
    assert_eq!(
        locals.iter().map(|e| e.summary.id).collect::<Vec<_>>(),
        [local]
    );

    let second = s.podcast_episodes(Some(show), 1, 1).unwrap();
    assert_eq!(
        second.total, 2,
        "the total counts every episode, not the page"
    );
    assert_eq!(
        second
            .episodes
            .iter()
            .map(|e| e.summary.id)
            .collect::<Vec<_>>(),
        [old],
        "pages go on where the last one stopped"
    );
}
