//! Adding a transcript to an episode: the file is read and parsed first, on a
//! blocking thread and without the library, then stored. A 50 MB transcript takes a
//! while to parse; holding the library meanwhile would hold up everything else that
//! needs it, the position saved every few seconds included.

use std::path::PathBuf;

use earmark_core::library::{attach_parsed, LibraryError};
use earmark_core::store::EpisodeId;
use earmark_core::transcript::Transcript;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;
use crate::supervise;

/// Reads a transcript with `read`, then makes it `id`'s transcript (from the file at
/// `source`, when it came from one). A bad file changes nothing.
pub async fn attach(
    state: &AppState,
    id: EpisodeId,
    source: Option<PathBuf>,
    read: impl FnOnce() -> Result<Transcript, LibraryError> + Send + 'static,
) -> IpcResult<Transcript> {
    let transcript = supervise::blocking("Reading the transcript", move || {
        read().map_err(attach_error)
    })
    .await?;
    state
        .with_store(move |s| {
            attach_parsed(s, id, transcript, source.as_deref()).map_err(attach_error)
        })
        .await
}

/// The error a command returns for a transcript that could not be added.
fn attach_error(e: LibraryError) -> IpcError {
    IpcError::new(e.code(), e.to_string())
}

#[cfg(test)]
mod tests {
    use std::sync::{mpsc, Arc};
    use std::time::Duration;

    use earmark_core::library::read_transcript_bytes;
    use earmark_core::store::NewEpisode;

    use super::*;

    const VTT: &str = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n";

    #[test]
    fn the_transcript_is_parsed_while_someone_else_holds_the_library() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let id = {
            let store = state.store.lock().expect("store");
            let episode = NewEpisode {
                title: "episode".into(),
                ..NewEpisode::default()
            };
            store.insert_episode(&episode).expect("episode")
        };
        let store = Arc::clone(&state.store);
        let held = store.lock().expect("hold the library");
        let (parsed_tx, parsed) = mpsc::channel();
        let adding = std::thread::spawn(move || {
            let read = move || {
                let _ = parsed_tx.send(());
                read_transcript_bytes(VTT.as_bytes(), "new.vtt")
            };
            tauri::async_runtime::block_on(attach(&state, id, None, read))
        });
        parsed
            .recv_timeout(Duration::from_secs(30))
            .expect("the transcript was parsed while the library was held");
        drop(held);
        let attached = adding.join().expect("join").expect("attached");
        assert_eq!(attached.segments.len(), 1);
        let stored = store
            .lock()
            .expect("store")
            .get_transcript(id)
            .expect("read");
        assert_eq!(
            stored.map(|t| t.segments[0].text.clone()).as_deref(),
            Some("Hello.")
        );
    }

    #[test]
    fn a_bad_file_is_a_clear_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let read = || read_transcript_bytes(&[0u8, 1, 2, 3, 0xFF].repeat(100), "junk.vtt");
        let error = tauri::async_runtime::block_on(attach(&state, 1, None, read))
            .expect_err("junk is refused");
        assert_eq!(error.code, "bad_transcript");
        assert!(error.message.contains("junk.vtt"), "{}", error.message);
    }

    /// Tauri's build tooling turns on serde_json's `unbounded_depth` for itself; the
    /// app's own build must keep the depth limit, or a deep file overflows the stack.
    #[test]
    fn a_json_transcript_nested_too_deep_is_refused_in_the_app_build() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let read = move || read_transcript_bytes(deep.as_bytes(), "deep.json");
        let error = tauri::async_runtime::block_on(attach(&state, 1, None, read))
            .expect_err("a 100,000-deep document is refused");
        assert_eq!(error.code, "bad_transcript");
        assert!(
            error.message.contains("nested too deep"),
            "{}",
            error.message
        );
    }
}
