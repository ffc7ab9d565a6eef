//! How sure the aligner was of each line of an episode's transcript.
//!
//! Stored after an alignment, one confidence (0 to 1) per segment of the stored
//! transcript; the window marks the lines under
//! [`crate::align::mismatch::FLAG_BELOW`]. Changing the transcript's segments
//! (a new transcript, new times) removes them (a trigger in
//! `migrations/0006_alignment_confidence.sql`), except through
//! [`Store::retime_transcript`]: the same lines at new times (a nudge, a drift
//! correction) keep them, since they say which lines the audio does not hold.

use rusqlite::OptionalExtension;

use super::db::ensure_transcript;
use super::{EpisodeId, Store, StoreError, StoreResult, TranscriptOrigin};
use crate::transcript::Transcript;

impl Store {
    /// Keeps the aligner's confidence for each segment of the episode's transcript.
    pub fn set_confidence(&self, episode: EpisodeId, confidence: &[f32]) -> StoreResult<()> {
        let json = serde_json::to_string(confidence)
            .map_err(|source| StoreError::StoredTranscript { episode, source })?;
        self.write(|tx| {
            ensure_transcript(tx, episode)?;
            tx.execute(
                "INSERT OR REPLACE INTO transcript_confidence (episode_id, confidence_json) \
                 VALUES (?1, ?2)",
                rusqlite::params![episode, json],
            )?;
            Ok(())
        })
    }

    /// Stores new times for the same lines of the episode's transcript (a nudge,
    /// a drift correction), keeping the aligner's confidences.
    pub fn retime_transcript(
        &self,
        episode: EpisodeId,
        transcript: &Transcript,
        origin: &TranscriptOrigin,
    ) -> StoreResult<()> {
        let kept = self.confidence(episode)?;
        self.set_transcript_from(episode, transcript, origin)?;
        match kept {
            Some(confidence) if confidence.len() == transcript.segments.len() => {
                self.set_confidence(episode, &confidence)
            }
            _ => Ok(()),
        }
    }

    /// The aligner's confidence for each segment, or `None` when the transcript
    /// was not aligned (or changed since).
    pub fn confidence(&self, episode: EpisodeId) -> StoreResult<Option<Vec<f32>>> {
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT confidence_json FROM transcript_confidence WHERE episode_id = ?1",
                [episode],
                |row| row.get(0),
            )
            .optional()?;
        json.map(|j| {
            serde_json::from_str(&j)
                .map_err(|source| StoreError::StoredTranscript { episode, source })
        })
        .transpose()
    }
}
