//! The native save dialog, for every export (transcripts, notes, OPML) and the
//! library backup; the text is written by [`earmark_api::saved_file`].

use std::path::PathBuf;

use earmark_api::saved_file::{file_stem, save_text_to};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcResult;
use earmark_api::supervise::blocking;

/// What is being saved, for the dialog.
#[derive(Debug)]
pub struct SaveRequest<'a> {
    /// The dialog's title, e.g. "Export the transcript".
    pub title: &'a str,
    /// The filter's name, e.g. "WebVTT".
    pub filter_name: &'a str,
    /// The extension without the dot.
    pub extension: &'a str,
    /// The suggested name (an episode's title: made safe for a file name).
    pub suggested_stem: &'a str,
}

/// Asks where to save `text` and writes it there (the dialog asked before
/// replacing a file); the path, or `None` when the user cancelled.
pub async fn save_text(
    app: &AppHandle,
    request: SaveRequest<'_>,
    text: String,
) -> IpcResult<Option<String>> {
    let Some(path) = pick_save_path(app, request).await? else {
        return Ok(None);
    };
    blocking("Saving the file", move || save_text_to(&path, &text))
        .await
        .map(Some)
}

/// Shows the save dialog (which asks before replacing a file); the path picked, or
/// `None` when the user cancelled.
pub async fn pick_save_path(
    app: &AppHandle,
    request: SaveRequest<'_>,
) -> IpcResult<Option<PathBuf>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let stem = file_stem(request.suggested_stem);
    let mut dialog = app
        .dialog()
        .file()
        .set_title(request.title)
        .add_filter(request.filter_name, &[request.extension])
        .set_file_name(format!("{stem}.{}", request.extension));
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    dialog.save_file(move |picked| {
        let _ = tx.send(picked);
    });
    Ok(rx.await.ok().flatten().and_then(|p| p.into_path().ok()))
}
