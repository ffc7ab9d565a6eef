//! Aligning an episode's transcript in the background: one decoding pass through
//! the audio into the aligner's features (only features and loudness are kept),
//! then `earmark_core::align`. At most one alignment per episode runs at a time;
//! each has a cancel flag the window can set.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::supervise;
use earmark_core::align::{AudioAnalyzer, AudioFeatures};
use earmark_core::store::EpisodeId;
use earmark_player::{MediaDecoder, PlayerError};

/// The alignments running now, by episode, with their cancel flags.
#[derive(Debug, Default)]
pub struct AlignJobs {
    running: Mutex<HashMap<EpisodeId, Arc<AtomicBool>>>,
}

/// A running alignment; dropping it (however the job ends) lets the episode be
/// aligned again.
#[derive(Debug)]
pub struct AlignJob<'a> {
    jobs: &'a AlignJobs,
    episode: EpisodeId,
    /// Set to stop the job.
    pub cancel: Arc<AtomicBool>,
}

impl AlignJobs {
    /// Registers an alignment of `episode`; `None` when one is running already.
    pub fn start(&self, episode: EpisodeId) -> Option<AlignJob<'_>> {
        let mut running = supervise::lock(&self.running);
        if running.contains_key(&episode) {
            return None;
        }
        let cancel = Arc::new(AtomicBool::new(false));
        running.insert(episode, Arc::clone(&cancel));
        Some(AlignJob {
            jobs: self,
            episode,
            cancel,
        })
    }

    /// Asks the alignment of `episode` to stop; `false` when none is running.
    pub fn cancel(&self, episode: EpisodeId) -> bool {
        match supervise::lock(&self.running).get(&episode) {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }
}

impl Drop for AlignJob<'_> {
    fn drop(&mut self) {
        supervise::lock(&self.jobs.running).remove(&self.episode);
    }
}

/// Decodes `audio` once into what the aligner needs. `progress` gets the fraction
/// decoded; `None` when `cancel` was set.
pub fn analyze(
    audio: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f32),
) -> Result<Option<AudioFeatures>, PlayerError> {
    let mut decoder = MediaDecoder::open(audio)?;
    let info = decoder.info().clone();
    let total = (info.frames * u64::from(info.channels)).max(1) as f32;
    let mut analyzer = AudioAnalyzer::new(info.sample_rate, info.channels);
    let mut samples = Vec::with_capacity(8192);
    let mut decoded = 0u64;
    let mut reported = 0.0;
    while decoder.decode_next(&mut samples)? {
        if cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        decoded += samples.len() as u64;
        analyzer.push(&samples);
        samples.clear();
        let done = decoded as f32 / total;
        if done - reported >= 0.01 {
            progress(done);
            reported = done;
        }
    }
    analyzer.push(&samples);
    Ok(Some(analyzer.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_job_per_episode_and_cancel_reaches_it() {
        let jobs = AlignJobs::default();
        let first = jobs.start(1).expect("the first job starts");
        assert!(
            jobs.start(1).is_none(),
            "a second job for the same episode waits"
        );
        let other = jobs
            .start(2)
            .expect("another episode may align at the same time");
        assert!(jobs.cancel(1), "a running job can be cancelled");
        assert!(
            first.cancel.load(Ordering::Relaxed),
            "the job sees its flag"
        );
        assert!(
            !other.cancel.load(Ordering::Relaxed),
            "the other job runs on"
        );
        drop(first);
        assert!(!jobs.cancel(1), "nothing to cancel once the job ended");
        assert!(jobs.start(1).is_some(), "the episode can be aligned again");
    }

    #[test]
    fn decoding_stops_when_cancelled() {
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/demo/demo.mp3");
        let cancel = AtomicBool::new(true);
        let analyzed = analyze(&demo, &cancel, &mut |_| {}).expect("the demo decodes");
        assert!(analyzed.is_none(), "a cancelled decode gives nothing");
        let go = AtomicBool::new(false);
        let mut last = 0.0;
        let features = analyze(&demo, &go, &mut |done| last = done)
            .expect("the demo decodes")
            .expect("not cancelled");
        assert_eq!(features.duration_ms, 176_267, "the demo's exact length");
        assert!(last > 0.95, "progress reaches the end: {last}");
    }
}
