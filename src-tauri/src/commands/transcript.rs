//! Transcript commands: estimated times and pins for untimed transcripts
//! ([`earmark_api::transcript_times`]), and adding a transcript from a file dialog, a
//! dropped file, or bytes the window read ([`earmark_api::transcript_file`]), or a
//! web page; correcting a line's words. No command takes a file path from the window.

use earmark_api::dialog_words::DialogWords;
use earmark_api::episode_align::{correct_stored, TranscriptContent};
use earmark_api::transcript_file::{attach_file, attach_sent, audio_folder};
use earmark_api::transcript_times::{pinned, shown, unpinned, TranscriptTimes};
use earmark_core::feeds::{attach_page_transcript, FetchedPage};
use earmark_core::library::TRANSCRIPT_EXTENSIONS;
use earmark_core::store::EpisodeId;
use earmark_core::transcript::Correction;
use tauri::{AppHandle, State};

use crate::drops::TranscriptDrops;
use crate::error::{IpcError, IpcResult};
use crate::library_jobs::LibraryJobs;
use crate::open_dialog::{pick, Pick};
use crate::state::AppState;

/// The times shown for each line of an episode's transcript (with `scan`, the audio
/// is scanned for pauses when the library has none yet).
#[tauri::command]
pub async fn transcript_times(
    state: State<'_, AppState>,
    id: EpisodeId,
    scan: bool,
) -> IpcResult<TranscriptTimes> {
    state.with_library(move |s| shown(s, id, scan)).await
}

/// "This line starts now": pins line `index` to `ms`, or takes its pin off (`ms`
/// null); the new times.
#[tauri::command]
pub async fn transcript_pin(
    state: State<'_, AppState>,
    id: EpisodeId,
    index: usize,
    ms: Option<u64>,
) -> IpcResult<TranscriptTimes> {
    let pin = move |s: &_| ms.map_or_else(|| unpinned(s, id, index), |ms| pinned(s, id, index, ms));
    state.with_library(pin).await
}

/// Corrects words of a line in place ([`Correction`]); the transcript as corrected.
#[tauri::command]
pub async fn transcript_correct(
    state: State<'_, AppState>,
    id: EpisodeId,
    fix: Correction,
) -> IpcResult<TranscriptContent> {
    state.with_store(move |s| correct_stored(s, id, &fix)).await
}

/// Adds a transcript from a file the user picks (the dialog opens beside the audio);
/// `None` when the dialog is cancelled.
#[tauri::command]
pub async fn transcript_choose_file(
    app: AppHandle,
    state: State<'_, AppState>,
    id: EpisodeId,
    dialog: DialogWords,
) -> IpcResult<Option<TranscriptContent>> {
    let folder = state.with_store(move |s| audio_folder(s, id)).await?;
    let what = Pick::FileIn(dialog.filter("Transcripts"), TRANSCRIPT_EXTENSIONS, folder);
    let Some(path) = pick(&app, &dialog.title, what).await?.pop() else {
        return Ok(None);
    };
    let attach = move |s: &_| attach_file(s, id, &path);
    state.with_library(attach).await.map(|t| Some(t.into()))
}

/// Adds the transcript the web page at `url` shows ("Add transcript from a web page…").
#[tauri::command]
pub async fn transcript_from_page(
    jobs: State<'_, LibraryJobs>,
    id: EpisodeId,
    url: String,
) -> IpcResult<FetchedPage> {
    let read = move |store: &_, http: &_, _: &_| Ok(attach_page_transcript(store, http, id, &url)?);
    jobs.background.run_online("Reading the page", read).await
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
    let attach = move |s: &_| attach_file(s, id, &path);
    state
        .with_library(attach)
        .await
        .map(TranscriptContent::from)
}

/// Adds a transcript from a file the window read: the body is its bytes, headers
/// `x-episode` the episode and `x-file-name` its name, percent-encoded.
#[tauri::command]
pub async fn transcript_attach_bytes(
    state: State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> IpcResult<TranscriptContent> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::new("bad_request", "The file was not sent."));
    };
    let headers = request.headers();
    let header = |name: &str| Some(headers.get(name)?.to_str().ok()?.to_owned());
    let (id, name, bytes) = (header("x-episode"), header("x-file-name"), bytes.clone());
    state
        .with_library(move |s| attach_sent(s, id.as_deref(), name.as_deref(), &bytes))
        .await
        .map(TranscriptContent::from)
}

#[cfg(test)]
mod tests {
    use earmark_core::library::read_transcript_bytes;

    /// Tauri's build tooling turns on serde_json's `unbounded_depth` for itself; the
    /// app's own build must keep the depth limit, or a deep file overflows the stack.
    #[test]
    fn a_json_transcript_nested_too_deep_is_refused_in_the_app_build() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = read_transcript_bytes(deep.as_bytes(), "deep.json")
            .expect_err("a 100,000-deep document is refused");
        assert_eq!(error.code(), "bad_transcript");
        assert!(error.to_string().contains("nested too deep"), "{error}");
    }
}
