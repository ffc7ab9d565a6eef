//! Aligning an episode's own transcript to its downloaded audio, with the library:
//! what a job reads before it runs ([`read_job`]), what it stores after
//! ([`store_aligned`], [`store_drift_fix`]), the answers the window gets, moving
//! a timed transcript by hand ([`nudge_stored`]) and correcting a line's words in
//! place ([`correct_stored`]). The long work between is
//! [`crate::align`], which the window runs as a cancellable job.

use std::path::PathBuf;

use earmark_align::{nudge, DriftFix, DriftReport, Stretch};
use earmark_core::store::{EpisodeId, Store, TranscriptOrigin};
use earmark_core::transcript::{
    correct, is_coarse, Correction, Pin, Segment, Transcript, TranscriptFormat,
};
use serde::Serialize;

use crate::align::Aligned;
use crate::error::UseCaseError;

/// A transcript as the transcript view shows it.
#[derive(Debug, Serialize)]
pub struct TranscriptContent {
    format: TranscriptFormat,
    timed: bool,
    /// Timed by the paragraph: aligning cuts it into timed sentences.
    coarse: bool,
    segments: Vec<Segment>,
}

impl From<Transcript> for TranscriptContent {
    fn from(t: Transcript) -> Self {
        TranscriptContent {
            format: t.format,
            timed: t.timed(),
            coarse: is_coarse(&t),
            segments: t.segments,
        }
    }
}

/// One line's confidence after alignment.
#[derive(Debug, Serialize)]
pub struct SegmentConfidence {
    confidence: f32,
    flagged: bool,
}

/// What an alignment answers: the transcript with its new times, and what the
/// aligner thinks of each line.
#[derive(Debug, Serialize)]
pub struct AlignSummary {
    episode: EpisodeId,
    transcript: TranscriptContent,
    segments: Vec<SegmentConfidence>,
    unmatched: Vec<Stretch>,
}

/// What a drift fix answers: the transcript with its corrected times and where its
/// offset to the audio changes.
#[derive(Debug, Serialize)]
pub struct DriftSummary {
    episode: EpisodeId,
    transcript: TranscriptContent,
    drift: DriftReport,
}

/// What a job on an episode needs: its transcript, the user's pins, the audio and
/// the transcript's source file.
#[derive(Debug)]
pub struct EpisodeJob {
    /// The episode's transcript.
    pub transcript: Transcript,
    /// The user's fixed points.
    pub pins: Vec<Pin>,
    /// The downloaded audio.
    pub audio: PathBuf,
    /// Where the transcript came from (kept with the new times).
    pub source: TranscriptOrigin,
}

/// Reads what aligning `episode` needs; it must have a transcript and its audio.
pub fn read_job(store: &Store, episode: EpisodeId) -> Result<EpisodeJob, UseCaseError> {
    let transcript = store
        .get_transcript(episode)?
        .ok_or(UseCaseError::NoTranscript)?;
    let audio = store
        .episode(episode)?
        .audio_path
        .ok_or(UseCaseError::NotDownloaded)?;
    Ok(EpisodeJob {
        transcript,
        pins: store.pins(episode)?,
        audio,
        source: source_of(store, episode)?,
    })
}

/// Stores an alignment's times as the transcript's own (highlights move with their
/// text) and each line's confidence.
pub fn store_aligned(
    store: &Store,
    episode: EpisodeId,
    aligned: Aligned,
    source: TranscriptOrigin,
) -> Result<AlignSummary, UseCaseError> {
    let Aligned {
        transcript,
        alignment,
    } = aligned;
    store.set_transcript_from(episode, &transcript, &source)?;
    let confidence: Vec<f32> = alignment.segments.iter().map(|s| s.confidence).collect();
    store.set_confidence(episode, &confidence)?;
    Ok(AlignSummary {
        episode,
        transcript: transcript.into(),
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

/// Stores a drift fix's times when it moved anything.
pub fn store_drift_fix(
    store: &Store,
    episode: EpisodeId,
    fix: DriftFix,
    source: TranscriptOrigin,
) -> Result<DriftSummary, UseCaseError> {
    if !fix.report.steps.is_empty() || fix.report.offset_ms != 0 {
        store.retime_transcript(episode, &fix.transcript, &source)?;
    }
    Ok(DriftSummary {
        episode,
        transcript: fix.transcript.into(),
        drift: fix.report,
    })
}

/// Moves every time of `episode`'s timed transcript by `delta_ms` (negative:
/// earlier) and stores it.
pub fn nudge_stored(
    store: &Store,
    episode: EpisodeId,
    delta_ms: i64,
) -> Result<TranscriptContent, UseCaseError> {
    let transcript = store
        .get_transcript(episode)?
        .filter(Transcript::timed)
        .ok_or(UseCaseError::NotTimed)?;
    let moved = nudge(&transcript, delta_ms);
    store.retime_transcript(episode, &moved, &source_of(store, episode)?)?;
    Ok(moved.into())
}

/// Corrects words of a line of the episode's transcript and stores it, keeping its
/// times, its source and the aligner's confidences; the search index follows.
pub fn correct_stored(
    store: &Store,
    episode: EpisodeId,
    fix: &Correction,
) -> Result<TranscriptContent, UseCaseError> {
    let transcript = store
        .get_transcript(episode)?
        .ok_or(UseCaseError::NoTranscript)?;
    let corrected = correct(&transcript, fix)?;
    store.retime_transcript(episode, &corrected, &source_of(store, episode)?)?;
    Ok(corrected.into())
}

/// Where the episode's transcript came from.
fn source_of(store: &Store, episode: EpisodeId) -> Result<TranscriptOrigin, UseCaseError> {
    Ok(store
        .transcript_info(episode)?
        .map(|i| i.origin)
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{episode, library};

    #[test]
    fn a_corrected_word_is_kept_searchable_and_the_transcript_stays_machine_made() {
        let store = library();
        let id = episode(&store, "Heard", Some(10_000));
        let heard = Transcript {
            format: TranscriptFormat::Speech,
            warnings: Vec::new(),
            segments: vec![Segment::timed(0, 2_000, "Isaac Pittman wrote it.")],
        };
        store.set_transcript(id, &heard, None).expect("kept");
        let fix = Correction {
            index: 0,
            start: 6,
            end: 13,
            old: "Pittman".into(),
            new: "Pitman".into(),
        };
        let shown = correct_stored(&store, id, &fix).expect("corrected");
        assert_eq!(shown.segments[0].text, "Isaac Pitman wrote it.");
        let kept = store.get_transcript(id).expect("read").expect("kept");
        assert_eq!(kept.segments[0].text, "Isaac Pitman wrote it.", "kept");
        assert_eq!(kept.format, TranscriptFormat::Speech, "still machine-made");
        assert_eq!(store.search("Pitman", 5).expect("search").len(), 1);
        assert!(store.search("Pittman", 5).expect("search").is_empty());
        let again = correct_stored(&store, id, &fix).expect_err("it reads Pitman now");
        assert_eq!(again.code(), "line_changed");
    }
}
