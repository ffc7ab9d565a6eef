//! Exporting an episode's transcript: rendered as WebVTT, SRT, Podcasting 2.0 JSON
//! or Markdown (with the times shown in the app for an untimed one), and saved where
//! the user picks in a save dialog.

use earmark_api::transcript_times::transcript_of;
use earmark_core::export::transcript::TranscriptExport;
use earmark_core::store::EpisodeId;
use earmark_core::transcript::{with_times, TranscriptError};
use tauri::{AppHandle, State};

use super::transcript::times_of;
use crate::error::{IpcError, IpcResult};
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
    render(&state, id, format, estimated)
        .await
        .map(|(_, text)| text)
}

/// Exports the transcript to a file the user picks in a save dialog; returns where
/// it was saved, or `None` when the dialog is cancelled.
#[tauri::command]
pub async fn transcript_export(
    app: AppHandle,
    state: State<'_, AppState>,
    id: EpisodeId,
    format: TranscriptExport,
    estimated: bool,
) -> IpcResult<Option<String>> {
    let (title, text) = render(&state, id, format, estimated).await?;
    let request = SaveRequest {
        title: "Export the transcript",
        filter_name: format.filter_name(),
        extension: format.extension(),
        suggested_stem: &title,
    };
    save_text(&app, request, text).await
}

/// The transcript rendered for export, with the episode's title.
async fn render(
    state: &AppState,
    id: EpisodeId,
    format: TranscriptExport,
    estimated: bool,
) -> IpcResult<(String, String)> {
    let (title, transcript) = state
        .with_store(move |s| Ok((s.episode(id)?.title, transcript_of(s, id)?)))
        .await?;
    let retime = estimated && !transcript.timed();
    let transcript = if retime {
        let times = times_of(state, id, false).await?;
        with_times(&transcript, &times.times)
    } else {
        transcript
    };
    let text = format
        .render(&transcript, &title, retime)
        .map_err(export_error)?;
    Ok((title, text))
}

fn export_error(e: TranscriptError) -> IpcError {
    let message = match &e {
        TranscriptError::Untimed { format } => format!(
            "This transcript has no timestamps, so it cannot be exported as {format} \
             without its estimated times."
        ),
        other => other.to_string(),
    };
    IpcError::new(e.code(), message)
}
