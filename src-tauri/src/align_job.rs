//! The alignments running in the background (`earmark_api::align`): at most one
//! per episode at a time, each with a cancel flag the window can set.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::supervise;
use earmark_core::store::EpisodeId;

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
}
