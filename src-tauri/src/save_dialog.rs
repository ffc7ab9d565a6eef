//! Saving text the user exports: a native save dialog, then an atomic write
//! (temporary file, flush, rename) off the async workers. Used by every export
//! (transcripts, notes, OPML) and the library backup.

use std::path::PathBuf;

use earmark_core::atomic_file::write_atomically;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::error::{IpcError, IpcResult};

/// What is being saved, for the dialog.
#[derive(Debug)]
pub struct SaveRequest<'a> {
    /// The dialog's title, e.g. "Export the transcript".
    pub title: &'a str,
    /// The filter's name, e.g. "WebVTT".
    pub filter_name: &'a str,
    /// The extension without the dot.
    pub extension: &'a str,
    /// The suggested name, made safe with [`file_stem`].
    pub suggested_stem: &'a str,
}

/// Asks where to save `text` and writes it there; the path, or `None` when the user
/// cancelled.
pub async fn save_text(
    app: &AppHandle,
    request: SaveRequest<'_>,
    text: String,
) -> IpcResult<Option<String>> {
    let Some(path) = pick_save_path(app, request).await? else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    // The dialog asked before replacing a file; the write is still atomic, so a full
    // disk leaves the old file whole.
    tauri::async_runtime::spawn_blocking(move || write_atomically(&path, text.as_bytes()))
        .await
        .map_err(|_| IpcError::new("internal", "A background task failed."))?
        .map_err(|e| {
            IpcError::new(
                "io",
                format!("Could not save {shown}: {e}. Nothing there was changed."),
            )
        })?;
    Ok(Some(shown))
}

/// Shows the save dialog (which asks before replacing a file); the path picked, or
/// `None` when the user cancelled.
pub async fn pick_save_path(
    app: &AppHandle,
    request: SaveRequest<'_>,
) -> IpcResult<Option<PathBuf>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app
        .dialog()
        .file()
        .set_title(request.title)
        .add_filter(request.filter_name, &[request.extension])
        .set_file_name(format!(
            "{}.{}",
            file_stem(request.suggested_stem),
            request.extension
        ));
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    dialog.save_file(move |picked| {
        let _ = tx.send(picked);
    });
    Ok(rx.await.ok().flatten().and_then(|p| p.into_path().ok()))
}

/// A file name made from an episode title: letters, digits, spaces, `-` and `_`.
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .trim_matches([' ', '-'])
        .chars()
        .take(80)
        .collect::<String>();
    if stem.is_empty() {
        "earmark".to_string()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_names_are_made_safe() {
        assert_eq!(
            file_stem("Hearing It Twice — Memory/Notes"),
            "Hearing It Twice - Memory-Notes"
        );
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("???"), "earmark");
    }
}
