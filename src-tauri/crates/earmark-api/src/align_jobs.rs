//! Aligning an episode's transcript to its downloaded audio as a job (needs the
//! espeak-ng program): at most one per episode at a time, each with a cancel flag,
//! its progress reported at most once per percent and per change of stage (a front
//! end needs a bar, not a stream). The new times are stored as the transcript's own
//! (highlights move with their text); the user's pins are fixed points. A cancelled
//! job fails with code `cancelled` and stores nothing. Blocking.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use earmark_align::Voice;
use earmark_core::store::{EpisodeId, Store};

use crate::align::{align_to_audio, fix_drift_on_audio, AlignJobError, Stage};
use crate::episode_align::{
    read_job, store_aligned, store_drift_fix, AlignSummary, DriftSummary, EpisodeJob,
};
use crate::error_report::ErrorReport;
use crate::shared::lock;

/// The smallest change of progress worth reporting.
const MIN_STEP: f32 = 0.01;

/// The alignments running now, by episode, with their cancel flags.
#[derive(Debug, Default)]
pub struct AlignJobs {
    running: Mutex<HashMap<EpisodeId, Arc<AtomicBool>>>,
}

/// A running alignment; dropping it (however the job ends) lets the episode be
/// aligned again.
#[derive(Debug)]
struct AlignJob<'a> {
    jobs: &'a AlignJobs,
    episode: EpisodeId,
    cancel: Arc<AtomicBool>,
}

impl AlignJobs {
    /// Gives the episode's transcript its times from the audio and stores them with
    /// each line's confidence. A transcript timed by the paragraph is cut into
    /// sentences first; a paragraph whose first sentence lands far from its given
    /// time is flagged.
    pub fn align(
        &self,
        store: &Mutex<Store>,
        episode: EpisodeId,
        progress: impl FnMut(Stage, f32),
    ) -> Result<AlignSummary, ErrorReport> {
        let EpisodeJob {
            transcript,
            pins,
            audio,
            source,
        } = read_job(&lock(store), episode)?;
        let cut_off = source.incomplete;
        let aligned = self.run(episode, progress, |cancel, report| {
            let voice = Voice::default();
            align_to_audio(&audio, &transcript, &pins, voice, cut_off, cancel, report)
        })?;
        Ok(store_aligned(&lock(store), episode, aligned, source)?)
    }

    /// Checks the episode's timed transcript against its audio: where audio was
    /// inserted or removed after it was made (dynamic ads), the lines after it move
    /// by the offset found there, keeping the file's durations.
    pub fn fix_drift(
        &self,
        store: &Mutex<Store>,
        episode: EpisodeId,
        progress: impl FnMut(Stage, f32),
    ) -> Result<DriftSummary, ErrorReport> {
        let EpisodeJob {
            transcript,
            audio,
            source,
            ..
        } = read_job(&lock(store), episode)?;
        let (fix, _) = self.run(episode, progress, |cancel, report| {
            fix_drift_on_audio(&audio, &transcript, Voice::default(), cancel, report)
        })?;
        Ok(store_drift_fix(&lock(store), episode, fix, source)?)
    }

    /// Asks the alignment of `episode` to stop; `false` when none is running.
    pub fn cancel(&self, episode: EpisodeId) -> bool {
        match lock(&self.running).get(&episode) {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }

    /// Runs `job` as `episode`'s one job, its progress thinned out to `progress`.
    pub(crate) fn run<T>(
        &self,
        episode: EpisodeId,
        mut progress: impl FnMut(Stage, f32),
        job: impl FnOnce(&AtomicBool, &mut dyn FnMut(Stage, f32)) -> Result<T, AlignJobError>,
    ) -> Result<T, ErrorReport> {
        let running = self.start(episode).ok_or_else(|| {
            ErrorReport::new("align_running", "Earmark is already working on this episode's transcript (aligning or transcribing it).")
        })?;
        let mut last = (Stage::Decoding, -1.0f32);
        let mut report = |stage: Stage, done: f32| {
            if stage == last.0 && done - last.1 < MIN_STEP && done < 1.0 {
                return;
            }
            last = (stage, done);
            progress(stage, done);
        };
        Ok(job(&running.cancel, &mut report)?)
    }

    /// Registers an alignment of `episode`; `None` when one is running already.
    fn start(&self, episode: EpisodeId) -> Option<AlignJob<'_>> {
        let mut running = lock(&self.running);
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
}

impl Drop for AlignJob<'_> {
    fn drop(&mut self) {
        lock(&self.jobs.running).remove(&self.episode);
    }
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
    fn progress_is_reported_once_per_percent_and_per_stage() {
        let jobs = AlignJobs::default();
        let mut heard = Vec::new();
        let ran = jobs.run(
            1,
            |stage, done| heard.push((stage, done)),
            |_, report| {
                for i in 0..=1_000 {
                    report(Stage::Decoding, i as f32 / 1_000.0 * 0.3);
                }
                report(Stage::Matching, 0.3);
                report(Stage::Matching, 1.0);
                Ok(7)
            },
        );
        assert_eq!(ran.expect("the job ran"), 7);
        let decoding = heard.iter().filter(|(s, _)| *s == Stage::Decoding).count();
        assert!((25..=35).contains(&decoding), "{decoding} decoding reports");
        assert_eq!(
            heard[heard.len() - 2..],
            [(Stage::Matching, 0.3), (Stage::Matching, 1.0)],
            "a new stage and the end are always reported"
        );
    }

    #[test]
    fn a_second_job_on_the_same_episode_is_refused() {
        let jobs = AlignJobs::default();
        let _first = jobs.start(1).expect("the first job starts");
        let refused = jobs.run(1, |_, _| {}, |_, _| Ok(()));
        assert_eq!(refused.map_err(|e| e.code), Err("align_running"));
    }
}
