//! Placing a transcript on the episode's audio, offline, in the background
//! (`earmark_core::align`; needs the espeak-ng program).
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

use earmark_core::align::{
    align, fix_drift, flag_far_from_paragraphs, nudge, AlignOptions, AlignProgress, AlignStage,
    Alignment, DriftReport, Stretch,
};
use earmark_core::store::EpisodeId;
use earmark_core::transcript::{into_sentences, is_coarse, Pin, Transcript};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use super::transcript::TranscriptContent;
use crate::align_job::{analyze, AlignJobs};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;
use crate::supervise;

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
    /// Whether the aligner times the words too.
    words: bool,
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
        words: true,
    })
}

/// Runs the aligner on the episode's transcript text as a cancellable job with
/// progress events. `input` comes from [`job_input`].
async fn run_aligner(
    app: AppHandle,
    jobs: &AlignJobs,
    id: EpisodeId,
    input: &JobInput,
) -> IpcResult<Alignment> {
    let job = jobs.start(id).ok_or_else(|| {
        IpcError::new("align_running", "This transcript is being aligned already.")
    })?;
    let cancel = std::sync::Arc::clone(&job.cancel);
    let (audio, transcript, pins, words) = (
        input.audio.clone(),
        input.transcript.clone(),
        input.pins.clone(),
        input.words,
    );
    let alignment = supervise::blocking("Aligning the transcript", move || -> IpcResult<_> {
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
            words,
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
    .await?;
    drop(job);
    Ok(alignment)
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
    let mut input = job_input(&state, id).await?;
    let paragraphs = is_coarse(&input.transcript).then(|| {
        let (sentences, firsts) = into_sentences(&input.transcript);
        let given: Vec<Option<u64>> = input
            .transcript
            .segments
            .iter()
            .map(|s| s.start_ms)
            .collect();
        input.transcript = sentences;
        input.pins.clear();
        (firsts, given)
    });
    let mut alignment = run_aligner(app, &jobs, id, &input).await?;
    if let Some((firsts, given)) = paragraphs {
        flag_far_from_paragraphs(&mut alignment, &firsts, &given);
    }
    let timed = alignment.apply(&input.transcript);
    let (stored, source) = (timed.clone(), input.source);
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
    let mut input = job_input(&state, id).await?;
    // The fix keeps the transcript's own words and only moves its cues.
    input.words = false;
    let alignment = run_aligner(app, &jobs, id, &input).await?;
    let fix = fix_drift(&input.transcript, &alignment)?;
    if !fix.report.steps.is_empty() || fix.report.offset_ms != 0 {
        let (moved, source) = (fix.transcript.clone(), input.source);
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
