//! Adding local audio files or folders picked in the open dialog.

use earmark_api::audio_import::import_in_background;
use earmark_api::dialog_words::DialogWords;
use earmark_core::library::{FilesImported, AUDIO_EXTENSIONS};
use tauri::{AppHandle, State};

use crate::error::IpcResult;
use crate::library_jobs::LibraryJobs;
use crate::open_dialog::{pick, Pick};

/// Imports audio files (or, with `folders`, whole folders) the user picks, with
/// their transcripts, tags and chapters; `null` when cancelled.
#[tauri::command]
pub async fn local_files_add(
    app: AppHandle,
    jobs: State<'_, LibraryJobs>,
    folders: bool,
    dialog: DialogWords,
) -> IpcResult<Option<FilesImported>> {
    let what = if folders {
        Pick::Folders
    } else {
        Pick::Files(dialog.filter("Audio"), AUDIO_EXTENSIONS)
    };
    let paths = pick(&app, &dialog.title, what).await?;
    if paths.is_empty() {
        return Ok(None);
    }
    Ok(Some(import_in_background(&jobs.background, paths).await))
}
