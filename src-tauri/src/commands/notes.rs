//! Notes, highlights and earmarks on an episode.

use earmark_api::earmark::add_earmark;
use earmark_core::store::{EpisodeId, Highlight, HighlightId, NewHighlight, Note, NoteId};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// An episode's notes and highlights, in time order.
#[derive(Debug, Serialize)]
pub struct Annotations {
    notes: Vec<Note>,
    highlights: Vec<Highlight>,
}

/// Everything the user kept on an episode.
#[tauri::command]
pub async fn annotations_list(
    state: State<'_, AppState>,
    episode: EpisodeId,
) -> IpcResult<Annotations> {
    state
        .with_store(move |s| {
            Ok(Annotations {
                notes: s.list_notes(episode)?,
                highlights: s.list_highlights(episode)?,
            })
        })
        .await
}

/// Saves a note at `at_ms`; returns it once committed.
#[tauri::command]
pub async fn note_add(
    state: State<'_, AppState>,
    episode: EpisodeId,
    at_ms: u64,
    text: String,
) -> IpcResult<Note> {
    state
        .with_store(move |s| {
            let id = s.add_note(episode, at_ms, &text)?;
            Ok(s.note(id)?)
        })
        .await
}

/// Changes a note's text.
#[tauri::command]
pub async fn note_update(
    state: State<'_, AppState>,
    id: NoteId,
    at_ms: u64,
    text: String,
) -> IpcResult<Note> {
    state
        .with_store(move |s| {
            s.update_note(id, at_ms, &text)?;
            Ok(s.note(id)?)
        })
        .await
}

/// Deletes a note.
#[tauri::command]
pub async fn note_delete(state: State<'_, AppState>, id: NoteId) -> IpcResult<()> {
    state.with_store(move |s| Ok(s.delete_note(id)?)).await
}

/// A highlight as the window sends it.
#[derive(Debug, Deserialize)]
pub struct HighlightInput {
    start_ms: u64,
    end_ms: u64,
    text: String,
    color: String,
    note: Option<String>,
}

/// Saves a highlight of a transcript passage.
#[tauri::command]
pub async fn highlight_add(
    state: State<'_, AppState>,
    episode: EpisodeId,
    highlight: HighlightInput,
) -> IpcResult<Highlight> {
    state
        .with_store(move |s| {
            let id = s.add_highlight(
                episode,
                &NewHighlight {
                    start_ms: highlight.start_ms,
                    end_ms: highlight.end_ms,
                    text: highlight.text,
                    color: highlight.color,
                    note: highlight.note,
                },
            )?;
            Ok(s.highlight(id)?)
        })
        .await
}

/// Changes a highlight's colour and note.
#[tauri::command]
pub async fn highlight_update(
    state: State<'_, AppState>,
    id: HighlightId,
    color: String,
    note: Option<String>,
) -> IpcResult<Highlight> {
    state
        .with_store(move |s| {
            s.update_highlight(id, &color, note.as_deref())?;
            Ok(s.highlight(id)?)
        })
        .await
}

/// Deletes a highlight.
#[tauri::command]
pub async fn highlight_delete(state: State<'_, AppState>, id: HighlightId) -> IpcResult<()> {
    state.with_store(move |s| Ok(s.delete_highlight(id)?)).await
}

/// Keeps the last `window_ms` heard before `at_ms` as a highlight, snapped to whole
/// transcript lines, without any typing.
#[tauri::command]
pub async fn earmark_add(
    state: State<'_, AppState>,
    episode: EpisodeId,
    at_ms: u64,
    window_ms: u64,
) -> IpcResult<Highlight> {
    state
        .with_store(move |s| Ok(add_earmark(s, episode, at_ms, window_ms)?))
        .await
}
