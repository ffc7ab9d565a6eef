//! Placing a transcript on the episode's audio, offline, in the background
//! (`earmark_align`; needs the espeak-ng program).
//!
//! - `transcript_align` gives an untimed transcript its times (one timed by the
//!   paragraph is cut into sentences first), and answers when done with the
//!   confidence of every segment and the audio no text matched.
//! - `transcript_fix_drift` checks a timed transcript against the audio (the
//!   aligner run on its text): where audio was inserted or removed after the
//!   transcript was made (dynamic ads), the segments after it are moved by the
//!   offset found there, keeping the durations the file gives.
//! - `transcript_nudge` moves a timed transcript's times by hand.
//!
//! While a job runs the window gets `transcript-align-progress` events
//! (`{episode, stage, done}`, stage `decoding`, `synthesizing` or `matching`,
//! done 0 to 1 over the whole job); `transcript_align_cancel` stops it: the job
//! then fails with code `cancelled` and nothing is stored. The new times are
//! stored as the transcript's own (highlights move with their text); the user's
//! pins are fixed points of an alignment.

use std::sync::atomic::AtomicBool;

use earmark_align::Voice;
use earmark_api::align::{align_to_audio, fix_drift_on_audio, AlignJobError, Stage};
use earmark_api::episode_align::{
    nudge_stored, read_job, store_aligned, store_drift_fix, AlignSummary, DriftSummary, EpisodeJob,
    TranscriptContent,
};
use earmark_core::store::EpisodeId;
use tauri::{AppHandle, State};

use crate::align_job::AlignJobs;
use crate::error::{IpcError, IpcResult};
use crate::events;
use crate::state::AppState;
use crate::supervise;

/// The smallest change of progress worth an event.
const MIN_STEP: f32 = 0.01;

/// Runs `job` (an alignment of the episode's audio) as a cancellable job, off the
/// async workers, with `transcript-align-progress` events: at most one per percent
/// and per change of stage (the window needs a bar, not a stream).
async fn run_job<T: Send + 'static>(
    app: AppHandle,
    jobs: &AlignJobs,
    id: EpisodeId,
    job: impl FnOnce(&AtomicBool, &mut dyn FnMut(Stage, f32)) -> Result<T, AlignJobError>
        + Send
        + 'static,
) -> IpcResult<T> {
    let running = jobs.start(id).ok_or_else(|| {
        IpcError::new("align_running", "This transcript is being aligned already.")
    })?;
    let cancel = std::sync::Arc::clone(&running.cancel);
    let done = supervise::blocking("Aligning the transcript", move || -> IpcResult<T> {
        let mut last = (Stage::Decoding, -1.0f32);
        let mut report = |stage: Stage, done: f32| {
            if stage == last.0 && done - last.1 < MIN_STEP && done < 1.0 {
                return;
            }
            last = (stage, done);
            events::align_progress(&app, id, stage.name(), done);
        };
        Ok(job(&cancel, &mut report)?)
    })
    .await?;
    drop(running);
    Ok(done)
}

/// Aligns the episode's transcript to its downloaded audio and stores the times.
/// A transcript timed by the paragraph is cut into sentences first, each placed on
/// its own; a paragraph whose first sentence lands far from the paragraph's given
/// time is flagged.
#[tauri::command]
pub async fn transcript_align(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, AlignJobs>,
    id: EpisodeId,
) -> IpcResult<AlignSummary> {
    let EpisodeJob {
        transcript,
        pins,
        audio,
        source,
    } = state.with_store(move |s| Ok(read_job(s, id)?)).await?;
    let aligned = run_job(app, &jobs, id, move |cancel, progress| {
        align_to_audio(
            &audio,
            &transcript,
            &pins,
            Voice::default(),
            cancel,
            progress,
        )
    })
    .await?;
    state
        .with_store(move |s| Ok(store_aligned(s, id, aligned, source)?))
        .await
}

/// Checks the episode's timed transcript against its audio and corrects the
/// segments whose times are off (audio inserted or removed since it was made).
#[tauri::command]
pub async fn transcript_fix_drift(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, AlignJobs>,
    id: EpisodeId,
) -> IpcResult<DriftSummary> {
    let EpisodeJob {
        transcript,
        audio,
        source,
        ..
    } = state.with_store(move |s| Ok(read_job(s, id)?)).await?;
    let (fix, _) = run_job(app, &jobs, id, move |cancel, progress| {
        fix_drift_on_audio(&audio, &transcript, Voice::default(), cancel, progress)
    })
    .await?;
    state
        .with_store(move |s| Ok(store_drift_fix(s, id, fix, source)?))
        .await
}

/// Moves every time of the episode's timed transcript by `delta_ms` (negative:
/// earlier) and stores it.
#[tauri::command]
pub async fn transcript_nudge(
    state: State<'_, AppState>,
    id: EpisodeId,
    delta_ms: i64,
) -> IpcResult<TranscriptContent> {
    state
        .with_store(move |s| Ok(nudge_stored(s, id, delta_ms)?))
        .await
}

/// Stops the episode's alignment; `false` when none is running.
#[tauri::command]
pub fn transcript_align_cancel(jobs: State<'_, AlignJobs>, id: EpisodeId) -> bool {
    jobs.cancel(id)
}
