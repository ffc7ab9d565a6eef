//! Choosing files and folders in the native open dialog. No command takes a path
//! from the window: what is read is what the user picked here (or dropped on the
//! window, which the shell sees itself).

use std::path::PathBuf;

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::error::{IpcError, IpcResult};

/// What to pick.
#[derive(Debug, Clone)]
pub enum Pick<'a> {
    /// One file, of the named kind with these extensions.
    File(&'a str, &'a [&'a str]),
    /// One file as [`Pick::File`], the dialog opening in this folder when it exists.
    FileIn(&'a str, &'a [&'a str], Option<PathBuf>),
    /// Any number of files, of the named kind with these extensions.
    Files(&'a str, &'a [&'a str]),
    /// Any number of folders.
    Folders,
}

/// Shows the open dialog titled `title`; the paths picked, empty when cancelled.
pub async fn pick(app: &AppHandle, title: &str, what: Pick<'_>) -> IpcResult<Vec<PathBuf>> {
    let (tx, rx) = tokio::sync::oneshot::channel::<Vec<FilePath>>();
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let answer = move |picked: Option<Vec<FilePath>>| {
        let _ = tx.send(picked.unwrap_or_default());
    };
    match what {
        Pick::FileIn(kind, extensions, folder) => {
            if let Some(folder) = folder.filter(|f| f.is_dir()) {
                dialog = dialog.set_directory(folder);
            }
            dialog
                .add_filter(kind, extensions)
                .pick_file(move |p| answer(p.map(|p| vec![p])))
        }
        Pick::File(kind, extensions) => dialog
            .add_filter(kind, extensions)
            .pick_file(move |p| answer(p.map(|p| vec![p]))),
        Pick::Files(kind, extensions) => dialog.add_filter(kind, extensions).pick_files(answer),
        Pick::Folders => dialog.pick_folders(answer),
    }
    let picked = rx.await.map_err(|_| {
        IpcError::new(
            "dialog_unavailable",
            "The file dialog could not be shown; drop the files on the window instead.",
        )
    })?;
    Ok(picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect())
}
