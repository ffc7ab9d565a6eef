//! Every event the window hears, named and sent from here. The player's clock and
//! the download queue talk to the window on channels of their own, which it opens.

use earmark_api::align::Stage;
use earmark_api::error_report::ErrorReport;
use earmark_api::refresh_report::RefreshReport;
use earmark_api::transcribe_queue::QueueEvents;
use earmark_api::transcription::Transcribed;
use earmark_core::feeds::RefreshProgress;
use earmark_core::library::FilesImported;
use earmark_core::store::{EpisodeId, PodcastId};
use serde::Serialize;
use serde_json::json;
use tauri::{AppHandle, Emitter};

fn emit(app: &AppHandle, event: &str, payload: impl Serialize + Clone) {
    let _ = app.emit(event, payload);
}

/// Shows `error` in the notice bar at `level`, with its code and params for the window.
pub fn report_notice(app: &AppHandle, level: &str, error: &ErrorReport) {
    let payload = json!({ "level": level, "message": error.message, "error": error });
    emit(app, "notice", payload);
}

/// The episode played to its end.
pub fn ended(app: &AppHandle) {
    emit(app, "player-ended", ());
}

/// Shows each message it gets as an error in the notice bar.
pub fn error_notice(app: &AppHandle) -> impl Fn(ErrorReport) + Send + Sync + Clone + 'static {
    let app = app.clone();
    move |error| report_notice(&app, "error", &error)
}

/// Tells the window how far a check of every feed has come.
pub fn refresh_progress(app: &AppHandle) -> impl Fn(&RefreshProgress) + Send + Sync + Clone {
    let app = app.clone();
    move |progress| emit(&app, "refresh-progress", progress)
}

/// Tells the window what a background check for new episodes found
/// (`feeds-refreshed`), or why it could not check.
pub fn feeds_checked(
    app: &AppHandle,
) -> impl Fn(Result<RefreshReport, ErrorReport>) + Send + Sync + Clone {
    let app = app.clone();
    move |checked| match checked {
        Ok(report) => emit(&app, "feeds-refreshed", report),
        Err(e) => report_notice(&app, "error", &e),
    }
}

/// A later launch handed over files or addresses: the window takes them
/// (`launch_take`).
pub fn launch_requested(app: &AppHandle) {
    emit(app, "launch-requested", ());
}

/// Pictures of `podcast` were fetched into the artwork cache.
pub fn artwork_kept(app: &AppHandle, podcast: PodcastId) {
    emit(app, "artwork-kept", json!({ "podcast": podcast }));
}

/// How far an alignment or a transcription is: `stage` (`decoding`, `synthesizing`,
/// `matching`, `transcribing`) and `done`, 0 to 1 over the whole job.
pub fn align_progress(app: &AppHandle, episode: EpisodeId, stage: &'static str, done: f32) {
    let payload = json!({ "episode": episode, "stage": stage, "done": done });
    emit(app, "transcript-align-progress", payload);
}

/// What background transcription tells the window: its progress as an alignment's,
/// its end as `transcript-transcribed` (`{episode, transcript}` or `{episode,
/// error}`), each kind of failure once in the notice bar.
pub struct Transcriptions(pub AppHandle);

impl QueueEvents for Transcriptions {
    fn progress(&self, episode: EpisodeId, stage: Stage, done: f32) {
        align_progress(&self.0, episode, stage.name(), done);
    }

    fn ended(&self, episode: EpisodeId, outcome: &Result<Transcribed, ErrorReport>) {
        let payload = match outcome {
            Ok(done) => json!(done),
            Err(error) => json!({ "episode": episode, "error": error }),
        };
        emit(&self.0, "transcript-transcribed", payload);
    }

    fn report(&self, error: ErrorReport) {
        report_notice(&self.0, "error", &error);
    }
}

/// What is being dragged over the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dragged {
    /// Audio files or folders (`files-drag`).
    Audio,
    /// A transcript file (`transcript-drag`).
    Transcript,
}

/// Something of `kind` is dragged over the window (`active`), or no longer.
pub fn drag(app: &AppHandle, kind: Dragged, active: bool) {
    let event = match kind {
        Dragged::Audio => "files-drag",
        Dragged::Transcript => "transcript-drag",
    };
    emit(app, event, json!({ "active": active }));
}

/// A transcript file named `name` was dropped on the window.
pub fn transcript_dropped(app: &AppHandle, name: &str) {
    emit(app, "transcript-dropped", json!({ "name": name }));
}

/// Dropped audio came in, or why not; `launched`: Earmark was given the files to open.
pub fn files_imported(app: &AppHandle, done: &FilesImported, launched: bool) {
    let (episodes, problems) = (&done.episodes, &done.problems);
    let payload = json!({ "episodes": episodes, "problems": problems, "launched": launched });
    emit(app, "files-imported", payload);
}
