//! Exports of an episode ([`earmark_api::exports`]): its transcript, shown or saved,
//! and its notes and highlights, saved where the user picks in a save dialog.

use earmark_api::dialog_words::DialogWords;
use earmark_api::exports;
use earmark_core::export::transcript::TranscriptExport;
use earmark_core::export::{ExportLanguage, NotesFormat};
use earmark_core::store::EpisodeId;
use tauri::{AppHandle, State};

use crate::error::IpcResult;
use crate::save_dialog::{save_text, SaveRequest};
use crate::state::AppState;

/// The transcript as a document in `format`, with the times shown in the app when
/// `estimated` (for an untimed transcript; a timed one always has its own).
#[tauri::command]
pub async fn transcript_render(
    state: State<'_, AppState>,
    id: EpisodeId,
    format: TranscriptExport,
    estimated: bool,
) -> IpcResult<String> {
    state
        .with_library(move |s| exports::transcript(s, id, format, estimated).map(|(_, text)| text))
        .await
}

/// Exports the transcript to a file the user picks; where it was saved, or `None`
/// when the dialog is cancelled.
#[tauri::command]
pub async fn transcript_export(
    app: AppHandle,
    state: State<'_, AppState>,
    id: EpisodeId,
    format: TranscriptExport,
    estimated: bool,
    dialog: DialogWords,
) -> IpcResult<Option<String>> {
    let render = move |s: &_| exports::transcript(s, id, format, estimated);
    let (title, text) = state.with_library(render).await?;
    let request = SaveRequest {
        title: &dialog.title,
        filter_name: dialog.filter(format.filter_name()),
        extension: format.extension(),
        suggested_stem: &title,
    };
    save_text(&app, request, text).await
}

/// Exports the episode's notes and highlights to a file the user picks; where it was
/// saved, or `None` when the dialog is cancelled.
#[tauri::command]
pub async fn notes_export(
    app: AppHandle,
    state: State<'_, AppState>,
    episode: EpisodeId,
    format: NotesFormat,
    language: ExportLanguage,
    dialog: DialogWords,
) -> IpcResult<Option<String>> {
    let render = move |s: &_| exports::notes(s, episode, format, language);
    let (stem, text) = state.with_store(render).await?;
    let request = SaveRequest {
        title: &dialog.title,
        filter_name: dialog.filter(format.filter_name()),
        extension: format.name(),
        suggested_stem: &stem,
    };
    save_text(&app, request, text).await
}
