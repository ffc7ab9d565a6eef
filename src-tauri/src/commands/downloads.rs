//! Download commands: the queue's channel, add, cancel, clear, delete.

use earmark_core::store::EpisodeId;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::IpcResult;
use crate::library_jobs::LibraryJobs;
use earmark_api::download_queue::DownloadsSnapshot;

/// Streams the download queue to the window (now, on every change, and a few times
/// a second while bytes flow).
#[tauri::command]
pub fn downloads_subscribe(jobs: State<'_, LibraryJobs>, on_change: Channel<DownloadsSnapshot>) {
    crate::library_jobs::subscribe(&jobs.downloads, on_change);
}

/// Queues an episode's download (or retries a failed one).
#[tauri::command]
pub async fn download_start(jobs: State<'_, LibraryJobs>, episode: EpisodeId) -> IpcResult<()> {
    jobs.downloads.add(episode).await
}

/// Stops a download or takes it off the queue; what arrived is kept for later.
#[tauri::command]
pub async fn download_cancel(jobs: State<'_, LibraryJobs>, episode: EpisodeId) -> IpcResult<()> {
    jobs.downloads.cancel(episode).await
}

/// Takes finished and failed downloads off the list.
#[tauri::command]
pub fn downloads_clear(jobs: State<'_, LibraryJobs>) {
    jobs.downloads.list.clear_finished();
}

/// Deletes an episode's downloaded audio; its notes, highlights, transcript and
/// position stay. Whether a file was removed.
#[tauri::command]
pub async fn download_delete(jobs: State<'_, LibraryJobs>, episode: EpisodeId) -> IpcResult<bool> {
    jobs.downloads.delete(episode).await
}
