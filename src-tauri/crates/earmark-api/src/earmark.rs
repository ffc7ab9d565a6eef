//! An earmark: the last few seconds heard kept as a highlight, snapped to whole
//! transcript lines, without any typing.

use earmark_core::earmarks::earmark;
use earmark_core::store::{EpisodeId, Highlight, NewHighlight, Store, StoreResult};

/// The colour that marks a highlight made by the earmark key.
pub const EARMARK_COLOR: &str = "earmark";

/// Keeps the last `window_ms` heard before `at_ms` in `episode` as a highlight, and
/// returns it once stored.
pub fn add_earmark(
    store: &Store,
    episode: EpisodeId,
    at_ms: u64,
    window_ms: u64,
) -> StoreResult<Highlight> {
    let segments = store
        .get_transcript(episode)?
        .map(|t| t.segments)
        .unwrap_or_default();
    let passage = earmark(&segments, at_ms, window_ms);
    let id = store.add_highlight(
        episode,
        &NewHighlight {
            start_ms: passage.start_ms,
            end_ms: passage.end_ms,
            text: passage.text,
            color: EARMARK_COLOR.to_string(),
            note: None,
        },
    )?;
    store.highlight(id)
}

#[cfg(test)]
mod tests {
    use earmark_core::store::NewEpisode;
    use earmark_core::transcript::{parse_as, TranscriptFormat};

    use super::*;

    #[test]
    fn the_lines_just_heard_are_kept_whole() {
        let store = Store::open_in_memory().expect("store");
        let episode = store
            .insert_episode(&NewEpisode {
                title: "E".into(),
                ..NewEpisode::default()
            })
            .expect("episode");
        let vtt = "WEBVTT\n\n00:00.000 --> 00:04.000\nFirst line.\n\n\
                   00:04.000 --> 00:09.000\nSecond line.\n\n00:09.000 --> 00:12.000\nThird.\n";
        let transcript = parse_as(vtt, TranscriptFormat::Vtt).expect("vtt");
        store
            .set_transcript(episode, &transcript, None)
            .expect("stored");
        let kept = add_earmark(&store, episode, 8_000, 5_000).expect("earmark");
        assert_eq!(kept.color, EARMARK_COLOR);
        assert_eq!((kept.start_ms, kept.end_ms), (0, 9_000));
        assert_eq!(kept.text, "First line. Second line.");
        assert_eq!(store.list_highlights(episode).expect("list"), [kept]);
    }
}
