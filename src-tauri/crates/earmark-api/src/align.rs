//! Placing a transcript on its audio, offline: the use-case behind the window's
//! "Match to audio" and "Fix drift" and `earmark-cli align [--fix-drift]`, so both
//! give the same result for the same files.
//!
//! - [`align_to_audio`] gives a transcript its times. One timed by the paragraph
//!   is cut into sentences first, each placed on its own (the user's pins, which
//!   name paragraphs, are then set aside), and a paragraph whose first sentence lands
//!   far from the paragraph's given time is flagged.
//! - [`fix_drift_on_audio`] keeps a timed transcript's own times and moves the
//!   segments where audio was inserted or removed after it was made.
//!
//! Both decode the audio once ([`crate::analysis`]), then run `earmark_align`
//! (which needs the espeak-ng program), reporting progress over the whole job.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use earmark_align::{
    align, fix_drift, flag_far_from_paragraphs, AlignError, AlignOptions, AlignProgress,
    AlignStage, Alignment, DriftError, DriftFix, Voice,
};
use earmark_core::transcript::{into_sentences, is_coarse, Pin, Transcript};
use earmark_player::PlayerError;

use crate::analysis;

/// The share of the progress given to decoding the audio.
pub const DECODE_SHARE: f32 = 0.3;

/// What an alignment job is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Decoding the audio into features.
    Decoding,
    /// Speaking the text with espeak-ng.
    Synthesizing,
    /// Matching the spoken text to the audio.
    Matching,
    /// Recognising the speech (transcribing).
    Transcribing,
}

impl Stage {
    /// The stage's name in events and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Decoding => "decoding",
            Stage::Synthesizing => "synthesizing",
            Stage::Matching => "matching",
            Stage::Transcribing => "transcribing",
        }
    }
}

/// An alignment job failed.
#[derive(Debug, thiserror::Error)]
pub enum AlignJobError {
    /// The audio could not be decoded.
    #[error(transparent)]
    Audio(#[from] PlayerError),
    /// The aligner failed or was cancelled.
    #[error(transparent)]
    Align(#[from] AlignError),
    /// The drift check failed.
    #[error(transparent)]
    Drift(#[from] DriftError),
    /// Transcribing failed.
    #[error(transparent)]
    Speech(#[from] earmark_speech::SpeechError),
}

/// A transcript placed on its audio.
#[derive(Debug)]
pub struct Aligned {
    /// The transcript with its new times (cut into sentences when it was timed by
    /// the paragraph).
    pub transcript: Transcript,
    /// What the aligner found for each of its segments, and the audio no text matched.
    pub alignment: Alignment,
}

/// Gives `transcript` the times of `audio` (see the module documentation). `pins`
/// are the user's fixed points; `cut_off`, that the text stops before the audio does
/// (a transcript its page cut off); `progress` gets the stage and the share done of
/// the whole job (0 to 1).
pub fn align_to_audio(
    audio: &Path,
    transcript: &Transcript,
    pins: &[Pin],
    voice: Voice,
    cut_off: bool,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Stage, f32),
) -> Result<Aligned, AlignJobError> {
    let paragraphs = is_coarse(transcript).then(|| {
        let (sentences, firsts) = into_sentences(transcript);
        let given: Vec<Option<u64>> = transcript.segments.iter().map(|s| s.start_ms).collect();
        (sentences, firsts, given)
    });
    let (text, pins) = match &paragraphs {
        Some((sentences, _, _)) => (sentences, Vec::new()),
        None => (transcript, pins.to_vec()),
    };
    let options = AlignOptions {
        voice,
        pins,
        words: true,
        cut_off,
    };
    let mut alignment = run(audio, text, &options, cancel, progress)?;
    if let Some((_, firsts, given)) = &paragraphs {
        flag_far_from_paragraphs(&mut alignment, firsts, given);
    }
    Ok(Aligned {
        transcript: alignment.apply(text),
        alignment,
    })
}

/// Checks a timed transcript against `audio` and moves the segments whose times are
/// off; the transcript keeps its own words and durations.
pub fn fix_drift_on_audio(
    audio: &Path,
    transcript: &Transcript,
    voice: Voice,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Stage, f32),
) -> Result<(DriftFix, Alignment), AlignJobError> {
    let options = AlignOptions {
        voice,
        pins: Vec::new(),
        words: false,
        cut_off: false,
    };
    let alignment = run(audio, transcript, &options, cancel, progress)?;
    Ok((fix_drift(transcript, &alignment)?, alignment))
}

/// Decodes, then aligns, reporting progress over both.
fn run(
    audio: &Path,
    transcript: &Transcript,
    options: &AlignOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Stage, f32),
) -> Result<Alignment, AlignJobError> {
    // The first report says the job runs: the window offers to cancel it.
    progress(Stage::Decoding, 0.0);
    let features = analysis::features(audio, cancel, &mut |done| {
        progress(Stage::Decoding, done * DECODE_SHARE)
    })?
    .ok_or(AlignError::Cancelled)?;
    let mut on_progress = |p: AlignProgress| {
        let stage = match p.stage {
            AlignStage::Synthesizing => Stage::Synthesizing,
            AlignStage::Matching => Stage::Matching,
        };
        progress(stage, DECODE_SHARE + (1.0 - DECODE_SHARE) * p.done);
    };
    Ok(align(
        &features,
        transcript,
        options,
        &mut on_progress,
        cancel,
    )?)
}
