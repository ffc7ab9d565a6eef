//! The notebook: every note and highlight the user kept, with the episodes they
//! belong to, read in three queries whatever the size of the library.

use earmark_core::store::{EpisodeSummary, Highlight, Note, Store, StoreResult};
use serde::Serialize;

/// Notes and highlights across all episodes, with the episodes they belong to.
#[derive(Debug, Serialize)]
pub struct Notebook {
    /// Every episode of the library (the window sorts and filters).
    pub episodes: Vec<EpisodeSummary>,
    /// Every note, by episode then moment.
    pub notes: Vec<Note>,
    /// Every highlight, by episode then moment.
    pub highlights: Vec<Highlight>,
}

/// Reads the notebook.
pub fn read(store: &Store) -> StoreResult<Notebook> {
    Ok(Notebook {
        episodes: store.list_episodes()?,
        notes: store.list_all_notes()?,
        highlights: store.list_all_highlights()?,
    })
}

#[cfg(test)]
mod tests {
    use earmark_core::store::{NewEpisode, NewHighlight};

    use super::*;

    #[test]
    fn every_note_and_highlight_of_every_episode() {
        let store = Store::open_in_memory().expect("store");
        let episode = |title: &str| {
            store
                .insert_episode(&NewEpisode {
                    title: title.into(),
                    ..NewEpisode::default()
                })
                .expect("episode")
        };
        let (a, b) = (episode("A"), episode("B"));
        store.add_note(b, 2_000, "later").expect("note");
        store.add_note(a, 1_000, "first").expect("note");
        for (on, start_ms) in [(b, 5_000), (a, 3_000), (a, 1_000)] {
            store
                .add_highlight(
                    on,
                    &NewHighlight {
                        start_ms,
                        end_ms: start_ms + 500,
                        text: "kept".into(),
                        color: "yellow".into(),
                        note: None,
                    },
                )
                .expect("highlight");
        }
        let book = read(&store).expect("notebook");
        assert_eq!(book.episodes.len(), 2);
        let notes: Vec<_> = book.notes.iter().map(|n| (n.episode, n.at_ms)).collect();
        assert_eq!(notes, [(a, 1_000), (b, 2_000)]);
        let highlights: Vec<_> = book
            .highlights
            .iter()
            .map(|h| (h.episode, h.start_ms))
            .collect();
        assert_eq!(highlights, [(a, 1_000), (a, 3_000), (b, 5_000)]);
    }
}
