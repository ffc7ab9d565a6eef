//! Every event the window hears, named and sent from here: what happened in the
//! app (a notice, the end of an episode, a check's report, an alignment's progress,
//! files dragged over the window or brought in) mapped to the window's event names.
//! The player's clock and the download queue talk to the window on channels of
//! their own, which the window opens.

use earmark_api::refresh_report::RefreshReport;
use earmark_core::library::FilesImported;
use earmark_core::store::EpisodeId;
use serde::Serialize;
use tauri::{AppHandle, Emitter};

/// A message for the notice bar.
#[derive(Debug, Clone, Serialize)]
pub struct Notice<'a> {
    /// `info`, `warning` or `error`.
    pub level: &'a str,
    /// The sentence to show.
    pub message: &'a str,
}

/// Shows a notice in the window.
pub fn notice(app: &AppHandle, level: &str, message: &str) {
    let _ = app.emit("notice", Notice { level, message });
}

/// The episode played to its end.
pub fn ended(app: &AppHandle) {
    let _ = app.emit("player-ended", ());
}

/// A background check for new episodes found something (`feeds-refreshed`).
pub fn feeds_refreshed(app: &AppHandle, report: &RefreshReport) {
    let _ = app.emit("feeds-refreshed", report);
}

/// Payload of `transcript-align-progress`.
#[derive(Debug, Clone, Serialize)]
struct AlignProgress {
    episode: EpisodeId,
    stage: &'static str,
    done: f32,
}

/// How far an alignment is: `stage` (`decoding`, `synthesizing`, `matching`) and
/// `done`, 0 to 1 over the whole job (`transcript-align-progress`).
pub fn align_progress(app: &AppHandle, episode: EpisodeId, stage: &'static str, done: f32) {
    let payload = AlignProgress {
        episode,
        stage,
        done,
    };
    let _ = app.emit("transcript-align-progress", payload);
}

/// What is being dragged over the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dragged {
    /// Audio files or folders (`files-drag`).
    Audio,
    /// A transcript file (`transcript-drag`).
    Transcript,
}

/// Payload of the drag events.
#[derive(Debug, Clone, Serialize)]
struct DragState {
    active: bool,
}

/// Something of `kind` is dragged over the window (`active`), or no longer.
pub fn drag(app: &AppHandle, kind: Dragged, active: bool) {
    let name = match kind {
        Dragged::Audio => "files-drag",
        Dragged::Transcript => "transcript-drag",
    };
    let _ = app.emit(name, DragState { active });
}

/// Payload of `transcript-dropped`.
#[derive(Debug, Clone, Serialize)]
struct Dropped<'a> {
    name: &'a str,
}

/// A transcript file named `name` was dropped on the window (`transcript-dropped`).
pub fn transcript_dropped(app: &AppHandle, name: &str) {
    let _ = app.emit("transcript-dropped", Dropped { name });
}

/// Dropped audio came in, or why not (`files-imported`).
pub fn files_imported(app: &AppHandle, done: &FilesImported) {
    let _ = app.emit("files-imported", done);
}
