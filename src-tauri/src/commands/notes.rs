//! Notes, highlights and earmarks on an episode ([`earmark_api::annotations`]); each
//! write answers with the row as stored.

use earmark_api::annotations::{self, Annotations};
use earmark_api::earmark::add_earmark;
use earmark_core::store::{EpisodeId, Highlight, HighlightId, NewHighlight, Note, NoteId};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Everything the user kept on an episode, in time order.
#[tauri::command]
pub async fn annotations_list(
    state: State<'_, AppState>,
    episode: EpisodeId,
) -> IpcResult<Annotations> {
    state
        .with_store(move |s| annotations::annotations(s, episode))
        .await
}

/// Saves a note at `at_ms`.
#[tauri::command]
pub async fn note_add(
    state: State<'_, AppState>,
    episode: EpisodeId,
    at_ms: u64,
    text: String,
) -> IpcResult<Note> {
    state
        .with_store(move |s| annotations::add_note(s, episode, at_ms, &text))
        .await
}

/// Changes a note's moment and text.
#[tauri::command]
pub async fn note_update(
    state: State<'_, AppState>,
    id: NoteId,
    at_ms: u64,
    text: String,
) -> IpcResult<Note> {
    state
        .with_store(move |s| annotations::update_note(s, id, at_ms, &text))
        .await
}

/// Deletes a note.
#[tauri::command]
pub async fn note_delete(state: State<'_, AppState>, id: NoteId) -> IpcResult<()> {
    state.with_store(move |s| s.delete_note(id)).await
}

/// Saves a highlight of a transcript passage.
#[tauri::command]
pub async fn highlight_add(
    state: State<'_, AppState>,
    episode: EpisodeId,
    highlight: NewHighlight,
) -> IpcResult<Highlight> {
    state
        .with_store(move |s| annotations::add_highlight(s, episode, &highlight))
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
        .with_store(move |s| annotations::update_highlight(s, id, &color, note.as_deref()))
        .await
}

/// Deletes a highlight.
#[tauri::command]
pub async fn highlight_delete(state: State<'_, AppState>, id: HighlightId) -> IpcResult<()> {
    state.with_store(move |s| s.delete_highlight(id)).await
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
        .with_store(move |s| add_earmark(s, episode, at_ms, window_ms))
        .await
}
