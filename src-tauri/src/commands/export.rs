//! Exporting an episode's notes and highlights: Markdown (Obsidian and the like),
//! JSON (everything, re-importable) or CSV in Readwise's columns.

use earmark_core::export::{EpisodeNotes, NotesFormat};
use earmark_core::store::EpisodeId;
use tauri::{AppHandle, State};

use crate::error::{IpcError, IpcResult};
use crate::save_dialog::{save_text, SaveRequest};
use crate::state::AppState;

/// Asks where to save the episode's notes and highlights and writes them; the path,
/// or `null` when the user cancelled.
#[tauri::command]
pub async fn notes_export(
    app: AppHandle,
    state: State<'_, AppState>,
    episode: EpisodeId,
    format: NotesFormat,
) -> IpcResult<Option<String>> {
    let notes = state
        .with_store(move |s| Ok(EpisodeNotes::read(s, episode)?))
        .await?;
    let text = format
        .render(std::slice::from_ref(&notes))
        .map_err(|e| IpcError::new("export", e.to_string()))?;
    let stem = format!("{} - notes", notes.episode.title);
    let request = SaveRequest {
        title: "Export notes and highlights",
        filter_name: format.filter_name(),
        extension: format.name(),
        suggested_stem: &stem,
    };
    save_text(&app, request, text).await
}
