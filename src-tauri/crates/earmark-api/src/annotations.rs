//! What the user keeps on an episode: notes and highlights. Every write answers with
//! the row as stored, which the front end shows (no second read).

use earmark_core::store::{
    EpisodeId, Highlight, HighlightId, NewHighlight, Note, NoteId, Store, StoreResult,
};
use serde::Serialize;

/// An episode's notes and highlights, in time order.
#[derive(Debug, Serialize)]
pub struct Annotations {
    notes: Vec<Note>,
    highlights: Vec<Highlight>,
}

/// Everything the user kept on `episode`.
pub fn annotations(store: &Store, episode: EpisodeId) -> StoreResult<Annotations> {
    Ok(Annotations {
        notes: store.list_notes(episode)?,
        highlights: store.list_highlights(episode)?,
    })
}

/// Saves a note at `at_ms`; the note once committed.
pub fn add_note(store: &Store, episode: EpisodeId, at_ms: u64, text: &str) -> StoreResult<Note> {
    let id = store.add_note(episode, at_ms, text)?;
    store.note(id)
}

/// Changes a note's moment and text; the note as stored.
pub fn update_note(store: &Store, id: NoteId, at_ms: u64, text: &str) -> StoreResult<Note> {
    store.update_note(id, at_ms, text)?;
    store.note(id)
}

/// Saves a highlight of a transcript passage; the highlight as stored.
pub fn add_highlight(
    store: &Store,
    episode: EpisodeId,
    highlight: &NewHighlight,
) -> StoreResult<Highlight> {
    let id = store.add_highlight(episode, highlight)?;
    store.highlight(id)
}

/// Changes a highlight's colour and note; the highlight as stored.
pub fn update_highlight(
    store: &Store,
    id: HighlightId,
    color: &str,
    note: Option<&str>,
) -> StoreResult<Highlight> {
    store.update_highlight(id, color, note)?;
    store.highlight(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{episode, library};

    #[test]
    fn every_write_answers_with_the_stored_row() {
        let store = library();
        let episode = episode(&store, "episode", None);
        let note = add_note(&store, episode, 1_000, "first").expect("note");
        let changed = update_note(&store, note.id, 2_000, "second").expect("update");
        assert_eq!(
            (changed.id, changed.at_ms, changed.text.as_str()),
            (note.id, 2_000, "second")
        );
        let new = NewHighlight {
            start_ms: 0,
            end_ms: 500,
            text: "Hello.".into(),
            ..NewHighlight::default()
        };
        let highlight = add_highlight(&store, episode, &new).expect("highlight");
        let recoloured =
            update_highlight(&store, highlight.id, "green", Some("why")).expect("update");
        assert_eq!(
            (recoloured.color.as_str(), recoloured.note.as_deref()),
            ("green", Some("why"))
        );
        let kept = annotations(&store, episode).expect("list");
        assert_eq!(
            (kept.notes, kept.highlights),
            (vec![changed], vec![recoloured])
        );
    }
}
