//! `earmark FILE|URL…` ([`earmark_api::launch`]): one window per library. A second
//! launch hands its arguments over the session bus (tauri-plugin-single-instance)
//! and ends; the window comes to the front and takes them with `launch_take`, as it
//! takes the first launch's when it starts. Files open as a drop on the window does.

use std::path::Path;

use earmark_api::launch::{instance_name, read_launch, LaunchQueue, Opening};
use earmark_core::paths::default_data_dir;
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, State, Wry};

use crate::{drops, events};

/// The plugin that makes a second launch on this library hand over to this one.
pub fn single_instance() -> TauriPlugin<Wry> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_name(&default_data_dir()))
        .callback(|app, argv, cwd| {
            hand_over(app, argv.into_iter().skip(1), Path::new(&cwd));
            raise(app);
        })
        .build()
}

/// Queues what `args` ask for and tells the window.
pub fn hand_over(app: &AppHandle, args: impl IntoIterator<Item = String>, cwd: &Path) {
    if let Some(queue) = app.try_state::<LaunchQueue>() {
        queue.push(read_launch(args, cwd));
    }
    events::launch_requested(app);
}

/// Brings the window to the front.
pub fn raise(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// What the launches ask the window: files open now (as a drop); the window offers
/// the feeds and imports a waiting subscription list with `opml_import`.
#[tauri::command]
pub fn launch_take(app: AppHandle, queue: State<'_, LaunchQueue>) -> Opening {
    let opening = queue.take_opening();
    if !opening.files.is_empty() {
        drops::open(&app, &opening.files, true);
    }
    opening
}
