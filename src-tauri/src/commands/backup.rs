//! Backing up the whole library to a file the user picks, and restoring it from one
//! (Settings). The work is `earmark_core::backup`'s, as for `earmark-cli backup` and
//! `restore`.

use earmark_core::backup::{back_up, restore, LibraryFacts, LibraryLock, Restored};
use tauri::{AppHandle, State};

use crate::error::{IpcError, IpcResult};
use crate::library_jobs::LibraryJobs;
use crate::loaded_episode::with_none_loaded;
use crate::open_dialog::{pick, Pick};
use crate::save_dialog::{pick_save_path, SaveRequest};
use crate::state::AppState;
use crate::supervise;

/// The extensions offered for backups.
const BACKUP_EXTENSIONS: &[&str] = &["db", "sqlite", "sqlite3"];

/// Asks where to save a backup and writes it; what it holds, or `null` when cancelled.
#[tauri::command]
pub async fn library_backup(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<LibraryFacts>> {
    let request = SaveRequest {
        title: "Back up library",
        filter_name: "Earmark library backup",
        extension: "db",
        suggested_stem: "Earmark library backup",
    };
    let Some(file) = pick_save_path(&app, request).await? else {
        return Ok(None);
    };
    let data_dir = state.data_dir.clone();
    supervise::blocking("Backing up the library", move || {
        Ok(back_up(&data_dir, &file)?)
    })
    .await
    .map(Some)
}

/// Asks for a backup and replaces the library with it, the player emptied first;
/// what was restored, or `null` when cancelled. The window reloads afterwards.
#[tauri::command]
pub async fn library_restore(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, LibraryJobs>,
) -> IpcResult<Option<Restored>> {
    let what = Pick::File("Earmark library backup", BACKUP_EXTENSIONS);
    let Some(file) = pick(&app, "Restore from backup", what).await?.pop() else {
        return Ok(None);
    };
    if jobs.downloads.busy() {
        return Err(IpcError::new(
            "downloads_running",
            "Downloads are running. Let them finish or cancel them, then restore the library.",
        ));
    }
    let (lock, data_dir) = (state.library_lock.clone(), state.data_dir.clone());
    let restored = supervise::blocking("Restoring the library", move || {
        // The lock the app took at start; without it (another Earmark window held it
        // then), take it now or say who holds it.
        let taken;
        let lock = match &lock {
            Some(lock) => lock.as_ref(),
            None => {
                taken = LibraryLock::try_acquire(&data_dir)?;
                &taken
            }
        };
        Ok(restore(&file, lock)?)
    });
    with_none_loaded(&state, restored).await.map(Some)
}
