//! Transcribing an episode's downloaded audio on this computer, as a job of
//! [`AlignJobs`] (one per episode, with its cancel flag and progress): the speech is
//! recognised by `earmark-speech`, each finished chunk kept in the library so a
//! restart goes on after the last one, and the result kept as the episode's
//! transcript, machine-made (`TranscriptFormat::Speech`). Highlights on an earlier
//! transcript move with their text, as when one is replaced by a file. Blocking.

use std::path::Path;
use std::sync::Mutex;

use earmark_core::store::{EpisodeId, FinishedChunk, Store};
use earmark_speech::{transcribe_resuming, ChunkJournal, StoreJournal, TranscribeOptions};
use serde::Serialize;

use crate::align::Stage;
use crate::align_jobs::AlignJobs;
use crate::episode_align::TranscriptContent;
use crate::error::UseCaseError;
use crate::error_report::ErrorReport;
use crate::shared::lock;
use crate::speech_options::speech_options;
use crate::transcript_file::attach;

/// A transcription kept as the episode's transcript.
#[derive(Debug, Serialize)]
pub struct Transcribed {
    /// The episode.
    pub episode: EpisodeId,
    /// Its new, machine-made transcript.
    pub transcript: TranscriptContent,
}

/// Recognises the speech of `episode`'s downloaded audio and keeps it as its
/// transcript. A cancelled job fails with code `cancelled`; its finished chunks stay
/// for the next run.
pub fn transcribe_episode(
    jobs: &AlignJobs,
    store: &Mutex<Store>,
    episode: EpisodeId,
    progress: impl FnMut(Stage, f32),
) -> Result<Transcribed, ErrorReport> {
    let (audio, options) = {
        let store = lock(store);
        let row = store.episode(episode)?;
        let options = speech_options(&store, &row)?;
        let audio = row.audio_path.filter(|path| path.is_file());
        (audio.ok_or(UseCaseError::NotDownloaded)?, options)
    };
    let _running = Running::mark(store, episode);
    let heard = jobs.run(episode, progress, |cancel, report| {
        let mut journal = LockedJournal {
            store,
            audio: &audio,
            options: &options,
        };
        let mut told = |p: earmark_speech::Progress| report(Stage::Transcribing, p.done);
        Ok(transcribe_resuming(
            &audio,
            &options,
            &mut journal,
            cancel,
            &mut told,
        )?)
    })?;
    let transcript =
        heard.ok_or_else(|| ErrorReport::new("cancelled", "The transcription was stopped."))?;
    let kept = attach(store, episode, None, || Ok(transcript))?;
    if let Some(journal) = StoreJournal::new(&lock(store), &audio, &options) {
        journal.forget();
    }
    Ok(Transcribed {
        episode,
        transcript: kept.into(),
    })
}

/// The settings key listing the episodes being transcribed (a JSON array of ids): an
/// id left there when the app quit is a transcription to go on with.
const RUNNING_KEY: &str = "speech.running";

/// The episodes whose transcription a quit interrupted and that still have no
/// transcript.
pub fn interrupted(store: &Store) -> Vec<EpisodeId> {
    let running: Vec<EpisodeId> = store
        .setting(RUNNING_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    running
        .into_iter()
        .filter(|id| matches!(store.transcript_info(*id), Ok(None)))
        .collect()
}

/// An episode listed under [`RUNNING_KEY`] while its transcription runs; however the
/// job ends (kept, failed, cancelled, panicked) it leaves the list. Only a quit
/// leaves it there.
struct Running<'a> {
    store: &'a Mutex<Store>,
    episode: EpisodeId,
}

impl<'a> Running<'a> {
    fn mark(store: &'a Mutex<Store>, episode: EpisodeId) -> Self {
        change_running(store, |running| {
            if !running.contains(&episode) {
                running.push(episode);
            }
        });
        Running { store, episode }
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let episode = self.episode;
        change_running(self.store, |running| running.retain(|id| *id != episode));
    }
}

/// Changes the list of running transcriptions (a library that cannot be written
/// only loses the chance to go on after a quit).
fn change_running(store: &Mutex<Store>, change: impl FnOnce(&mut Vec<EpisodeId>)) {
    let store = lock(store);
    let mut running: Vec<EpisodeId> = store
        .setting(RUNNING_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    change(&mut running);
    if let Err(error) = store.set_setting(RUNNING_KEY, &running) {
        eprintln!("earmark: could not note the running transcription: {error}");
    }
}

/// The library's journal of finished chunks, taking the library's lock only for
/// each read and write (a transcription runs for minutes; the library must not wait).
struct LockedJournal<'a> {
    store: &'a Mutex<Store>,
    audio: &'a Path,
    options: &'a TranscribeOptions,
}

impl ChunkJournal for LockedJournal<'_> {
    fn finished(&mut self) -> Vec<FinishedChunk> {
        let store = lock(self.store);
        StoreJournal::new(&store, self.audio, self.options)
            .map(|mut journal| journal.finished())
            .unwrap_or_default()
    }

    fn keep(&mut self, chunk: &FinishedChunk) {
        let store = lock(self.store);
        if let Some(mut journal) = StoreJournal::new(&store, self.audio, self.options) {
            journal.keep(chunk);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use earmark_core::store::NewEpisode;
    use earmark_core::transcript::TranscriptFormat;

    /// A library with one local episode whose audio is a recorded fixture.
    fn library_with(fixture: &str) -> (tempfile::TempDir, Mutex<Store>, EpisodeId) {
        let dir = tempfile::tempdir().expect("data dir");
        let store = Store::open_in_data_dir(dir.path()).expect("library");
        let audio = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../tests/fixtures/speech")
            .join(fixture);
        let episode = NewEpisode {
            title: "Spoken".into(),
            audio_path: Some(audio),
            ..NewEpisode::default()
        };
        let id = store.insert_episode(&episode).expect("episode");
        (dir, Mutex::new(store), id)
    }

    #[test]
    fn the_speech_heard_becomes_the_episodes_machine_made_transcript_with_words() {
        let (_dir, store, id) = library_with("goforward.flac");
        let mut stages = Vec::new();
        let mut listed = Vec::new();
        let done = transcribe_episode(&AlignJobs::default(), &store, id, |stage, _| {
            stages.push(stage);
            listed.push(interrupted(&lock(&store)));
        })
        .expect("transcribed");
        assert_eq!(done.episode, id);
        assert!(
            listed.iter().all(|running| running == &[id]),
            "listed as running while it runs: {listed:?}"
        );
        assert!(
            interrupted(&lock(&store)).is_empty(),
            "and no longer once kept"
        );
        assert!(stages.contains(&Stage::Transcribing), "{stages:?}");
        let kept = lock(&store)
            .get_transcript(id)
            .expect("read")
            .expect("kept");
        assert_eq!(kept.format, TranscriptFormat::Speech, "marked machine-made");
        let text = kept
            .segments
            .iter()
            .map(|s| s.text.to_lowercase())
            .collect::<String>();
        assert!(text.contains("forward"), "{text}");
        assert!(
            kept.segments
                .iter()
                .all(|s| s.words.as_ref().is_some_and(|w| !w.is_empty())),
            "every line has its words"
        );
        assert!(
            !lock(&store)
                .search("forward", 5)
                .expect("search")
                .is_empty(),
            "searchable"
        );
    }

    #[test]
    fn an_episode_without_audio_is_asked_to_be_downloaded() {
        let (_dir, store, id) = library_with("no-such-file.flac");
        let error = transcribe_episode(&AlignJobs::default(), &store, id, |_, _| {})
            .expect_err("nothing to hear");
        assert_eq!(error.code, "not_downloaded");
    }
}
