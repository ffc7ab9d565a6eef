//! Exporting an episode's notes and highlights: Markdown (Obsidian and the like),
//! JSON (everything, re-importable) or CSV in Readwise's columns.

use earmark_core::export::{to_json, to_markdown, to_readwise_csv, EpisodeNotes};
use earmark_core::store::EpisodeId;
use serde::Deserialize;
use tauri::{AppHandle, State};

use crate::error::{IpcError, IpcResult};
use crate::save_dialog::{save_text, SaveRequest};
use crate::state::AppState;

/// The formats notes export to.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotesFormat {
    /// Markdown with front matter.
    Md,
    /// Earmark's JSON export.
    Json,
    /// Readwise's CSV import columns.
    Csv,
}

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
    let failed = |e: earmark_core::export::ExportError| IpcError::new("export", e.to_string());
    let (text, filter_name, extension) = match format {
        NotesFormat::Md => (to_markdown(std::slice::from_ref(&notes)), "Markdown", "md"),
        NotesFormat::Json => (
            to_json(std::slice::from_ref(&notes)).map_err(failed)?,
            "JSON",
            "json",
        ),
        NotesFormat::Csv => (
            to_readwise_csv(std::slice::from_ref(&notes)).map_err(failed)?,
            "CSV",
            "csv",
        ),
    };
    let stem = format!("{} - notes", notes.episode.title);
    let request = SaveRequest {
        title: "Export notes and highlights",
        filter_name,
        extension,
        suggested_stem: &stem,
    };
    save_text(&app, request, text).await
}
