//! Transcript commands: estimated times and pins for untimed transcripts, and adding
//! a transcript (file dialog, dropped file, or bytes the window read). Export is in
//! [`super::transcript_export`].
//!
//! No command takes a file path from the window: files are chosen in native
//! dialogs opened from here, or dropped on the window (the drop is seen in
//! [`crate::drops`], and the window is only told a file's name). A script in the window can thus never
//! read or write a file the user did not pick.

use std::path::PathBuf;

use earmark_api::episode_align::TranscriptContent;
use earmark_api::pauses;
use earmark_api::transcript_times::{self, PauseStatus, TranscriptTimes};
use earmark_core::library::{read_transcript, read_transcript_bytes, TRANSCRIPT_EXTENSIONS};
use earmark_core::store::EpisodeId;
use tauri::{AppHandle, State};

use crate::drops::TranscriptDrops;
use crate::error::{IpcError, IpcResult};
use crate::open_dialog::{pick, Pick};
use crate::state::AppState;
use crate::supervise;
use crate::transcript_attach::attach;

/// The times shown for each segment of an episode's transcript: the file's own, or
/// for an untimed transcript estimated from text length, the audio's pauses (with
/// `scan`, the audio is scanned for them when the library has none yet) and pins.
#[tauri::command]
pub async fn transcript_times(
    state: State<'_, AppState>,
    id: EpisodeId,
    scan: bool,
) -> IpcResult<TranscriptTimes> {
    times_of(&state, id, scan).await
}

/// "This line starts now": pins segment `index` to `ms` and returns the new times.
/// Older pins that contradict it are removed.
#[tauri::command]
pub async fn transcript_pin(
    state: State<'_, AppState>,
    id: EpisodeId,
    index: usize,
    ms: u64,
) -> IpcResult<TranscriptTimes> {
    state
        .with_store(move |s| Ok(transcript_times::pin(s, id, index, ms)?))
        .await?;
    times_of(&state, id, false).await
}

/// Removes the pin of segment `index` and returns the new times.
#[tauri::command]
pub async fn transcript_unpin(
    state: State<'_, AppState>,
    id: EpisodeId,
    index: usize,
) -> IpcResult<TranscriptTimes> {
    state
        .with_store(move |s| Ok(s.remove_pin(id, index).map(|_| ())?))
        .await?;
    times_of(&state, id, false).await
}

/// Adds a transcript to the episode from a file the user picks; `None` when the
/// dialog is cancelled.
#[tauri::command]
pub async fn transcript_choose_file(
    app: AppHandle,
    state: State<'_, AppState>,
    id: EpisodeId,
) -> IpcResult<Option<TranscriptContent>> {
    // Start where the episode's audio is: transcripts usually sit beside it (the
    // demo's untimed website transcript does).
    let folder = state
        .with_store(move |s| Ok(s.episode(id)?.audio_path))
        .await?
        .and_then(|audio| audio.parent().map(PathBuf::from));
    let what = Pick::FileIn("Transcripts", TRANSCRIPT_EXTENSIONS, folder);
    let Some(path) = pick(&app, "Add a transcript", what).await?.pop() else {
        return Ok(None);
    };
    let source = Some(path.clone());
    attach(&state, id, source, move || read_transcript(&path))
        .await
        .map(|t| Some(t.into()))
}

/// Adds the file last dropped on the window as the episode's transcript.
#[tauri::command]
pub async fn transcript_attach_dropped(
    state: State<'_, AppState>,
    drops: State<'_, TranscriptDrops>,
    id: EpisodeId,
) -> IpcResult<TranscriptContent> {
    let path = drops
        .take()
        .ok_or_else(|| IpcError::new("no_dropped_file", "No transcript file was dropped."))?;
    let source = Some(path.clone());
    attach(&state, id, source, move || read_transcript(&path))
        .await
        .map(TranscriptContent::from)
}

/// Adds a transcript from the bytes of a file the window read (its file input):
/// the body is the file's bytes; header `x-episode` the episode and `x-file-name`
/// the file's name, percent-encoded.
#[tauri::command]
pub async fn transcript_attach_bytes(
    state: State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> IpcResult<TranscriptContent> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::new(
            "bad_request",
            "The transcript file's contents were not sent.",
        ));
    };
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let id: EpisodeId = header("x-episode")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| IpcError::new("bad_request", "No episode was named."))?;
    let name = percent_decode(&header("x-file-name").unwrap_or_default());
    let bytes = bytes.clone();
    attach(&state, id, None, move || {
        read_transcript_bytes(&bytes, &name)
    })
    .await
    .map(TranscriptContent::from)
}

/// The episode's transcript times (see [`transcript_times`]): the library read,
/// then the audio scanned for pauses when asked and not done before.
pub(crate) async fn times_of(
    state: &AppState,
    id: EpisodeId,
    scan: bool,
) -> IpcResult<TranscriptTimes> {
    let input = state
        .with_store(move |s| Ok(transcript_times::read(s, id)?))
        .await?;
    if input.timed() {
        return Ok(transcript_times::times(
            &input,
            Err(PauseStatus::Unavailable),
        ));
    }
    let pauses = match (&input.cached, &input.audio) {
        (Some(p), _) => Ok(p.clone()),
        (None, Some(audio)) if scan => {
            let (store, audio) = (std::sync::Arc::clone(&state.store), audio.clone());
            supervise::blocking("Finding the pauses in the audio", move || {
                Ok(pauses::find_or_scan(&store, &audio)?)
            })
            .await
            .map_err(|_| PauseStatus::Unavailable)
        }
        (None, Some(_)) => Err(PauseStatus::Pending),
        (None, None) => Err(PauseStatus::Unavailable),
    };
    Ok(transcript_times::times(
        &input,
        pauses.as_deref().map_err(|s| *s),
    ))
}

/// Decodes `%XX` escapes (as `encodeURIComponent` writes them); anything that is
/// not valid UTF-8 afterwards is replaced, malformed escapes are kept as they are.
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_decoded() {
        assert_eq!(percent_decode("caf%C3%A9%20notes.txt"), "café notes.txt");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(
            percent_decode("end%41"),
            "endA",
            "an escape at the very end"
        );
    }
}
