//! Files dropped on the window, its one drag-and-drop edge: what a drop holds is
//! `earmark_api::audio_import::dropped`. Audio and folders are imported on the
//! background runner, the window told how it went (`files-imported`); a transcript file is kept for
//! `transcript_attach_dropped` and the window told only its name, so no command
//! takes a path from the window.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use earmark_api::audio_import::{dropped, import_in_background, Dropped};
use earmark_api::shared::lock;
use tauri::{AppHandle, DragDropEvent, Manager, Window, WindowEvent};

use crate::events::{self, Dragged};
use crate::library_jobs::LibraryJobs;

/// The transcript file last dropped on the window.
#[derive(Debug, Default)]
pub struct TranscriptDrops {
    dropped: Mutex<Option<PathBuf>>,
}

impl TranscriptDrops {
    /// Takes the file last dropped, if any.
    pub fn take(&self) -> Option<PathBuf> {
        lock(&self.dropped).take()
    }
}

/// Sees files dragged onto the window.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::DragDrop(drag) = event else {
        return;
    };
    let app = window.app_handle();
    match drag {
        DragDropEvent::Enter { paths, .. } => match dropped(paths) {
            Dropped::Audio => events::drag(app, Dragged::Audio, true),
            Dropped::Transcript(_) => events::drag(app, Dragged::Transcript, true),
            Dropped::Nothing => {}
        },
        DragDropEvent::Drop { paths, .. } => {
            events::drag(app, Dragged::Audio, false);
            open(app, paths, false);
        }
        DragDropEvent::Leave => {
            events::drag(app, Dragged::Audio, false);
            events::drag(app, Dragged::Transcript, false);
        }
        _ => {}
    }
}

/// Opens `paths` as a drop does: audio and folders are imported (the first opened when
/// Earmark was `launched` with them), a transcript file is offered to the episode on
/// screen.
pub fn open(app: &AppHandle, paths: &[PathBuf], launched: bool) {
    match dropped(paths) {
        Dropped::Audio => import(app.clone(), paths.to_vec(), launched),
        Dropped::Transcript(path) => {
            events::drag(app, Dragged::Transcript, false);
            keep(app, path);
        }
        // Earmark was asked to open it: say why it cannot, as an import of it does.
        Dropped::Nothing if launched => import(app.clone(), paths.to_vec(), launched),
        Dropped::Nothing => events::drag(app, Dragged::Transcript, false),
    }
}

/// Keeps a dropped transcript file and tells the window its name.
fn keep(app: &AppHandle, path: &Path) {
    if let Some(drops) = app.try_state::<TranscriptDrops>() {
        *lock(&drops.dropped) = Some(path.to_path_buf());
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    events::transcript_dropped(app, &name);
}

/// Imports `paths` and tells the window how it went.
fn import(app: AppHandle, paths: Vec<PathBuf>, launched: bool) {
    let Some(jobs) = app.try_state::<LibraryJobs>() else {
        return;
    };
    let background = std::sync::Arc::clone(&jobs.background);
    tauri::async_runtime::spawn(async move {
        let done = import_in_background(&background, paths).await;
        events::files_imported(&app, &done, launched);
    });
}
