//! Transcription in the background, one episode at a time at low priority (the
//! recogniser runs under `nice`): first any transcription a quit interrupted, which
//! goes on after its last finished chunk; then, when Settings ask for it
//! ([`AUTO_TRANSCRIBE_KEY`]), every episode with audio on this computer and no
//! transcript, newest first. An episode that failed or was cancelled is not taken
//! again until the app starts again; each kind of failure is told once.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use earmark_core::store::{EpisodeId, Store, StoreResult};
use tokio::sync::Notify;

use crate::align::Stage;
use crate::align_jobs::AlignJobs;
use crate::error_report::ErrorReport;
use crate::settings::AUTO_TRANSCRIBE_KEY;
use crate::shared::lock;
use crate::supervise::{blocking, keep_running};
use crate::transcription::{interrupted, transcribe_episode, Transcribed};

/// What the queue is called should it stop on an internal error.
const QUEUE_JOB: &str = "Transcribing in the background";
/// How often the library is looked at again without a nudge (a download finished,
/// an episode was added).
const RECHECK: Duration = Duration::from_secs(10);

/// The background transcriptions.
#[derive(Debug, Default)]
pub struct TranscribeQueue {
    wake: Notify,
    /// Episodes not to take again this run (failed or cancelled).
    passed: Mutex<HashSet<EpisodeId>>,
    /// The error codes the user was told of this run.
    told: Mutex<HashSet<&'static str>>,
}

/// What the queue tells the front end.
pub trait QueueEvents: Send + Sync + 'static {
    /// How far the episode's transcription is.
    fn progress(&self, episode: EpisodeId, stage: Stage, done: f32);
    /// The episode's transcription ended: its transcript kept, or why not.
    fn ended(&self, episode: EpisodeId, outcome: &Result<Transcribed, ErrorReport>);
    /// An error for the user.
    fn report(&self, error: ErrorReport);
}

impl TranscribeQueue {
    /// Looks at the library again now (a setting changed).
    pub fn nudge(&self) {
        self.wake.notify_one();
    }

    /// Runs the queue for the life of the app; started again should it panic.
    pub async fn keep_running(
        self: Arc<Self>,
        store: Arc<Mutex<Store>>,
        jobs: Arc<AlignJobs>,
        events: Arc<impl QueueEvents>,
    ) {
        let told = Arc::clone(&events);
        keep_running(
            QUEUE_JOB,
            move || Arc::clone(&self).run(Arc::clone(&store), Arc::clone(&jobs), events.clone()),
            move |error| told.report(error),
            || {},
        )
        .await;
    }

    async fn run(
        self: Arc<Self>,
        store: Arc<Mutex<Store>>,
        jobs: Arc<AlignJobs>,
        events: Arc<impl QueueEvents>,
    ) {
        loop {
            let queue = Arc::clone(&self);
            let library = Arc::clone(&store);
            let next = blocking(QUEUE_JOB, move || {
                let passed = lock(&queue.passed).clone();
                Ok(next_episode(&lock(&library), &passed)?)
            })
            .await;
            let Ok(Some(episode)) = next else {
                let _ = tokio::time::timeout(RECHECK, self.wake.notified()).await;
                continue;
            };
            let (library, jobs, told) = (Arc::clone(&store), Arc::clone(&jobs), events.clone());
            let heard = blocking(QUEUE_JOB, move || {
                transcribe_episode(&jobs, &library, episode, |stage, done| {
                    told.progress(episode, stage, done)
                })
            })
            .await;
            events.ended(episode, &heard);
            if let Err(error) = heard {
                self.pass(episode, error, events.as_ref());
            }
        }
    }

    /// Leaves `episode` alone for this run, telling the user of a kind of failure
    /// not told yet (a cancel is the user's own doing).
    fn pass(&self, episode: EpisodeId, error: ErrorReport, events: &impl QueueEvents) {
        lock(&self.passed).insert(episode);
        let quiet = ["cancelled", "align_running", "not_downloaded"];
        if !quiet.contains(&error.code) && lock(&self.told).insert(error.code) {
            events.report(error);
        }
    }
}

/// The next episode to transcribe: one a quit interrupted, else, when Settings ask,
/// the newest with audio on this computer and no transcript; never one in `passed`.
pub fn next_episode(store: &Store, passed: &HashSet<EpisodeId>) -> StoreResult<Option<EpisodeId>> {
    let fresh = |id: &EpisodeId| !passed.contains(id);
    let resumed = interrupted(store).into_iter().find(|id| fresh(id));
    if resumed.is_some() {
        return Ok(resumed);
    }
    if store.setting::<bool>(AUTO_TRANSCRIBE_KEY).ok().flatten() != Some(true) {
        return Ok(None);
    }
    Ok(store.untranscribed_on_disk()?.into_iter().find(fresh))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{episode, library};
    use earmark_core::store::NewEpisode;
    use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};
    use std::path::PathBuf;

    fn on_disk(store: &Store, title: &str, published: &str) -> EpisodeId {
        store
            .insert_episode(&NewEpisode {
                title: title.into(),
                published: Some(published.into()),
                audio_path: Some(PathBuf::from(format!("/music/{title}.mp3"))),
                ..NewEpisode::default()
            })
            .expect("episode")
    }

    #[test]
    fn the_newest_untranscribed_episode_on_disk_is_next_once_settings_ask() {
        let store = library();
        let old = on_disk(&store, "old", "2024-01-01T00:00:00Z");
        let new = on_disk(&store, "new", "2024-06-01T00:00:00Z");
        let _streamed = episode(&store, "streamed only", Some(1_000));
        let transcribed = on_disk(&store, "has one", "2025-01-01T00:00:00Z");
        let text = Transcript {
            format: TranscriptFormat::Vtt,
            warnings: Vec::new(),
            segments: vec![Segment::timed(0, 1_000, "Published.")],
        };
        store
            .set_transcript(transcribed, &text, None)
            .expect("kept");
        let none = HashSet::new();
        assert_eq!(
            next_episode(&store, &none).expect("read"),
            None,
            "off by default"
        );
        store.set_setting(AUTO_TRANSCRIBE_KEY, &true).expect("set");
        assert_eq!(next_episode(&store, &none).expect("read"), Some(new));
        let passed = HashSet::from([new]);
        assert_eq!(next_episode(&store, &passed).expect("read"), Some(old));
        let both = HashSet::from([new, old]);
        assert_eq!(next_episode(&store, &both).expect("read"), None);
    }

    #[test]
    fn a_transcription_a_quit_interrupted_goes_first_even_with_the_setting_off() {
        let store = library();
        let newer = on_disk(&store, "newer", "2025-01-01T00:00:00Z");
        let cut_off = on_disk(&store, "cut off", "2024-01-01T00:00:00Z");
        store
            .set_setting("speech.running", &[cut_off])
            .expect("set");
        assert_eq!(interrupted(&store), [cut_off]);
        let none = HashSet::new();
        assert_eq!(next_episode(&store, &none).expect("read"), Some(cut_off));
        store.set_setting(AUTO_TRANSCRIBE_KEY, &true).expect("set");
        assert_eq!(
            next_episode(&store, &none).expect("read"),
            Some(cut_off),
            "before the newer"
        );
        assert_eq!(
            next_episode(&store, &HashSet::from([cut_off])).expect("read"),
            Some(newer)
        );
    }
}
