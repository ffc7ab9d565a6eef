//! Domain events mapped to the window's events.

use serde::Serialize;
use tauri::{AppHandle, Emitter};

/// A message for the notice bar.
#[derive(Debug, Clone, Serialize)]
pub struct Notice<'a> {
    /// `info`, `warning` or `error`.
    pub level: &'a str,
    /// The sentence to show.
    pub message: &'a str,
}

/// Shows a notice in the window.
pub fn notice(app: &AppHandle, level: &str, message: &str) {
    let _ = app.emit("notice", Notice { level, message });
}

/// The episode played to its end.
pub fn ended(app: &AppHandle) {
    let _ = app.emit("player-ended", ());
}
