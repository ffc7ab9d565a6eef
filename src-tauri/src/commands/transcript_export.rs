//! Exporting an episode's transcript: rendered as WebVTT, SRT, Podcasting 2.0 JSON
//! or Markdown (with the times shown in the app for an untimed one), and saved where
//! the user picks in a save dialog.

use earmark_core::store::EpisodeId;
use earmark_core::transcript::{
    to_json, to_markdown, to_srt, to_vtt, with_times, MarkdownOptions, TranscriptError,
};
use serde::Deserialize;
use tauri::{AppHandle, State};

use super::transcript::times_of;
use crate::error::{IpcError, IpcResult};
use crate::save_dialog::{save_text, SaveRequest};
use crate::state::AppState;
use earmark_api::transcript_times::transcript_of;

/// The formats a transcript exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// WebVTT.
    Vtt,
    /// SubRip.
    Srt,
    /// Podcasting 2.0 JSON.
    Json,
    /// Markdown.
    Md,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Vtt => "vtt",
            ExportFormat::Srt => "srt",
            ExportFormat::Json => "json",
            ExportFormat::Md => "md",
        }
    }

    fn filter_name(self) -> &'static str {
        match self {
            ExportFormat::Vtt => "WebVTT subtitles",
            ExportFormat::Srt => "SRT subtitles",
            ExportFormat::Json => "Podcasting 2.0 JSON",
            ExportFormat::Md => "Markdown",
        }
    }
}

/// The transcript as a document in `format`, with the times shown in the app when
/// `estimated` (for an untimed transcript; a timed one always has its own).
#[tauri::command]
pub async fn transcript_render(
    state: State<'_, AppState>,
    id: EpisodeId,
    format: ExportFormat,
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
    format: ExportFormat,
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
    format: ExportFormat,
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
    let text = match format {
        ExportFormat::Vtt => to_vtt(&transcript),
        ExportFormat::Srt => to_srt(&transcript),
        ExportFormat::Json => to_json(&transcript),
        ExportFormat::Md => Ok(to_markdown(
            &transcript,
            &MarkdownOptions {
                title: Some(&title),
                estimated: retime,
            },
        )),
    }
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
