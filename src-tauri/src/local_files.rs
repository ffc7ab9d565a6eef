//! Local audio brought in by dropping files or folders on the window (see
//! [`crate::drops`]) or picking them in a dialog: measured, tagged and imported on
//! the blocking pool; the window hears `files-imported` when it is in.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use earmark_core::library::{collect_audio_files, import_audio_files, FilesImported};
use tauri::{AppHandle, Manager};

use crate::background::Background;
use crate::error::IpcResult;
use crate::events;
use crate::library_jobs::LibraryJobs;

/// Imports the audio files among `paths` (folders walked) with their transcripts,
/// tags and chapters.
pub async fn import(background: &Background, paths: Vec<PathBuf>) -> IpcResult<FilesImported> {
    background
        .run("Importing files", move |store, _| {
            let files = collect_audio_files(&paths);
            let mut done = import_audio_files(store, &files, &measure);
            if files.is_empty() {
                done.problems
                    .push("No audio files were found there (MP3, M4A or M4B, AAC, Ogg or Opus, FLAC, WAV or AIFF).".into());
            }
            Ok(done)
        })
        .await
}

/// The exact duration, or why the file does not play.
fn measure(path: &Path) -> Result<u64, String> {
    earmark_player::probe(path)
        .map(|media| media.duration_ms)
        .map_err(|e| e.to_string())
}

/// Imports dropped `paths` on the background runner and tells the window how it went.
pub fn start_import(app: AppHandle, paths: Vec<PathBuf>) {
    let Some(jobs) = app.try_state::<LibraryJobs>() else {
        return;
    };
    let background = Arc::clone(&jobs.background);
    tauri::async_runtime::spawn(async move {
        let outcome = import(&background, paths).await;
        let payload = match outcome {
            Ok(done) => done,
            Err(e) => FilesImported {
                episodes: Vec::new(),
                problems: vec![e.message],
            },
        };
        events::files_imported(&app, &payload);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;

    #[test]
    fn a_file_and_the_transcript_beside_it_come_in_on_the_import_connection() {
        // The import measures the audio and parses its transcript on the background
        // runner's own connection; the window's library sees the result.
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let media = tempfile::tempdir().expect("tempdir");
        let audio = media.path().join("talk.flac");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/audio/flac-44k-mono.flac");
        std::fs::copy(fixture, &audio).expect("copy");
        std::fs::write(
            media.path().join("talk.vtt"),
            "WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n",
        )
        .expect("transcript");
        let background = Background::new(dir.path().to_path_buf());
        let imported =
            tauri::async_runtime::block_on(import(&background, vec![audio])).expect("imported");
        assert_eq!(imported.problems, Vec::<String>::new());
        let [id] = imported.episodes[..] else {
            panic!("one episode: {:?}", imported.episodes);
        };
        let store = state.store.lock().expect("store");
        let episode = store.episode(id).expect("episode");
        assert_eq!(episode.duration_ms, Some(3_000), "measured exactly");
        let transcript = store.get_transcript(id).expect("read").expect("transcript");
        assert_eq!(transcript.segments[0].text, "Hello.");
    }
}
