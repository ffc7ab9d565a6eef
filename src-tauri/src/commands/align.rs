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

use std::path::PathBuf;

use std::sync::atomic::AtomicBool;

use earmark_align::{nudge, DriftReport, Stretch, Voice};
use earmark_api::align::{align_to_audio, fix_drift_on_audio, AlignJobError, Aligned, Stage};
use earmark_core::store::EpisodeId;
use earmark_core::transcript::{Pin, Transcript};
use serde::Serialize;
use tauri::{AppHandle, State};

use super::transcript::TranscriptContent;
use crate::align_job::AlignJobs;
use crate::error::{IpcError, IpcResult};
use crate::events;
use crate::state::AppState;
use crate::supervise;

/// The smallest change of progress worth an event.
const MIN_STEP: f32 = 0.01;

/// One segment's confidence after alignment.
#[derive(Debug, Serialize)]
pub struct SegmentConfidence {
    confidence: f32,
    flagged: bool,
}

/// What `transcript_align` answers: the transcript with its new times, and what
/// the aligner thinks of each segment.
#[derive(Debug, Serialize)]
pub struct AlignSummary {
    episode: EpisodeId,
    transcript: TranscriptContent,
    segments: Vec<SegmentConfidence>,
    unmatched: Vec<Stretch>,
}

/// What `transcript_fix_drift` answers: the transcript with its corrected times
/// and where its offset to the audio changes.
#[derive(Debug, Serialize)]
pub struct DriftSummary {
    episode: EpisodeId,
    transcript: TranscriptContent,
    drift: DriftReport,
}

/// The episode's transcript, its pins, audio and source file, for a job.
struct JobInput {
    transcript: Transcript,
    pins: Vec<Pin>,
    audio: PathBuf,
    source: Option<PathBuf>,
}

async fn job_input(state: &AppState, id: EpisodeId) -> IpcResult<JobInput> {
    let (transcript, pins, audio, source) = state
        .with_store(move |s| {
            let transcript = s.get_transcript(id)?.ok_or_else(|| {
                IpcError::new("no_transcript", "This episode has no transcript to align.")
            })?;
            let source = s.transcript_info(id)?.and_then(|i| i.source_path);
            Ok((transcript, s.pins(id)?, s.episode(id)?.audio_path, source))
        })
        .await?;
    let audio = audio.ok_or_else(|| {
        IpcError::new(
            "not_downloaded",
            "Download this episode first: matching its transcript needs the audio.",
        )
    })?;
    Ok(JobInput {
        transcript,
        pins,
        audio,
        source,
    })
}

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
    let JobInput {
        transcript,
        pins,
        audio,
        source,
    } = job_input(&state, id).await?;
    let Aligned {
        transcript: timed,
        alignment,
    } = run_job(app, &jobs, id, move |cancel, progress| {
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
    let stored = timed.clone();
    let confidence: Vec<f32> = alignment.segments.iter().map(|s| s.confidence).collect();
    state
        .with_store(move |s| {
            s.set_transcript(id, &stored, source.as_deref())?;
            Ok(s.set_confidence(id, &confidence)?)
        })
        .await?;
    Ok(AlignSummary {
        episode: id,
        transcript: timed.into(),
        segments: alignment
            .segments
            .iter()
            .map(|s| SegmentConfidence {
                confidence: s.confidence,
                flagged: s.flagged,
            })
            .collect(),
        unmatched: alignment.unmatched,
    })
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
    let JobInput {
        transcript,
        audio,
        source,
        ..
    } = job_input(&state, id).await?;
    let (fix, _) = run_job(app, &jobs, id, move |cancel, progress| {
        fix_drift_on_audio(&audio, &transcript, Voice::default(), cancel, progress)
    })
    .await?;
    if !fix.report.steps.is_empty() || fix.report.offset_ms != 0 {
        let moved = fix.transcript.clone();
        state
            .with_store(move |s| Ok(s.retime_transcript(id, &moved, source.as_deref())?))
            .await?;
    }
    Ok(DriftSummary {
        episode: id,
        transcript: fix.transcript.into(),
        drift: fix.report,
    })
}

/// Moves every time of the episode's timed transcript by `delta_ms` (negative:
/// earlier) and stores it.
#[tauri::command]
pub async fn transcript_nudge(
    state: State<'_, AppState>,
    id: EpisodeId,
    delta_ms: i64,
) -> IpcResult<TranscriptContent> {
    let moved = state
        .with_store(move |s| {
            let transcript = s
                .get_transcript(id)?
                .filter(Transcript::timed)
                .ok_or_else(|| {
                    IpcError::new("not_timed", "Only a transcript with times can be moved.")
                })?;
            let source = s.transcript_info(id)?.and_then(|i| i.source_path);
            let moved = nudge(&transcript, delta_ms);
            s.retime_transcript(id, &moved, source.as_deref())?;
            Ok(moved)
        })
        .await?;
    Ok(moved.into())
}

/// Stops the episode's alignment; `false` when none is running.
#[tauri::command]
pub fn transcript_align_cancel(jobs: State<'_, AlignJobs>, id: EpisodeId) -> bool {
    jobs.cancel(id)
}
