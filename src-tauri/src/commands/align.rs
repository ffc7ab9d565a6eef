//! Placing a transcript on the episode's audio, offline, in the background
//! ([`earmark_api::align_jobs`]), and transcribing an episode that has none
//! ([`earmark_api::transcription`]); while a job runs the window gets
//! `transcript-align-progress` events.

use std::sync::Arc;

use earmark_api::align::Stage;
use earmark_api::align_jobs::AlignJobs;
use earmark_api::episode_align::{nudge_stored, AlignSummary, DriftSummary, TranscriptContent};
use earmark_api::supervise::blocking;
use earmark_api::transcription::{transcribe_episode, Transcribed};
use earmark_core::store::EpisodeId;
use tauri::{AppHandle, State};

use crate::error::IpcResult;
use crate::events;
use crate::state::AppState;

/// What an alignment is called should it stop on an internal error.
const ALIGNING: &str = "Aligning the transcript";

/// Sends a job's progress to the window.
fn progress(app: AppHandle, id: EpisodeId) -> impl FnMut(Stage, f32) + Send {
    move |stage, done| events::align_progress(&app, id, stage.name(), done)
}

/// Gives the episode's transcript its times from its downloaded audio and stores
/// them; each line's confidence and the audio no text matched come back.
#[tauri::command]
pub async fn transcript_align(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, Arc<AlignJobs>>,
    id: EpisodeId,
) -> IpcResult<AlignSummary> {
    let (store, jobs) = (Arc::clone(&state.store), Arc::clone(&jobs));
    blocking(ALIGNING, move || jobs.align(&store, id, progress(app, id))).await
}

/// Checks the episode's timed transcript against its audio and corrects the lines
/// whose times are off.
#[tauri::command]
pub async fn transcript_fix_drift(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, Arc<AlignJobs>>,
    id: EpisodeId,
) -> IpcResult<DriftSummary> {
    let (store, jobs) = (Arc::clone(&state.store), Arc::clone(&jobs));
    let fix = move || jobs.fix_drift(&store, id, progress(app, id));
    blocking(ALIGNING, fix).await
}

/// Transcribes the episode's downloaded audio on this computer and keeps it as its
/// transcript, marked machine-made; progress as for aligning, and the same cancel.
#[tauri::command]
pub async fn transcript_transcribe(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, Arc<AlignJobs>>,
    id: EpisodeId,
) -> IpcResult<Transcribed> {
    let (store, jobs) = (Arc::clone(&state.store), Arc::clone(&jobs));
    let transcribe = move || transcribe_episode(&jobs, &store, id, progress(app, id));
    blocking("Transcribing the episode", transcribe).await
}

/// Moves every time of the episode's timed transcript by `delta_ms` (negative:
/// earlier) and stores it.
#[tauri::command]
pub async fn transcript_nudge(
    state: State<'_, AppState>,
    id: EpisodeId,
    delta_ms: i64,
) -> IpcResult<TranscriptContent> {
    let nudge = move |s: &_| nudge_stored(s, id, delta_ms);
    state.with_store(nudge).await
}

/// Stops the episode's alignment; `false` when none is running.
#[tauri::command]
pub fn transcript_align_cancel(jobs: State<'_, Arc<AlignJobs>>, id: EpisodeId) -> bool {
    jobs.cancel(id)
}
