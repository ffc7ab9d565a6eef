//! Where Earmark keeps its data: one directory shared by the app and `earmark-cli`.

use std::path::PathBuf;

/// The app's identifier; the data directory is named after it (as Tauri does).
pub const APP_IDENTIFIER: &str = "app.earmark.desktop";

/// Environment variable that overrides the data directory for the app and the CLI.
pub const DATA_DIR_ENV: &str = "EARMARK_DATA_DIR";

/// The data directory: `$EARMARK_DATA_DIR` when set, else the platform's app-data
/// folder for [`APP_IDENTIFIER`] (XDG on Linux), else `./earmark-data`.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .unwrap_or_else(|| PathBuf::from("earmark-data"))
}
