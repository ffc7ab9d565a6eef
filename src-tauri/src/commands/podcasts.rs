//! The library by podcast: the shows, one show's episodes, an episode's chapters.

use earmark_core::chapters::Chapter;
use earmark_core::store::{EpisodeId, EpisodePage, Podcast, PodcastId};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Every podcast, by title.
#[tauri::command]
pub async fn library_podcasts(state: State<'_, AppState>) -> IpcResult<Vec<Podcast>> {
    state.with_store(|s| Ok(s.podcasts()?)).await
}

/// A page of a podcast's episodes (local files without a show when `null`), newest
/// first, with the start of their show notes, and how many there are in all.
#[tauri::command]
pub async fn podcast_episodes(
    state: State<'_, AppState>,
    podcast: Option<PodcastId>,
    offset: usize,
    limit: usize,
) -> IpcResult<EpisodePage> {
    state
        .with_store(move |s| Ok(s.podcast_episodes(podcast, offset, limit)?))
        .await
}

/// An episode's chapters by start (empty when it has none).
#[tauri::command]
pub async fn episode_chapters(
    state: State<'_, AppState>,
    id: EpisodeId,
) -> IpcResult<Vec<Chapter>> {
    state
        .with_store(move |s| Ok(s.chapters(id)?.map(|(c, _)| c).unwrap_or_default()))
        .await
}
