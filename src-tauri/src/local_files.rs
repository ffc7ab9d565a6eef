//! Local audio brought in by dropping files or folders on the window (see
//! [`crate::drops`]) or picking them in a dialog, imported on the background runner
//! ([`earmark_api::audio_import`]); a drop's outcome goes to the window as
//! `files-imported`.

use std::path::PathBuf;
use std::sync::Arc;

use earmark_api::audio_import::import_paths;
use earmark_core::library::FilesImported;
use tauri::{AppHandle, Manager};

use crate::background::Background;
use crate::error::IpcResult;
use crate::events;
use crate::library_jobs::LibraryJobs;

/// Imports the audio files among `paths` (folders walked).
pub async fn import(background: &Background, paths: Vec<PathBuf>) -> IpcResult<FilesImported> {
    background
        .run("Importing files", move |store, _| {
            Ok(import_paths(store, &paths))
        })
        .await
}

/// Imports dropped `paths` (or those Earmark was `launched` with, to open) and tells
/// the window how it went.
pub fn start_import(app: AppHandle, paths: Vec<PathBuf>, launched: bool) {
    let Some(jobs) = app.try_state::<LibraryJobs>() else {
        return;
    };
    let background = Arc::clone(&jobs.background);
    tauri::async_runtime::spawn(async move {
        let payload = import(&background, paths)
            .await
            .unwrap_or_else(|e| FilesImported {
                episodes: Vec::new(),
                problems: vec![e.message],
            });
        events::files_imported(&app, &payload, launched);
    });
}
