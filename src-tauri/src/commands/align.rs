//! Aligning an untimed transcript to the episode's audio, offline, in the
//! background (`earmark_core::align`; needs the espeak-ng program).
//!
//! `transcript_align` runs the job and answers when it is done, with the
//! confidence of every segment and the audio no text matched; meanwhile the
//! window gets `transcript-align-progress` events (`{episode, stage, done}`,
//! stage `decoding`, `synthesizing` or `matching`, done 0 to 1 over the whole job).
//! The aligned times are stored as the transcript's own (highlights move with
//! their text); the user's pins were fixed points of the alignment.
//! `transcript_align_cancel` stops it: the job then fails with code `cancelled`
//! and nothing is stored.

use earmark_core::align::{align, AlignOptions, AlignProgress, AlignStage, Stretch};
use earmark_core::store::EpisodeId;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use super::transcript::TranscriptContent;
use crate::align_job::{analyze, AlignJobs};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// The share of the progress bar given to decoding the audio.
const DECODE_SHARE: f32 = 0.3;
/// The smallest change of progress worth an event.
const MIN_STEP: f32 = 0.01;

/// Payload of `transcript-align-progress`.
#[derive(Debug, Clone, Serialize)]
struct Progress {
    episode: EpisodeId,
    stage: &'static str,
    done: f32,
}

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

/// Aligns the episode's transcript to its downloaded audio and stores the times.
#[tauri::command]
pub async fn transcript_align(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, AlignJobs>,
    id: EpisodeId,
) -> IpcResult<AlignSummary> {
    // Registered first, so that a cancel sent right after the start finds the job.
    let job = jobs.start(id).ok_or_else(|| {
        IpcError::new("align_running", "This transcript is being aligned already.")
    })?;
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
            "Download this episode first: aligning its transcript needs the audio.",
        )
    })?;
    let cancel = std::sync::Arc::clone(&job.cancel);
    let original = transcript.clone();
    let alignment = tauri::async_runtime::spawn_blocking(move || -> IpcResult<_> {
        // At most one event per percent (and per change of stage): the window
        // needs a bar, not a stream.
        let last = std::cell::Cell::new(("", -1.0f32));
        let report = |stage: &'static str, done: f32| {
            let (last_stage, last_done) = last.get();
            if stage == last_stage && done - last_done < MIN_STEP && done < 1.0 {
                return;
            }
            last.set((stage, done));
            let _ = app.emit(
                "transcript-align-progress",
                Progress {
                    episode: id,
                    stage,
                    done,
                },
            );
        };
        // The first event says the job runs: the window offers to cancel it.
        report("decoding", 0.0);
        let features = analyze(&audio, &cancel, &mut |done| {
            report("decoding", done * DECODE_SHARE)
        })?
        .ok_or_else(|| IpcError::from(earmark_core::align::AlignError::Cancelled))?;
        let options = AlignOptions {
            pins,
            ..AlignOptions::default()
        };
        let mut on_progress = |p: AlignProgress| {
            let stage = match p.stage {
                AlignStage::Synthesizing => "synthesizing",
                AlignStage::Matching => "matching",
            };
            report(stage, DECODE_SHARE + (1.0 - DECODE_SHARE) * p.done);
        };
        Ok(align(
            &features,
            &transcript,
            &options,
            &mut on_progress,
            &cancel,
        )?)
    })
    .await
    .map_err(|_| IpcError::new("internal", "A background task failed."))??;
    drop(job);
    let timed = alignment.apply(&original);
    let stored = timed.clone();
    state
        .with_store(move |s| Ok(s.set_transcript(id, &stored, source.as_deref())?))
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

/// Stops the episode's alignment; `false` when none is running.
#[tauri::command]
pub fn transcript_align_cancel(jobs: State<'_, AlignJobs>, id: EpisodeId) -> bool {
    jobs.cancel(id)
}
