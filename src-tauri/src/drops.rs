//! Files dropped on the window: the window's one drag-and-drop edge. Audio files and
//! folders are imported ([`crate::local_files`]); a transcript file dropped alone is
//! kept for `transcript_attach_dropped` and the window told its name. So dropping
//! `talk.mp3` with `talk.vtt` imports the pair instead of attaching the transcript to
//! the open episode.
//!
//! No command takes a file path from the window: a drop is seen here, and the window
//! is only told a file's name.

use std::path::PathBuf;
use std::sync::Mutex;

use earmark_core::library::{is_audio_file_name, is_transcript_file_name};
use tauri::{DragDropEvent, Manager, Window, WindowEvent};

use crate::events::{self, Dragged};
use crate::local_files;
use crate::supervise;

/// The transcript file last dropped on the window.
#[derive(Debug, Default)]
pub struct TranscriptDrops {
    dropped: Mutex<Option<PathBuf>>,
}

impl TranscriptDrops {
    /// Takes the file last dropped, if any.
    pub fn take(&self) -> Option<PathBuf> {
        supervise::lock(&self.dropped).take()
    }
}

/// Sees files dragged onto the window.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::DragDrop(drag) = event else {
        return;
    };
    let app = window.app_handle();
    match drag {
        DragDropEvent::Enter { paths, .. } if has_audio(paths) => {
            events::drag(app, Dragged::Audio, true);
        }
        DragDropEvent::Enter { paths, .. } if has_transcript(paths) => {
            events::drag(app, Dragged::Transcript, true);
        }
        DragDropEvent::Drop { paths, .. } if has_audio(paths) => {
            events::drag(app, Dragged::Audio, false);
            local_files::start_import(app.clone(), paths.clone());
        }
        DragDropEvent::Drop { paths, .. } => {
            events::drag(app, Dragged::Audio, false);
            events::drag(app, Dragged::Transcript, false);
            let Some(path) = paths.iter().find(|p| is_transcript_file_name(p)) else {
                return;
            };
            if let Some(drops) = app.try_state::<TranscriptDrops>() {
                *supervise::lock(&drops.dropped) = Some(path.clone());
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            events::transcript_dropped(app, &name);
        }
        DragDropEvent::Leave => {
            events::drag(app, Dragged::Audio, false);
            events::drag(app, Dragged::Transcript, false);
        }
        _ => {}
    }
}

/// Whether a drop holds audio files or folders.
fn has_audio(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| p.is_dir() || is_audio_file_name(p))
}

/// Whether a drop holds a transcript file.
fn has_transcript(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| is_transcript_file_name(p))
}
