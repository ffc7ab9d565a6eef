//! The Settings dialog's commands: settings as JSON values by key, kept in the
//! library, and backing up the whole library to a file the user picks or restoring
//! it from one, as `earmark-cli backup` and `restore` do.

use earmark_api::dialog_words::DialogWords;
use earmark_api::library_backup::restore_library;
use earmark_api::settings::set_setting;
use earmark_api::supervise::blocking;
use earmark_core::backup::{back_up, LibraryFacts, Restored};
use tauri::{AppHandle, State};

use crate::error::IpcResult;
use crate::library_jobs::LibraryJobs;
use crate::open_dialog::{pick, Pick};
use crate::save_dialog::{pick_save_path, SaveRequest};
use crate::state::AppState;

/// A setting's value, or `null` when it was never set.
#[tauri::command]
pub async fn settings_get(
    state: State<'_, AppState>,
    key: String,
) -> IpcResult<Option<serde_json::Value>> {
    state.with_store(move |s| s.setting(&key)).await
}

/// Sets a setting; the value as stored. Background transcription looks again.
#[tauri::command]
pub async fn settings_set(
    state: State<'_, AppState>,
    jobs: State<'_, LibraryJobs>,
    key: String,
    value: serde_json::Value,
) -> IpcResult<serde_json::Value> {
    let stored = state
        .with_store(move |s| set_setting(s, &key, &value))
        .await;
    jobs.transcriptions.nudge();
    stored
}

/// The extensions offered for backups.
const BACKUP_EXTENSIONS: &[&str] = &["db", "sqlite", "sqlite3"];

/// Asks where to save a backup and writes it; what it holds, or `null` when cancelled.
#[tauri::command]
pub async fn library_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    dialog: DialogWords,
) -> IpcResult<Option<LibraryFacts>> {
    let request = SaveRequest {
        title: &dialog.title,
        filter_name: dialog.filter("Earmark library backup"),
        extension: "db",
        suggested_stem: "Earmark library backup",
    };
    let Some(file) = pick_save_path(&app, request).await? else {
        return Ok(None);
    };
    let data_dir = state.data_dir.clone();
    let backed_up = blocking("Backing up the library", move || {
        Ok(back_up(&data_dir, &file)?)
    });
    backed_up.await.map(Some)
}

/// Asks for a backup and replaces the library with it, the player emptied first;
/// what was restored, or `null` when cancelled. The window reloads afterwards.
#[tauri::command]
pub async fn library_restore(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, LibraryJobs>,
    dialog: DialogWords,
) -> IpcResult<Option<Restored>> {
    let what = Pick::File(dialog.filter("Earmark library backup"), BACKUP_EXTENSIONS);
    let Some(file) = pick(&app, &dialog.title, what).await?.pop() else {
        return Ok(None);
    };
    jobs.downloads.list.ensure_idle("restore")?;
    let (lock, data_dir) = (state.library_lock.clone(), state.data_dir.clone());
    let now_playing = std::sync::Arc::clone(&state.now_playing);
    blocking("Restoring the library", move || {
        let restore = || restore_library(&file, &data_dir, lock.as_deref());
        Ok(now_playing.with_none_loaded(restore)?)
    })
    .await
    .map(Some)
}
